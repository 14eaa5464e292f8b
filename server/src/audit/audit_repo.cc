#include "audit/audit_repo.h"

#include <boost/json/serialize.hpp>

#include "audit/audit.h"
#include "common/clock.h"
#include "db/database.h"

namespace ssj::audit {
namespace {

constexpr char kAdvanceHead[] =
    "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash";
constexpr char kInsert[] =
    "INSERT INTO audit_log (seq, at, user_id, username, department_id, ip, action, object_type, "
    "object_id, before_json, after_json, prev_hash, hash) VALUES (:seq, :at, :user_id, "
    ":username, :department_id, :ip, :action, :object_type, :object_id, :before_json, "
    ":after_json, :prev_hash, :hash)";
constexpr char kSetHeadHash[] = "UPDATE audit_head SET hash = :hash WHERE id = 1";
constexpr char kSelectColumns[] =
    "SELECT seq, at, user_id, username, department_id, ip, action, object_type, object_id, "
    "before_json, after_json, prev_hash, hash FROM audit_log";

std::optional<std::string> Serialise(const boost::json::value& value) {
  if (value.is_null()) return std::nullopt;
  return boost::json::serialize(Redact(value));
}

Entry FromRow(const soci::row& row) {
  Entry entry;
  entry.seq = db::RowInt(row, 0);
  entry.at = db::RowText(row, 1);
  entry.user_id = db::RowOptInt(row, 2);
  entry.username = db::RowText(row, 3);
  entry.department_id = db::RowOptInt(row, 4);
  entry.ip = db::RowText(row, 5);
  entry.action = db::RowText(row, 6);
  entry.object_type = db::RowText(row, 7);
  entry.object_id = db::RowText(row, 8);
  entry.before_json = db::RowOptText(row, 9);
  entry.after_json = db::RowOptText(row, 10);
  entry.prev_hash = db::RowText(row, 11);
  entry.hash = db::RowText(row, 12);
  return entry;
}

}  // namespace

Entry Append(soci::session& sql, const Actor& actor, const Change& change, int64_t now_millis) {
  Entry entry;
  long long seq = 0;
  sql << kAdvanceHead, soci::into(seq), soci::into(entry.prev_hash);
  entry.seq = seq;
  entry.at = FormatIsoMillis(now_millis);
  entry.user_id = actor.user_id;
  entry.username = actor.username;
  entry.department_id = actor.department_id;
  entry.ip = actor.ip;
  entry.action = change.action;
  entry.object_type = change.object_type;
  entry.object_id = change.object_id;
  entry.before_json = Serialise(change.before);
  entry.after_json = Serialise(change.after);
  entry.hash = ComputeHash(entry.prev_hash, entry);

  db::Query insert(kInsert);
  insert.Bind("seq", entry.seq).Bind("at", entry.at);
  entry.user_id ? insert.Bind("user_id", *entry.user_id) : insert.BindNull("user_id");
  insert.Bind("username", entry.username);
  entry.department_id ? insert.Bind("department_id", *entry.department_id)
                      : insert.BindNull("department_id");
  insert.Bind("ip", entry.ip).Bind("action", entry.action).Bind("object_type", entry.object_type);
  insert.Bind("object_id", entry.object_id);
  entry.before_json ? insert.Bind("before_json", *entry.before_json)
                    : insert.BindNull("before_json");
  entry.after_json ? insert.Bind("after_json", *entry.after_json) : insert.BindNull("after_json");
  insert.Bind("prev_hash", entry.prev_hash).Bind("hash", entry.hash);
  insert.Exec(sql);
  sql << kSetHeadHash, soci::use(entry.hash, "hash");
  return entry;
}

VerifyReport Verify(soci::session& sql, const std::function<void(int64_t)>& progress) {
  VerifyReport report;
  std::string prev_hash = kGenesisHash;
  int64_t prev_seq = 0;
  auto fail = [&](int64_t seq, std::string reason) {
    if (!report.ok) return;
    report.ok = false;
    report.bad_seq = seq;
    report.reason = std::move(reason);
  };
  db::Query query(std::string(kSelectColumns) + " ORDER BY seq");
  query.ForEach(sql, [&](const soci::row& row) {
    if (!report.ok) return;
    Entry entry = FromRow(row);
    ++report.count;
    if (progress && report.count % 10000 == 0) progress(report.count);
    if (entry.seq != prev_seq + 1) {
      fail(entry.seq, "第 " + std::to_string(entry.seq) + " 条的序号不连续（应为 " +
                          std::to_string(prev_seq + 1) + "）：其前的条目被删除，或序号被改动");
      return;
    }
    if (entry.prev_hash != prev_hash) {
      fail(entry.seq, "第 " + std::to_string(entry.seq) +
                          " 条的 prev_hash 与上一条的 hash 不符：条目被插入、删除或重排");
      return;
    }
    std::string computed;
    try {
      computed = ComputeHash(entry.prev_hash, entry);
    } catch (const std::exception&) {
      computed.clear();
    }
    if (computed != entry.hash) {
      fail(entry.seq, "第 " + std::to_string(entry.seq) +
                          " 条的内容与其 hash 不符：该条目被修改（" + entry.action + " " +
                          entry.object_type + "#" + entry.object_id + "）");
      return;
    }
    prev_hash = entry.hash;
    prev_seq = entry.seq;
  });
  if (!report.ok) return report;
  long long head_seq = 0;
  std::string head_hash;
  sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(head_seq),
      soci::into(head_hash);
  if (head_seq != prev_seq || head_hash != prev_hash) {
    fail(prev_seq + 1, "链尾与 audit_head 不符（记录到第 " + std::to_string(head_seq) +
                           " 条，实际到第 " + std::to_string(prev_seq) +
                           " 条）：末尾条目被删除或被追加");
  }
  return report;
}

Page List(soci::session& sql, const ListFilter& filter) {
  db::Query where(" WHERE 1 = 1");
  if (!filter.username.empty())
    where.Append(" AND username = :username").Bind("username", filter.username);
  if (!filter.object_type.empty()) {
    where.Append(" AND object_type = :object_type").Bind("object_type", filter.object_type);
  }
  if (!filter.object_id.empty()) {
    where.Append(" AND object_id = :object_id").Bind("object_id", filter.object_id);
  }
  if (!filter.action.empty()) where.Append(" AND action = :action").Bind("action", filter.action);
  if (!filter.from.empty()) where.Append(" AND at >= :from").Bind("from", filter.from);
  if (!filter.to.empty()) where.Append(" AND at < :to").Bind("to", filter.to);

  Page page;
  page.total = where.Wrapped("SELECT COUNT(*) FROM audit_log").ScalarInt(sql);
  db::Query rows = where.Wrapped(kSelectColumns, " ORDER BY seq DESC LIMIT :limit OFFSET :offset");
  rows.Bind("limit", filter.page_size).Bind("offset", (filter.page - 1) * filter.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(FromRow(row)); });
  return page;
}

}  // namespace ssj::audit

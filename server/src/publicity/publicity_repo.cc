#include "publicity/publicity_repo.h"

#include "directory/name_index.h"
#include "org/org_repo.h"

namespace ssj::publicity::repo {
namespace {

using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

constexpr const char* kResultColumns =
    "SELECT r.id, r.inspection_id, r.version, r.current, r.task_id, t.code, t.name, "
    "r.target_code, r.target_name, d.name, r.inspected_on, r.summary, r.problem, r.content, "
    "r.reason, r.published_at, COALESCE((SELECT f.published_at FROM results f WHERE "
    "f.inspection_id = r.inspection_id AND f.version = 1), r.published_at) "
    "FROM results r JOIN tasks t ON t.id = r.task_id JOIN departments d ON d.id = "
    "r.department_id";

ResultRow ResultFromRow(const soci::row& row) {
  ResultRow r;
  r.id = RowInt(row, 0);
  r.inspection_id = RowInt(row, 1);
  r.version = RowInt(row, 2);
  r.current = RowInt(row, 3) != 0;
  r.task_id = RowInt(row, 4);
  r.task_code = RowText(row, 5);
  r.task_name = RowText(row, 6);
  r.target_code = RowText(row, 7);
  r.target_name = RowText(row, 8);
  r.department_name = RowText(row, 9);
  r.inspected_on = RowText(row, 10);
  r.summary = RowText(row, 11);
  r.problem = RowInt(row, 12) != 0;
  r.content = RowText(row, 13);
  r.reason = RowText(row, 14);
  r.published_at = RowText(row, 15);
  r.first_published_at = RowText(row, 16);
  return r;
}

std::vector<ResultRow> Results(soci::session& sql, const Query& q) {
  std::vector<ResultRow> out;
  q.ForEach(sql, [&](const soci::row& row) { out.push_back(ResultFromRow(row)); });
  return out;
}

constexpr const char* kCorrectionColumns =
    "SELECT c.id, c.inspection_id, c.result_id, c.objection_id, r.task_id, t.code, g.name, "
    "c.reason, c.items, c.status, c.requested_by, COALESCE(u.name, ''), c.requested_at, "
    "COALESCE(v.name, ''), c.decided_at, c.decision_reason FROM result_corrections c JOIN "
    "inspections r ON r.id = c.inspection_id JOIN tasks t ON t.id = r.task_id JOIN departments d "
    "ON d.id = t.department_id JOIN targets g ON g.id = r.target_id LEFT JOIN users u ON u.id = "
    "c.requested_by LEFT JOIN users v ON v.id = c.decided_by";

Correction CorrectionFromRow(const soci::row& row) {
  Correction c;
  c.id = RowInt(row, 0);
  c.inspection_id = RowInt(row, 1);
  c.result_id = RowInt(row, 2);
  c.objection_id = RowOptInt(row, 3);
  c.task_id = RowInt(row, 4);
  c.task_code = RowText(row, 5);
  c.target_name = RowText(row, 6);
  c.reason = RowText(row, 7);
  c.items = RowText(row, 8);
  c.status = RowText(row, 9);
  c.requested_by = RowInt(row, 10);
  c.requested_by_name = RowText(row, 11);
  c.requested_at = RowText(row, 12);
  c.decided_by_name = RowText(row, 13);
  c.decided_at = RowText(row, 14);
  c.decision_reason = RowText(row, 15);
  return c;
}

constexpr const char* kObjectionColumns =
    "SELECT o.id, o.result_id, o.inspection_id, r.task_id, t.code, g.code, g.name, "
    "o.contact_name, o.contact_phone, o.content, o.filed_at, o.review_due, o.status, "
    "o.decision_reason, COALESCE(u.name, ''), o.decided_at, o.notify_due, o.notified_at, "
    "o.notify_note FROM objections o JOIN inspections r ON r.id = o.inspection_id JOIN tasks t "
    "ON t.id = r.task_id JOIN departments d ON d.id = t.department_id JOIN targets g ON g.id = "
    "r.target_id LEFT JOIN users u ON u.id = o.decided_by";

Objection ObjectionFromRow(const soci::row& row) {
  Objection o;
  o.id = RowInt(row, 0);
  o.result_id = RowInt(row, 1);
  o.inspection_id = RowInt(row, 2);
  o.task_id = RowInt(row, 3);
  o.task_code = RowText(row, 4);
  o.target_code = RowText(row, 5);
  o.target_name = RowText(row, 6);
  o.contact_name = RowText(row, 7);
  o.contact_phone = RowText(row, 8);
  o.content = RowText(row, 9);
  o.filed_at = RowText(row, 10);
  o.review_due = RowText(row, 11);
  o.status = RowText(row, 12);
  o.decision_reason = RowText(row, 13);
  o.decided_by_name = RowText(row, 14);
  o.decided_at = RowText(row, 15);
  o.notify_due = RowText(row, 16);
  o.notified_at = RowText(row, 17);
  o.notify_note = RowText(row, 18);
  return o;
}

}  // namespace

int64_t AddVersion(soci::session& sql, const NewResult& r, int64_t by, const std::string& now) {
  const int64_t version =
      Query("SELECT COALESCE(MAX(version), 0) FROM results WHERE inspection_id = :i")
          .Bind("i", r.inspection_id)
          .ScalarInt(sql) +
      1;
  Query("UPDATE results SET current = 0 WHERE inspection_id = :i")
      .Bind("i", r.inspection_id)
      .Exec(sql);
  Query(
      "INSERT INTO results (inspection_id, version, current, task_id, target_id, target_code, "
      "target_name, department_id, inspected_on, summary, problem, content, reason, "
      "published_by, published_at) VALUES (:i, :v, 1, :t, :g, :code, :name, :d, :on, :s, :p, "
      ":c, :reason, :by, :now)")
      .Bind("i", r.inspection_id)
      .Bind("v", version)
      .Bind("t", r.task_id)
      .Bind("g", r.target_id)
      .Bind("code", r.target_code)
      .Bind("name", r.target_name)
      .Bind("d", r.department_id)
      .Bind("on", r.inspected_on)
      .Bind("s", r.summary)
      .Bind("p", static_cast<int64_t>(r.problem))
      .Bind("c", r.content)
      .Bind("reason", r.reason)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  return Query("SELECT id FROM results WHERE inspection_id = :i AND version = :v")
      .Bind("i", r.inspection_id)
      .Bind("v", version)
      .ScalarInt(sql);
}

std::optional<ResultRow> Current(soci::session& sql, int64_t inspection_id) {
  auto rows = Results(
      sql, Query(std::string(kResultColumns) + " WHERE r.inspection_id = :i AND r.current = 1")
               .Bind("i", inspection_id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<ResultRow> GetResult(soci::session& sql, int64_t id) {
  auto rows = Results(sql, Query(std::string(kResultColumns) + " WHERE r.id = :id").Bind("id", id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ResultRow> Versions(soci::session& sql, int64_t inspection_id) {
  return Results(
      sql, Query(std::string(kResultColumns) + " WHERE r.inspection_id = :i ORDER BY r.version")
               .Bind("i", inspection_id));
}

db::Page<ResultRow> Search(soci::session& sql, const std::string& q, int64_t page,
                           int64_t page_size) {
  // Counted no further than this: "1 万条以上" says enough to a reader of the portal.
  constexpr int64_t kCountCap = 10000;
  std::string from = " FROM results r";
  Query where(" WHERE r.current = 1");
  if (!q.empty()) {
    std::string upper = q;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    // A whole code is looked up by the index; anything else matches names.
    if (upper.size() == 18 &&
        upper.find_first_not_of("0123456789ABCDEFGHJKLMNPQRTUWXY") == std::string::npos) {
      where.Append(" AND r.target_code = :code").Bind("code", upper);
    } else {
      // The directory's name index narrows the names as it does for staff: the fragment's
      // rarest character pair (and, when that is common, the next one too).
      if (auto walk = directory::names::SearchGram(sql, q, /*only_name=*/true)) {
        where.Append(" AND g.gram = :gram").Bind("gram", walk->gram);
        if (walk->also) {
          from = " FROM target_name_grams g CROSS JOIN target_name_grams g2 CROSS JOIN results r";
          where.Append(" AND g2.gram = :gram2 AND g2.target_id = g.target_id")
              .Bind("gram2", *walk->also);
        } else {
          from = " FROM target_name_grams g CROSS JOIN results r";
        }
        where.Append(" AND r.target_id = g.target_id");
      }
      where.Append(" AND r.target_name LIKE :name ESCAPE '\\'").Bind("name", db::LikeContains(q));
    }
  }
  db::Page<ResultRow> out;
  out.total = where
                  .Wrapped("SELECT COUNT(*) FROM (SELECT 1" + from,
                           " LIMIT " + std::to_string(kCountCap + 1) + ") c")
                  .ScalarInt(sql);
  if (out.total > kCountCap) {
    out.total = kCountCap;
    out.capped = true;
  }
  const std::string columns(kResultColumns);
  const std::string select = columns.substr(0, columns.find(" FROM results r")) + from +
                             columns.substr(columns.find(" FROM results r") + 15);
  Query rows =
      where.Wrapped(select, " ORDER BY r.published_at DESC, r.id DESC LIMIT :limit OFFSET :off");
  rows.Bind("limit", page_size).Bind("off", (page - 1) * page_size);
  out.items = Results(sql, rows);
  return out;
}

std::optional<TargetFacts> Target(soci::session& sql, int64_t target_id) {
  std::optional<TargetFacts> out;
  Query("SELECT kind, nature, code, name FROM targets WHERE id = :id")
      .Bind("id", target_id)
      .ForEach(sql, [&](const soci::row& row) {
        out = TargetFacts{RowText(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3)};
      });
  return out;
}

int64_t AddCorrection(soci::session& sql, const Correction& c) {
  Query q(
      "INSERT INTO result_corrections (inspection_id, result_id, objection_id, reason, items, "
      "requested_by, requested_at) VALUES (:i, :r, :o, :reason, :items, :by, :now)");
  q.Bind("i", c.inspection_id).Bind("r", c.result_id).BindOptional("o", c.objection_id);
  q.Bind("reason", c.reason)
      .Bind("items", c.items)
      .Bind("by", c.requested_by)
      .Bind("now", c.requested_at)
      .Exec(sql);
  return Query(
             "SELECT MAX(id) FROM result_corrections WHERE inspection_id = :i AND requested_at = "
             ":now")
      .Bind("i", c.inspection_id)
      .Bind("now", c.requested_at)
      .ScalarInt(sql);
}

std::optional<Correction> GetCorrection(soci::session& sql, int64_t id) {
  std::optional<Correction> out;
  Query(std::string(kCorrectionColumns) + " WHERE c.id = :id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) { out = CorrectionFromRow(row); });
  return out;
}

bool HasPendingCorrection(soci::session& sql, int64_t inspection_id) {
  return Query(
             "SELECT COUNT(*) FROM result_corrections WHERE inspection_id = :i AND status = "
             "'pending'")
             .Bind("i", inspection_id)
             .ScalarInt(sql) > 0;
}

std::vector<Correction> ListCorrections(soci::session& sql, const org::Principal* who,
                                        const std::string& status) {
  Query q(std::string(kCorrectionColumns) + " WHERE 1 = 1");
  if (!status.empty()) q.Append(" AND c.status = :s").Bind("s", status);
  org::repo::AddScope(q, who, "d", "t.created_by");
  q.Append(" ORDER BY c.id DESC LIMIT 500");
  std::vector<Correction> out;
  q.ForEach(sql, [&](const soci::row& row) { out.push_back(CorrectionFromRow(row)); });
  return out;
}

void DecideCorrection(soci::session& sql, int64_t id, bool approve, int64_t by,
                      const std::string& reason, const std::string& now) {
  Query(
      "UPDATE result_corrections SET status = :s, decided_by = :by, decided_at = :now, "
      "decision_reason = :r WHERE id = :id")
      .Bind("s", std::string(approve ? "approved" : "rejected"))
      .Bind("by", by)
      .Bind("now", now)
      .Bind("r", reason)
      .Bind("id", id)
      .Exec(sql);
}

std::optional<ResultRow> FindForObjection(soci::session& sql, const std::string& uscc,
                                          const std::string& code) {
  auto rows = Results(sql, Query(std::string(kResultColumns) +
                                 " JOIN inspections i ON i.id = r.inspection_id JOIN targets g ON "
                                 "g.id = r.target_id WHERE r.current = 1 AND g.code = :uscc AND "
                                 "i.verify_code = :code AND i.verify_code <> ''")
                               .Bind("uscc", uscc)
                               .Bind("code", code));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

int64_t AddObjection(soci::session& sql, const Objection& o) {
  Query(
      "INSERT INTO objections (result_id, inspection_id, contact_name, contact_phone, content, "
      "filed_at, review_due) VALUES (:r, :i, :n, :p, :c, :at, :due)")
      .Bind("r", o.result_id)
      .Bind("i", o.inspection_id)
      .Bind("n", o.contact_name)
      .Bind("p", o.contact_phone)
      .Bind("c", o.content)
      .Bind("at", o.filed_at)
      .Bind("due", o.review_due)
      .Exec(sql);
  return Query("SELECT MAX(id) FROM objections WHERE inspection_id = :i AND filed_at = :at")
      .Bind("i", o.inspection_id)
      .Bind("at", o.filed_at)
      .ScalarInt(sql);
}

std::optional<Objection> GetObjection(soci::session& sql, int64_t id) {
  std::optional<Objection> out;
  Query(std::string(kObjectionColumns) + " WHERE o.id = :id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) { out = ObjectionFromRow(row); });
  return out;
}

std::vector<Objection> ListObjections(soci::session& sql, const org::Principal* who,
                                      const std::string& status) {
  Query q(std::string(kObjectionColumns) + " WHERE 1 = 1");
  if (!status.empty()) q.Append(" AND o.status = :s").Bind("s", status);
  org::repo::AddScope(q, who, "d", "t.created_by");
  q.Append(" ORDER BY o.review_due, o.id LIMIT 500");
  std::vector<Objection> out;
  q.ForEach(sql, [&](const soci::row& row) { out.push_back(ObjectionFromRow(row)); });
  return out;
}

void SetObjectionStatus(soci::session& sql, int64_t id, const std::string& status) {
  Query("UPDATE objections SET status = :s WHERE id = :id")
      .Bind("s", status)
      .Bind("id", id)
      .Exec(sql);
}

void DecideObjection(soci::session& sql, int64_t id, const std::string& status,
                     const std::string& reason, int64_t by, const std::string& now,
                     const std::string& notify_due) {
  Query(
      "UPDATE objections SET status = :s, decision_reason = :r, decided_by = :by, decided_at = "
      ":now, notify_due = :due WHERE id = :id")
      .Bind("s", status)
      .Bind("r", reason)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("due", notify_due)
      .Bind("id", id)
      .Exec(sql);
}

void NotifyObjection(soci::session& sql, int64_t id, const std::string& note, int64_t by,
                     const std::string& now) {
  Query(
      "UPDATE objections SET notified_at = :now, notified_by = :by, notify_note = :n WHERE id = "
      ":id")
      .Bind("now", now)
      .Bind("by", by)
      .Bind("n", note)
      .Bind("id", id)
      .Exec(sql);
}

std::optional<Objection> ObjectionOfCorrection(soci::session& sql, int64_t correction_id) {
  std::optional<Objection> out;
  Query(std::string(kObjectionColumns) +
        " WHERE o.id = (SELECT objection_id FROM result_corrections WHERE id = :c)")
      .Bind("c", correction_id)
      .ForEach(sql, [&](const soci::row& row) { out = ObjectionFromRow(row); });
  return out;
}

}  // namespace ssj::publicity::repo

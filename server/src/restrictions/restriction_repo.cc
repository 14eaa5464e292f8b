#include "restrictions/restriction_repo.h"

#include "db/keyset.h"
#include "importer/form.h"
#include "org/org_repo.h"

namespace ssj::restrictions::repo {
namespace {

using db::LikeContains;
using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

constexpr const char* kConflictColumns =
    "SELECT c.id, c.inspector_id, c.target_id, c.reason, c.source, c.valid_from, c.valid_until, "
    "c.status, c.revoke_reason, c.created_at, c.updated_at, p.name, p.code, d.name, t.name, "
    "t.code FROM conflicts c JOIN inspectors p ON p.id = c.inspector_id "
    "JOIN departments d ON d.id = p.department_id JOIN targets t ON t.id = c.target_id";

constexpr const char* kExemptionColumns =
    "SELECT e.id, e.target_id, e.scope, e.valid_from, e.valid_until, e.source_document, "
    "e.status, e.revoke_reason, e.created_at, e.updated_at, t.name, t.code, d.name "
    "FROM exemptions e JOIN targets t ON t.id = e.target_id "
    "JOIN departments d ON d.id = t.department_id";

Conflict ConflictFromRow(const soci::row& row) {
  Conflict c;
  c.id = RowInt(row, 0);
  c.inspector_id = RowInt(row, 1);
  c.target_id = RowInt(row, 2);
  c.reason = RowText(row, 3);
  c.source = RowText(row, 4);
  c.valid_from = RowText(row, 5);
  c.valid_until = RowText(row, 6);
  c.status = RowText(row, 7);
  c.revoke_reason = RowText(row, 8);
  c.created_at = RowText(row, 9);
  c.updated_at = RowText(row, 10);
  c.inspector_name = RowText(row, 11);
  c.inspector_code = RowText(row, 12);
  c.inspector_department = RowText(row, 13);
  c.target_name = RowText(row, 14);
  c.target_code = RowText(row, 15);
  return c;
}

Exemption ExemptionFromRow(const soci::row& row) {
  Exemption e;
  e.id = RowInt(row, 0);
  e.target_id = RowInt(row, 1);
  e.scope = RowText(row, 2);
  e.valid_from = RowText(row, 3);
  e.valid_until = RowText(row, 4);
  e.source_document = RowText(row, 5);
  e.status = RowText(row, 6);
  e.revoke_reason = RowText(row, 7);
  e.created_at = RowText(row, 8);
  e.updated_at = RowText(row, 9);
  e.target_name = RowText(row, 10);
  e.target_code = RowText(row, 11);
  e.department_name = RowText(row, 12);
  return e;
}

std::optional<Ref> FindRef(soci::session& sql, const std::string& table, const std::string& code,
                           const char* order) {
  Query q("SELECT id, name, department_id FROM " + table + " WHERE ");
  if (const std::optional<int64_t> id = importer::ParseIdRef(code)) {
    q.Append("id = :id").Bind("id", *id);
  } else {
    q.Append("code = :code").Bind("code", code);
  }
  q.Append(order);
  std::optional<Ref> out;
  q.ForEach(sql, [&](const soci::row& row) {
    if (!out) out = Ref{RowInt(row, 0), RowText(row, 1), RowInt(row, 2)};
  });
  return out;
}

// The filter's common predicates: status, in force on a day, a name or code.
void AddFilter(Query& where, const Filter& f, const char* alias, const char* name_columns) {
  const std::string a = alias;
  if (!f.status.empty()) where.Append(" AND " + a + ".status = :status").Bind("status", f.status);
  if (f.current) {
    where
        .Append(" AND " + a + ".status = '有效' AND " + a + ".valid_from <= :today1 AND (" + a +
                ".valid_until = '' OR " + a + ".valid_until >= :today2)")
        .Bind("today1", f.today)
        .Bind("today2", f.today);
  }
  if (!f.q.empty()) {
    where.Append(std::string(" AND (") + name_columns + ")");
    for (const char* param : {"q1", "q2", "q3", "q4"}) {
      if (std::string(name_columns).find(std::string(":") + param) != std::string::npos)
        where.Bind(param, LikeContains(f.q));
    }
  }
}

}  // namespace

std::optional<Ref> InspectorByCode(soci::session& sql, const std::string& code) {
  return FindRef(sql, "inspectors", code, "");
}

std::optional<Ref> TargetByCode(soci::session& sql, const std::string& code) {
  // A code may be registered under several kinds (a firm and its product licence share none, but
  // B.1 comes first when they do).
  return FindRef(sql, "targets", code,
                 " ORDER BY CASE kind WHEN 'entity' THEN 0 WHEN 'place' THEN 1 ELSE 2 END");
}

int64_t InsertConflict(soci::session& sql, const ConflictInput& in, std::optional<int64_t> by,
                       const std::string& now) {
  Query q(
      "INSERT INTO conflicts (inspector_id, target_id, reason, source, valid_from, valid_until, "
      "created_by, created_at, updated_at) VALUES (:inspector, :target, :reason, :source, :from, "
      ":until, :by, :now, :now2)");
  q.Bind("inspector", in.inspector_id)
      .Bind("target", in.target_id)
      .Bind("reason", in.reason)
      .Bind("source", in.source)
      .Bind("from", in.valid_from)
      .Bind("until", in.valid_until)
      .Bind("now", now)
      .Bind("now2", now);
  (by ? q.Bind("by", *by) : q.BindNull("by")).Exec(sql);
  return Query("SELECT MAX(id) FROM conflicts WHERE inspector_id = :i AND target_id = :t")
      .Bind("i", in.inspector_id)
      .Bind("t", in.target_id)
      .ScalarInt(sql);
}

void UpdateConflict(soci::session& sql, int64_t id, const ConflictInput& in,
                    const std::string& now) {
  Query(
      "UPDATE conflicts SET reason = :reason, source = :source, valid_from = :from, "
      "valid_until = :until, updated_at = :now WHERE id = :id")
      .Bind("reason", in.reason)
      .Bind("source", in.source)
      .Bind("from", in.valid_from)
      .Bind("until", in.valid_until)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

std::map<std::pair<int64_t, int64_t>, int64_t> FindConflicts(
    soci::session& sql, const std::vector<std::pair<int64_t, int64_t>>& pairs) {
  std::map<std::pair<int64_t, int64_t>, int64_t> out;
  for (const auto& [inspector, target] : pairs) {
    Query(
        "SELECT id FROM conflicts WHERE inspector_id = :i AND target_id = :t AND status = '有效' "
        "ORDER BY id")
        .Bind("i", inspector)
        .Bind("t", target)
        .ForEach(sql, [&](const soci::row& row) {
          out[{inspector, target}] = RowInt(row, 0);
        });
  }
  return out;
}

namespace {

// A conflict's filter and the caller's data scope (through the inspector's department), for
// lists and exports alike.
Query ConflictWhere(const org::Principal* who, const Filter& f) {
  Query where(" WHERE 1 = 1");
  AddFilter(where, f, "c",
            "p.name LIKE :q1 ESCAPE '\\' OR p.code LIKE :q2 ESCAPE '\\' OR "
            "t.name LIKE :q3 ESCAPE '\\' OR t.code LIKE :q4 ESCAPE '\\'");
  if (f.inspector_id > 0) where.Append(" AND c.inspector_id = :pid").Bind("pid", f.inspector_id);
  if (f.target_id > 0) where.Append(" AND c.target_id = :tid").Bind("tid", f.target_id);
  org::repo::AddScope(where, who, "d", "c.created_by");
  return where;
}

// An exemption's filter and the caller's data scope (through the target's supervising
// department).
Query ExemptionWhere(const org::Principal* who, const Filter& f) {
  Query where(" WHERE 1 = 1");
  AddFilter(where, f, "e",
            "t.name LIKE :q1 ESCAPE '\\' OR t.code LIKE :q2 ESCAPE '\\' OR e.source_document "
            "LIKE :q3 ESCAPE '\\'");
  if (f.target_id > 0) where.Append(" AND e.target_id = :tid").Bind("tid", f.target_id);
  org::repo::AddScope(where, who, "d", "e.created_by");
  return where;
}

// Conflicts and exemptions have no child rows to read per batch.
template <class Record>
void NoChildren(soci::session&, std::vector<Record>&) {}

}  // namespace

Page<Conflict> ListConflicts(soci::session& sql, const org::Principal* who, const Filter& f) {
  const Query where = ConflictWhere(who, f);
  Page<Conflict> page;
  page.total = where
                   .Wrapped(
                       "SELECT COUNT(*) FROM conflicts c JOIN inspectors p ON p.id = "
                       "c.inspector_id JOIN departments d ON d.id = p.department_id JOIN targets "
                       "t ON t.id = c.target_id")
                   .ScalarInt(sql);
  Query rows = where.Wrapped(kConflictColumns, " ORDER BY c.id DESC LIMIT :limit OFFSET :offset");
  rows.Bind("limit", f.page_size).Bind("offset", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(ConflictFromRow(row)); });
  return page;
}

void ForEachConflict(soci::session& sql, const org::Principal* who, const Filter& f,
                     const std::function<void(const Conflict&)>& fn) {
  db::ForEachById<Conflict>(sql, kConflictColumns, ConflictWhere(who, f), "c.id", ConflictFromRow,
                            NoChildren<Conflict>, fn);
}

std::optional<Conflict> GetConflict(soci::session& sql, const org::Principal* who, int64_t id) {
  Query q(std::string(kConflictColumns) + " WHERE c.id = :id");
  q.Bind("id", id);
  org::repo::AddScope(q, who, "d", "c.created_by");
  std::optional<Conflict> out;
  q.ForEach(sql, [&](const soci::row& row) { out = ConflictFromRow(row); });
  return out;
}

int64_t InsertExemption(soci::session& sql, const ExemptionInput& in, std::optional<int64_t> by,
                        const std::string& now) {
  Query q(
      "INSERT INTO exemptions (target_id, scope, valid_from, valid_until, source_document, "
      "created_by, created_at, updated_at) VALUES (:target, :scope, :from, :until, :doc, :by, "
      ":now, :now2)");
  q.Bind("target", in.target_id)
      .Bind("scope", in.scope)
      .Bind("from", in.valid_from)
      .Bind("until", in.valid_until)
      .Bind("doc", in.source_document)
      .Bind("now", now)
      .Bind("now2", now);
  (by ? q.Bind("by", *by) : q.BindNull("by")).Exec(sql);
  return Query("SELECT MAX(id) FROM exemptions WHERE target_id = :t")
      .Bind("t", in.target_id)
      .ScalarInt(sql);
}

void UpdateExemption(soci::session& sql, int64_t id, const ExemptionInput& in,
                     const std::string& now) {
  Query(
      "UPDATE exemptions SET scope = :scope, valid_from = :from, valid_until = :until, "
      "source_document = :doc, updated_at = :now WHERE id = :id")
      .Bind("scope", in.scope)
      .Bind("from", in.valid_from)
      .Bind("until", in.valid_until)
      .Bind("doc", in.source_document)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

std::optional<int64_t> FindExemption(soci::session& sql, const ExemptionInput& in) {
  std::optional<int64_t> out;
  Query(
      "SELECT id FROM exemptions WHERE target_id = :t AND source_document = :doc AND scope = "
      ":scope AND status = '有效' ORDER BY id")
      .Bind("t", in.target_id)
      .Bind("doc", in.source_document)
      .Bind("scope", in.scope)
      .ForEach(sql, [&](const soci::row& row) { out = RowInt(row, 0); });
  return out;
}

Page<Exemption> ListExemptions(soci::session& sql, const org::Principal* who, const Filter& f) {
  const Query where = ExemptionWhere(who, f);
  Page<Exemption> page;
  page.total = where
                   .Wrapped(
                       "SELECT COUNT(*) FROM exemptions e JOIN targets t ON t.id = e.target_id "
                       "JOIN departments d ON d.id = t.department_id")
                   .ScalarInt(sql);
  Query rows = where.Wrapped(kExemptionColumns, " ORDER BY e.id DESC LIMIT :limit OFFSET :offset");
  rows.Bind("limit", f.page_size).Bind("offset", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(ExemptionFromRow(row)); });
  return page;
}

void ForEachExemption(soci::session& sql, const org::Principal* who, const Filter& f,
                      const std::function<void(const Exemption&)>& fn) {
  db::ForEachById<Exemption>(sql, kExemptionColumns, ExemptionWhere(who, f), "e.id",
                             ExemptionFromRow, NoChildren<Exemption>, fn);
}

std::optional<Exemption> GetExemption(soci::session& sql, const org::Principal* who, int64_t id) {
  Query q(std::string(kExemptionColumns) + " WHERE e.id = :id");
  q.Bind("id", id);
  org::repo::AddScope(q, who, "d", "e.created_by");
  std::optional<Exemption> out;
  q.ForEach(sql, [&](const soci::row& row) { out = ExemptionFromRow(row); });
  return out;
}

void Revoke(soci::session& sql, const std::string& table, int64_t id, const std::string& reason,
            const std::string& now) {
  Query("UPDATE " + table +
        " SET status = '已撤销', revoke_reason = :reason, updated_at = :now WHERE id = :id")
      .Bind("reason", reason)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

}  // namespace ssj::restrictions::repo

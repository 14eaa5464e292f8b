#include "inspectors/inspector_repo.h"

#include <boost/json.hpp>

#include "codes/divisions.h"
#include "db/keyset.h"
#include "directory/directory.h"
#include "inspectors/inspectors.h"
#include "org/org_repo.h"

namespace ssj::inspectors::repo {
namespace {

using db::LikeContains;
using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

constexpr const char* kColumns =
    "SELECT p.id, p.category, p.code, p.name, p.gender, p.phone, p.id_number, p.cert_no, "
    "p.cert_valid_until, p.organisation, p.title, p.post, p.department_id, d.name, "
    "p.division_code, p.status, p.user_id, p.version, p.last_action, p.updated_by, "
    "COALESCE(u.name, ''), p.created_at, p.updated_at, COALESCE(a.username, ''), "
    "COALESCE(a.name, '') "
    "FROM inspectors p JOIN departments d ON d.id = p.department_id "
    "LEFT JOIN users u ON u.id = p.updated_by LEFT JOIN users a ON a.id = p.user_id";

Inspector FromRow(const soci::row& row) {
  Inspector p;
  p.id = RowInt(row, 0);
  p.category = RowText(row, 1);
  p.code = RowText(row, 2);
  p.name = RowText(row, 3);
  p.gender = RowText(row, 4);
  p.phone = RowText(row, 5);
  p.id_number = RowText(row, 6);
  p.cert_no = RowText(row, 7);
  p.cert_valid_until = RowText(row, 8);
  p.organisation = RowText(row, 9);
  p.title = RowText(row, 10);
  p.post = RowText(row, 11);
  p.department_id = RowInt(row, 12);
  p.department_name = RowText(row, 13);
  p.division_code = RowText(row, 14);
  p.status = RowText(row, 15);
  p.user_id = RowOptInt(row, 16);
  p.version = RowInt(row, 17);
  p.last_action = RowText(row, 18);
  p.updated_by = RowOptInt(row, 19);
  p.updated_by_name = RowText(row, 20);
  p.created_at = RowText(row, 21);
  p.updated_at = RowText(row, 22);
  p.account_username = RowText(row, 23);
  p.account_name = RowText(row, 24);
  if (const codes::Division* d = codes::FindDivision(p.division_code)) p.district = d->name;
  return p;
}

void AttachSpecialties(soci::session& sql, std::vector<Inspector>& list) {
  db::AttachByIds(
      sql, list, "SELECT inspector_id, specialty FROM inspector_specialties WHERE inspector_id IN",
      "ORDER BY inspector_id, specialty",
      [](Inspector& p, const soci::row& row) { p.specialties.push_back(RowText(row, 1)); });
}

// The fields every write sets, bound by name.
Query& BindFields(Query& q, const InspectorInput& in) {
  return q.Bind("category", in.category)
      .Bind("code", in.code)
      .Bind("name", in.name)
      .Bind("gender", in.gender)
      .Bind("phone", in.phone)
      .Bind("id_number", in.id_number)
      .Bind("cert_no", in.cert_no)
      .Bind("cert_valid_until", in.cert_valid_until)
      .Bind("organisation", in.organisation)
      .Bind("title", in.title)
      .Bind("post", in.post)
      .Bind("department_id", in.department_id)
      .Bind("division_code", in.division_code)
      .Bind("status", in.status);
}

Query& BindBy(Query& q, const std::string& name, std::optional<int64_t> by) {
  return by ? q.Bind(name, *by) : q.BindNull(name);
}

void WriteSpecialties(soci::session& sql, int64_t id, const InspectorInput& in) {
  Query("DELETE FROM inspector_specialties WHERE inspector_id = :id").Bind("id", id).Exec(sql);
  for (const std::string& s : in.specialties) {
    Query("INSERT INTO inspector_specialties (inspector_id, specialty) VALUES (:id, :s)")
        .Bind("id", id)
        .Bind("s", s)
        .Exec(sql);
  }
}

std::string Snapshot(const InspectorInput& in) { return boost::json::serialize(InputJson(in)); }

}  // namespace

std::map<std::string, int64_t> FindMany(soci::session& sql, const std::vector<std::string>& codes) {
  std::map<std::string, int64_t> out;
  constexpr size_t kBatch = 64;  // named parameters cost n² to bind in SQLite
  for (size_t from = 0; from < codes.size(); from += kBatch) {
    Query q("SELECT code, id FROM inspectors WHERE code IN (");
    for (size_t i = from; i < std::min(codes.size(), from + kBatch); ++i) {
      std::string name = "c" + std::to_string(i - from);
      q.Append((i > from ? ", :" : ":") + name).Bind(name, codes[i]);
    }
    q.Append(")").ForEach(sql,
                          [&](const soci::row& row) { out[RowText(row, 0)] = RowInt(row, 1); });
  }
  return out;
}

std::optional<int64_t> FindByCode(soci::session& sql, const std::string& code) {
  auto found = FindMany(sql, {code});
  if (found.empty()) return std::nullopt;
  return found.begin()->second;
}

int64_t Insert(soci::session& sql, const InspectorInput& in, std::optional<int64_t> by,
               const std::string& now, const std::string& action) {
  Query q(
      "INSERT INTO inspectors (category, code, name, gender, phone, id_number, cert_no, "
      "cert_valid_until, organisation, title, post, department_id, division_code, status, "
      "version, last_action, created_by, updated_by, created_at, updated_at) VALUES (:category, "
      ":code, :name, :gender, :phone, :id_number, :cert_no, :cert_valid_until, :organisation, "
      ":title, :post, :department_id, :division_code, :status, 1, :action, :by, :by2, :now, "
      ":now2)");
  BindFields(q, in).Bind("action", action).Bind("now", now).Bind("now2", now);
  BindBy(BindBy(q, "by", by), "by2", by).Exec(sql);
  const int64_t id = *FindByCode(sql, in.code);
  WriteSpecialties(sql, id, in);
  return id;
}

void Update(soci::session& sql, int64_t id, const InspectorInput& in, std::optional<int64_t> by,
            const std::string& now, const std::string& action) {
  auto old = Get(sql, nullptr, id);
  if (!old) return;
  // The row is the newest version: keep the one it replaces in the history first.
  Query h(
      "INSERT INTO inspector_history (inspector_id, version, action, data, changed_by, "
      "changed_at) VALUES (:id, :version, :action, :data, :by, :at)");
  h.Bind("id", id)
      .Bind("version", old->version)
      .Bind("action", old->last_action)
      .Bind("data", Snapshot(*old))
      .Bind("at", old->updated_at);
  BindBy(h, "by", old->updated_by).Exec(sql);
  Query q(
      "UPDATE inspectors SET category = :category, code = :code, name = :name, gender = :gender, "
      "phone = :phone, id_number = :id_number, cert_no = :cert_no, cert_valid_until = "
      ":cert_valid_until, organisation = :organisation, title = :title, post = :post, "
      "department_id = :department_id, division_code = :division_code, status = :status, "
      "version = :version, last_action = :action, updated_by = :by, updated_at = :now "
      "WHERE id = :id");
  BindFields(q, in)
      .Bind("version", old->version + 1)
      .Bind("action", action)
      .Bind("now", now)
      .Bind("id", id);
  BindBy(q, "by", by).Exec(sql);
  WriteSpecialties(sql, id, in);
}

namespace {

// The filter's conditions and the caller's data scope, for lists and exports alike.
Query Where(const org::Principal* who, const InspectorFilter& f) {
  Query where(" WHERE 1 = 1");
  if (!f.name.empty())
    where.Append(" AND p.name LIKE :name ESCAPE '\\'").Bind("name", LikeContains(f.name));
  if (!f.category.empty()) where.Append(" AND p.category = :category").Bind("category", f.category);
  if (f.group == Group::kInspectors) where.Append(" AND p.category IN ('执法人员', '辅助人员')");
  if (f.group == Group::kExperts)
    where.Append(" AND p.category IN ('专家', '第三方机构', '辅助人员')");
  if (!f.division.empty()) {
    auto range = directory::DivisionRange(f.division);
    if (!range) range = std::make_pair(f.division, f.division);  // matches nothing
    where.Append(" AND p.division_code >= :div_lo AND p.division_code < :div_hi")
        .Bind("div_lo", range->first)
        .Bind("div_hi", range->second);
  }
  if (!f.specialty.empty()) {
    where.Append(
        " AND EXISTS (SELECT 1 FROM inspector_specialties s WHERE s.inspector_id = p.id AND "
        "s.specialty = :specialty)");
    where.Bind("specialty", f.specialty);
  }
  if (!f.status.empty()) where.Append(" AND p.status = :status").Bind("status", f.status);
  if (f.cert == "expired") {
    where.Append(" AND p.category = '执法人员' AND p.cert_valid_until < :today")
        .Bind("today", f.today);
  } else if (f.cert == "valid") {
    where.Append(" AND p.category = '执法人员' AND p.cert_valid_until >= :today")
        .Bind("today", f.today);
  }
  if (f.department_id > 0)
    where.Append(" AND p.department_id = :dept").Bind("dept", f.department_id);
  org::repo::AddScope(where, who, "d", "p.created_by");
  return where;
}

}  // namespace

Page<Inspector> List(soci::session& sql, const org::Principal* who, const InspectorFilter& f) {
  const Query where = Where(who, f);
  Page<Inspector> page;
  page.total =
      where
          .Wrapped("SELECT COUNT(*) FROM inspectors p JOIN departments d ON d.id = p.department_id")
          .ScalarInt(sql);
  Query rows = where.Wrapped(kColumns, " ORDER BY p.id DESC LIMIT :limit OFFSET :offset");
  rows.Bind("limit", f.page_size).Bind("offset", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(FromRow(row)); });
  AttachSpecialties(sql, page.items);
  return page;
}

void ForEach(soci::session& sql, const org::Principal* who, const InspectorFilter& f,
             const std::function<void(const Inspector&)>& fn) {
  db::ForEachById<Inspector>(
      sql, kColumns, Where(who, f), "p.id", FromRow,
      [](soci::session& s, std::vector<Inspector>& batch) {
        db::AttachInRange(
            s, batch,
            "SELECT inspector_id, specialty FROM inspector_specialties WHERE "
            "inspector_id >= :lo AND inspector_id <= :hi ORDER BY inspector_id, "
            "specialty",
            [](Inspector& p, const soci::row& row) { p.specialties.push_back(RowText(row, 1)); });
      },
      fn);
}

std::optional<Inspector> Get(soci::session& sql, const org::Principal* who, int64_t id) {
  Query q(std::string(kColumns) + " WHERE p.id = :id");
  q.Bind("id", id);
  org::repo::AddScope(q, who, "d", "p.created_by");
  std::vector<Inspector> found;
  q.ForEach(sql, [&](const soci::row& row) { found.push_back(FromRow(row)); });
  if (found.empty()) return std::nullopt;
  AttachSpecialties(sql, found);
  return found.front();
}

std::vector<HistoryEntry> History(soci::session& sql, int64_t id) {
  std::optional<HistoryEntry> current;
  if (auto row = Get(sql, nullptr, id)) {
    current = HistoryEntry{row->version,    row->last_action,     Snapshot(*row),
                           row->updated_by, row->updated_by_name, row->updated_at};
  }
  return db::VersionHistory(sql, std::move(current), "inspector_history", "inspector_id", id);
}

std::optional<int64_t> ByUser(soci::session& sql, int64_t user_id) {
  std::optional<int64_t> id;
  Query("SELECT id FROM inspectors WHERE user_id = :user")
      .Bind("user", user_id)
      .ForEach(sql, [&](const soci::row& row) { id = RowInt(row, 0); });
  return id;
}

std::vector<Account> DepartmentAccounts(soci::session& sql, int64_t department_id) {
  std::vector<Account> out;
  Query(
      "SELECT u.id, u.username, u.name, p.id, COALESCE(p.name, '') FROM users u "
      "LEFT JOIN inspectors p ON p.user_id = u.id "
      "WHERE u.department_id = :department AND u.status = 'active' ORDER BY u.username")
      .Bind("department", department_id)
      .ForEach(sql, [&](const soci::row& row) {
        out.push_back(
            {RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowOptInt(row, 3), RowText(row, 4)});
      });
  return out;
}

void SetAccount(soci::session& sql, int64_t id, std::optional<int64_t> user_id) {
  if (user_id) {
    // An account follows one person: linking it here unlinks it from anyone else first.
    Query("UPDATE inspectors SET user_id = NULL WHERE user_id = :user AND id <> :id")
        .Bind("user", *user_id)
        .Bind("id", id)
        .Exec(sql);
  }
  Query("UPDATE inspectors SET user_id = :user WHERE id = :id")
      .BindOptional("user", user_id)
      .Bind("id", id)
      .Exec(sql);
}

Page<PublicInspector> ListPublic(soci::session& sql, const std::string& q,
                                 const std::string& department, int64_t page, int64_t page_size) {
  Query where(" WHERE p.category = '执法人员' AND p.status = '在岗'");
  if (!q.empty()) {
    where.Append(" AND (p.name LIKE :q1 ESCAPE '\\' OR p.cert_no LIKE :q2 ESCAPE '\\')")
        .Bind("q1", LikeContains(q))
        .Bind("q2", LikeContains(q));
  }
  if (!department.empty())
    where.Append(" AND d.name LIKE :dept ESCAPE '\\'").Bind("dept", LikeContains(department));
  const std::string from = "FROM inspectors p JOIN departments d ON d.id = p.department_id";
  Page<PublicInspector> out;
  out.total = where.Wrapped("SELECT COUNT(*) " + from).ScalarInt(sql);
  // Only the columns the public may see are read at all.
  Query rows = where.Wrapped(
      "SELECT p.name, p.gender, p.post, p.cert_no, p.cert_valid_until, d.name " + from,
      " ORDER BY d.name, p.name, p.id LIMIT :limit OFFSET :offset");
  rows.Bind("limit", page_size).Bind("offset", (page - 1) * page_size);
  rows.ForEach(sql, [&](const soci::row& row) {
    out.items.push_back({RowText(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3),
                         RowText(row, 4), RowText(row, 5)});
  });
  return out;
}

std::vector<std::string> Specialties(soci::session& sql) {
  std::vector<std::string> out;
  Query("SELECT name FROM specialties ORDER BY sort_order, id")
      .ForEach(sql, [&](const soci::row& row) { out.push_back(RowText(row, 0)); });
  return out;
}

}  // namespace ssj::inspectors::repo

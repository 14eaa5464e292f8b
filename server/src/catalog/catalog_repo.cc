#include "catalog/catalog_repo.h"

#include <boost/json.hpp>
#include <map>

#include "db/keyset.h"
#include "importer/form.h"
#include "importer/import_engine.h"
#include "inspectors/inspector_repo.h"
#include "org/org_repo.h"

namespace ssj::catalog::repo {
namespace {

using db::LikeContains;
using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

constexpr const char* kColumns =
    "SELECT i.id, i.code, i.domain, i.name, i.sub_item, i.category, i.ratio_cap, i.content, "
    "i.basis, i.methods, i.frequency, i.target, i.target_type, i.department_id, d.name, "
    "i.publication, i.no_advance_notice, i.specialty, i.nature, i.exemption, i.remark, i.status, "
    "i.version, i.published_version, i.last_action, i.created_by, i.updated_by, "
    "COALESCE(u.name, ''), i.created_at, i.updated_at "
    "FROM catalog_items i JOIN departments d ON d.id = i.department_id "
    "LEFT JOIN users u ON u.id = i.updated_by";

std::string JoinMethods(const std::vector<std::string>& methods) {
  std::string out;
  for (const std::string& m : methods) out += (out.empty() ? "" : "、") + m;
  return out;
}

Item FromRow(const soci::row& row) {
  Item item;
  item.id = RowInt(row, 0);
  item.code = RowText(row, 1);
  item.domain = RowText(row, 2);
  item.name = RowText(row, 3);
  item.sub_item = RowText(row, 4);
  item.category = RowText(row, 5);
  item.ratio_cap = RowText(row, 6);
  item.content = RowText(row, 7);
  item.basis = RowText(row, 8);
  item.methods = importer::SplitList(RowText(row, 9));
  item.frequency = RowText(row, 10);
  item.target = RowText(row, 11);
  item.target_type = RowText(row, 12);
  item.department_id = RowInt(row, 13);
  item.department_name = RowText(row, 14);
  item.publication = RowText(row, 15);
  item.no_advance_notice = RowInt(row, 16) != 0;
  item.specialty = RowText(row, 17);
  item.nature = RowText(row, 18);
  item.exemption = RowText(row, 19);
  item.remark = RowText(row, 20);
  item.status = RowText(row, 21);
  item.version = RowInt(row, 22);
  item.published_version = RowOptInt(row, 23);
  item.last_action = RowText(row, 24);
  item.created_by = RowOptInt(row, 25);
  item.updated_by = RowOptInt(row, 26);
  item.updated_by_name = RowText(row, 27);
  item.created_at = RowText(row, 28);
  item.updated_at = RowText(row, 29);
  return item;
}

// (item id, department id, department name) of the cooperating departments of `item_ids`, from
// `table` (the newest versions' or the public ones').
void ForEachCooperator(soci::session& sql, const std::string& table,
                       const std::vector<int64_t>& item_ids,
                       const std::function<void(int64_t, int64_t, std::string)>& fn) {
  if (item_ids.empty()) return;
  Query q("SELECT c.item_id, c.department_id, d.name FROM " + table +
          " c JOIN departments d ON d.id = c.department_id WHERE c.item_id IN (");
  for (size_t i = 0; i < item_ids.size(); ++i) {
    std::string name(1, 'i');
    name += std::to_string(i);
    q.Append(i ? ", :" : ":").Append(name).Bind(name, item_ids[i]);
  }
  q.Append(") ORDER BY c.item_id, c.department_id");
  q.ForEach(sql,
            [&](const soci::row& row) { fn(RowInt(row, 0), RowInt(row, 1), RowText(row, 2)); });
}

void AttachCooperators(soci::session& sql, std::vector<Item>& items) {
  std::map<int64_t, Item*> by_id;
  std::vector<int64_t> ids;
  for (Item& item : items) {
    by_id[item.id] = &item;
    ids.push_back(item.id);
  }
  ForEachCooperator(sql, "catalog_item_cooperators", ids,
                    [&](int64_t item_id, int64_t department_id, std::string name) {
                      Item& item = *by_id.at(item_id);
                      item.cooperating_ids.push_back(department_id);
                      item.cooperating.push_back({department_id, std::move(name)});
                    });
}

// The fields every write sets, bound by name.
Query& BindFields(Query& q, const ItemInput& in) {
  return q.Bind("code", in.code)
      .Bind("domain", in.domain)
      .Bind("name", in.name)
      .Bind("sub_item", in.sub_item)
      .Bind("category", in.category)
      .Bind("ratio_cap", in.ratio_cap)
      .Bind("content", in.content)
      .Bind("basis", in.basis)
      .Bind("methods", JoinMethods(in.methods))
      .Bind("frequency", in.frequency)
      .Bind("target", in.target)
      .Bind("target_type", in.target_type)
      .Bind("department_id", in.department_id)
      .Bind("publication", in.publication)
      .Bind("no_advance_notice", static_cast<int64_t>(in.no_advance_notice ? 1 : 0))
      .Bind("specialty", in.specialty)
      .Bind("nature", in.nature)
      .Bind("exemption", in.exemption)
      .Bind("remark", in.remark);
}

Query& BindBy(Query& q, const std::string& name, std::optional<int64_t> by) {
  return by ? q.Bind(name, *by) : q.BindNull(name);
}

void WriteCooperators(soci::session& sql, int64_t id, const ItemInput& in) {
  Query("DELETE FROM catalog_item_cooperators WHERE item_id = :id").Bind("id", id).Exec(sql);
  for (int64_t department_id : in.cooperating_ids) {
    Query("INSERT INTO catalog_item_cooperators (item_id, department_id) VALUES (:id, :d)")
        .Bind("id", id)
        .Bind("d", department_id)
        .Exec(sql);
  }
}

std::string Snapshot(const ItemInput& in) { return boost::json::serialize(InputJson(in)); }

void InsertVersion(soci::session& sql, int64_t id, int64_t version, const ItemInput& in,
                   const std::string& action, std::optional<int64_t> by, const std::string& now) {
  Query q(
      "INSERT INTO catalog_item_versions (item_id, version, status, action, data, changed_by, "
      "changed_at) VALUES (:id, :version, '草稿', :action, :data, :by, :now)");
  q.Bind("id", id)
      .Bind("version", version)
      .Bind("action", action)
      .Bind("data", Snapshot(in))
      .Bind("now", now);
  BindBy(q, "by", by).Exec(sql);
}

std::optional<ItemKey> FindWhere(soci::session& sql, Query q) {
  std::optional<ItemKey> out;
  q.ForEach(sql, [&](const soci::row& row) {
    out = ItemKey{RowInt(row, 0), RowInt(row, 1), RowText(row, 2)};
  });
  return out;
}

}  // namespace

std::optional<ItemKey> FindByCode(soci::session& sql, const std::string& code) {
  return FindWhere(sql,
                   Query("SELECT id, department_id, code FROM catalog_items WHERE code = :code")
                       .Bind("code", code));
}

std::optional<ItemKey> FindByName(soci::session& sql, int64_t department_id,
                                  const std::string& name, const std::string& sub_item) {
  return FindWhere(sql, Query("SELECT id, department_id, code FROM catalog_items WHERE "
                              "department_id = :d AND name = :name AND sub_item = :sub")
                            .Bind("d", department_id)
                            .Bind("name", name)
                            .Bind("sub", sub_item));
}

std::string NextCode(soci::session& sql, const std::string& prefix,
                     const std::set<std::string>& reserved) {
  const std::string stem = prefix + "-";
  std::string pattern;
  for (char c : stem) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  int64_t highest = 0;
  Query("SELECT code FROM catalog_items WHERE code LIKE :p ESCAPE '\\'")
      .Bind("p", pattern + "%")
      .ForEach(sql, [&](const soci::row& row) {
        const std::string suffix = RowText(row, 0).substr(stem.size());
        if (!suffix.empty() && suffix.size() < 10 &&
            suffix.find_first_not_of("0123456789") == std::string::npos) {
          highest = std::max<int64_t>(highest, std::stoll(suffix));
        }
      });
  for (int64_t n = highest + 1;; ++n) {
    char number[24];
    std::snprintf(number, sizeof number, "%03lld", static_cast<long long>(n));
    std::string code = stem + number;
    if (!reserved.count(code)) return code;
  }
}

int64_t Insert(soci::session& sql, const ItemInput& in, std::optional<int64_t> by,
               const std::string& now, const std::string& action) {
  Query q(
      "INSERT INTO catalog_items (code, domain, name, sub_item, category, ratio_cap, content, "
      "basis, methods, frequency, target, target_type, department_id, publication, "
      "no_advance_notice, specialty, nature, exemption, remark, status, version, last_action, "
      "created_by, updated_by, created_at, updated_at) VALUES (:code, :domain, :name, :sub_item, "
      ":category, :ratio_cap, :content, :basis, :methods, :frequency, :target, :target_type, "
      ":department_id, :publication, :no_advance_notice, :specialty, :nature, :exemption, "
      ":remark, '草稿', 1, :action, :by, :by2, :now, :now2)");
  BindFields(q, in).Bind("action", action).Bind("now", now).Bind("now2", now);
  BindBy(BindBy(q, "by", by), "by2", by).Exec(sql);
  const int64_t id = FindByCode(sql, in.code)->id;
  WriteCooperators(sql, id, in);
  InsertVersion(sql, id, 1, in, action, by, now);
  return id;
}

void Update(soci::session& sql, int64_t id, const ItemInput& in, std::optional<int64_t> by,
            const std::string& now, const std::string& action) {
  auto old = Get(sql, nullptr, id);
  if (!old) return;
  int64_t version = old->version;
  if (old->Pending()) {
    // The draft is not public yet: it changes in place.
    Query q(
        "UPDATE catalog_item_versions SET action = :action, data = :data, changed_by = :by, "
        "changed_at = :now WHERE item_id = :id AND version = :version");
    q.Bind("action", action)
        .Bind("data", Snapshot(in))
        .Bind("now", now)
        .Bind("id", id)
        .Bind("version", version);
    BindBy(q, "by", by).Exec(sql);
  } else {
    InsertVersion(sql, id, ++version, in, action, by, now);
  }
  Query q(
      "UPDATE catalog_items SET code = :code, domain = :domain, name = :name, sub_item = "
      ":sub_item, category = :category, ratio_cap = :ratio_cap, content = :content, basis = "
      ":basis, methods = :methods, frequency = :frequency, target = :target, target_type = "
      ":target_type, department_id = :department_id, publication = :publication, "
      "no_advance_notice = :no_advance_notice, specialty = :specialty, nature = :nature, "
      "exemption = :exemption, remark = :remark, version = :version, last_action = :action, "
      "updated_by = :by, updated_at = :now WHERE id = :id");
  BindFields(q, in).Bind("version", version).Bind("action", action).Bind("now", now).Bind("id", id);
  BindBy(q, "by", by).Exec(sql);
  WriteCooperators(sql, id, in);
}

void Publish(soci::session& sql, int64_t id, std::optional<int64_t> by, const std::string& now) {
  auto item = Get(sql, nullptr, id);
  if (!item) return;
  Query(
      "UPDATE catalog_item_versions SET status = '已替代' WHERE item_id = :id AND status = "
      "'已发布'")
      .Bind("id", id)
      .Exec(sql);
  Query q(
      "UPDATE catalog_item_versions SET status = '已发布', published_by = :by, published_at = "
      ":now WHERE item_id = :id AND version = :version");
  q.Bind("now", now).Bind("id", id).Bind("version", item->version);
  BindBy(q, "by", by).Exec(sql);
  Query("UPDATE catalog_items SET status = '已发布', published_version = version WHERE id = :id")
      .Bind("id", id)
      .Exec(sql);
  // The public copy: only the columns the portal shows.
  Query("DELETE FROM catalog_public_cooperators WHERE item_id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM catalog_public WHERE item_id = :id").Bind("id", id).Exec(sql);
  Query(
      "INSERT INTO catalog_public (item_id, version, code, domain, name, sub_item, category, "
      "content, basis, methods, frequency, target, target_type, department_id, publication, "
      "published_at) SELECT id, version, code, domain, name, sub_item, category, content, basis, "
      "methods, frequency, target, target_type, department_id, publication, :now FROM "
      "catalog_items WHERE id = :id")
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
  Query(
      "INSERT INTO catalog_public_cooperators (item_id, department_id) SELECT item_id, "
      "department_id FROM catalog_item_cooperators WHERE item_id = :id")
      .Bind("id", id)
      .Exec(sql);
}

void Retire(soci::session& sql, int64_t id, std::optional<int64_t> by, const std::string& now,
            const std::string& reason) {
  Query q(
      "UPDATE catalog_item_versions SET status = '已停用', retired_by = :by, retired_at = :now, "
      "retire_reason = :reason WHERE item_id = :id AND status = '已发布'");
  q.Bind("now", now).Bind("reason", reason).Bind("id", id);
  BindBy(q, "by", by).Exec(sql);
  Query("UPDATE catalog_items SET status = '已停用' WHERE id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM catalog_public_cooperators WHERE item_id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM catalog_public WHERE item_id = :id").Bind("id", id).Exec(sql);
}

namespace {

// The filter's conditions and the caller's data scope, for lists and exports alike.
Query Where(const org::Principal* who, const ItemFilter& f) {
  Query where(" WHERE 1 = 1");
  if (!f.q.empty()) {
    where
        .Append(
            " AND (i.name LIKE :q1 ESCAPE '\\' OR i.sub_item LIKE :q2 ESCAPE '\\' OR i.code LIKE "
            ":q3 ESCAPE '\\')")
        .Bind("q1", LikeContains(f.q))
        .Bind("q2", LikeContains(f.q))
        .Bind("q3", LikeContains(f.q));
  }
  if (!f.domain.empty()) where.Append(" AND i.domain = :domain").Bind("domain", f.domain);
  if (!f.category.empty()) where.Append(" AND i.category = :category").Bind("category", f.category);
  if (!f.status.empty()) where.Append(" AND i.status = :status").Bind("status", f.status);
  if (f.department_id > 0)
    where.Append(" AND i.department_id = :dept").Bind("dept", f.department_id);
  org::repo::AddScope(where, who, "d", "i.created_by");
  return where;
}

}  // namespace

Page<Item> List(soci::session& sql, const org::Principal* who, const ItemFilter& f) {
  const Query where = Where(who, f);
  Page<Item> page;
  page.total = where
                   .Wrapped(
                       "SELECT COUNT(*) FROM catalog_items i JOIN departments d ON d.id = "
                       "i.department_id")
                   .ScalarInt(sql);
  Query rows = where.Wrapped(kColumns, " ORDER BY i.id DESC LIMIT :limit OFFSET :offset");
  rows.Bind("limit", f.page_size).Bind("offset", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(FromRow(row)); });
  AttachCooperators(sql, page.items);
  return page;
}

void ForEach(soci::session& sql, const org::Principal* who, const ItemFilter& f,
             const std::function<void(const Item&)>& fn) {
  db::ForEachById<Item>(
      sql, kColumns, Where(who, f), "i.id", FromRow,
      [](soci::session& s, std::vector<Item>& batch) {
        db::AttachInRange(
            s, batch,
            "SELECT c.item_id, c.department_id, d.name FROM catalog_item_cooperators c JOIN "
            "departments d ON d.id = c.department_id WHERE c.item_id >= :lo AND c.item_id <= :hi "
            "ORDER BY c.item_id, c.department_id",
            [](Item& item, const soci::row& row) {
              const int64_t department_id = RowInt(row, 1);
              item.cooperating_ids.push_back(department_id);
              item.cooperating.push_back({department_id, RowText(row, 2)});
            });
      },
      fn);
}

std::optional<Item> Get(soci::session& sql, const org::Principal* who, int64_t id) {
  Query q(std::string(kColumns) + " WHERE i.id = :id");
  q.Bind("id", id);
  org::repo::AddScope(q, who, "d", "i.created_by");
  std::vector<Item> found;
  q.ForEach(sql, [&](const soci::row& row) { found.push_back(FromRow(row)); });
  if (found.empty()) return std::nullopt;
  AttachCooperators(sql, found);
  return found.front();
}

std::vector<ItemVersion> Versions(soci::session& sql, int64_t id) {
  std::vector<ItemVersion> out;
  Query(
      "SELECT v.version, v.status, v.action, v.data, COALESCE(cu.name, ''), v.changed_at, "
      "COALESCE(pu.name, ''), v.published_at, COALESCE(ru.name, ''), v.retired_at, "
      "v.retire_reason FROM catalog_item_versions v "
      "LEFT JOIN users cu ON cu.id = v.changed_by LEFT JOIN users pu ON pu.id = v.published_by "
      "LEFT JOIN users ru ON ru.id = v.retired_by WHERE v.item_id = :id ORDER BY v.version DESC")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) {
        out.push_back({RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3),
                       RowText(row, 4), RowText(row, 5), RowText(row, 6), RowText(row, 7),
                       RowText(row, 8), RowText(row, 9), RowText(row, 10)});
      });
  return out;
}

Page<PublicItem> ListPublic(soci::session& sql, const std::string& q, const std::string& domain,
                            const std::string& department, int64_t page, int64_t page_size) {
  Query where(" WHERE 1 = 1");
  if (!q.empty()) {
    where
        .Append(
            " AND (p.name LIKE :q1 ESCAPE '\\' OR p.sub_item LIKE :q2 ESCAPE '\\' OR p.code LIKE "
            ":q3 ESCAPE '\\')")
        .Bind("q1", LikeContains(q))
        .Bind("q2", LikeContains(q))
        .Bind("q3", LikeContains(q));
  }
  if (!domain.empty()) where.Append(" AND p.domain = :domain").Bind("domain", domain);
  if (!department.empty()) {
    where
        .Append(
            " AND (d.name LIKE :dept1 ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
            "catalog_public_cooperators c JOIN departments cd ON cd.id = c.department_id WHERE "
            "c.item_id = p.item_id AND cd.name LIKE :dept2 ESCAPE '\\'))")
        .Bind("dept1", LikeContains(department))
        .Bind("dept2", LikeContains(department));
  }
  const std::string from = "FROM catalog_public p JOIN departments d ON d.id = p.department_id";
  Page<PublicItem> out;
  out.total = where.Wrapped("SELECT COUNT(*) " + from).ScalarInt(sql);
  Query rows = where.Wrapped(
      "SELECT p.item_id, p.code, p.domain, p.name, p.sub_item, p.category, p.content, p.basis, "
      "p.methods, p.frequency, p.target, p.target_type, d.name, p.publication, p.version, "
      "p.published_at " +
          from,
      " ORDER BY p.domain, p.code, p.item_id LIMIT :limit OFFSET :offset");
  rows.Bind("limit", page_size).Bind("offset", (page - 1) * page_size);
  std::map<int64_t, size_t> at;
  std::vector<int64_t> ids;
  rows.ForEach(sql, [&](const soci::row& row) {
    PublicItem p;
    p.item_id = RowInt(row, 0);
    p.code = RowText(row, 1);
    p.domain = RowText(row, 2);
    p.name = RowText(row, 3);
    p.sub_item = RowText(row, 4);
    p.category = RowText(row, 5);
    p.content = RowText(row, 6);
    p.basis = RowText(row, 7);
    p.methods = importer::SplitList(RowText(row, 8));
    p.frequency = RowText(row, 9);
    p.target = RowText(row, 10);
    p.target_type = RowText(row, 11);
    p.department_name = RowText(row, 12);
    p.publication = RowText(row, 13);
    p.version = RowInt(row, 14);
    p.published_at = RowText(row, 15);
    at[p.item_id] = out.items.size();
    ids.push_back(p.item_id);
    out.items.push_back(std::move(p));
  });
  ForEachCooperator(sql, "catalog_public_cooperators", ids,
                    [&](int64_t item_id, int64_t, std::string name) {
                      out.items[at.at(item_id)].cooperating_names.push_back(std::move(name));
                    });
  return out;
}

std::vector<std::string> Domains(soci::session& sql, bool published_only) {
  std::vector<std::string> out;
  Query(published_only ? "SELECT DISTINCT domain FROM catalog_public ORDER BY domain"
                       : "SELECT DISTINCT domain FROM catalog_items ORDER BY domain")
      .ForEach(sql, [&](const soci::row& row) { out.push_back(RowText(row, 0)); });
  return out;
}

std::vector<std::string> Specialties(soci::session& sql) {
  return inspectors::repo::Specialties(sql);  // the dictionary lives with the inspectors
}

std::optional<CheckContext::DepartmentRef> FindDepartment(soci::session& sql,
                                                          const std::string& key) {
  Query q("SELECT id, code, name FROM departments WHERE ");
  if (key.starts_with("#")) {
    const std::optional<int64_t> id = importer::ParseIdRef(key);
    if (!id) return std::nullopt;
    q.Append("id = :id").Bind("id", *id);
  } else {
    q.Append("code = :code OR name = :name").Bind("code", key).Bind("name", key);
  }
  q.Append(" ORDER BY id LIMIT 1");
  std::optional<CheckContext::DepartmentRef> out;
  q.ForEach(sql, [&](const soci::row& row) {
    out = CheckContext::DepartmentRef{RowInt(row, 0), RowText(row, 1), RowText(row, 2)};
  });
  return out;
}

std::string PublishedItem::Text(const char* key) const {
  const boost::json::value* v = data.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::vector<PublishedItem> PublishedItems(soci::session& sql, const std::vector<int64_t>& ids) {
  std::vector<PublishedItem> out;
  if (ids.empty()) return out;
  Query q(
      "SELECT i.id, i.published_version, i.status, i.code, i.name, v.data FROM catalog_items i "
      "LEFT JOIN catalog_item_versions v ON v.item_id = i.id AND v.version = i.published_version "
      "WHERE i.id IN (");
  for (size_t k = 0; k < ids.size(); ++k) {
    const std::string name = "i" + std::to_string(k);
    q.Append(k ? ", :" : ":").Append(name).Bind(name, ids[k]);
  }
  q.Append(")");
  q.ForEach(sql, [&](const soci::row& row) {
    PublishedItem item;
    item.id = RowInt(row, 0);
    item.published_version = RowInt(row, 1);
    item.retired = RowText(row, 2) == "已停用";
    item.code = RowText(row, 3);
    item.name = RowText(row, 4);
    const std::string data = RowText(row, 5);
    if (!data.empty()) {
      item.data = boost::json::parse(data).as_object();
      item.code = item.Text("code");
      item.name = item.Text("name");
    }
    out.push_back(std::move(item));
  });
  return out;
}

}  // namespace ssj::catalog::repo

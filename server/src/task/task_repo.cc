#include "task/task_repo.h"

#include <boost/json.hpp>

#include "catalog/catalog_repo.h"
#include "common/crypto.h"
#include "org/org_repo.h"
#include "task/task.h"

namespace ssj::task::repo {
namespace {

namespace json = boost::json;
using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

constexpr const char* kColumns =
    "SELECT t.id, t.code, t.plan_id, t.year, t.name, t.department_id, d.name, d.code, "
    "t.start_date, t.end_date, t.scope, t.strata, t.raise_tags, t.team_size, t.region_rule, "
    "t.inspector_capacity, t.lead_specialty, t.notify, t.status, t.scheduled_at, t.pool_digest, "
    "t.commitment, t.pool_counts, t.excluded_counts, t.committed_at, t.drawn_at, t.confirmed_at, "
    "t.void_reason, t.voided_at, t.created_by, t.created_at, t.updated_at FROM tasks t JOIN "
    "departments d ON d.id = t.department_id";

std::string Text(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

Task FromRow(const soci::row& row) {
  Task t;
  t.id = RowInt(row, 0);
  t.code = RowText(row, 1);
  t.plan_id = RowOptInt(row, 2);
  t.year = RowInt(row, 3);
  t.name = RowText(row, 4);
  t.department_id = RowInt(row, 5);
  t.department_name = RowText(row, 6);
  t.department_code = RowText(row, 7);
  t.start_date = RowText(row, 8);
  t.end_date = RowText(row, 9);
  const json::object scope = json::parse(RowText(row, 10, "{}")).as_object();
  t.scope = Scope{Text(scope, "kind"),
                  Text(scope, "division"),
                  Text(scope, "industry_section"),
                  Text(scope, "industry_division"),
                  Text(scope, "status"),
                  Text(scope, "tag")};
  // Parsed into locals: a range-for over a member of a temporary would outlive it.
  const json::value strata = json::parse(RowText(row, 11, "[]"));
  for (const json::value& s : strata.as_array()) {
    const json::object& o = s.as_object();
    StratumRule rule{Text(o, "id"), Text(o, "ratio"), 0};
    if (const json::value* c = o.if_contains("count"); c && c->is_int64())
      rule.count = c->as_int64();
    t.strata.push_back(std::move(rule));
  }
  const json::value tags = json::parse(RowText(row, 12, "[]"));
  for (const json::value& tag : tags.as_array()) t.raise_tags.emplace_back(tag.as_string());
  t.team_size = RowInt(row, 13);
  t.region_rule = RowText(row, 14);
  t.inspector_capacity = RowInt(row, 15);
  t.lead_specialty = RowText(row, 16);
  t.notify = RowInt(row, 17) != 0;
  t.status = ParseStatus(RowText(row, 18)).value_or(State::kDraft);
  t.scheduled_at = RowText(row, 19);
  t.pool_digest = RowText(row, 20);
  t.commitment = RowText(row, 21);
  t.pool_counts = RowText(row, 22);
  t.excluded_counts = RowText(row, 23);
  t.committed_at = RowText(row, 24);
  t.drawn_at = RowText(row, 25);
  t.confirmed_at = RowText(row, 26);
  t.void_reason = RowText(row, 27);
  t.voided_at = RowText(row, 28);
  t.created_by = RowOptInt(row, 29);
  t.created_at = RowText(row, 30);
  t.updated_at = RowText(row, 31);
  return t;
}

std::string ScopeJson(const Scope& s) {
  return json::serialize(json::object{{"kind", s.kind},
                                      {"division", s.division},
                                      {"industry_section", s.industry_section},
                                      {"industry_division", s.industry_division},
                                      {"status", s.status},
                                      {"tag", s.tag}});
}

std::string StrataJson(const std::vector<StratumRule>& strata) {
  json::array out;
  for (const StratumRule& s : strata) {
    json::object o{{"id", s.id}};
    if (!s.ratio.empty()) o["ratio"] = s.ratio;
    if (s.count > 0) o["count"] = s.count;
    out.push_back(std::move(o));
  }
  return json::serialize(out);
}

std::string TagsJson(const std::vector<std::string>& tags) {
  json::array out;
  for (const std::string& t : tags) out.push_back(json::string(t));
  return json::serialize(out);
}

// Binds the fields a create and an update share.
Query& BindFields(Query& q, const TaskInput& in, const std::vector<ItemInfo>& items) {
  q.Bind("name", in.name)
      .Bind("department_id", in.department_id)
      .Bind("year", std::stoll(in.start_date.substr(0, 4)))
      .Bind("start_date", in.start_date)
      .Bind("end_date", in.end_date)
      .Bind("scope", ScopeJson(in.scope))
      .Bind("strata", StrataJson(in.strata))
      .Bind("raise_tags", TagsJson(in.raise_tags))
      .Bind("team_size", in.team_size)
      .Bind("region_rule", in.region_rule)
      .Bind("inspector_capacity", in.inspector_capacity)
      .Bind("lead_specialty", in.lead_specialty)
      .Bind("notify", static_cast<int64_t>(NotifyAllowed(items) ? 1 : 0));
  if (in.plan_id) {
    q.Bind("plan_id", *in.plan_id);
  } else {
    q.BindNull("plan_id");
  }
  return q;
}

void WriteChildren(soci::session& sql, int64_t id, const TaskInput& in,
                   const std::vector<ItemInfo>& items) {
  Query("DELETE FROM task_items WHERE task_id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM task_departments WHERE task_id = :id").Bind("id", id).Exec(sql);
  for (size_t i = 0; i < in.item_ids.size(); ++i) {
    int64_t version = 0;
    for (const ItemInfo& item : items) {
      if (item.id == in.item_ids[i]) version = item.version;
    }
    Query(
        "INSERT INTO task_items (task_id, position, item_id, item_version) VALUES (:t, :p, :i, "
        ":v)")
        .Bind("t", id)
        .Bind("p", static_cast<int64_t>(i + 1))
        .Bind("i", in.item_ids[i])
        .Bind("v", version)
        .Exec(sql);
  }
  for (size_t p = 0; p < in.participants.size(); ++p) {
    Query(
        "INSERT INTO task_departments (task_id, position, department_id, specialty) VALUES (:t, "
        ":p, :d, :s)")
        .Bind("t", id)
        .Bind("p", static_cast<int64_t>(p + 1))
        .Bind("d", in.participants[p].department_id)
        .Bind("s", in.participants[p].specialty)
        .Exec(sql);
  }
}

// The items and participants of a task.
void Attach(soci::session& sql, Task& t) {
  std::vector<int64_t> ids;
  Query("SELECT item_id FROM task_items WHERE task_id = :id ORDER BY position")
      .Bind("id", t.id)
      .ForEach(sql, [&](const soci::row& row) { ids.push_back(RowInt(row, 0)); });
  t.item_ids = ids;
  std::vector<ItemInfo> items = Items(sql, ids);
  for (int64_t id : ids) {
    for (const ItemInfo& item : items) {
      if (item.id == id) t.items.push_back(item);
    }
  }
  Query(
      "SELECT p.department_id, p.specialty, d.name FROM task_departments p JOIN departments d ON "
      "d.id = p.department_id WHERE p.task_id = :id ORDER BY p.position")
      .Bind("id", t.id)
      .ForEach(sql, [&](const soci::row& row) {
        t.participants.push_back(Participant{RowInt(row, 0), RowText(row, 1)});
        t.participant_names[RowInt(row, 0)] = RowText(row, 2);
      });
}

// [begin, end) ranges of n rows, a chunk at a time: bulk-bound statements of that many rows.
template <class Fn>
void ForChunks(size_t n, Fn fn) {
  constexpr size_t kChunk = 5000;
  for (size_t begin = 0; begin < n; begin += kChunk) fn(begin, std::min(n, begin + kChunk));
}

}  // namespace

std::vector<ItemInfo> Items(soci::session& sql, const std::vector<int64_t>& ids) {
  std::vector<ItemInfo> out;
  for (const catalog::repo::PublishedItem& p : catalog::repo::PublishedItems(sql, ids)) {
    ItemInfo item;
    item.id = p.id;
    item.version = p.published_version;
    item.retired = p.retired;
    item.code = p.code;
    item.name = p.name;
    item.category = p.Text("category");
    item.ratio_cap = p.Text("ratio_cap");
    item.specialty = p.Text("specialty");
    const json::value* notice = p.data.if_contains("no_advance_notice");
    item.no_advance_notice = notice && notice->is_bool() && notice->as_bool();
    item.exemption_applies = p.Text("exemption") != "不适用";
    out.push_back(std::move(item));
  }
  return out;
}

std::set<std::string> Specialties(soci::session& sql) {
  const std::vector<std::string> names = catalog::repo::Specialties(sql);
  return {names.begin(), names.end()};
}

int64_t Insert(soci::session& sql, const TaskInput& in, const std::vector<ItemInfo>& items,
               int64_t by, const std::string& now) {
  // The code needs the id; a random placeholder keeps the unique column unique until then.
  const std::string placeholder = "new-" + RandomHex(12);
  Query q(
      "INSERT INTO tasks (code, plan_id, year, name, department_id, start_date, end_date, scope, "
      "strata, raise_tags, team_size, region_rule, inspector_capacity, lead_specialty, notify, "
      "status, created_by, updated_by, created_at, updated_at) VALUES (:code, :plan_id, :year, "
      ":name, :department_id, :start_date, :end_date, :scope, :strata, :raise_tags, :team_size, "
      ":region_rule, :inspector_capacity, :lead_specialty, :notify, 'draft', :by, :by2, :now, "
      ":now2)");
  q.Bind("code", placeholder).Bind("by", by).Bind("by2", by).Bind("now", now).Bind("now2", now);
  BindFields(q, in, items).Exec(sql);
  const int64_t id =
      Query("SELECT id FROM tasks WHERE code = :code").Bind("code", placeholder).ScalarInt(sql);
  char code[32];
  std::snprintf(code, sizeof code, "T%s-%05lld", in.start_date.substr(0, 4).c_str(),
                static_cast<long long>(id));
  Query("UPDATE tasks SET code = :code WHERE id = :id").Bind("code", code).Bind("id", id).Exec(sql);
  WriteChildren(sql, id, in, items);
  return id;
}

void UpdateDraft(soci::session& sql, int64_t id, const TaskInput& in,
                 const std::vector<ItemInfo>& items, int64_t by, const std::string& now) {
  Query q(
      "UPDATE tasks SET plan_id = :plan_id, year = :year, name = :name, department_id = "
      ":department_id, start_date = :start_date, end_date = :end_date, scope = :scope, strata = "
      ":strata, raise_tags = :raise_tags, team_size = :team_size, region_rule = :region_rule, "
      "inspector_capacity = :inspector_capacity, lead_specialty = :lead_specialty, notify = "
      ":notify, updated_by = :by, updated_at = :now WHERE id = :id");
  q.Bind("by", by).Bind("now", now).Bind("id", id);
  BindFields(q, in, items).Exec(sql);
  WriteChildren(sql, id, in, items);
}

void Lock(soci::session& sql, int64_t id) {
  Query("UPDATE tasks SET year = year WHERE id = :id").Bind("id", id).Exec(sql);
}

void LockDraws(soci::session& sql) {
  Query("UPDATE draw_lock SET n = n + 1 WHERE id = 1").Exec(sql);
}

std::optional<Task> Get(soci::session& sql, const org::Principal* who, int64_t id) {
  Query q(std::string(kColumns) + " WHERE t.id = :id");
  q.Bind("id", id);
  org::repo::AddScope(q, who, "d", "t.created_by");
  std::optional<Task> out;
  q.ForEach(sql, [&](const soci::row& row) { out = FromRow(row); });
  if (out) Attach(sql, *out);
  return out;
}

std::optional<Task> GetByCode(soci::session& sql, const std::string& code) {
  const int64_t id = Query("SELECT id FROM tasks WHERE code = :c").Bind("c", code).ScalarInt(sql);
  return id ? Get(sql, nullptr, id) : std::nullopt;
}

db::Page<Task> List(soci::session& sql, const org::Principal* who, const TaskFilter& f) {
  Query where(" WHERE 1 = 1");
  if (f.year > 0) where.Append(" AND t.year = :year").Bind("year", f.year);
  if (!f.status.empty()) where.Append(" AND t.status = :status").Bind("status", f.status);
  if (f.plan_id > 0) where.Append(" AND t.plan_id = :plan").Bind("plan", f.plan_id);
  org::repo::AddScope(where, who, "d", "t.created_by");
  db::Page<Task> page;
  page.total =
      where.Wrapped("SELECT COUNT(*) FROM tasks t JOIN departments d ON d.id = t.department_id")
          .ScalarInt(sql);
  Query rows = where.Wrapped(kColumns, " ORDER BY t.id DESC LIMIT :limit OFFSET :off");
  rows.Bind("limit", f.page_size).Bind("off", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(FromRow(row)); });
  for (Task& t : page.items) Attach(sql, t);
  return page;
}

std::unordered_set<int64_t> Subtree(soci::session& sql, int64_t department_id) {
  std::unordered_set<int64_t> out;
  Query(
      "SELECT c.id FROM departments c JOIN departments p ON c.path LIKE p.path || '%' WHERE p.id "
      "= :id")
      .Bind("id", department_id)
      .ForEach(sql, [&](const soci::row& row) { out.insert(RowInt(row, 0)); });
  return out;
}

std::unordered_map<int64_t, std::string> Exempt(soci::session& sql, const std::string& date) {
  std::unordered_map<int64_t, std::string> out;
  Query(
      "SELECT target_id, source_document FROM exemptions WHERE status = '有效' AND valid_from <= "
      ":d AND valid_until >= :d2")
      .Bind("d", date)
      .Bind("d2", date)
      .ForEach(sql, [&](const soci::row& row) { out.emplace(RowInt(row, 0), RowText(row, 1)); });
  return out;
}

std::unordered_set<int64_t> AtYearlyCap(soci::session& sql, const std::vector<int64_t>& item_ids,
                                        int64_t year, int64_t cap, int64_t except_task) {
  std::unordered_set<int64_t> out;
  if (item_ids.empty() || cap <= 0) return out;
  Query q(
      "SELECT s.target_id FROM task_targets s JOIN tasks t ON t.id = s.task_id JOIN task_items i "
      "ON i.task_id = t.id WHERE t.year = :year AND t.status IN ('drawn', 'confirmed', "
      "'inspecting') AND t.id <> :except AND i.item_id IN (");
  q.Bind("year", year).Bind("except", except_task);
  for (size_t k = 0; k < item_ids.size(); ++k) {
    const std::string name = "i" + std::to_string(k);
    q.Append(k ? ", :" : ":").Append(name).Bind(name, item_ids[k]);
  }
  q.Append(") GROUP BY s.target_id, i.item_id HAVING COUNT(*) >= :cap").Bind("cap", cap);
  q.ForEach(sql, [&](const soci::row& row) { out.insert(RowInt(row, 0)); });
  return out;
}

std::unordered_map<int64_t, int64_t> OtherOffices(soci::session& sql, int64_t department_id,
                                                  const std::string& from, const std::string& to,
                                                  int64_t except_task) {
  std::unordered_map<int64_t, int64_t> out;
  Query(
      "SELECT s.target_id, t.id FROM task_targets s JOIN tasks t ON t.id = s.task_id WHERE "
      "t.department_id <> :dept AND t.status IN ('drawn', 'confirmed', 'inspecting') AND "
      "t.start_date <= :to AND t.end_date >= :from AND t.id <> :except")
      .Bind("dept", department_id)
      .Bind("to", to)
      .Bind("from", from)
      .Bind("except", except_task)
      .ForEach(sql, [&](const soci::row& row) { out.emplace(RowInt(row, 0), RowInt(row, 1)); });
  return out;
}

std::map<int64_t, std::string> TaskLabels(soci::session& sql, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  for (int64_t id : ids) {
    Query(
        "SELECT t.code, t.name, d.name FROM tasks t JOIN departments d ON d.id = t.department_id "
        "WHERE t.id = :id")
        .Bind("id", id)
        .ForEach(sql, [&](const soci::row& row) {
          out[id] = RowText(row, 0) + " " + RowText(row, 1) + "（" + RowText(row, 2) + "）";
        });
  }
  return out;
}

std::vector<PoolInspector> Inspectors(soci::session& sql,
                                      const std::vector<int64_t>& department_ids,
                                      const std::string& from, const std::string& to,
                                      int64_t except_task) {
  std::vector<PoolInspector> out;
  if (department_ids.empty()) return out;
  Query q(
      "SELECT i.id, i.code, i.name, d.code, i.division_code, i.cert_valid_until FROM inspectors i "
      "JOIN departments d ON d.id = i.department_id WHERE i.category = '执法人员' AND i.status = "
      "'在岗' AND i.department_id IN (");
  for (size_t k = 0; k < department_ids.size(); ++k) {
    const std::string name = "d" + std::to_string(k);
    q.Append(k ? ", :" : ":").Append(name).Bind(name, department_ids[k]);
  }
  q.Append(") ORDER BY i.code");
  std::unordered_map<int64_t, size_t> index;
  q.ForEach(sql, [&](const soci::row& row) {
    PoolInspector p;
    p.id = RowInt(row, 0);
    p.code = RowText(row, 1);
    p.name = RowText(row, 2);
    p.department_code = RowText(row, 3);
    p.region = RowText(row, 4);
    p.certificate_valid_until = RowText(row, 5);
    index[p.id] = out.size();
    out.push_back(std::move(p));
  });
  Query("SELECT inspector_id, specialty FROM inspector_specialties ORDER BY specialty")
      .ForEach(sql, [&](const soci::row& row) {
        auto it = index.find(RowInt(row, 0));
        if (it != index.end()) out[it->second].specialties.push_back(RowText(row, 1));
      });
  // Capacity other live tasks hold in an overlapping window: their reservation until they are
  // drawn, their load after.
  Query(
      "SELECT c.inspector_id, SUM(c.capacity) FROM task_capacity c JOIN tasks t ON t.id = "
      "c.task_id WHERE t.status IN ('committed', 'drawn', 'confirmed', 'inspecting') AND "
      "t.start_date <= :to AND t.end_date >= :from AND t.id <> :except GROUP BY c.inspector_id")
      .Bind("to", to)
      .Bind("from", from)
      .Bind("except", except_task)
      .ForEach(sql, [&](const soci::row& row) {
        auto it = index.find(RowInt(row, 0));
        if (it != index.end()) out[it->second].used = RowInt(row, 1);
      });
  return out;
}

std::vector<ConflictRow> Conflicts(soci::session& sql, const std::vector<int64_t>& inspector_ids,
                                   const std::string& date) {
  std::vector<ConflictRow> out;
  if (inspector_ids.empty()) return out;
  std::unordered_set<int64_t> wanted(inspector_ids.begin(), inspector_ids.end());
  Query(
      "SELECT inspector_id, target_id, reason FROM conflicts WHERE status = '有效' AND valid_from "
      "<= :d AND (valid_until = '' OR valid_until >= :d2)")
      .Bind("d", date)
      .Bind("d2", date)
      .ForEach(sql, [&](const soci::row& row) {
        if (wanted.count(RowInt(row, 0)))
          out.push_back(ConflictRow{RowInt(row, 0), RowInt(row, 1), RowText(row, 2)});
      });
  return out;
}

void SaveCommit(soci::session& sql, int64_t id, const Pool& pool, const Commit& c, int64_t by,
                const std::string& now) {
  Query("DELETE FROM task_pool WHERE task_id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM task_exclusions WHERE task_id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM task_capacity WHERE task_id = :id").Bind("id", id).Exec(sql);
  {
    std::vector<long long> task_ids, target_ids;
    std::vector<std::string> strata, codes, regions;
    ForChunks(pool.targets.size(), [&](size_t begin, size_t end) {
      task_ids.assign(end - begin, id);
      target_ids.clear();
      strata.clear();
      codes.clear();
      regions.clear();
      for (size_t k = begin; k < end; ++k) {
        const PoolTarget& t = pool.targets[k];
        target_ids.push_back(t.target_id);
        strata.push_back(t.stratum);
        codes.push_back(t.code);
        regions.push_back(t.region);
      }
      // A statement per chunk: SOCI's PostgreSQL backend sizes its buffers when it binds, so a
      // prepared statement must not see its vectors change size.
      sql << "INSERT INTO task_pool (task_id, stratum, code, region, target_id) VALUES (:t, :s, "
             ":c, :r, :g)",
          soci::use(task_ids), soci::use(strata), soci::use(codes), soci::use(regions),
          soci::use(target_ids);
    });
  }
  {
    std::vector<long long> task_ids, target_ids;
    std::vector<std::string> codes, names, reasons, details;
    ForChunks(pool.excluded.size(), [&](size_t begin, size_t end) {
      task_ids.assign(end - begin, id);
      target_ids.clear();
      codes.clear();
      names.clear();
      reasons.clear();
      details.clear();
      for (size_t k = begin; k < end; ++k) {
        const Excluded& e = pool.excluded[k];
        target_ids.push_back(e.target_id);
        codes.push_back(e.code);
        names.push_back(e.name);
        reasons.emplace_back(ExclusionCode(e.reason));
        details.push_back(e.detail);
      }
      sql << "INSERT INTO task_exclusions (task_id, target_id, code, name, reason, detail) VALUES "
             "(:t, :g, :c, :n, :r, :d)",
          soci::use(task_ids), soci::use(target_ids), soci::use(codes), soci::use(names),
          soci::use(reasons), soci::use(details);
    });
  }
  for (const auto& [inspector, capacity] : c.capacities) {
    Query("INSERT INTO task_capacity (task_id, inspector_id, capacity) VALUES (:t, :i, :c)")
        .Bind("t", id)
        .Bind("i", inspector)
        .Bind("c", capacity)
        .Exec(sql);
  }
  Query(
      "UPDATE tasks SET status = 'committed', scheduled_at = :sched, pool_digest = :digest, "
      "commitment = :commitment, request = :request, pool_counts = :counts, excluded_counts = "
      ":excluded, committed_by = :by, committed_at = :now, updated_by = :by2, updated_at = :now2 "
      "WHERE id = :id")
      .Bind("sched", c.scheduled_at)
      .Bind("digest", c.pool_digest)
      .Bind("commitment", c.commitment)
      .Bind("request", c.request)
      .Bind("counts", c.pool_counts)
      .Bind("excluded", c.excluded_counts)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("by2", by)
      .Bind("now2", now)
      .Bind("id", id)
      .Exec(sql);
}

FrozenPool ReadPool(soci::session& sql, int64_t id, bool with_ids) {
  FrozenPool out;
  out.csv = kPoolCsvHeader;
  Query(
      "SELECT code, stratum, region, target_id FROM task_pool WHERE task_id = :id ORDER BY "
      "stratum, code")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) {
        std::string code = RowText(row, 0);
        AppendPoolLine(out.csv, code, RowText(row, 1), RowText(row, 2));
        if (with_ids) out.ids.emplace(std::move(code), RowInt(row, 3));
      });
  return out;
}

std::string PoolCsv(soci::session& sql, int64_t id) { return ReadPool(sql, id, false).csv; }

namespace {
Excluded ExcludedFromRow(const soci::row& row) {
  Excluded e;
  e.target_id = RowInt(row, 0);
  e.code = RowText(row, 1);
  e.name = RowText(row, 2);
  const std::string reason = RowText(row, 3);
  for (Exclusion x : kExclusions) {
    if (ExclusionCode(x) == reason) e.reason = x;
  }
  e.detail = RowText(row, 4);
  return e;
}
}  // namespace

db::Page<Excluded> Exclusions(soci::session& sql, int64_t id, const std::string& reason,
                              int64_t page, int64_t page_size) {
  Query where(" WHERE task_id = :id");
  where.Bind("id", id);
  if (!reason.empty()) where.Append(" AND reason = :reason").Bind("reason", reason);
  db::Page<Excluded> out;
  out.total = where.Wrapped("SELECT COUNT(*) FROM task_exclusions").ScalarInt(sql);
  Query rows = where.Wrapped("SELECT target_id, code, name, reason, detail FROM task_exclusions",
                             " ORDER BY target_id LIMIT :limit OFFSET :off");
  rows.Bind("limit", page_size).Bind("off", (page - 1) * page_size);
  rows.ForEach(sql, [&](const soci::row& row) { out.items.push_back(ExcludedFromRow(row)); });
  return out;
}

void ForEachExclusion(soci::session& sql, int64_t id,
                      const std::function<void(const Excluded&)>& fn) {
  Query(
      "SELECT target_id, code, name, reason, detail FROM task_exclusions WHERE task_id = :id "
      "ORDER BY reason, target_id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) { fn(ExcludedFromRow(row)); });
}

void ReplaceDrawRows(soci::session& sql, int64_t id, const std::string& record,
                     const std::vector<DrawnTarget>& targets, const std::vector<TeamSlot>& team,
                     const std::vector<std::pair<int64_t, int64_t>>& loads) {
  Query("DELETE FROM task_team WHERE task_id = :id").Bind("id", id).Exec(sql);
  Query("DELETE FROM task_targets WHERE task_id = :id").Bind("id", id).Exec(sql);
  for (size_t k = 0; k < targets.size(); ++k) {
    const DrawnTarget& t = targets[k];
    Query(
        "INSERT INTO task_targets (task_id, target_id, position, stratum, code, ticket) VALUES "
        "(:t, :g, :p, :s, :c, :k)")
        .Bind("t", id)
        .Bind("g", t.target_id)
        .Bind("p", static_cast<int64_t>(k + 1))
        .Bind("s", t.stratum)
        .Bind("c", t.code)
        .Bind("k", t.ticket)
        .Exec(sql);
  }
  for (const TeamSlot& s : team) {
    Query("INSERT INTO task_team (task_id, target_id, slot, inspector_id) VALUES (:t, :g, :s, :i)")
        .Bind("t", id)
        .Bind("g", s.target_id)
        .Bind("s", s.slot)
        .Bind("i", s.inspector_id)
        .Exec(sql);
  }
  // The reservation shrinks to the load: what is not used is free for other tasks again.
  Query("DELETE FROM task_capacity WHERE task_id = :id").Bind("id", id).Exec(sql);
  for (const auto& [inspector, load] : loads) {
    Query("INSERT INTO task_capacity (task_id, inspector_id, capacity) VALUES (:t, :i, :c)")
        .Bind("t", id)
        .Bind("i", inspector)
        .Bind("c", load)
        .Exec(sql);
  }
  Query("UPDATE tasks SET record = :record WHERE id = :id")
      .Bind("record", record)
      .Bind("id", id)
      .Exec(sql);
}

void SaveDraw(soci::session& sql, int64_t id, const std::string& public_input,
              const std::string& record, const std::vector<DrawnTarget>& targets,
              const std::vector<TeamSlot>& team,
              const std::vector<std::pair<int64_t, int64_t>>& loads, int64_t by,
              const std::string& now) {
  ReplaceDrawRows(sql, id, record, targets, team, loads);
  Query(
      "UPDATE tasks SET status = 'drawn', public_input = :input, drawn_by = :by, drawn_at = :now, "
      "updated_by = :by2, updated_at = :now2 WHERE id = :id")
      .Bind("input", public_input)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("by2", by)
      .Bind("now2", now)
      .Bind("id", id)
      .Exec(sql);
}

void SetVoid(soci::session& sql, int64_t id, const std::string& reason, int64_t by,
             const std::string& now) {
  // A void task holds no capacity; its rows stay for the record but count for nothing.
  Query("DELETE FROM task_capacity WHERE task_id = :id").Bind("id", id).Exec(sql);
  Query(
      "UPDATE tasks SET status = 'void', void_reason = :reason, voided_at = :now, updated_by = "
      ":by, updated_at = :now2 WHERE id = :id")
      .Bind("reason", reason)
      .Bind("now", now)
      .Bind("by", by)
      .Bind("now2", now)
      .Bind("id", id)
      .Exec(sql);
}

namespace {
// One of the task's JSON text columns the Task type leaves out (they can be megabytes).
std::string TaskText(soci::session& sql, int64_t id, const char* column) {
  std::string out;
  Query(std::string("SELECT ") + column + " FROM tasks WHERE id = :id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) { out = RowText(row, 0); });
  return out;
}
}  // namespace

std::string RecordJson(soci::session& sql, int64_t id) { return TaskText(sql, id, "record"); }
std::string PublicInputJson(soci::session& sql, int64_t id) {
  return TaskText(sql, id, "public_input");
}
std::string StoredRequest(soci::session& sql, int64_t id) { return TaskText(sql, id, "request"); }

void SetStatus(soci::session& sql, int64_t id, State status, int64_t by, const std::string& now) {
  Query q("UPDATE tasks SET status = :status, updated_by = :by, updated_at = :now");
  if (status == State::kConfirmed) q.Append(", confirmed_by = :by2, confirmed_at = :now2");
  q.Append(" WHERE id = :id");
  q.Bind("status", std::string(StatusCode(status))).Bind("by", by).Bind("now", now).Bind("id", id);
  if (status == State::kConfirmed) q.Bind("by2", by).Bind("now2", now);
  q.Exec(sql);
}

std::unordered_map<std::string, int64_t> InspectorIds(soci::session& sql,
                                                      const std::vector<std::string>& codes) {
  std::unordered_map<std::string, int64_t> out;
  if (codes.empty()) return out;
  Query q("SELECT code, id FROM inspectors WHERE code IN (");
  for (size_t k = 0; k < codes.size(); ++k) {
    const std::string name = "c" + std::to_string(k);
    q.Append(k ? ", :" : ":").Append(name).Bind(name, codes[k]);
  }
  q.Append(")");
  q.ForEach(sql, [&](const soci::row& row) { out.emplace(RowText(row, 0), RowInt(row, 1)); });
  return out;
}

db::Page<Task> ListPublic(soci::session& sql, int64_t page, int64_t page_size) {
  Query where(" WHERE t.status <> 'draft'");
  db::Page<Task> out;
  out.total = where.Wrapped("SELECT COUNT(*) FROM tasks t").ScalarInt(sql);
  Query rows = where.Wrapped(kColumns, " ORDER BY t.id DESC LIMIT :limit OFFSET :off");
  rows.Bind("limit", page_size).Bind("off", (page - 1) * page_size);
  rows.ForEach(sql, [&](const soci::row& row) { out.items.push_back(FromRow(row)); });
  for (Task& t : out.items) Attach(sql, t);
  return out;
}

}  // namespace ssj::task::repo

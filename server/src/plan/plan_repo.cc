#include "plan/plan_repo.h"

#include <boost/json.hpp>
#include <map>

#include "catalog/catalog_repo.h"
#include "org/org_repo.h"
#include "plan/plan.h"

namespace ssj::plan::repo {
namespace {

using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

constexpr const char* kColumns =
    "SELECT p.id, p.year, p.name, p.department_id, d.name, p.status, p.version, "
    "p.published_version, p.first_published_at, p.submitted_by, p.submitted_at, p.created_by, "
    "p.created_at, p.updated_at FROM plans p JOIN departments d ON d.id = p.department_id";

Plan FromRow(const soci::row& row) {
  Plan plan;
  plan.id = RowInt(row, 0);
  plan.year = RowInt(row, 1);
  plan.name = RowText(row, 2);
  plan.department_id = RowInt(row, 3);
  plan.department_name = RowText(row, 4);
  plan.status = ParseStatus(RowText(row, 5)).value_or(State::kDraft);
  plan.version = RowInt(row, 6);
  plan.published_version = RowOptInt(row, 7);
  plan.first_published_at = RowText(row, 8);
  plan.submitted_by = RowOptInt(row, 9);
  plan.submitted_at = RowText(row, 10);
  plan.created_by = RowOptInt(row, 11);
  plan.created_at = RowText(row, 12);
  plan.updated_at = RowText(row, 13);
  return plan;
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<int64_t> SplitIds(const std::string& text) {
  std::vector<int64_t> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(std::stoll(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

std::map<int64_t, std::string> DepartmentNames(soci::session& sql) {
  std::map<int64_t, std::string> out;
  Query("SELECT id, name FROM departments").ForEach(sql, [&](const soci::row& row) {
    out[RowInt(row, 0)] = RowText(row, 1);
  });
  return out;
}

void AttachRows(soci::session& sql, Plan& plan) {
  const std::map<int64_t, std::string> names = DepartmentNames(sql);
  Query(
      "SELECT r.item_id, r.item_version, r.target_scope, r.category, r.start_date, r.end_date, "
      "r.ratio, r.target_count, r.cooperating_ids, i.code, i.domain, i.name FROM plan_rows r "
      "JOIN catalog_items i ON i.id = r.item_id WHERE r.plan_id = :id ORDER BY r.position")
      .Bind("id", plan.id)
      .ForEach(sql, [&](const soci::row& row) {
        PlanRow r;
        r.item_id = RowInt(row, 0);
        r.item_version = RowInt(row, 1);
        r.target_scope = RowText(row, 2);
        r.category = RowText(row, 3);
        r.start_date = RowText(row, 4);
        r.end_date = RowText(row, 5);
        r.ratio = RowText(row, 6);
        r.count = RowInt(row, 7);
        r.cooperating_ids = SplitIds(RowText(row, 8));
        for (int64_t department_id : r.cooperating_ids) {
          auto found = names.find(department_id);
          r.cooperating.push_back(
              {department_id, found == names.end() ? std::string() : found->second});
        }
        r.item_code = RowText(row, 9);
        r.domain = RowText(row, 10);
        r.item_name = RowText(row, 11);
        plan.rows.push_back(std::move(r));
      });
}

void WriteRows(soci::session& sql, int64_t id, const std::vector<Row>& rows) {
  Query("DELETE FROM plan_rows WHERE plan_id = :id").Bind("id", id).Exec(sql);
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const Row& r = rows[row_idx];
    Query(
        "INSERT INTO plan_rows (plan_id, position, item_id, item_version, target_scope, "
        "category, start_date, end_date, ratio, target_count, cooperating_ids) VALUES (:id, "
        ":position, :item_id, :item_version, :scope, :category, :start_date, :end_date, :ratio, "
        ":count, :cooperating)")
        .Bind("id", id)
        .Bind("position", static_cast<int64_t>(row_idx + 1))
        .Bind("item_id", r.item_id)
        .Bind("item_version", r.item_version)
        .Bind("scope", r.target_scope)
        .Bind("category", r.category)
        .Bind("start_date", r.start_date)
        .Bind("end_date", r.end_date)
        .Bind("ratio", r.ratio)
        .Bind("count", r.count)
        .Bind("cooperating", JoinIds(r.cooperating_ids))
        .Exec(sql);
  }
}

std::string Snapshot(soci::session& sql, int64_t id) {
  return boost::json::serialize(PlanJson(*Get(sql, nullptr, id)));
}

// Rewrites the newest version's JSON and status from the plan as stored now.
void SyncNewestVersion(soci::session& sql, int64_t id) {
  const Plan plan = *Get(sql, nullptr, id);
  Query(
      "UPDATE plan_versions SET status = :status, data = :data WHERE plan_id = :id AND version = "
      ":version")
      .Bind("status", std::string(StatusCode(plan.status)))
      .Bind("data", boost::json::serialize(PlanJson(plan)))
      .Bind("id", id)
      .Bind("version", plan.version)
      .Exec(sql);
}

}  // namespace

std::vector<ItemRef> ItemRefs(soci::session& sql, const std::vector<int64_t>& ids) {
  std::vector<ItemRef> out;
  for (const catalog::repo::PublishedItem& p : catalog::repo::PublishedItems(sql, ids)) {
    ItemRef item;
    item.id = p.id;
    item.published_version = p.published_version;
    item.retired = p.retired;
    item.name = p.name;
    item.domain = p.Text("domain");
    item.category = p.Text("category");
    item.ratio_cap = p.Text("ratio_cap");
    out.push_back(std::move(item));
  }
  return out;
}

int64_t Insert(soci::session& sql, const PlanInput& input, const std::vector<Row>& rows, int64_t by,
               const std::string& now) {
  Query(
      "INSERT INTO plans (year, name, department_id, status, version, created_by, updated_by, "
      "created_at, updated_at) VALUES (:year, :name, :department_id, 'draft', 1, :by, :by2, :now, "
      ":now2)")
      .Bind("year", input.year)
      .Bind("name", input.name)
      .Bind("department_id", input.department_id)
      .Bind("by", by)
      .Bind("by2", by)
      .Bind("now", now)
      .Bind("now2", now)
      .Exec(sql);
  const int64_t id =
      Query("SELECT id FROM plans WHERE department_id = :d AND year = :year AND name = :name")
          .Bind("d", input.department_id)
          .Bind("year", input.year)
          .Bind("name", input.name)
          .ScalarInt(sql);
  WriteRows(sql, id, rows);
  Query(
      "INSERT INTO plan_versions (plan_id, version, status, data, changed_by, changed_at) VALUES "
      "(:id, 1, 'draft', :data, :by, :now)")
      .Bind("id", id)
      .Bind("data", Snapshot(sql, id))
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  return id;
}

void UpdateDraft(soci::session& sql, int64_t id, const PlanInput& input,
                 const std::vector<Row>& rows, int64_t by, const std::string& now) {
  Query(
      "UPDATE plans SET year = :year, name = :name, department_id = :department_id, updated_by = "
      ":by, updated_at = :now WHERE id = :id")
      .Bind("year", input.year)
      .Bind("name", input.name)
      .Bind("department_id", input.department_id)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
  WriteRows(sql, id, rows);
  Query(
      "UPDATE plan_versions SET changed_by = :by, changed_at = :now WHERE plan_id = :id AND "
      "version = (SELECT version FROM plans WHERE id = :id2)")
      .Bind("by", by)
      .Bind("now", now)
      .Bind("id", id)
      .Bind("id2", id)
      .Exec(sql);
  SyncNewestVersion(sql, id);
}

void SetStatus(soci::session& sql, int64_t id, State status, int64_t by, const std::string& now) {
  Query q(status == State::kSubmitted
              ? "UPDATE plans SET status = :status, submitted_by = :by, submitted_at = :now, "
                "updated_by = :by2, updated_at = :now2 WHERE id = :id"
              : "UPDATE plans SET status = :status, updated_by = :by, updated_at = :now WHERE id "
                "= :id");
  q.Bind("status", std::string(StatusCode(status))).Bind("by", by).Bind("now", now).Bind("id", id);
  if (status == State::kSubmitted) q.Bind("by2", by).Bind("now2", now);
  q.Exec(sql);
  SyncNewestVersion(sql, id);
}

void AddApproval(soci::session& sql, const Plan& plan, bool approved, int64_t by,
                 const std::string& now, const std::string& reason) {
  Query(
      "INSERT INTO plan_approvals (plan_id, version, submitted_by, submitted_at, decided_by, "
      "decided_at, decision, reason) VALUES (:id, :version, :submitted_by, :submitted_at, :by, "
      ":now, :decision, :reason)")
      .Bind("id", plan.id)
      .Bind("version", plan.version)
      .Bind("submitted_by", plan.submitted_by.value_or(0))
      .Bind("submitted_at", plan.submitted_at)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("decision", std::string(approved ? "approved" : "rejected"))
      .Bind("reason", reason)
      .Exec(sql);
}

void Publish(soci::session& sql, int64_t id, int64_t by, const std::string& now) {
  Query(
      "UPDATE plan_versions SET status = 'superseded' WHERE plan_id = :id AND status = "
      "'published'")
      .Bind("id", id)
      .Exec(sql);
  Query(
      "UPDATE plans SET status = 'published', published_version = version, first_published_at = "
      "CASE WHEN first_published_at = '' THEN :now ELSE first_published_at END, updated_by = "
      ":by, updated_at = :now2 WHERE id = :id")
      .Bind("now", now)
      .Bind("by", by)
      .Bind("now2", now)
      .Bind("id", id)
      .Exec(sql);
  Query(
      "UPDATE plan_versions SET published_by = :by, published_at = :now WHERE plan_id = :id AND "
      "version = (SELECT version FROM plans WHERE id = :id2)")
      .Bind("by", by)
      .Bind("now", now)
      .Bind("id", id)
      .Bind("id2", id)
      .Exec(sql);
  SyncNewestVersion(sql, id);
}

void Adjust(soci::session& sql, int64_t id, int64_t by, const std::string& now,
            const std::string& reason) {
  Query(
      "UPDATE plans SET status = 'draft', version = version + 1, submitted_by = NULL, "
      "submitted_at = '', updated_by = :by, updated_at = :now WHERE id = :id")
      .Bind("by", by)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
  const Plan plan = *Get(sql, nullptr, id);
  Query(
      "INSERT INTO plan_versions (plan_id, version, status, data, adjust_reason, changed_by, "
      "changed_at) VALUES (:id, :version, 'draft', :data, :reason, :by, :now)")
      .Bind("id", id)
      .Bind("version", plan.version)
      .Bind("data", boost::json::serialize(PlanJson(plan)))
      .Bind("reason", reason)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
}

void Lock(soci::session& sql, int64_t id) {
  Query("UPDATE plans SET version = version WHERE id = :id").Bind("id", id).Exec(sql);
}

std::optional<Plan> Get(soci::session& sql, const org::Principal* who, int64_t id) {
  Query q(std::string(kColumns) + " WHERE p.id = :id");
  q.Bind("id", id);
  org::repo::AddScope(q, who, "d", "p.created_by");
  std::optional<Plan> out;
  q.ForEach(sql, [&](const soci::row& row) { out = FromRow(row); });
  if (out) AttachRows(sql, *out);
  return out;
}

db::Page<Plan> List(soci::session& sql, const org::Principal* who, const PlanFilter& f) {
  Query where(" WHERE 1 = 1");
  if (f.year > 0) where.Append(" AND p.year = :year").Bind("year", f.year);
  if (!f.status.empty()) where.Append(" AND p.status = :status").Bind("status", f.status);
  if (f.department_id > 0)
    where.Append(" AND p.department_id = :dept").Bind("dept", f.department_id);
  org::repo::AddScope(where, who, "d", "p.created_by");
  db::Page<Plan> page;
  page.total =
      where.Wrapped("SELECT COUNT(*) FROM plans p JOIN departments d ON d.id = p.department_id")
          .ScalarInt(sql);
  Query rows = where.Wrapped(kColumns, " ORDER BY p.year DESC, p.id DESC LIMIT :limit OFFSET :off");
  rows.Bind("limit", f.page_size).Bind("off", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(FromRow(row)); });
  return page;
}

std::vector<Plan> Unpublished(soci::session& sql, const org::Principal* who, int64_t year) {
  Query q(std::string(kColumns) + " WHERE p.published_version IS NULL AND p.year <= :year");
  q.Bind("year", year);
  org::repo::AddScope(q, who, "d", "p.created_by");
  q.Append(" ORDER BY p.year, p.id");
  std::vector<Plan> out;
  q.ForEach(sql, [&](const soci::row& row) { out.push_back(FromRow(row)); });
  return out;
}

std::vector<PlanVersion> Versions(soci::session& sql, int64_t id) {
  std::vector<PlanVersion> out;
  Query(
      "SELECT v.version, v.status, v.data, v.adjust_reason, COALESCE(c.name, ''), v.changed_at, "
      "COALESCE(p.name, ''), v.published_at FROM plan_versions v LEFT JOIN users c ON c.id = "
      "v.changed_by LEFT JOIN users p ON p.id = v.published_by WHERE v.plan_id = :id ORDER BY "
      "v.version DESC")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) {
        out.push_back({RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3),
                       RowText(row, 4), RowText(row, 5), RowText(row, 6), RowText(row, 7)});
      });
  return out;
}

std::vector<Approval> Approvals(soci::session& sql, int64_t id) {
  std::vector<Approval> out;
  Query(
      "SELECT a.version, COALESCE(s.name, ''), a.submitted_at, COALESCE(d.name, ''), "
      "a.decided_at, a.decision, a.reason FROM plan_approvals a LEFT JOIN users s ON s.id = "
      "a.submitted_by LEFT JOIN users d ON d.id = a.decided_by WHERE a.plan_id = :id ORDER BY "
      "a.id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) {
        out.push_back({RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3),
                       RowText(row, 4), RowText(row, 5), RowText(row, 6)});
      });
  return out;
}

std::vector<PublicPlan> ListPublic(soci::session& sql, int64_t year) {
  Query q(
      "SELECT p.id, v.version, d.name, v.data, v.published_at FROM plan_versions v JOIN plans p "
      "ON p.id = v.plan_id JOIN departments d ON d.id = p.department_id WHERE v.status = "
      "'published'");
  if (year > 0) q.Append(" AND p.year = :year").Bind("year", year);
  q.Append(" ORDER BY p.year DESC, d.name, p.name");
  std::vector<PublicPlan> out;
  q.ForEach(sql, [&](const soci::row& row) {
    out.push_back(
        {RowInt(row, 0), RowInt(row, 1), RowText(row, 2), RowText(row, 3), RowText(row, 4)});
  });
  return out;
}

std::vector<MergeRow> MergeRows(soci::session& sql, const org::Principal* who, int64_t year) {
  Query q(
      "SELECT p.id, p.name, p.year, p.department_id, d.name, r.item_id, i.name, i.domain, "
      "r.target_scope, r.start_date, r.end_date FROM plan_rows r JOIN plans p ON p.id = "
      "r.plan_id JOIN departments d ON d.id = p.department_id JOIN catalog_items i ON i.id = "
      "r.item_id WHERE p.year = :year");
  q.Bind("year", year);
  org::repo::AddScope(q, who, "d", "p.created_by");
  std::vector<MergeRow> out;
  q.ForEach(sql, [&](const soci::row& row) {
    out.push_back({RowInt(row, 0), RowText(row, 1), RowInt(row, 2), RowInt(row, 3), RowText(row, 4),
                   RowInt(row, 5), RowText(row, 6), RowText(row, 7), RowText(row, 8),
                   RowText(row, 9), RowText(row, 10)});
  });
  return out;
}

}  // namespace ssj::plan::repo

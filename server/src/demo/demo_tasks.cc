#include "demo/demo_tasks.h"

#include <boost/json.hpp>
#include <chrono>

#include "audit/audit_repo.h"
#include "calendar/calendar.h"
#include "catalog/catalog_repo.h"
#include "ceremony/ceremony_service.h"
#include "common/clock.h"
#include "demo/demo_inspections.h"
#include "org/org_repo.h"
#include "plan/plan.h"
#include "plan/plan_repo.h"
#include "policy/policy_repo.h"
#include "task/task.h"
#include "task/task_repo.h"

namespace ssj::demo {
namespace {

using db::Query;

int64_t UserId(soci::session& sql, const std::string& username) {
  return Query("SELECT id FROM users WHERE username = :u").Bind("u", username).ScalarInt(sql);
}

int64_t DepartmentId(soci::session& sql, const std::string& code) {
  return org::repo::GetDepartmentByCode(sql, code)->id;
}

int64_t ItemId(soci::session& sql, const std::string& code) {
  return catalog::repo::FindByCode(sql, code)->id;
}

// `days` after `date`, but not past the year's last day (a window stays in one year).
std::string DaysAfter(const std::string& date, int days) {
  auto d = calendar::ParseDate(date);
  const std::string out = calendar::FormatDate(*d + std::chrono::days{days});
  return out.substr(0, 4) == date.substr(0, 4) ? out : date.substr(0, 4) + "-12-31";
}

Result<int64_t> AddPlan(soci::session& sql, const std::string& year, const std::string& now,
                        const audit::Actor& actor, int64_t now_ms) {
  plan::PlanInput in;
  in.year = std::stoll(year);
  in.name = year + "年度节能与综合利用处“双随机、一公开”抽查工作计划";
  in.department_id = DepartmentId(sql, "CQJXW-JNZY");
  plan::RowInput energy;
  energy.item_id = ItemId(sql, "CQJXW-JNZY-001");
  energy.target_scope = "全市重点用能单位";
  energy.start_date = year + "-03-01";
  energy.end_date = year + "-12-31";
  energy.ratio = "3";
  energy.cooperating_ids = {DepartmentId(sql, "CQJXW-XFP")};
  plan::RowInput equipment;
  equipment.item_id = ItemId(sql, "CQJXW-JNZY-002");
  equipment.target_scope = "使用高耗能机电设备的工业企业";
  equipment.start_date = year + "-05-01";
  equipment.end_date = year + "-12-31";
  equipment.count = 20;
  plan::RowInput recycling;
  recycling.item_id = ItemId(sql, "CQJXW-JNZY-004");
  recycling.target_scope = "资源综合利用产品认定企业";
  recycling.start_date = year + "-06-01";
  recycling.end_date = year + "-12-31";
  recycling.ratio = "5";
  in.rows = {energy, equipment, recycling};
  std::vector<int64_t> ids{energy.item_id, equipment.item_id, recycling.item_id};
  SSJ_ASSIGN(std::vector<plan::Row> rows,
             plan::CheckPlan(in, plan::repo::ItemRefs(sql, ids), policy::Current(sql).rules));
  const int64_t yewu = UserId(sql, "yewu");
  const int64_t tongchou = UserId(sql, "tongchou");
  const int64_t id = plan::repo::Insert(sql, in, rows, yewu, now);
  plan::repo::SetStatus(sql, id, plan::State::kSubmitted, yewu, now);
  plan::repo::AddApproval(sql, *plan::repo::Get(sql, nullptr, id), true, tongchou, now, "同意");
  plan::repo::SetStatus(sql, id, plan::State::kApproved, tongchou, now);
  plan::repo::Publish(sql, id, tongchou, now);
  audit::Append(sql, actor,
                {"plan:annual:publish", "plan", std::to_string(id), nullptr,
                 plan::PlanJson(*plan::repo::Get(sql, nullptr, id))},
                now_ms);
  return id;
}

task::TaskInput TaskBase(soci::session& sql, const std::string& name, int64_t plan_id,
                         const std::string& start, const std::string& end) {
  task::TaskInput in;
  in.plan_id = plan_id;
  in.name = name;
  in.department_id = DepartmentId(sql, "CQJXW-JNZY");
  in.start_date = start;
  in.end_date = end;
  in.team_size = 2;
  in.region_rule = "any";
  in.inspector_capacity = 30;
  return in;
}

Result<task::Task> AddTask(soci::session& sql, task::TaskInput in, const std::string& now,
                           const audit::Actor& actor, int64_t now_ms) {
  std::vector<task::ItemInfo> items = task::repo::Items(sql, in.item_ids);
  SSJ_TRY(task::CheckTask(in, items, task::repo::Specialties(sql), policy::Current(sql).rules));
  const int64_t id = task::repo::Insert(sql, in, items, UserId(sql, "yewu"), now);
  task::Task t = *task::repo::Get(sql, nullptr, id);
  audit::Append(sql, actor,
                {"task:task:add", "task", std::to_string(id), nullptr, task::TaskJson(t)}, now_ms);
  return t;
}

}  // namespace

Result<DemoTasks> AddPlansAndTasks(soci::session& sql, db::Backend backend, int64_t now_ms) {
  DemoTasks out;
  if (Query("SELECT COUNT(*) FROM tasks").ScalarInt(sql) > 0) return out;
  if (Query("SELECT COUNT(*) FROM targets").ScalarInt(sql) < 1000) return out;
  const std::string now = FormatIsoMillis(now_ms);
  const std::string today = ChinaDate(now_ms);
  const std::string year = today.substr(0, 4);
  const audit::Actor actor{std::nullopt, "system:demo", std::nullopt, "127.0.0.1"};
  const policy::Rules rules = policy::Current(sql).rules;
  const int64_t yewu = UserId(sql, "yewu");

  db::Transaction tx(sql, backend);
  SSJ_ASSIGN(const int64_t plan_id, AddPlan(sql, year, now, actor, now_ms));
  ++out.plans;

  // 1. A joint task drawn and confirmed this morning; its window opens today and its teams set
  // out.
  task::TaskInput joint =
      TaskBase(sql, year + "年重点用能单位节能监察联合抽查", plan_id, today, DaysAfter(today, 30));
  joint.item_ids = {ItemId(sql, "CQJXW-JNZY-001")};
  joint.participants = {{DepartmentId(sql, "CQJXW-XFP"), ""}};
  joint.strata = {{"A", "2", 0}, {"B", "3", 0}, {"C", "4", 0}, {"D", "5", 0}, {"U", "3", 0}};
  joint.raise_tags = {"投诉举报多", "严重违法失信"};
  SSJ_ASSIGN(task::Task first, AddTask(sql, joint, now, actor, now_ms));
  SSJ_ASSIGN(ceremony::CommitResult sealed,
             ceremony::Commit(sql, first, rules, today + " 00:00", today, yewu, now));
  first = *task::repo::Get(sql, nullptr, first.id);
  for (auto [name, unit, role] : {std::tuple{"赵敏", "市经济信息委人事处", "监督人"},
                                  std::tuple{"孙立新", "重庆渝能机械有限公司", "企业代表"}}) {
    ceremony::AddWitness(sql, first.id, {name, unit, role}, yewu, now);
  }
  SSJ_TRY(
      ceremony::Draw(sql, first, rules, {sealed.secret, "4152 6314 2536 1425 3614"}, yewu, now));
  task::repo::SetStatus(sql, first.id, task::State::kConfirmed, yewu, now);
  audit::Append(sql, actor,
                {"task:draw:confirm", "task", std::to_string(first.id), nullptr,
                 task::TaskJson(*task::repo::Get(sql, nullptr, first.id))},
                now_ms);
  // The teams set out today: records in each state of the review.
  task::repo::SetStatus(sql, first.id, task::State::kInspecting, yewu, now);
  audit::Append(sql, actor,
                {"task:task:start", "task", std::to_string(first.id), nullptr,
                 task::TaskJson(*task::repo::Get(sql, nullptr, first.id))},
                now_ms);
  out.records = AddInspections(sql, first.id, today, now, now_ms);
  ++out.tasks;

  // 2. A task committed, its ceremony three days ahead; its secret goes to the demo user.
  task::TaskInput next = TaskBase(sql, year + "年高耗能落后机电设备淘汰情况监察", plan_id,
                                  DaysAfter(today, 7), DaysAfter(today, 40));
  next.item_ids = {ItemId(sql, "CQJXW-JNZY-002")};
  next.strata = {{"ALL", "", 20}};
  SSJ_ASSIGN(task::Task second, AddTask(sql, next, now, actor, now_ms));
  SSJ_ASSIGN(
      ceremony::CommitResult pending,
      ceremony::Commit(sql, second, rules, DaysAfter(today, 3) + " 10:00", today, yewu, now));
  out.pending_task = second.code;
  out.pending_secret = pending.secret;
  ++out.tasks;

  // 3. A draft.
  task::TaskInput draft = TaskBase(sql, year + "年资源综合利用产品认定企业核查", plan_id,
                                   DaysAfter(today, 10), DaysAfter(today, 45));
  draft.item_ids = {ItemId(sql, "CQJXW-JNZY-004")};
  draft.strata = {{"ALL", "5", 0}};
  SSJ_TRY(AddTask(sql, draft, now, actor, now_ms));
  ++out.tasks;
  tx.Commit();
  return out;
}

}  // namespace ssj::demo

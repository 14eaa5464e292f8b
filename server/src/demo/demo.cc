#include "demo/demo.h"

#include <boost/json.hpp>

#include "audit/audit_repo.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "db/database.h"
#include "demo/demo_inspectors.h"
#include "demo/demo_items.h"
#include "demo/demo_restrictions.h"
#include "demo/demo_targets.h"
#include "demo/demo_tasks.h"
#include "org/admin.h"
#include "org/org.h"
#include "org/org_repo.h"

namespace ssj::demo {
namespace {

struct DemoDepartment {
  const char* code;
  const char* parent;
  const char* name;
  const char* level;
  const char* division;
  const char* type;
};

// Real GB/T 2260 codes: 500000 重庆市, 500103 渝中区, 500111 大足区.
constexpr DemoDepartment kDepartments[] = {
    {"CQJXW", nullptr, "重庆市经济和信息化委员会", "province", "500000", "agency"},
    {"CQJXW-ZHZF", "CQJXW", "综合执法处", "province", "500000", "office"},
    {"CQJXW-ZCFG", "CQJXW", "政策法规处", "province", "500000", "office"},
    {"CQJXW-JNZY", "CQJXW", "节能与综合利用处", "province", "500000", "office"},
    {"CQJXW-XFP", "CQJXW", "消费品工业处", "province", "500000", "office"},
    {"CQJXW-DL", "CQJXW", "电力处", "province", "500000", "office"},
    {"YZ-JXW", "CQJXW", "渝中区经济和信息化委员会", "county", "500103", "agency"},
    {"DZ-JXW", "CQJXW", "大足区经济和信息化委员会", "county", "500111", "agency"},
};

struct DemoRole {
  const char* code;
  const char* name;
  org::DataScope scope;
  std::vector<std::string> permissions;
  const char* remark;
};

const std::vector<DemoRole>& Roles() {
  static const std::vector<DemoRole> kRoles = {
      {"coordinator",
       "统筹部门",
       org::DataScope::kAll,
       {"system:dept:list",         "system:user:list",
        "system:role:list",         "system:audit:list",
        "system:loginlog:list",     "directory:target:list",
        "directory:inspector:list", "directory:conflict:list",
        "directory:exemption:list", "catalog:item:list",
        "catalog:item:add",         "catalog:item:edit",
        "catalog:item:publish",     "catalog:item:import",
        "catalog:item:export",      "plan:annual:list",
        "plan:annual:add",          "plan:annual:edit",
        "plan:annual:submit",       "plan:annual:approve",
        "plan:annual:publish",      "task:task:list"},
       "综合执法处等统筹部门：抽查事项清单、计划审批、跨部门监督"},
      {"staff",
       "业务处室",
       org::DataScope::kDeptTree,
       {"system:dept:list",
        "system:user:list",
        "directory:target:list",
        "directory:target:add",
        "directory:target:edit",
        "directory:target:import",
        "directory:target:export",
        "directory:inspector:list",
        "directory:inspector:add",
        "directory:inspector:edit",
        "directory:inspector:import",
        "directory:inspector:export",
        "directory:conflict:list",
        "directory:conflict:add",
        "directory:conflict:edit",
        "directory:conflict:import",
        "directory:conflict:export",
        "directory:exemption:list",
        "directory:exemption:add",
        "directory:exemption:edit",
        "directory:exemption:import",
        "directory:exemption:export",
        "catalog:item:list",
        "plan:annual:list",
        "plan:annual:add",
        "plan:annual:edit",
        "plan:annual:submit",
        "plan:annual:publish",
        "task:task:list",
        "task:task:add",
        "task:task:edit",
        "task:draw:commit",
        "task:draw:run",
        "task:draw:confirm",
        "task:change:request",
        "inspection:record:list",
        "inspection:record:review",
        "inspection:result:publish",
        "inspection:result:correct",
        "inspection:objection:handle",
        "inspection:followup:edit",
        "inspection:report:edit"},
       "实施主体：名录库、计划、任务、抽取、结果审核"},
      {"inspector",
       "执法检查人员",
       org::DataScope::kSelf,
       {},
       "查看本人任务，录入检查结果，申报回避"},
      {"head",
       "负责人",
       org::DataScope::kDeptTree,
       {"system:dept:list", "system:user:list", "system:audit:list", "plan:annual:list",
        "plan:annual:approve", "task:task:list", "task:change:approve", "inspection:record:list",
        "inspection:result:approve"},
       "审批锁定名单变更和已公示结果的更正"},
  };
  return kRoles;
}

}  // namespace

const std::vector<DemoLogin>& Logins() {
  static const std::vector<DemoLogin> kLogins = {
      {"admin", "Admin@2026", "平台管理员", "重庆市经济和信息化委员会"},
      {"tongchou", "Demo@2026", "统筹部门", "综合执法处"},
      {"yewu", "Demo@2026", "业务处室", "节能与综合利用处"},
      {"fuzeren", "Demo@2026", "负责人", "重庆市经济和信息化委员会"},
      {"jiancha", "Demo@2026", "执法检查人员", "渝中区经济和信息化委员会"},
      {"zhifa", "Demo@2026", "执法检查人员", "节能与综合利用处"},
      {"zuyuan", "Demo@2026", "执法检查人员", "消费品工业处"},
      {"dazu", "Demo@2026", "业务处室", "大足区经济和信息化委员会"},
  };
  return kLogins;
}

Result<DemoReport> Run(const Services& services, int64_t targets) {
  struct DemoUser {
    const char* username;
    const char* name;
    const char* department;
    const char* role;
    const char* phone;
  };
  static const DemoUser kUsers[] = {
      {"admin", "系统管理员", "CQJXW", org::kAdminRoleCode, "023-63890001"},
      {"tongchou", "周晓梅", "CQJXW-ZHZF", "coordinator", "13983000001"},
      {"yewu", "刘建国", "CQJXW-JNZY", "staff", "13983000002"},
      {"fuzeren", "陈志强", "CQJXW", "head", "13983000003"},
      {"jiancha", "王磊", "YZ-JXW", "inspector", "13983000004"},
      {"zhifa", "赵俊杰", "CQJXW-JNZY", "inspector", "13983001001"},
      {"zuyuan", "组员", "CQJXW-XFP", "inspector", "13983001002"},
      {"dazu", "李娟", "DZ-JXW", "staff", "13983000005"},
  };

  DemoReport report;
  report.logins = Logins();
  db::Lease sql = services.db->Acquire();
  if (org::repo::GetDepartmentByCode(*sql, "CQJXW")) {
    report.already_present = true;
    return report;
  }
  const int64_t now_ms = services.clock->NowMillis();
  const std::string now = FormatIsoMillis(now_ms);
  const audit::Actor actor{std::nullopt, "system:demo", std::nullopt, "127.0.0.1"};

  db::Transaction tx(*sql, services.db->backend());
  org::SyncAdminRole(*sql, now);
  for (const DemoDepartment& d : kDepartments) {
    org::DepartmentInput input;
    std::string parent_path = "/";
    if (d.parent) {
      auto parent = org::repo::GetDepartmentByCode(*sql, d.parent);
      input.parent_id = parent->id;
      parent_path = parent->path;
    }
    input.code = d.code;
    input.name = d.name;
    input.level = d.level;
    input.division_code = d.division;
    input.type = d.type;
    input.sort = report.departments * 10;
    SSJ_TRY(org::CheckDepartment(input));
    int64_t id = org::repo::InsertDepartment(*sql, input, parent_path, std::nullopt, now);
    audit::Append(*sql, actor,
                  {"system:dept:add", "department", std::to_string(id), nullptr,
                   org::ToJson(*org::repo::GetDepartment(*sql, nullptr, id))},
                  now_ms);
    ++report.departments;
  }
  for (const DemoRole& r : Roles()) {
    org::RoleInput input{r.code, r.name, r.scope, r.permissions, r.remark};
    int64_t id = org::repo::InsertRole(*sql, input, /*builtin=*/true, std::nullopt, now);
    audit::Append(*sql, actor,
                  {"system:role:add", "role", std::to_string(id), nullptr,
                   org::ToJson(*org::repo::GetRole(*sql, id))},
                  now_ms);
  }
  for (const DemoUser& u : kUsers) {
    const DemoLogin* login = nullptr;
    for (const DemoLogin& l : Logins()) {
      if (l.username == u.username) login = &l;
    }
    org::UserInput input;
    input.username = u.username;
    input.name = u.name;
    input.phone = u.phone;
    input.department_id = org::repo::GetDepartmentByCode(*sql, u.department)->id;
    input.role_ids = {org::repo::GetRoleByCode(*sql, u.role)->id};
    input.password = login->password;
    SSJ_TRY(org::CheckUser(input, true));
    int64_t id =
        org::repo::InsertUser(*sql, input, HashPassword(input.password), std::nullopt, now);
    audit::Append(*sql, actor,
                  {"system:user:add", "user", std::to_string(id), nullptr,
                   org::ToJson(*org::repo::GetUser(*sql, nullptr, id))},
                  now_ms);
  }
  tx.Commit();
  SSJ_ASSIGN(report.targets, AddTargets(*sql, services.db->backend(), now_ms, targets));
  SSJ_ASSIGN(report.places_and_products,
             AddPlacesAndProducts(*sql, services.db->backend(), now_ms, targets > 0 ? 24 : 0));
  SSJ_ASSIGN(report.inspectors, AddInspectors(*sql, services.db->backend(), now_ms));
  SSJ_TRY(AddRestrictions(*sql, services.db->backend(), now_ms));
  SSJ_TRY(AddItems(*sql, services.db->backend(), now_ms));
  SSJ_ASSIGN(DemoTasks tasks, AddPlansAndTasks(*sql, services.db->backend(), now_ms));
  report.plans = tasks.plans;
  report.tasks = tasks.tasks;
  report.records = tasks.records;
  report.pending_task = tasks.pending_task;
  report.pending_secret = tasks.pending_secret;
  return report;
}

}  // namespace ssj::demo

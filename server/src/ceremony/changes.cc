#include "ceremony/changes.h"

#include <boost/json.hpp>

#include "ceremony/ceremony.h"
#include "ceremony/ceremony_service.h"
#include "common/text.h"
#include "db/database.h"
#include "directory/directory.h"
#include "org/org_repo.h"
#include "task/task.h"
#include "task/task_repo.h"

namespace ssj::ceremony {
namespace {

namespace json = boost::json;
using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

constexpr const char* kColumns =
    "SELECT c.id, c.task_id, c.kind, c.target_id, c.inspector_id, c.category, c.reason, c.status, "
    "c.requested_by, COALESCE(ru.name, ''), c.requested_at, COALESCE(du.name, ''), c.decided_at, "
    "c.decision_reason, c.applied_at, COALESCE(g.code, ''), COALESCE(g.name, ''), "
    "COALESCE(i.code, ''), COALESCE(i.name, ''), t.code, t.name FROM task_changes c JOIN tasks t "
    "ON t.id = c.task_id JOIN departments d ON d.id = t.department_id LEFT JOIN users ru ON ru.id "
    "= c.requested_by LEFT JOIN users du ON du.id = c.decided_by LEFT JOIN targets g ON g.id = "
    "c.target_id LEFT JOIN inspectors i ON i.id = c.inspector_id";

Change FromRow(const soci::row& row) {
  Change c;
  c.id = RowInt(row, 0);
  c.task_id = RowInt(row, 1);
  c.kind = ParseChangeKind(RowText(row, 2)).value_or(ChangeKind::kReplaceTarget);
  c.target_id = RowOptInt(row, 3);
  c.inspector_id = RowOptInt(row, 4);
  c.category = RowText(row, 5);
  c.reason = RowText(row, 6);
  c.status = RowText(row, 7);
  c.requested_by = RowInt(row, 8);
  c.requested_by_name = RowText(row, 9);
  c.requested_at = RowText(row, 10);
  c.decided_by_name = RowText(row, 11);
  c.decided_at = RowText(row, 12);
  c.decision_reason = RowText(row, 13);
  c.applied_at = RowText(row, 14);
  c.target_code = RowText(row, 15);
  c.target_name = RowText(row, 16);
  c.inspector_code = RowText(row, 17);
  c.inspector_name = RowText(row, 18);
  c.task_code = RowText(row, 19);
  c.task_name = RowText(row, 20);
  return c;
}

void SetChangeStatus(soci::session& sql, int64_t id, const std::string& status) {
  Query("UPDATE task_changes SET status = :s WHERE id = :id")
      .Bind("s", status)
      .Bind("id", id)
      .Exec(sql);
}

void MarkApplied(soci::session& sql, int64_t id, const std::string& record_before,
                 const std::string& public_input, int64_t by, const std::string& now) {
  Query(
      "UPDATE task_changes SET status = 'applied', record_before = :before, public_input = "
      ":input, applied_by = :by, applied_at = :now WHERE id = :id")
      .Bind("before", record_before)
      .Bind("input", public_input)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

// The record's request with one more entry in `list` ("replacements" or "recusals").
json::value Extended(const std::string& record, const char* list, json::object entry) {
  json::value request = json::parse(record).at("request");
  json::object& o = request.as_object();
  if (!o.contains(list) || !o.at(list).is_array()) o[list] = json::array();
  o[list].as_array().push_back(std::move(entry));
  return request;
}

Error Conflict(std::string code, std::string message) {
  return Error{ErrorKind::kConflict, std::move(code), std::move(message), {}};
}

}  // namespace

std::string_view ChangeKindCode(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kReplaceTarget:
      return "replace_target";
    case ChangeKind::kWithdrawInspector:
      return "withdraw_inspector";
    case ChangeKind::kVoid:
      return "void";
  }
  return "replace_target";
}

std::optional<ChangeKind> ParseChangeKind(std::string_view code) {
  for (ChangeKind k :
       {ChangeKind::kReplaceTarget, ChangeKind::kWithdrawInspector, ChangeKind::kVoid}) {
    if (ChangeKindCode(k) == code) return k;
  }
  return std::nullopt;
}

Status CheckChange(const ChangeInput& in, task::State state) {
  using directory::OneOf;
  if (in.reason.empty() || Utf8Chars(in.reason) > 500)
    return Error::InvalidField("reason", "请填写变更理由（500 字以内）", in.reason.substr(0, 64));
  switch (in.kind) {
    case ChangeKind::kReplaceTarget:
      if (!OneOf(in.category, kReplaceCategories))
        return Error::InvalidField("category", "替换原因应为 免检、注销、吊销、迁出 或 其他",
                                   in.category);
      if (!in.target_id) return Error::InvalidField("target_id", "请选择要替换的检查对象");
      break;
    case ChangeKind::kWithdrawInspector:
      if (!OneOf(in.category, kWithdrawCategories))
        return Error::InvalidField("category", "退出原因应为 回避、疾病、工作调动 或 其他",
                                   in.category);
      if (!in.inspector_id) return Error::InvalidField("inspector_id", "请选择退出的检查人员");
      break;
    case ChangeKind::kVoid:
      break;
  }
  const bool drawn = state == task::State::kDrawn || state == task::State::kConfirmed ||
                     state == task::State::kInspecting;
  if (in.kind == ChangeKind::kVoid) {
    if (!drawn && state != task::State::kCommitted)
      return Conflict("task.bad_state", "只有已冻结或已抽取的任务可以申请作废");
  } else if (!drawn) {
    return Conflict("task.bad_state", "只有已抽取的名单可以申请变更");
  }
  return OkStatus();
}

json::object ChangeJson(const Change& c) {
  auto opt = [](const std::optional<int64_t>& v) {
    return v ? json::value(*v) : json::value(nullptr);
  };
  return {{"id", c.id},
          {"task_id", c.task_id},
          {"task_code", c.task_code},
          {"task_name", c.task_name},
          {"kind", std::string(ChangeKindCode(c.kind))},
          {"target_id", opt(c.target_id)},
          {"target_code", c.target_code},
          {"target_name", c.target_name},
          {"inspector_id", opt(c.inspector_id)},
          {"inspector_code", c.inspector_code},
          {"inspector_name", c.inspector_name},
          {"category", c.category},
          {"reason", c.reason},
          {"status", c.status},
          {"requested_by", c.requested_by},
          {"requested_by_name", c.requested_by_name},
          {"requested_at", c.requested_at},
          {"decided_by_name", c.decided_by_name},
          {"decided_at", c.decided_at},
          {"decision_reason", c.decision_reason},
          {"applied_at", c.applied_at}};
}

Result<int64_t> RequestChange(soci::session& sql, const task::Task& t, const ChangeInput& in,
                              int64_t by, const std::string& now) {
  SSJ_TRY(CheckChange(in, t.status));
  if (in.kind == ChangeKind::kReplaceTarget) {
    const int64_t on_list =
        Query("SELECT COUNT(*) FROM task_targets WHERE task_id = :t AND target_id = :g")
            .Bind("t", t.id)
            .Bind("g", *in.target_id)
            .ScalarInt(sql);
    if (!on_list)
      return Error::InvalidField("target_id", "该检查对象不在本任务的抽中名单中",
                                 std::to_string(*in.target_id));
  }
  if (in.kind == ChangeKind::kWithdrawInspector) {
    const int64_t slots =
        Query("SELECT COUNT(*) FROM task_team WHERE task_id = :t AND inspector_id = :i")
            .Bind("t", t.id)
            .Bind("i", *in.inspector_id)
            .ScalarInt(sql);
    if (!slots) {
      return Error::InvalidField("inspector_id", "该检查人员不在本任务的检查组中",
                                 std::to_string(*in.inspector_id));
    }
  }
  Query pending(
      "SELECT COUNT(*) FROM task_changes WHERE task_id = :t AND status IN ('pending', 'approved') "
      "AND kind = :k");
  pending.Bind("t", t.id).Bind("k", std::string(ChangeKindCode(in.kind)));
  if (in.kind == ChangeKind::kReplaceTarget)
    pending.Append(" AND target_id = :g").Bind("g", *in.target_id);
  if (in.kind == ChangeKind::kWithdrawInspector)
    pending.Append(" AND inspector_id = :i").Bind("i", *in.inspector_id);
  if (pending.ScalarInt(sql) > 0)
    return Conflict("task.change_pending", "同一事项已有待审批或待执行的申请");

  Query q(
      "INSERT INTO task_changes (task_id, kind, target_id, inspector_id, category, reason, status, "
      "requested_by, requested_at) VALUES (:t, :k, :g, :i, :c, :r, 'pending', :by, :now)");
  q.Bind("t", t.id).Bind("k", std::string(ChangeKindCode(in.kind)));
  if (in.target_id) {
    q.Bind("g", *in.target_id);
  } else {
    q.BindNull("g");
  }
  if (in.inspector_id) {
    q.Bind("i", *in.inspector_id);
  } else {
    q.BindNull("i");
  }
  q.Bind("c", in.category).Bind("r", in.reason).Bind("by", by).Bind("now", now).Exec(sql);
  return Query("SELECT MAX(id) FROM task_changes WHERE task_id = :t AND requested_by = :by")
      .Bind("t", t.id)
      .Bind("by", by)
      .ScalarInt(sql);
}

std::optional<Change> GetChange(soci::session& sql, int64_t id) {
  std::optional<Change> out;
  Query(std::string(kColumns) + " WHERE c.id = :id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) { out = FromRow(row); });
  return out;
}

std::vector<Change> Changes(soci::session& sql, int64_t task_id) {
  std::vector<Change> out;
  Query(std::string(kColumns) + " WHERE c.task_id = :t ORDER BY c.id")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) { out.push_back(FromRow(row)); });
  return out;
}

std::vector<Change> Pending(soci::session& sql, const org::Principal* who) {
  Query q(std::string(kColumns) + " WHERE c.status = 'pending'");
  org::repo::AddScope(q, who, "d", "t.created_by");
  q.Append(" ORDER BY c.id");
  std::vector<Change> out;
  q.ForEach(sql, [&](const soci::row& row) { out.push_back(FromRow(row)); });
  return out;
}

Result<Change> Decide(soci::session& sql, const Change& c, bool approve, int64_t by,
                      const std::string& reason, const std::string& now) {
  if (c.status != "pending")
    return Conflict("task.change_decided", "该申请已处理（" + c.status + "），不能再次审批");
  if (c.requested_by == by) {
    return Error{ErrorKind::kForbidden, "task.self_approval", "不能审批本人提出的申请", {}};
  }
  if (!approve && reason.empty()) return Error::InvalidField("reason", "驳回申请须填写理由");
  auto task = task::repo::Get(sql, nullptr, c.task_id);
  if (!task) return Error::NotFound("抽查任务");
  task::repo::Lock(sql, task->id);
  Query(
      "UPDATE task_changes SET decided_by = :by, decided_at = :now, decision_reason = :r WHERE id "
      "= :id")
      .Bind("by", by)
      .Bind("now", now)
      .Bind("r", reason)
      .Bind("id", c.id)
      .Exec(sql);
  if (!approve) {
    SetChangeStatus(sql, c.id, "rejected");
    return *GetChange(sql, c.id);
  }
  SetChangeStatus(sql, c.id, "approved");
  const std::string record = task::repo::RecordJson(sql, task->id);
  if (c.kind == ChangeKind::kVoid) {
    SSJ_TRY(task::Transition(task->status, task::Action::kVoid));
    task::repo::SetVoid(sql, task->id, c.reason, by, now);
    MarkApplied(sql, c.id, record, "", by, now);
  } else if (c.kind == ChangeKind::kReplaceTarget) {
    // The next reserve of the stratum, as the engine computes it (§8).
    std::string code;
    Query("SELECT code FROM task_targets WHERE task_id = :t AND target_id = :g")
        .Bind("t", task->id)
        .Bind("g", *c.target_id)
        .ForEach(sql, [&](const soci::row& row) { code = RowText(row, 0); });
    SSJ_ASSIGN(json::value updated,
               Rerun(sql, *task,
                     Extended(record, "replacements",
                              {{"target", code}, {"reason", c.category + "：" + c.reason}})));
    (void)updated;
    MarkApplied(sql, c.id, record, "", by, now);
  }
  // A withdrawal stays approved until its fresh public input is entered (ApplyWithdrawal).
  return *GetChange(sql, c.id);
}

Result<Change> ApplyWithdrawal(soci::session& sql, const Change& c, const std::string& dice,
                               int64_t by, const std::string& now) {
  if (c.kind != ChangeKind::kWithdrawInspector || c.status != "approved") {
    return Conflict("task.change_not_approved", "只有已批准的检查人员退出申请可以执行补抽");
  }
  SSJ_ASSIGN(const std::string digits, CheckDice(dice));
  auto task = task::repo::Get(sql, nullptr, c.task_id);
  if (!task) return Error::NotFound("抽查任务");
  task::repo::Lock(sql, task->id);
  task::repo::LockDraws(sql);
  const std::string record = task::repo::RecordJson(sql, task->id);
  const json::value input = {{"kind", "dice"}, {"value", digits}};
  SSJ_ASSIGN(json::value updated, Rerun(sql, *task,
                                        Extended(record, "recusals",
                                                 {{"kind", "withdraw"},
                                                  {"inspector", c.inspector_code},
                                                  {"reason", c.category + "：" + c.reason},
                                                  {"public_input", input}})));
  (void)updated;
  MarkApplied(sql, c.id, record, json::serialize(input), by, now);
  // A declared conflict (回避) about a target also holds for later draws.
  if (c.category == "回避" && c.target_id && c.inspector_id) {
    Query(
        "INSERT INTO conflicts (inspector_id, target_id, reason, source, valid_from, created_by, "
        "created_at, updated_at) VALUES (:i, :g, :r, '自行申报', :from, :by, :now, :now2)")
        .Bind("i", *c.inspector_id)
        .Bind("g", *c.target_id)
        .Bind("r", c.reason)
        .Bind("from", now.substr(0, 10))
        .Bind("by", by)
        .Bind("now", now)
        .Bind("now2", now)
        .Exec(sql);
  }
  return *GetChange(sql, c.id);
}

}  // namespace ssj::ceremony

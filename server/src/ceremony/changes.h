// Changes to a locked list (名单变更) and voids (作废): requested with a reason, decided by the
// head (负责人) and never by the requester, and applied only through the engine's rules — a
// replaced target takes the next reserve (protocol §8), a withdrawn inspector's slots are refilled
// by a draw with fresh public input (§9). The operator never picks. A void keeps the record and its
// reason on the portal; a new draw is a new task with a new commitment.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "org/org_types.h"
#include "task/task_types.h"

namespace ssj::ceremony {

enum class ChangeKind { kReplaceTarget, kWithdrawInspector, kVoid };
std::string_view ChangeKindCode(ChangeKind kind);  // replace_target | withdraw_inspector | void
std::optional<ChangeKind> ParseChangeKind(std::string_view code);

inline constexpr const char* kReplaceCategories[] = {"免检", "注销", "吊销", "迁出", "其他"};
inline constexpr const char* kWithdrawCategories[] = {"回避", "疾病", "工作调动", "其他"};

struct ChangeInput {
  ChangeKind kind = ChangeKind::kReplaceTarget;
  std::optional<int64_t> target_id;     // replace_target; for 回避, the target concerned
  std::optional<int64_t> inspector_id;  // withdraw_inspector
  std::string category;
  std::string reason;
};

struct Change : ChangeInput {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string status;  // pending | approved | rejected | applied
  int64_t requested_by = 0;
  std::string requested_by_name;
  std::string requested_at;
  std::string decided_by_name;
  std::string decided_at;
  std::string decision_reason;
  std::string applied_at;
  std::string target_code, target_name;
  std::string inspector_code, inspector_name;
  std::string task_code, task_name;
};

// The category is one of the kind's, the reason 1–500 characters, and the task in a state where
// the change makes sense (a drawn list for replacements and withdrawals; any committed or later
// task for a void).
Status CheckChange(const ChangeInput& input, task::State state);

boost::json::object ChangeJson(const Change& change);

// Records a request after checking its subject: the target is on the drawn list, the inspector
// holds a slot; no other request about the same subject is pending.
Result<int64_t> RequestChange(soci::session& sql, const task::Task& task, const ChangeInput& input,
                              int64_t by, const std::string& now);

std::optional<Change> GetChange(soci::session& sql, int64_t id);
std::vector<Change> Changes(soci::session& sql, int64_t task_id);
// Requests waiting for a decision, within the approver's scope.
std::vector<Change> Pending(soci::session& sql, const org::Principal* who);

// Approves or rejects a pending request. Approving applies a replacement or a void at once; a
// withdrawal waits for its fresh public input (ApplyWithdrawal). task.self_approval (403) when
// the approver asked for it.
Result<Change> Decide(soci::session& sql, const Change& change, bool approve, int64_t by,
                      const std::string& reason, const std::string& now);

// Applies an approved withdrawal with new dice digits: the record gains the recusal and the
// refilled slots.
Result<Change> ApplyWithdrawal(soci::session& sql, const Change& change, const std::string& dice,
                               int64_t by, const std::string& now);

}  // namespace ssj::ceremony

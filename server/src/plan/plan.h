// Rules of annual plans (年度抽查工作计划), pure: checking a plan and its rows against the items
// and the policy in force, the lifecycle (draft → submitted → approved → published, adjusted as
// a new version), who may approve, the publish-by deadline and merge suggestions for joint
// inspections. No I/O; safe to call from any thread.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "plan/plan_types.h"
#include "policy/policy_types.h"

namespace ssj::plan {

// "draft" | "submitted" | "approved" | "published", for the API and the database.
std::string_view StatusCode(State status);
// 草稿 | 待审批 | 已批准 | 已发布.
std::string_view StatusName(State status);
// The status of `code`, or nullopt for anything else.
std::optional<State> ParseStatus(std::string_view code);

// A ratio in percent with at most two decimals, 0 < r <= 100 ("5", "2.50", "5%"), as hundredths
// of a percent (5 → 500); nullopt for anything else.
std::optional<int64_t> ParsePercent(std::string_view text);
// A catalog ratio cap (a decimal fraction, "0.05") as hundredths of a percent, rounded up so
// that a cap finer than 0.01% never refuses a ratio it allows; nullopt if it does not parse.
std::optional<int64_t> CapHundredths(std::string_view fraction);

// Checks and normalises a plan. `items` holds the catalog items the rows name (others are
// unknown). Rules:
// - year kMinYear–kMaxYear; a name of 1–kMaxNameChars characters; an initiating department;
// - 1–kMaxRows rows; each names an item that exists, is published and not retired, at most once;
// - a category 重点 or 一般 (empty: the item's own);
// - a start and end date, real YYYY-MM-DD inside the plan year, start not after end;
// - a ratio (percent, 0–100, up to two decimals) or a count > 0, or both;
// - a 一般 row's ratio not above the item's cap when the policy requires a cap for general
//   items (general_item_ratio_cap);
// - a target scope of at most kMaxScopeChars characters; cooperating departments sorted,
//   unique, without the initiating one.
// The error's field names the row and column ("rows[2].ratio"), its message says 第 3 行 and the
// item, in zh-CN, and its value is what was sent.
Result<std::vector<Row>> CheckPlan(const PlanInput& input, const std::vector<ItemRef>& items,
                                   const policy::Rules& rules);

// The status after `action` on a plan whose newest version is `from`:
// - kEdit keeps kDraft; kSubmit: kDraft → kSubmitted;
// - kApprove: kSubmitted → kApproved; kReject: kSubmitted → kDraft;
// - kPublish: kApproved → kPublished;
// - kAdjust: kPublished → kDraft (a new version; the published one stays public).
// Any other pair fails with plan.bad_state (409), naming the state and the action in zh-CN.
Result<State> Transition(State from, Action action);

// An approver may not decide on a request they submitted (plan.self_approval, 403).
ssj::Status CheckApprover(int64_t submitted_by, int64_t approver);

// The publish-by deadline of a `year` plan (policy plan_publish_by, "MM-DD") at `today`
// ("YYYY-MM-DD", China time). `first_published` is the day the plan was first published, or
// empty. Without a policy date nothing is ever overdue.
Deadline CheckDeadline(int64_t year, const std::optional<std::string>& publish_by,
                       std::string_view first_published, std::string_view today);

// A plan and its rows as JSON: the API's shape, a version's snapshot and the audit entry's.
boost::json::object PlanJson(const Plan& plan);

// Pairs of rows from different departments' plans of the same year whose time windows overlap
// and that share the item's domain (抽查领域) or the target scope (compared without spaces).
// Each pair appears once, the row of the lower plan id first, ordered by plan ids then items.
std::vector<MergeSuggestion> SuggestMerges(const std::vector<MergeRow>& rows);

}  // namespace ssj::plan

// Rules of inspection tasks, pure: checking a task against its items and the policy, the states,
// the strata a target falls in, which targets are excluded and why, and when a draw record may be
// public. No I/O; safe to call from any thread.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "policy/policy_types.h"
#include "task/task_types.h"

namespace ssj::task {

// draft | committed | drawn | confirmed | inspecting | void, for the API and the database.
std::string_view StatusCode(State status);
// 草稿 | 已冻结待抽取 | 已抽取待确认 | 已确认锁定 | 检查中 | 已作废.
std::string_view StatusName(State status);
std::optional<State> ParseStatus(std::string_view code);

// status | not_supervised | exempt | yearly_cap | other_office, and the zh-CN names.
std::string_view ExclusionCode(Exclusion reason);
std::string_view ExclusionName(Exclusion reason);

// A percent text ("3", "2.5", "3%") as the engine's canonical fraction ("0.03", "0.025"), or
// nullopt unless 0 < p <= 100 with at most four decimals.
std::optional<std::string> PercentToFraction(std::string_view percent);

// Checks and normalises a task. `items` holds the items the input names (others are unknown);
// `known_specialties` the specialty dictionary. Rules:
// - a name of 1–100 characters; an initiating department; participants unique, without the
//   initiating department, at most kMaxParticipants;
// - 1–kMaxItems items, each published and not retired, each once;
// - a window of real dates in one year, start not after end;
// - the scope's values from the dictionaries (kind, status, tag; division and industry codes are
//   checked by the caller against GB/T 2260 and GB/T 4754);
// - strata: either one kWholePool stratum, or class strata (A, B, C, D, U) each at most once;
//   each with a ratio (percent) or a count > 0, not both;
// - no ratio above the lowest cap of the task's 一般 items when the policy requires caps;
// - a team of at least the policy's minimum inspectors (never fewer than 2), at most
//   kMaxTeamSize, and no fewer members than departments;
// - region rule same_region or any; a capacity of 1–kMaxCapacity; raise tags from the tag
//   dictionary; specialties from the dictionary.
// Errors name the field ("strata[1].ratio") and value in zh-CN.
Status CheckTask(TaskInput& input, const std::vector<ItemInfo>& items,
                 const std::set<std::string>& known_specialties, const policy::Rules& rules);

// The stratum of a target of `credit_class` ("" when unclassified) and `tags`: one class higher
// (A → B → C → D) when it carries a raise tag; kWholePool when the task is not differentiated.
std::string StratumOf(const std::vector<StratumRule>& strata, const std::string& credit_class,
                      const std::vector<std::string>& tags,
                      const std::vector<std::string>& raise_tags);

// Whether a target status takes it out of every pool (注销、吊销、撤销、迁出).
bool ExcludedStatus(std::string_view status);

// Whether advance notice (告知) is allowed: no item forbids it.
bool NotifyAllowed(const std::vector<ItemInfo>& items);
// Whether the valid exemptions spare a target for these items: the policy applies the exempt
// list and every item admits it (an item marked 不适用 — safety, environment, complaints, orders
// from above — is inspected regardless).
bool ExemptionApplies(const std::vector<ItemInfo>& items, const policy::Rules& rules);

// The first and last day of the period in which another office's draw excludes a target: the
// calendar quarter of `start` ("quarter"), or the task's own window ("task_period"); nullopt
// when the policy has no such exclusion.
std::optional<std::pair<std::string, std::string>> OtherOfficePeriod(const policy::Rules& rules,
                                                                     const std::string& start,
                                                                     const std::string& end);

// Whether the draw record of a task is public on `today` (China date): from the first day of the
// inspection window, or, when an item forbids advance notice, from the day after it ends — so
// that firms cannot be warned. Never before the draw; a void draw stays public once it was.
bool RecordPublic(const Task& task, std::string_view today);
// The day from which it is public.
std::string RecordPublicFrom(const Task& task);

// Transitions. kCommit: draft → committed; kDraw: committed → drawn; kConfirm: drawn → confirmed;
// kStart: confirmed → inspecting; kEdit keeps draft. Others fail with task.bad_state (409).
enum class Action { kEdit, kCommit, kDraw, kConfirm, kStart, kVoid };
Result<State> Transition(State from, Action action);

// The task as JSON for the API (and the audit entry).
boost::json::object TaskJson(const Task& task);

}  // namespace ssj::task

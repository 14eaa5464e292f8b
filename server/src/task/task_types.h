// Plain types of inspection tasks (抽查任务): what is inspected (items), by whom (the initiating
// department and, for a joint task, the participating ones), when (a time window), among which
// targets (a scope filter, strata by credit and risk class with their ratios or counts), and how
// teams are formed. A task's pool is frozen and committed before its ceremony (ceremony/).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "directory/directory_types.h"

namespace ssj::task {

// draft → committed (pool frozen, commitment public) → drawn → confirmed (locked) → inspecting.
// A void task keeps its record and reason on the portal; a new draw is a new task.
enum class State { kDraft, kCommitted, kDrawn, kConfirmed, kInspecting, kVoid };

// Stratum ids. Differentiated by credit and risk class (A–D, U for targets not yet classified),
// or one stratum for the whole pool.
inline constexpr const char* kClassStrata[] = {"A", "B", "C", "D", "U"};
inline constexpr char kWholePool[] = "ALL";

inline constexpr int64_t kMaxItems = 50;
inline constexpr int64_t kMaxParticipants = 9;  // the engine takes 10 departments per team
inline constexpr int64_t kMaxTeamSize = 10;
inline constexpr int64_t kMaxCapacity = 1000;

// Why a target in scope is not in the pool. The order is the order of the checks: a target is
// counted under the first reason that applies.
enum class Exclusion {
  kStatus,         // 注销、吊销、撤销、迁出
  kNotSupervised,  // outside the initiating department (谁审批、谁监管)
  kExempt,         // a valid 免检免扰 entry, and the items do not override it
  kYearlyCap,      // drawn for one of the items as often as the policy allows this year
  kOtherOffice,    // drawn by another department's task this quarter (or task period)
};
inline constexpr Exclusion kExclusions[] = {Exclusion::kStatus, Exclusion::kNotSupervised,
                                            Exclusion::kExempt, Exclusion::kYearlyCap,
                                            Exclusion::kOtherOffice};

// One stratum's rule: a ratio in percent ("3", "2.5") or a count of targets.
struct StratumRule {
  std::string id;     // kClassStrata entry or kWholePool
  std::string ratio;  // percent, "" when by count
  int64_t count = 0;  // 0 when by ratio
  bool operator==(const StratumRule&) const = default;
};

// A participating department of a joint task, with the specialty its inspector needs.
struct Participant {
  int64_t department_id = 0;
  std::string specialty;  // "" for none
  bool operator==(const Participant&) const = default;
};

// The targets a task draws from, before exclusions: the directory's filter fields.
struct Scope {
  std::string kind;               // entity | place | product | "" (any)
  std::string division;           // a division and everything under it
  std::string industry_section;   // GB/T 4754 门类
  std::string industry_division;  // 大类
  std::string status;             // one status, or "" for any that is not excluded
  std::string tag;                // only targets with this tag
  bool operator==(const Scope&) const = default;
};

struct TaskInput {
  std::optional<int64_t> plan_id;
  std::string name;
  int64_t department_id = 0;  // 发起部门
  std::vector<Participant> participants;
  std::vector<int64_t> item_ids;
  std::string start_date;  // the inspection window, YYYY-MM-DD
  std::string end_date;
  Scope scope;
  std::vector<StratumRule> strata;
  std::vector<std::string> raise_tags;  // a target with one of these tags counts one class higher
  int64_t team_size = 2;
  std::string region_rule = "same_region";  // same_region | any
  int64_t inspector_capacity = 10;          // the most targets one inspector takes in the window
  std::string lead_specialty;               // the initiating department's inspector's specialty
  bool operator==(const TaskInput&) const = default;
};

// What the rules need to know of an item: its published version.
struct ItemInfo {
  int64_t id = 0;
  int64_t version = 0;  // 0: never published
  bool retired = false;
  std::string code;
  std::string name;
  std::string category;   // 重点 | 一般
  std::string ratio_cap;  // fraction, "0.05"
  bool no_advance_notice = false;
  std::string specialty;
  bool exemption_applies = true;  // 免检免扰 applies to the item (适用)
};

struct Task : TaskInput {
  int64_t id = 0;
  std::string code;  // the draw record's task_id, "T2026-00012"
  int64_t year = 0;
  State status = State::kDraft;
  std::string department_name;
  std::string department_code;
  bool notify = true;  // 告知: false when an item forbids advance notice
  std::vector<ItemInfo> items;
  std::map<int64_t, std::string> participant_names;
  // Set when committed:
  std::string scheduled_at;     // the ceremony's scheduled time
  std::string pool_digest;      // hex
  std::string commitment;       // hex
  std::string pool_counts;      // JSON {stratum: n}
  std::string excluded_counts;  // JSON {reason: n}
  std::string committed_at;
  // Set when drawn and after:
  std::string drawn_at;
  std::string confirmed_at;
  std::string void_reason;
  std::string voided_at;
  std::optional<int64_t> created_by;
  std::string created_at;
  std::string updated_at;
};

struct TaskFilter {
  int64_t year = 0;
  std::string status;
  int64_t plan_id = 0;
  int64_t page = 1;
  int64_t page_size = 20;
};

// One excluded target, as staff see and export it.
struct Excluded {
  int64_t target_id = 0;
  std::string code;
  std::string name;
  Exclusion reason = Exclusion::kStatus;
  std::string detail;  // zh-CN: the status, the exemption's document, the other task …
};

// A pool target, in the engine's terms plus its directory id.
struct PoolTarget {
  int64_t target_id = 0;
  std::string code;
  std::string stratum;
  std::string region;
};

// The pool as frozen: targets, exclusions and the counts.
struct Pool {
  std::vector<PoolTarget> targets;
  std::vector<Excluded> excluded;
  std::map<std::string, int64_t> counts;         // by stratum
  std::map<Exclusion, int64_t> excluded_counts;  // by reason
  int64_t in_scope = 0;
  // Other departments' tasks this quarter that drew targets of this scope: joining one of them
  // as a joint inspection (进一次门、查多项事) is proposed instead of inspecting twice.
  std::map<int64_t, std::string> joinable_tasks;  // task id → "T2026-00003 名称（部门）"
};

}  // namespace ssj::task

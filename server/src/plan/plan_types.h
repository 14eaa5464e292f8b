// Plain types of annual plans (年度抽查工作计划, DB50/T appendix D.1 with Chongqing's columns): a
// plan of one department for one year, one row per item, and its lifecycle. A plan is versioned:
// an adjustment (调整) is a new version that goes through approval again while the published
// version stays public.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ssj::plan {

// The plan years accepted: the 双随机、一公开 regime began in 2015 (国办发〔2015〕58号).
inline constexpr int64_t kMinYear = 2015;
inline constexpr int64_t kMaxYear = 2099;
// Rows per plan and the lengths of free text, generous for Appendix D.1's cells.
inline constexpr size_t kMaxRows = 500;
inline constexpr size_t kMaxNameChars = 100;
inline constexpr size_t kMaxScopeChars = 500;

// 重点 items have no ratio cap; 一般 items have one on the item (catalog ratio_cap).
inline constexpr const char* kCategories[] = {"重点", "一般"};

// The state of a plan's newest version. Rejection returns it to kDraft with the reason kept.
enum class State { kDraft, kSubmitted, kApproved, kPublished };

enum class Action { kEdit, kSubmit, kApprove, kReject, kPublish, kAdjust };

// What the rules need to know of a catalog item a row names.
struct ItemRef {
  int64_t id = 0;
  int64_t published_version = 0;  // 0: never published
  std::string name;
  std::string domain;     // 抽查领域
  std::string category;   // 重点 | 一般 | ""
  std::string ratio_cap;  // 一般: a decimal fraction, "0.05"; otherwise ""
  bool retired = false;   // 已停用
};

// One row of Appendix D.1: one item with its target scope, time and size.
struct RowInput {
  int64_t item_id = 0;       // 抽查事项
  std::string target_scope;  // 抽查对象范围
  std::string category;      // 抽查类别: 重点 | 一般 (the item's category when empty)
  std::string start_date;    // 抽查时间, "YYYY-MM-DD", inside the plan year
  std::string end_date;
  std::string ratio;                     // 抽查比例 in percent, "5" or "2.5"; "" if by count
  int64_t count = 0;                     // 抽取对象数量（户）; 0 if by ratio
  std::vector<int64_t> cooperating_ids;  // 配合部门, sorted, unique, without the initiating one

  bool operator==(const RowInput&) const = default;
};

struct PlanInput {
  int64_t year = 0;
  std::string name;           // 计划名称
  int64_t department_id = 0;  // 发起部门
  std::vector<RowInput> rows;

  bool operator==(const PlanInput&) const = default;
};

// A checked row: the input normalised plus the item version it was checked against.
struct Row : RowInput {
  int64_t item_version = 0;
};

// When the plan of a year must be public, and whether it is late, at one day.
struct Deadline {
  std::string due;              // "YYYY-MM-DD"; empty when the policy sets no date
  bool overdue = false;         // not published and `due` has passed
  bool published_late = false;  // first published after `due`
};

// One row of a plan as merge suggestions compare it.
struct MergeRow {
  int64_t plan_id = 0;
  std::string plan_name;
  int64_t year = 0;
  int64_t department_id = 0;
  std::string department_name;
  int64_t item_id = 0;
  std::string item_name;
  std::string domain;
  std::string target_scope;
  std::string start_date;
  std::string end_date;
};

// Two rows of different departments that could be inspected together (进一次门、查多项事).
struct MergeSuggestion {
  MergeRow first;
  MergeRow second;
  std::string reason;  // zh-CN
};

struct DepartmentName {
  int64_t id = 0;
  std::string name;
};

// A stored row with the names a reader needs.
struct PlanRow : Row {
  std::string item_code;
  std::string item_name;
  std::string domain;
  std::vector<DepartmentName> cooperating;  // in cooperating_ids order
};

// A plan's newest version as stored.
struct Plan {
  int64_t id = 0;
  int64_t year = 0;
  std::string name;
  int64_t department_id = 0;
  std::string department_name;
  State status = State::kDraft;
  int64_t version = 1;
  std::optional<int64_t> published_version;  // the public one; nullopt until first published
  std::string first_published_at;
  std::optional<int64_t> submitted_by;
  std::string submitted_at;
  std::optional<int64_t> created_by;
  std::string created_at;
  std::string updated_at;
  std::vector<PlanRow> rows;
};

// One version of a plan: status is a State code or "superseded".
struct PlanVersion {
  int64_t version = 0;
  std::string status;
  std::string data;  // JSON: the plan and its rows
  std::string adjust_reason;
  std::string changed_by_name;
  std::string changed_at;
  std::string published_by_name;
  std::string published_at;
};

struct Approval {
  int64_t version = 0;
  std::string submitted_by_name;
  std::string submitted_at;
  std::string decided_by_name;
  std::string decided_at;
  std::string decision;  // approved | rejected
  std::string reason;
};

struct PlanFilter {
  int64_t year = 0;           // 0: any
  std::string status;         // a State code; "" for any
  int64_t department_id = 0;  // 0: any within the caller's scope
  int64_t page = 1;
  int64_t page_size = 20;
};

// A published version as the portal shows it.
struct PublicPlan {
  int64_t plan_id = 0;
  int64_t version = 0;
  std::string department_name;
  std::string data;  // JSON of the published version
  std::string published_at;
};

}  // namespace ssj::plan

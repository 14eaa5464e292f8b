// Plain types of policy profiles (制度模板): the rules of 双随机、一公开 supervision that differ
// between jurisdictions, one shipped profile per source document (../shared/seeds/000..004), each
// value with the article it comes from, and the deployment's choice with its adjustments.
// A value that is absent (nullopt) means the document does not say (未规定); it is never guessed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ssj::policy {

// Where a value comes from.
struct Citation {
  std::string source;  // "001 第十五条", "003「公示检查结果」"; empty when the document is silent
  std::string quote;      // the document's words, cut with ……
  std::string note;       // what the value means, or why there is none
  bool national = false;  // a national rule applied where the document says nothing

  bool operator==(const Citation&) const = default;
};

// The document a profile follows.
struct Document {
  std::string file;         // "001": the seed file's number
  std::string title;        // 工业和信息化部“双随机一公开”监管实施办法
  std::string number;       // 文号, may be empty
  std::string issuer;       // 工业和信息化部
  std::string issued;       // YYYY-MM-DD, or empty when the text does not say
  std::string effective;    // as the document words it
  std::string valid_until;  // YYYY-MM-DD, or empty (no expiry stated)
  std::string note;
};

// The rules as later modules read them, by stage. nullopt: 未规定. Codes of the choice settings
// are listed with the setting in policy.cc (Specs()).
struct Rules {
  // 年度计划
  std::optional<std::string> plan_compile_by;  // "MM-DD": the annual plan drawn up by then
  std::optional<std::string> plan_publish_by;  // "MM-DD": the annual plan public by then
  std::optional<bool> plan_public;             // the annual plan is published
  std::optional<bool> inspect_only_planned;    // no inspection outside the annual plan
  std::optional<bool> general_item_ratio_cap;  // 一般 items need a ratio cap (重点 have none)
  // 频次与排除
  std::optional<int64_t> yearly_cap;  // draws of one target for one item in one year
  // quarter | task_period: another office's target is excluded (unless joined) within it
  std::optional<std::string> cross_office_exclusion;
  std::optional<std::vector<std::string>> intensified_tags;  // directory tags: draw more often
  std::optional<bool> cap_waived_for_intensified;  // the cap and exclusion spare those targets
  // 抽取与检查组
  std::optional<int64_t> min_inspectors;       // per target; always set, at least 2
  std::optional<std::string> team_leader;      // required | initiating_department
  std::optional<bool> auxiliary_outside_team;  // experts are not counted in the team size
  std::optional<std::string> inspector_scope;  // flexible | local_adjacent | ..._approved
  std::optional<bool> draw_witnesses;          // a supervisor attends the draw
  std::optional<bool> draw_media_record;       // photos or video of the draw
  std::optional<bool> filing_required;         // the drawn list is filed (备案)
  std::optional<bool> exempt_list;             // the exempt list (免检免扰) applies
  std::optional<bool> exempt_redraw;           // an exempt target is replaced by a draw
  std::optional<std::vector<std::string>> exempt_exceptions;  // item natures the list spares
  std::optional<bool> inspector_list_public;                  // the inspector directory is public
  // 名单变更
  std::optional<bool> list_change_head_approval;       // a confirmed target list
  std::optional<bool> inspector_change_head_approval;  // replacing a drawn inspector
  std::optional<std::string> inspector_substitute;     // redraw | appoint
  // 报告与公示 (working days)
  std::optional<bool> report_required;
  std::optional<int64_t> report_days;                // after the inspection ends
  std::optional<int64_t> publish_after_report_days;  // after the report is made
  std::optional<int64_t> publish_days;               // after the inspection ends
  std::optional<bool> result_correction_head_approval;
  // 异议与归档 (working days)
  std::optional<int64_t> objection_window_days;  // from publication
  std::optional<int64_t> objection_review_days;  // from receipt of the objection
  std::optional<int64_t> objection_notify_days;  // from the review's result
  std::optional<int64_t> archive_days;           // after the inspection ends
  std::optional<bool> one_file_per_target;       // 一对象一档案

  bool operator==(const Rules&) const = default;
};

// One setting's value, whatever its kind: absent (未规定), a number, yes/no, a code or "MM-DD",
// or a set of codes.
using Value = std::variant<std::monostate, int64_t, bool, std::string, std::vector<std::string>>;

// A shipped profile: a document's rules, every one with its citation.
struct PolicyProfile {
  std::string id;          // miit, cq-jxw, cq-joint, dazu, zibo-gxj
  std::string name;        // 工业和信息化部
  std::string short_name;  // 工信部
  Document document;
  Rules rules;
  std::map<std::string, Citation> citations;  // by setting key; every key has one
};

// An administrator's adjustment of one setting.
struct Override {
  std::string key;
  Value value;  // never monostate: a rule can be changed, not removed
  std::string reason;
  int64_t changed_by = 0;
  std::string changed_by_name;
  std::string changed_at;
};

// The deployment's policy in force: a shipped profile with the administrator's adjustments.
struct Policy {
  PolicyProfile base;               // the profile as shipped
  Rules rules;                      // base.rules with the overrides applied: what rules read
  std::vector<Override> overrides;  // in Specs() order; each differs from the base value
  bool configured = false;          // false: nobody chose yet, the default profile applies
  std::string reason;               // of the last change
  int64_t changed_by = 0;
  std::string changed_by_name;
  std::string changed_at;

  const std::string& id() const { return base.id; }
};

}  // namespace ssj::policy

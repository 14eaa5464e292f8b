// Rules of policy profiles (制度模板), pure: the catalogue of settings (key, zh-CN label, kind,
// range), the five shipped profiles (server/data/policy-profiles.json, compiled in), reading and
// checking a value, the checks that keep a profile coherent, and an administrator's change (a
// shipped profile plus adjusted values) checked before anything is stored.
// Everything here is immutable after first use and safe to share between threads.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/error.h"
#include "policy/policy_types.h"

namespace ssj::policy {

// A fresh deployment follows 重庆市部门联合抽查 (003) until an administrator picks another.
inline constexpr std::string_view kDefaultProfileId = "cq-joint";

// The ranges an adjusted value must keep. A deadline counts working days; a year has about 250.
inline constexpr int64_t kMinDays = 1;
inline constexpr int64_t kMaxDays = 365;
// Every document requires at least two inspectors per target (001 第十三条, 000 第十三条,
// 004 第九条; 《行政处罚法》第四十二条 where 002 and 003 are silent).
inline constexpr int64_t kMinInspectors = 2;

enum class Kind {
  kWorkingDays,  // an integer kMinDays–kMaxDays, in working days (calendar/)
  kCount,        // an integer in the setting's range
  kFlag,         // yes / no
  kMonthDay,     // "MM-DD", a day every year has
  kChoice,       // one code of the setting's options
  kChoices,      // a set of codes of the setting's options (possibly empty)
};

// "working_days" | "count" | "flag" | "month_day" | "choice" | "choices", for the API.
std::string_view KindCode(Kind kind);

struct Option {
  std::string code;
  std::string label;  // zh-CN
};

// The member of Rules a setting reads and writes.
using Field = std::variant<std::optional<int64_t> Rules::*, std::optional<bool> Rules::*,
                           std::optional<std::string> Rules::*,
                           std::optional<std::vector<std::string>> Rules::*>;

struct SettingSpec {
  std::string key;    // publish_days
  std::string label;  // 检查结束后公示抽查结果的期限
  std::string group;  // 报告与公示
  Kind kind = Kind::kFlag;
  std::string unit;  // 个工作日, 次, 人; empty for other kinds
  int64_t min = 0;   // kWorkingDays and kCount
  int64_t max = 0;
  std::string min_reason;       // why the minimum, when a rule sets it (min_inspectors)
  std::vector<Option> options;  // kChoice and kChoices, in display order
  bool required = false;        // every profile has a value (min_inspectors)
  std::string help;             // what later features do with it
  Field field;
};

// Every setting, in display order (grouped by stage).
const std::vector<SettingSpec>& Specs();
// The setting named `key`, or nullptr.
const SettingSpec* FindSpec(std::string_view key);

Value Get(const Rules& rules, const SettingSpec& spec);
// Writes `value` (of the spec's kind, or monostate for 未规定). A value of another type is a
// programming error (std::logic_error).
void Set(Rules& rules, const SettingSpec& spec, const Value& value);

// null, a number, true/false, a string or an array of strings.
boost::json::value ToJson(const Value& value);
// A value of `spec`'s kind from JSON, checked (CheckValue). null is 未规定 and only accepted when
// `allow_null`; a required setting never accepts it. The error names the setting's key as its
// field and quotes the value, in zh-CN. A set is returned in the options' order.
Result<Value> ReadValue(const SettingSpec& spec, const boost::json::value& json, bool allow_null);
// Whether `value` is within the spec's range or options (monostate: only when not required).
Status CheckValue(const SettingSpec& spec, const Value& value);
// The value in words: "30 个工作日", "是", "3 月 31 日", "同一季度内", "未规定".
std::string Describe(const SettingSpec& spec, const Value& value);

// The rules that tie settings together, on a whole set of rules (every value also passes
// CheckValue):
// - min_inspectors is set;
// - a publication deadline exists: publish_days, or report_days with publish_after_report_days;
// - publish_after_report_days needs report_days; report_days is not after publish_days;
// - the three objection deadlines are set together or not at all;
// - plan_publish_by is not before plan_compile_by;
// - exempt_redraw and exempt_exceptions need exempt_list;
// - cap_waived_for_intensified needs intensified_tags.
// The error names the setting to fix as its field.
Status CheckRules(const Rules& rules);

// The working days from the end of an inspection to publication: publish_days, or the report's
// deadline plus publication after it (004: 5 + 2), whichever is earlier when both are set.
std::optional<int64_t> PublicationDays(const Rules& rules);

// The profiles shipped in server/data/policy-profiles.json, read and checked once. The file is
// compiled in: a file that does not parse or check is a build defect and aborts
// (std::logic_error).
const std::vector<PolicyProfile>& ShippedProfiles();
// The shipped profile `id`, or nullptr.
const PolicyProfile* FindProfile(std::string_view id);
const PolicyProfile& DefaultProfile();

// What an administrator sends: the profile to follow and the values to adjust in it (the whole
// set: a setting not listed follows the profile).
struct ChangeInput {
  std::string profile_id;
  std::vector<std::pair<std::string, boost::json::value>> overrides;
  std::string reason;  // 调整依据: the document or decision behind the change
};

struct Change {
  const PolicyProfile* profile = nullptr;
  // Known settings with checked values that differ from the profile's, in Specs() order.
  std::vector<std::pair<std::string, Value>> overrides;
  std::string reason;
  Rules rules;  // the profile's rules with the overrides applied
};

// Checks a change: the profile is shipped; every override names a setting and has a value of
// its kind and range (never null: a rule can be adjusted, not removed); the resulting rules pass
// CheckRules; a reason of 1–200 characters is given. The error names the field (profile_id,
// reason, overrides for an unknown setting, or the setting's key) and the value, in zh-CN.
Result<Change> CheckChange(const ChangeInput& input);

// `base` with `overrides` applied. Overrides of unknown settings are ignored.
Rules Apply(const Rules& base, const std::vector<std::pair<std::string, Value>>& overrides);

}  // namespace ssj::policy

#include "policy/policy.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <stdexcept>
#include <type_traits>

#include "common/embedded.h"
#include "common/text.h"

namespace ssj::policy {
namespace {

namespace json = boost::json;

constexpr std::string_view kDataFile = "data/policy-profiles.json";
constexpr size_t kMaxReasonChars = 200;

// The directory's target tags (directory::kTags) and the item natures other than 常规
// (catalog::kNatures): policy_test.cc checks that they stay the same lists.
const std::vector<Option>& TagOptions() {
  static const std::vector<Option> kOptions = {{"经营异常名录", "经营异常名录"},
                                               {"严重违法失信", "严重违法失信"},
                                               {"投诉举报多", "投诉举报多"},
                                               {"行政处罚记录", "行政处罚记录"}};
  return kOptions;
}
const std::vector<Option>& NatureOptions() {
  static const std::vector<Option> kOptions = {{"安全生产", "安全生产"},
                                               {"生态环境", "生态环境"},
                                               {"投诉举报", "投诉举报"},
                                               {"上级交办", "上级交办"}};
  return kOptions;
}

SettingSpec Days(std::string key, std::string label, std::string group, Field field,
                 std::string help) {
  SettingSpec s;
  s.key = std::move(key);
  s.label = std::move(label);
  s.group = std::move(group);
  s.kind = Kind::kWorkingDays;
  s.unit = "个工作日";
  s.min = kMinDays;
  s.max = kMaxDays;
  s.field = field;
  s.help = std::move(help);
  return s;
}

SettingSpec Flag(std::string key, std::string label, std::string group, Field field,
                 std::string help) {
  SettingSpec s;
  s.key = std::move(key);
  s.label = std::move(label);
  s.group = std::move(group);
  s.kind = Kind::kFlag;
  s.field = field;
  s.help = std::move(help);
  return s;
}

SettingSpec Choice(std::string key, std::string label, std::string group, Field field,
                   std::vector<Option> options, std::string help, Kind kind = Kind::kChoice) {
  SettingSpec s;
  s.key = std::move(key);
  s.label = std::move(label);
  s.group = std::move(group);
  s.kind = kind;
  s.options = std::move(options);
  s.field = field;
  s.help = std::move(help);
  return s;
}

std::vector<SettingSpec> MakeSpecs() {
  const std::string kPlan = "年度计划";
  const std::string kFrequency = "频次与排除";
  const std::string kDraw = "抽取与检查组";
  const std::string kChange = "名单变更";
  const std::string kPublication = "报告与公示";
  const std::string kAfter = "异议与归档";
  std::vector<SettingSpec> out;

  SettingSpec compile;
  compile.key = "plan_compile_by";
  compile.label = "年度抽查工作计划编制完成的期限";
  compile.group = kPlan;
  compile.kind = Kind::kMonthDay;
  compile.field = &Rules::plan_compile_by;
  compile.help = "每年此日前编制完成年度计划";
  out.push_back(compile);
  SettingSpec publish_by = compile;
  publish_by.key = "plan_publish_by";
  publish_by.label = "年度抽查工作计划向社会公开的期限";
  publish_by.field = &Rules::plan_publish_by;
  publish_by.help = "到期仍未公开的年度计划在工作台标出";
  out.push_back(publish_by);
  out.push_back(Flag("plan_public", "年度抽查工作计划须向社会公开", kPlan, &Rules::plan_public,
                     "批准后的年度计划在公示网站公开"));
  out.push_back(Flag("inspect_only_planned", "未列入年度抽查工作计划的不得检查", kPlan,
                     &Rules::inspect_only_planned, "抽查任务须属于已批准的年度计划"));
  out.push_back(Flag("general_item_ratio_cap", "一般检查事项须设抽查比例上限（重点检查事项不设）",
                     kPlan, &Rules::general_item_ratio_cap,
                     "任务的抽查比例不得超过一般检查事项的上限"));

  SettingSpec cap;
  cap.key = "yearly_cap";
  cap.label = "同一年度同一事项对同一检查对象的抽查次数上限";
  cap.group = kFrequency;
  cap.kind = Kind::kCount;
  cap.unit = "次";
  // The documents say 1 or 2; a cap above monthly would no longer keep anyone from being
  // inspected too often (001 第七条第二款: 防止过度检查).
  cap.min = 1;
  cap.max = 12;
  cap.field = &Rules::yearly_cap;
  cap.help = "达到上限的对象不进入该事项的抽取范围（计入已完成和进行中的任务）";
  out.push_back(cap);
  out.push_back(Choice("cross_office_exclusion",
                       "不能联合抽查时排除其他处室（科室）已抽查对象的范围", kFrequency,
                       &Rules::cross_office_exclusion,
                       {{"quarter", "同一季度内"}, {"task_period", "同一任务执行时间段内"}},
                       "先提议联合抽查，不能联合的才排除"));
  out.push_back(Choice("intensified_tags", "应加大抽查力度的检查对象（名录库标签）", kFrequency,
                       &Rules::intensified_tags, TagOptions(), "带这些标签的对象提高抽查比例和频次",
                       Kind::kChoices));
  out.push_back(Flag("cap_waived_for_intensified", "上述对象不受次数上限和排除限制", kFrequency,
                     &Rules::cap_waived_for_intensified,
                     "“除本条第三款规定的情形外”：上限和排除不适用于加大抽查力度的对象"));

  SettingSpec inspectors;
  inspectors.key = "min_inspectors";
  inspectors.label = "每个检查对象的执法检查人员不少于";
  inspectors.group = kDraw;
  inspectors.kind = Kind::kCount;
  inspectors.unit = "人";
  inspectors.min = kMinInspectors;
  // A team of more than ten for one target is not a random check any more.
  inspectors.max = 10;
  inspectors.min_reason =
      "执法检查人员不得少于两人（001 第十三条、000 第十三条、004 第九条，"
      "《中华人民共和国行政处罚法》第四十二条）";
  inspectors.required = true;
  inspectors.field = &Rules::min_inspectors;
  inspectors.help = "检查组人数的下限；专家等辅助人员是否计入见下";
  out.push_back(inspectors);
  out.push_back(Choice("team_leader", "检查组组长", kDraw, &Rules::team_leader,
                       {{"required", "确定一人为组长，实行组长负责制"},
                        {"initiating_department", "由任务发起部门的检查人员任组长"}},
                       "分配检查组时确定组长"));
  out.push_back(Flag("auxiliary_outside_team", "专家等辅助检查人员不计入检查人数", kDraw,
                     &Rules::auxiliary_outside_team, "检查人数只计执法检查人员"));
  out.push_back(
      Choice("inspector_scope", "执法检查人员的抽取范围", kDraw, &Rules::inspector_scope,
             {{"flexible", "按属地、专业和任务特点选择本单位内、跨单位或与下级部门间抽取"},
              {"local_adjacent", "本区域内抽取；人员不足时可直接委派或与相邻区域随机匹配"},
              {"own_field_cross_approved",
               "本业务领域内抽取；人员不足时经主要领导审定可直接委派或跨科室抽取"}},
             "任务的检查人员抽取范围默认取此规则"));
  out.push_back(Flag("draw_witnesses", "随机抽取须有监督人员到场", kDraw, &Rules::draw_witnesses,
                     "抽取仪式须登记至少一名监督人员"));
  out.push_back(Flag("draw_media_record", "随机抽取过程须拍照或录像", kDraw,
                     &Rules::draw_media_record, "确认名单前须上传抽取过程的照片或视频"));
  out.push_back(Flag("filing_required", "抽取结果须报送备案", kDraw, &Rules::filing_required,
                     "确认名单后生成备案表"));
  out.push_back(Flag("exempt_list", "执行免检免扰名单", kDraw, &Rules::exempt_list,
                     "有效免检的对象不进入抽取范围"));
  out.push_back(Flag("exempt_redraw", "抽到的免检对象由系统重新随机抽取替代", kDraw,
                     &Rules::exempt_redraw, "按候补顺序替代，操作人员不能指定"));
  out.push_back(Choice("exempt_exceptions", "不适用免检的事项性质", kDraw,
                       &Rules::exempt_exceptions, NatureOptions(), "这些性质的事项照常抽取免检对象",
                       Kind::kChoices));
  out.push_back(Flag("inspector_list_public", "执法检查人员名录对外公开", kDraw,
                     &Rules::inspector_list_public, "公示网站公开姓名、性别、岗位和执法证号"));

  out.push_back(Flag("list_change_head_approval", "已确认的检查对象名单变更须主要负责人审批",
                     kChange, &Rules::list_change_head_approval, "替换检查对象须负责人审批"));
  out.push_back(Flag("inspector_change_head_approval", "更换已抽取的检查人员须负责人同意", kChange,
                     &Rules::inspector_change_head_approval, "回避、岗位调整等更换须负责人同意"));
  out.push_back(Choice(
      "inspector_substitute", "替补检查人员的产生方式", kChange, &Rules::inspector_substitute,
      {{"redraw", "重新随机抽取"}, {"appoint", "在具备执法资格的其他检查人员中选派，不再随机抽取"}},
      "检查人员回避或无法参加时如何产生替补"));

  out.push_back(Flag("report_required", "须形成抽查情况报告", kPublication, &Rules::report_required,
                     "任务完成后生成抽查情况报告"));
  out.push_back(Days("report_days", "检查结束后形成报告的期限", kPublication, &Rules::report_days,
                     "按工作日历计算报告的截止日"));
  out.push_back(Days("publish_after_report_days", "报告形成后公示的期限", kPublication,
                     &Rules::publish_after_report_days, "自报告形成之日起计算公示截止日"));
  out.push_back(Days("publish_days", "检查结束后公示抽查结果的期限", kPublication,
                     &Rules::publish_days, "按工作日历计算公示截止日，逾期提示"));
  out.push_back(Flag("result_correction_head_approval", "已公示结果的更正须主要负责人审批",
                     kPublication, &Rules::result_correction_head_approval,
                     "更正须审批，原版本保留可查"));

  out.push_back(Days("objection_window_days", "受理异议的期限（自结果公示之日起）", kAfter,
                     &Rules::objection_window_days, "期限内检查对象可提出异议"));
  out.push_back(Days("objection_review_days", "异议复查的期限（自收到申请之日起）", kAfter,
                     &Rules::objection_review_days, "复查截止日"));
  out.push_back(Days("objection_notify_days", "复查结果反馈的期限（自作出复查结果之日起）", kAfter,
                     &Rules::objection_notify_days, "反馈截止日"));
  out.push_back(
      Days("archive_days", "检查结束后归档的期限", kAfter, &Rules::archive_days, "归档截止日"));
  out.push_back(Flag("one_file_per_target", "一对象一档案", kAfter, &Rules::one_file_per_target,
                     "按检查对象分别立卷归档"));
  return out;
}

// Characters, not bytes, of UTF-8 text.
std::string Trim(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// The value as sent, for echoing back: at most 64 bytes, cut at a character boundary.
std::string Echo(const json::value& v) {
  std::string text = json::serialize(v);
  if (text.size() <= 64) return text;
  size_t end = 64;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

// “检查结束后公示抽查结果的期限”（publish_days）
std::string Name(const SettingSpec& spec) { return "“" + spec.label + "”（" + spec.key + "）"; }

std::string OptionList(const SettingSpec& spec) {
  std::string out;
  for (const Option& o : spec.options) {
    if (!out.empty()) out += "、";
    out += o.code + "（" + o.label + "）";
  }
  return out;
}

const Option* FindOption(const SettingSpec& spec, std::string_view code) {
  for (const Option& o : spec.options) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

Error Invalid(const SettingSpec& spec, const std::string& message, const std::string& value) {
  return Error::InvalidField(spec.key, Name(spec) + message, value);
}

// "MM-DD" of a day every year has: 02-29 is refused (a deadline must exist every year).
bool IsMonthDay(std::string_view text) {
  if (text.size() != 5 || text[2] != '-') return false;
  for (size_t i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[0] - '0') * 10 + (text[1] - '0');
  const int day = (text[3] - '0') * 10 + (text[4] - '0');
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1];
}

std::string JsonText(const Value& value) { return json::serialize(ToJson(value)); }

const json::value& Require(const json::object& o, std::string_view key, std::string_view where) {
  const json::value* v = o.if_contains(key);
  if (!v) {
    throw std::logic_error(std::string(kDataFile) + ": " + std::string(where) + " lacks \"" +
                           std::string(key) + "\"");
  }
  return *v;
}

std::string Text(const json::object& o, std::string_view key, std::string_view where) {
  const json::value& v = Require(o, key, where);
  if (!v.is_string()) {
    throw std::logic_error(std::string(kDataFile) + ": " + std::string(where) + "." +
                           std::string(key) + " is not a string");
  }
  return std::string(v.get_string());
}

PolicyProfile ParseProfile(const json::object& o) {
  PolicyProfile p;
  p.id = Text(o, "id", "profile");
  p.name = Text(o, "name", p.id);
  p.short_name = Text(o, "short_name", p.id);
  const json::object& d = Require(o, "document", p.id).as_object();
  p.document = {Text(d, "file", p.id),        Text(d, "title", p.id),  Text(d, "number", p.id),
                Text(d, "issuer", p.id),      Text(d, "issued", p.id), Text(d, "effective", p.id),
                Text(d, "valid_until", p.id), Text(d, "note", p.id)};
  const json::object& settings = Require(o, "settings", p.id).as_object();
  if (settings.size() != Specs().size()) {
    throw std::logic_error(std::string(kDataFile) + ": " + p.id + " has " +
                           std::to_string(settings.size()) + " settings, not " +
                           std::to_string(Specs().size()));
  }
  for (const SettingSpec& spec : Specs()) {
    const std::string where = p.id + "." + spec.key;
    const json::object& s = Require(settings, spec.key, p.id).as_object();
    auto value = ReadValue(spec, Require(s, "value", where), /*allow_null=*/true);
    if (!value.ok()) {
      throw std::logic_error(std::string(kDataFile) + ": " + where + ": " + value.error().message);
    }
    Set(p.rules, spec, value.value());
    Citation c;
    c.source = Text(s, "source", where);
    c.quote = Text(s, "quote", where);
    c.note = Text(s, "note", where);
    if (const json::value* national = s.if_contains("national")) c.national = national->as_bool();
    // A value needs its article; a silence needs a word on it.
    if (!std::holds_alternative<std::monostate>(value.value()) && c.source.empty()) {
      throw std::logic_error(std::string(kDataFile) + ": " + where + " has a value but no source");
    }
    if (std::holds_alternative<std::monostate>(value.value()) && c.note.empty()) {
      throw std::logic_error(std::string(kDataFile) + ": " + where + " is null without a note");
    }
    p.citations[spec.key] = std::move(c);
  }
  if (Status s = CheckRules(p.rules); !s.ok()) {
    throw std::logic_error(std::string(kDataFile) + ": " + p.id + ": " + s.error().message);
  }
  return p;
}

std::vector<PolicyProfile> ParseShipped() {
  std::string_view text;
  for (const auto& [key, content] : embedded::Files()) {
    if (key == kDataFile) text = content;
  }
  if (text.empty()) throw std::logic_error(std::string(kDataFile) + " is not embedded");
  const json::value root = json::parse(text);
  std::vector<PolicyProfile> out;
  std::set<std::string> ids;
  for (const json::value& entry : Require(root.as_object(), "profiles", "file").as_array()) {
    PolicyProfile p = ParseProfile(entry.as_object());
    if (!ids.insert(p.id).second)
      throw std::logic_error(std::string(kDataFile) + ": profile " + p.id + " twice");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::string_view KindCode(Kind kind) {
  switch (kind) {
    case Kind::kWorkingDays:
      return "working_days";
    case Kind::kCount:
      return "count";
    case Kind::kFlag:
      return "flag";
    case Kind::kMonthDay:
      return "month_day";
    case Kind::kChoice:
      return "choice";
    case Kind::kChoices:
      return "choices";
  }
  return "flag";
}

const std::vector<SettingSpec>& Specs() {
  static const std::vector<SettingSpec> kSpecs = MakeSpecs();
  return kSpecs;
}

const SettingSpec* FindSpec(std::string_view key) {
  for (const SettingSpec& spec : Specs()) {
    if (spec.key == key) return &spec;
  }
  return nullptr;
}

Value Get(const Rules& rules, const SettingSpec& spec) {
  return std::visit(
      [&](auto member) -> Value {
        const auto& field = rules.*member;
        if (!field) return std::monostate{};
        return *field;
      },
      spec.field);
}

void Set(Rules& rules, const SettingSpec& spec, const Value& value) {
  std::visit(
      [&](auto member) {
        auto& field = rules.*member;
        using Stored = typename std::decay_t<decltype(field)>::value_type;
        if (std::holds_alternative<std::monostate>(value)) {
          field.reset();
        } else if (const Stored* v = std::get_if<Stored>(&value)) {
          field = *v;
        } else {
          throw std::logic_error("policy setting " + spec.key +
                                 " set with a value of another type");
        }
      },
      spec.field);
}

json::value ToJson(const Value& value) {
  return std::visit(
      [](const auto& v) -> json::value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          json::array out;
          for (const std::string& s : v) out.emplace_back(s);
          return out;
        } else {
          return json::value(v);
        }
      },
      value);
}

Status CheckValue(const SettingSpec& spec, const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) {
    if (spec.required) return Invalid(spec, "必须有取值，不能为“未规定”", "null");
    return OkStatus();
  }
  switch (spec.kind) {
    case Kind::kWorkingDays:
    case Kind::kCount: {
      const int64_t n = std::get<int64_t>(value);
      if (n < spec.min && !spec.min_reason.empty()) {
        return Invalid(spec,
                       "不能少于 " + std::to_string(spec.min) + " " + spec.unit + "：" +
                           spec.min_reason + "，收到 " + std::to_string(n),
                       std::to_string(n));
      }
      if (n < spec.min || n > spec.max) {
        return Invalid(spec,
                       "应在 " + std::to_string(spec.min) + "–" + std::to_string(spec.max) + " " +
                           spec.unit + "之间，收到 " + std::to_string(n),
                       std::to_string(n));
      }
      return OkStatus();
    }
    case Kind::kFlag:
      return OkStatus();
    case Kind::kMonthDay: {
      const std::string& text = std::get<std::string>(value);
      if (text == "02-29") {
        return Invalid(spec, "不能是 02-29：平年没有这一天，期限须每年都有，收到 \"02-29\"", text);
      }
      if (!IsMonthDay(text)) {
        return Invalid(spec, "应为 MM-DD 格式的月日，如 03-31，收到 \"" + text + "\"", text);
      }
      return OkStatus();
    }
    case Kind::kChoice: {
      const std::string& code = std::get<std::string>(value);
      if (!FindOption(spec, code)) {
        return Invalid(spec, "应为以下之一：" + OptionList(spec) + "，收到 \"" + code + "\"", code);
      }
      return OkStatus();
    }
    case Kind::kChoices: {
      std::set<std::string> seen;
      for (const std::string& code : std::get<std::vector<std::string>>(value)) {
        if (!FindOption(spec, code)) {
          return Invalid(spec, "中的 \"" + code + "\" 不是可选值，可选：" + OptionList(spec), code);
        }
        if (!seen.insert(code).second) return Invalid(spec, "中的 \"" + code + "\" 重复出现", code);
      }
      return OkStatus();
    }
  }
  return OkStatus();
}

Result<Value> ReadValue(const SettingSpec& spec, const json::value& v, bool allow_null) {
  if (v.is_null()) {
    if (spec.required || !allow_null) {
      return Invalid(spec,
                     spec.required ? "必须有取值，不能为“未规定”（null）"
                                   : "不能调整为“未规定”：制度项只能调整取值，不能删除，收到 null",
                     "null");
    }
    return Value{std::monostate{}};
  }
  Value value;
  switch (spec.kind) {
    case Kind::kWorkingDays:
    case Kind::kCount:
      if (v.is_int64()) {
        value = v.get_int64();
      } else if (v.is_uint64() && v.get_uint64() <= static_cast<uint64_t>(spec.max)) {
        value = static_cast<int64_t>(v.get_uint64());
      } else if (v.is_double() && v.get_double() >= -1e9 && v.get_double() <= 1e9 &&
                 v.get_double() == static_cast<double>(static_cast<int64_t>(v.get_double()))) {
        value = static_cast<int64_t>(v.get_double());  // 20.0: a whole number written as a real
      } else {
        return Invalid(spec,
                       "应为 " + std::to_string(spec.min) + "–" + std::to_string(spec.max) +
                           " 之间的整数（" + spec.unit + "），收到 " + Echo(v),
                       Echo(v));
      }
      break;
    case Kind::kFlag:
      if (!v.is_bool()) {
        return Invalid(spec, "应为 true（是）或 false（否），收到 " + Echo(v), Echo(v));
      }
      value = v.get_bool();
      break;
    case Kind::kMonthDay:
      if (!v.is_string()) {
        return Invalid(spec, "应为 MM-DD 格式的月日，如 03-31，收到 " + Echo(v), Echo(v));
      }
      value = std::string(v.get_string());
      break;
    case Kind::kChoice:
      if (!v.is_string()) {
        return Invalid(spec, "应为以下之一：" + OptionList(spec) + "，收到 " + Echo(v), Echo(v));
      }
      value = std::string(v.get_string());
      break;
    case Kind::kChoices: {
      if (!v.is_array()) {
        return Invalid(spec, "应为数组，每项为以下之一：" + OptionList(spec) + "，收到 " + Echo(v),
                       Echo(v));
      }
      std::vector<std::string> codes;
      for (const json::value& item : v.get_array()) {
        if (!item.is_string()) {
          return Invalid(spec, "中的 " + Echo(item) + " 不是可选值，可选：" + OptionList(spec),
                         Echo(item));
        }
        codes.emplace_back(item.get_string());
      }
      value = std::move(codes);
      break;
    }
  }
  SSJ_TRY(CheckValue(spec, value));
  if (auto* codes = std::get_if<std::vector<std::string>>(&value)) {
    std::vector<std::string> ordered;
    for (const Option& o : spec.options) {
      if (std::find(codes->begin(), codes->end(), o.code) != codes->end())
        ordered.push_back(o.code);
    }
    *codes = std::move(ordered);
  }
  return value;
}

std::string Describe(const SettingSpec& spec, const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return "未规定";
  switch (spec.kind) {
    case Kind::kWorkingDays:
    case Kind::kCount:
      return std::to_string(std::get<int64_t>(value)) + " " + spec.unit;
    case Kind::kFlag:
      return std::get<bool>(value) ? "是" : "否";
    case Kind::kMonthDay: {
      const std::string& text = std::get<std::string>(value);
      if (!IsMonthDay(text)) return text;
      return std::to_string(std::stoi(text.substr(0, 2))) + " 月 " +
             std::to_string(std::stoi(text.substr(3, 2))) + " 日";
    }
    case Kind::kChoice: {
      const Option* o = FindOption(spec, std::get<std::string>(value));
      return o ? o->label : std::get<std::string>(value);
    }
    case Kind::kChoices: {
      const auto& codes = std::get<std::vector<std::string>>(value);
      if (codes.empty()) return "无";
      std::string out;
      for (const std::string& code : codes) {
        if (!out.empty()) out += "、";
        const Option* o = FindOption(spec, code);
        out += o ? o->label : code;
      }
      return out;
    }
  }
  return JsonText(value);
}

Status CheckRules(const Rules& r) {
  for (const SettingSpec& spec : Specs()) SSJ_TRY(CheckValue(spec, Get(r, spec)));
  auto spec = [](std::string_view key) -> const SettingSpec& { return *FindSpec(key); };
  auto name = [&](std::string_view key) { return Name(spec(key)); };

  if (!r.publish_days && !(r.report_days && r.publish_after_report_days)) {
    return Error::InvalidField("publish_days", "须规定公示期限：" + name("publish_days") +
                                                   "，或同时规定" + name("report_days") + "和" +
                                                   name("publish_after_report_days"));
  }
  if (r.publish_after_report_days && !r.report_days) {
    return Error::InvalidField(
        "publish_after_report_days",
        name("publish_after_report_days") + "自报告形成之日起算，须同时规定" + name("report_days"),
        std::to_string(*r.publish_after_report_days));
  }
  if (r.report_days && r.publish_days && *r.report_days > *r.publish_days) {
    return Error::InvalidField("report_days",
                               name("report_days") + "为 " + std::to_string(*r.report_days) +
                                   " 个工作日，晚于" + name("publish_days") + "的 " +
                                   std::to_string(*r.publish_days) + " 个工作日",
                               std::to_string(*r.report_days));
  }
  const std::optional<int64_t>* objection[] = {&r.objection_window_days, &r.objection_review_days,
                                               &r.objection_notify_days};
  const char* objection_keys[] = {"objection_window_days", "objection_review_days",
                                  "objection_notify_days"};
  const bool any_objection = std::any_of(std::begin(objection), std::end(objection),
                                         [](const auto* v) { return v->has_value(); });
  for (size_t idx = 0; any_objection && idx < 3; ++idx) {
    if (!objection[idx]->has_value()) {
      return Error::InvalidField(
          objection_keys[idx],
          "异议的三个期限（受理、复查、反馈）须一并规定：缺少" + name(objection_keys[idx]));
    }
  }
  if (r.plan_compile_by && r.plan_publish_by && *r.plan_publish_by < *r.plan_compile_by) {
    return Error::InvalidField("plan_publish_by",
                               name("plan_publish_by") + "为 " + *r.plan_publish_by + "，早于" +
                                   name("plan_compile_by") + "的 " + *r.plan_compile_by +
                                   "：计划须先编制完成再公开",
                               *r.plan_publish_by);
  }
  if (r.exempt_redraw.value_or(false) && !r.exempt_list.value_or(false)) {
    return Error::InvalidField("exempt_redraw",
                               "开启" + name("exempt_redraw") + "须同时开启" + name("exempt_list"),
                               "true");
  }
  if (r.exempt_exceptions && !r.exempt_exceptions->empty() && !r.exempt_list.value_or(false)) {
    return Error::InvalidField(
        "exempt_exceptions",
        "规定" + name("exempt_exceptions") + "须同时开启" + name("exempt_list"),
        JsonText(*r.exempt_exceptions));
  }
  if (r.cap_waived_for_intensified.value_or(false) &&
      (!r.intensified_tags || r.intensified_tags->empty())) {
    return Error::InvalidField(
        "cap_waived_for_intensified",
        "开启" + name("cap_waived_for_intensified") + "须先规定" + name("intensified_tags"),
        "true");
  }
  return OkStatus();
}

std::optional<int64_t> PublicationDays(const Rules& rules) {
  std::optional<int64_t> out = rules.publish_days;
  if (rules.report_days && rules.publish_after_report_days) {
    const int64_t two_step = *rules.report_days + *rules.publish_after_report_days;
    if (!out || two_step < *out) out = two_step;
  }
  return out;
}

const std::vector<PolicyProfile>& ShippedProfiles() {
  static const std::vector<PolicyProfile> kProfiles = ParseShipped();
  return kProfiles;
}

const PolicyProfile* FindProfile(std::string_view id) {
  for (const PolicyProfile& p : ShippedProfiles()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const PolicyProfile& DefaultProfile() {
  const PolicyProfile* p = FindProfile(kDefaultProfileId);
  if (!p) throw std::logic_error("the default policy profile is not shipped");
  return *p;
}

Rules Apply(const Rules& base, const std::vector<std::pair<std::string, Value>>& overrides) {
  Rules out = base;
  for (const auto& [key, value] : overrides) {
    if (const SettingSpec* spec = FindSpec(key)) Set(out, *spec, value);
  }
  return out;
}

Result<Change> CheckChange(const ChangeInput& input) {
  Change out;
  out.profile = FindProfile(input.profile_id);
  if (!out.profile) {
    std::string ids;
    for (const PolicyProfile& p : ShippedProfiles()) {
      if (!ids.empty()) ids += "、";
      ids += p.id + "（" + p.short_name + "）";
    }
    return Error::InvalidField("profile_id",
                               "没有编号为“" + input.profile_id + "”的内置制度模板，可选：" + ids,
                               input.profile_id.substr(0, 64));
  }
  out.reason = Trim(input.reason);
  if (out.reason.empty()) {
    return Error::InvalidField("reason",
                               "请填写调整依据（如文件名称和文号、会议纪要），最多 200 个字");
  }
  if (Utf8Chars(out.reason) > kMaxReasonChars) {
    return Error::InvalidField("reason", "调整依据过长（最多 200 个字）");
  }

  std::map<std::string, Value> read;  // a key sent twice: the last value counts
  for (const auto& [key, json_value] : input.overrides) {
    const SettingSpec* spec = FindSpec(key);
    if (!spec) {
      return Error::InvalidField("overrides", "没有名为“" + key + "”的制度项", key.substr(0, 64));
    }
    SSJ_ASSIGN(Value value, ReadValue(*spec, json_value, /*allow_null=*/false));
    read[key] = std::move(value);
  }
  for (const SettingSpec& spec : Specs()) {
    auto it = read.find(spec.key);
    if (it != read.end() && it->second != Get(out.profile->rules, spec)) {
      out.overrides.emplace_back(spec.key, it->second);
    }
  }
  out.rules = Apply(out.profile->rules, out.overrides);
  SSJ_TRY(CheckRules(out.rules));
  return out;
}

}  // namespace ssj::policy

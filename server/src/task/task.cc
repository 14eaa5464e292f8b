#include "task/task.h"

#include <algorithm>
#include <boost/json.hpp>

#include "calendar/calendar.h"
#include "common/text.h"
#include "directory/directory.h"

namespace ssj::task {
namespace {

namespace json = boost::json;

Error BadValue(const std::string& field, const std::string& message, const std::string& value) {
  return Error::InvalidField(field, message, value.substr(0, 64));
}

// A decimal with at most `decimals` places as an integer scaled by 10^decimals; nullopt when it
// is not one.
std::optional<int64_t> Scaled(std::string_view text, int decimals) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  int64_t whole = 0;
  int64_t frac = 0;
  int places = -1;
  for (char c : text) {
    if (c == '.') {
      if (places >= 0) return std::nullopt;
      places = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (places < 0) {
      whole = whole * 10 + (c - '0');
    } else {
      if (++places > decimals) return std::nullopt;
      frac = frac * 10 + (c - '0');
    }
  }
  if (places == 0) return std::nullopt;  // "3." is not a number a person writes
  for (int p = std::max(places, 0); p < decimals; ++p) frac *= 10;
  for (int p = 0; p < decimals; ++p) whole *= 10;
  return whole + frac;
}

// Percent text → parts per million of the population (3% → 30000).
std::optional<int64_t> PercentPpm(std::string_view percent) {
  if (percent.ends_with("%")) percent.remove_suffix(1);
  auto hundredths = Scaled(percent, 4);  // 1e-4 percent = 1 ppm
  if (!hundredths || *hundredths <= 0 || *hundredths > 1000000) return std::nullopt;
  return hundredths;
}

std::string PpmText(int64_t ppm) {
  std::string out = std::to_string(ppm / 10000);
  int64_t rest = ppm % 10000;
  if (rest) {
    std::string frac = std::to_string(rest);
    frac.insert(0, 4 - frac.size(), '0');
    while (frac.back() == '0') frac.pop_back();
    out += "." + frac;
  }
  return out;
}

bool IsClassStratum(std::string_view id) {
  for (const char* c : kClassStrata) {
    if (id == c) return true;
  }
  return false;
}

}  // namespace

std::string_view StatusCode(State status) {
  switch (status) {
    case State::kDraft:
      return "draft";
    case State::kCommitted:
      return "committed";
    case State::kDrawn:
      return "drawn";
    case State::kConfirmed:
      return "confirmed";
    case State::kInspecting:
      return "inspecting";
    case State::kVoid:
      return "void";
  }
  return "draft";
}

std::string_view StatusName(State status) {
  switch (status) {
    case State::kDraft:
      return "草稿";
    case State::kCommitted:
      return "已冻结待抽取";
    case State::kDrawn:
      return "已抽取待确认";
    case State::kConfirmed:
      return "已确认锁定";
    case State::kInspecting:
      return "检查中";
    case State::kVoid:
      return "已作废";
  }
  return "草稿";
}

std::optional<State> ParseStatus(std::string_view code) {
  for (State s : {State::kDraft, State::kCommitted, State::kDrawn, State::kConfirmed,
                  State::kInspecting, State::kVoid}) {
    if (StatusCode(s) == code) return s;
  }
  return std::nullopt;
}

std::string_view ExclusionCode(Exclusion reason) {
  switch (reason) {
    case Exclusion::kStatus:
      return "status";
    case Exclusion::kNotSupervised:
      return "not_supervised";
    case Exclusion::kExempt:
      return "exempt";
    case Exclusion::kYearlyCap:
      return "yearly_cap";
    case Exclusion::kOtherOffice:
      return "other_office";
  }
  return "status";
}

std::string_view ExclusionName(Exclusion reason) {
  switch (reason) {
    case Exclusion::kStatus:
      return "已注销、吊销、撤销或迁出";
    case Exclusion::kNotSupervised:
      return "不属发起部门监管";
    case Exclusion::kExempt:
      return "列入免检免扰名单";
    case Exclusion::kYearlyCap:
      return "本年度同一事项抽查次数已达上限";
    case Exclusion::kOtherOffice:
      return "本期已被其他部门抽查";
  }
  return "";
}

std::optional<std::string> PercentToFraction(std::string_view percent) {
  auto ppm = PercentPpm(percent);
  if (!ppm) return std::nullopt;
  if (*ppm == 1000000) return std::string("1");
  std::string frac = std::to_string(*ppm);
  frac.insert(0, 6 - frac.size(), '0');
  while (frac.back() == '0') frac.pop_back();
  return "0." + frac;
}

Status CheckTask(TaskInput& input, const std::vector<ItemInfo>& items,
                 const std::set<std::string>& known_specialties, const policy::Rules& rules) {
  if (input.name.empty() || Utf8Chars(input.name) > 100)
    return BadValue("name", "任务名称应为 1–100 个字", input.name);
  if (input.department_id <= 0) return Error::InvalidField("department_id", "请选择发起部门");

  // Participants: unique, not the initiating department.
  std::set<int64_t> seen_departments{input.department_id};
  if (static_cast<int64_t>(input.participants.size()) > kMaxParticipants) {
    return Error::InvalidField(
        "participants", "联合抽查的配合部门最多 " + std::to_string(kMaxParticipants) + " 个");
  }
  for (size_t p = 0; p < input.participants.size(); ++p) {
    const Participant& part = input.participants[p];
    const std::string field = "participants[" + std::to_string(p) + "]";
    if (!seen_departments.insert(part.department_id).second) {
      return BadValue(field + ".department_id", "配合部门重复，或与发起部门相同",
                      std::to_string(part.department_id));
    }
    if (!part.specialty.empty() && !known_specialties.count(part.specialty))
      return BadValue(field + ".specialty", "专长不在专长字典中", part.specialty);
  }
  if (!input.lead_specialty.empty() && !known_specialties.count(input.lead_specialty))
    return BadValue("lead_specialty", "专长不在专长字典中", input.lead_specialty);

  // Items.
  if (input.item_ids.empty()) return Error::InvalidField("item_ids", "请至少选择一个抽查事项");
  if (static_cast<int64_t>(input.item_ids.size()) > kMaxItems)
    return Error::InvalidField("item_ids", "一个任务最多 " + std::to_string(kMaxItems) + " 个事项");
  std::set<int64_t> seen_items;
  std::optional<int64_t> lowest_cap;
  std::string lowest_cap_item;
  for (size_t i = 0; i < input.item_ids.size(); ++i) {
    const int64_t id = input.item_ids[i];
    const std::string field = "item_ids[" + std::to_string(i) + "]";
    if (!seen_items.insert(id).second) return BadValue(field, "抽查事项重复", std::to_string(id));
    auto it =
        std::find_if(items.begin(), items.end(), [&](const ItemInfo& x) { return x.id == id; });
    if (it == items.end()) return BadValue(field, "抽查事项不存在", std::to_string(id));
    if (it->version == 0) return BadValue(field, "抽查事项“" + it->name + "”尚未发布", it->name);
    if (it->retired) return BadValue(field, "抽查事项“" + it->name + "”已停用", it->name);
    if (it->category == "一般" && !it->ratio_cap.empty()) {
      auto cap = Scaled(it->ratio_cap, 6);
      if (cap && (!lowest_cap || *cap < *lowest_cap)) {
        lowest_cap = *cap;
        lowest_cap_item = it->name;
      }
    }
  }

  // Window.
  auto start = calendar::ParseDate(input.start_date);
  if (!start)
    return BadValue("start_date", "开始日期应为 YYYY-MM-DD 格式的真实日期", input.start_date);
  auto end = calendar::ParseDate(input.end_date);
  if (!end) return BadValue("end_date", "结束日期应为 YYYY-MM-DD 格式的真实日期", input.end_date);
  if (input.end_date < input.start_date)
    return BadValue("end_date", "结束日期不能早于开始日期", input.end_date);
  if (input.start_date.substr(0, 4) != input.end_date.substr(0, 4))
    return BadValue("end_date", "检查时间应在同一年度内", input.end_date);

  // Scope.
  using directory::OneOf;
  const Scope& s = input.scope;
  if (!s.kind.empty() && !OneOf(s.kind, directory::kKinds))
    return BadValue("scope.kind", "对象类型应为 entity、place 或 product", s.kind);
  if (!s.status.empty() && !OneOf(s.status, directory::kStatuses))
    return BadValue("scope.status", "经营状态不在字典中", s.status);
  if (!s.status.empty() && ExcludedStatus(s.status))
    return BadValue("scope.status", "已注销、吊销、撤销或迁出的对象不能抽查", s.status);
  if (!s.tag.empty() && !OneOf(s.tag, directory::kTags))
    return BadValue("scope.tag", "标签不在字典中", s.tag);
  for (size_t t = 0; t < input.raise_tags.size(); ++t) {
    if (!OneOf(input.raise_tags[t], directory::kTags))
      return BadValue("raise_tags[" + std::to_string(t) + "]", "标签不在字典中",
                      input.raise_tags[t]);
  }

  // Strata.
  if (input.strata.empty()) return Error::InvalidField("strata", "请设置抽查比例或数量");
  std::set<std::string> seen_strata;
  for (size_t h = 0; h < input.strata.size(); ++h) {
    StratumRule& rule = input.strata[h];
    const std::string field = "strata[" + std::to_string(h) + "]";
    const bool whole = rule.id == kWholePool;
    if (!whole && !IsClassStratum(rule.id))
      return BadValue(field + ".id", "分层应为 A、B、C、D、U（未分类）或 ALL（不分层）", rule.id);
    if (whole && input.strata.size() > 1)
      return BadValue(field + ".id", "不分层（ALL）时只能设置一个比例", rule.id);
    if (!seen_strata.insert(rule.id).second) return BadValue(field + ".id", "分层重复", rule.id);
    const bool by_ratio = !rule.ratio.empty();
    if (by_ratio == (rule.count > 0))
      return BadValue(field + ".ratio", "每一层须设置抽查比例或抽取数量（二选一）", rule.ratio);
    if (rule.count < 0)
      return BadValue(field + ".count", "抽取数量应大于 0", std::to_string(rule.count));
    if (by_ratio) {
      if (rule.ratio.ends_with("%")) rule.ratio.pop_back();
      auto ppm = PercentPpm(rule.ratio);
      if (!ppm)
        return BadValue(field + ".ratio", "抽查比例应为大于 0、不超过 100 的百分数，最多四位小数",
                        rule.ratio);
      rule.ratio = PpmText(*ppm);
      if (rules.general_item_ratio_cap.value_or(false) && lowest_cap && *ppm > *lowest_cap) {
        return BadValue(field + ".ratio",
                        "抽查比例 " + rule.ratio + "% 超过一般事项“" + lowest_cap_item +
                            "”的比例上限 " + PpmText(*lowest_cap) + "%",
                        rule.ratio);
      }
    }
  }

  // Team.
  const int64_t min_team = std::max<int64_t>(2, rules.min_inspectors.value_or(2));
  if (input.team_size < min_team || input.team_size > kMaxTeamSize) {
    return BadValue("team_size",
                    "每个检查对象的检查人员应为 " + std::to_string(min_team) + "–" +
                        std::to_string(kMaxTeamSize) + " 人",
                    std::to_string(input.team_size));
  }
  if (input.team_size < static_cast<int64_t>(input.participants.size()) + 1) {
    return BadValue("team_size", "检查组人数不能少于参加部门数（每个部门至少一人）",
                    std::to_string(input.team_size));
  }
  if (input.region_rule != "same_region" && input.region_rule != "any")
    return BadValue("region_rule", "区域规则应为 same_region（本区县）或 any（不限）",
                    input.region_rule);
  if (input.inspector_capacity < 1 || input.inspector_capacity > kMaxCapacity) {
    return BadValue("inspector_capacity",
                    "每名检查人员承担的户数应为 1–" + std::to_string(kMaxCapacity),
                    std::to_string(input.inspector_capacity));
  }
  return OkStatus();
}

std::string StratumOf(const std::vector<StratumRule>& strata, const std::string& credit_class,
                      const std::vector<std::string>& tags,
                      const std::vector<std::string>& raise_tags) {
  if (strata.size() == 1 && strata[0].id == kWholePool) return kWholePool;
  std::string cls = credit_class.empty() ? "U" : credit_class;
  if (cls != "U" && cls != "D") {
    for (const std::string& tag : tags) {
      if (std::find(raise_tags.begin(), raise_tags.end(), tag) != raise_tags.end()) {
        cls = std::string(1, static_cast<char>(cls[0] + 1));
        break;
      }
    }
  }
  return cls;
}

bool ExcludedStatus(std::string_view status) {
  return status == "注销" || status == "吊销" || status == "撤销" || status == "迁出";
}

bool NotifyAllowed(const std::vector<ItemInfo>& items) {
  return std::none_of(items.begin(), items.end(),
                      [](const ItemInfo& i) { return i.no_advance_notice; });
}

bool ExemptionApplies(const std::vector<ItemInfo>& items, const policy::Rules& rules) {
  if (!rules.exempt_list.value_or(false)) return false;
  return std::all_of(items.begin(), items.end(),
                     [](const ItemInfo& i) { return i.exemption_applies; });
}

std::optional<std::pair<std::string, std::string>> OtherOfficePeriod(const policy::Rules& rules,
                                                                     const std::string& start,
                                                                     const std::string& end) {
  if (!rules.cross_office_exclusion) return std::nullopt;
  if (*rules.cross_office_exclusion == "task_period") return std::pair{start, end};
  const int month = std::stoi(start.substr(5, 2));
  const int first = (month - 1) / 3 * 3 + 1;
  static const char* kLast[] = {"03-31", "06-30", "09-30", "12-31"};
  char from[8];
  std::snprintf(from, sizeof from, "%02d-01", first);
  return std::pair{start.substr(0, 5) + from, start.substr(0, 5) + kLast[(first - 1) / 3]};
}

std::string RecordPublicFrom(const Task& task) {
  if (task.notify) return task.start_date;
  auto end = calendar::ParseDate(task.end_date);
  return end ? calendar::FormatDate(*end + std::chrono::days{1}) : task.end_date;
}

bool RecordPublic(const Task& task, std::string_view today) {
  if (task.drawn_at.empty()) return false;
  return std::string(today) >= RecordPublicFrom(task);
}

Result<State> Transition(State from, Action action) {
  auto bad = [&](std::string_view what) -> Error {
    Error e{ErrorKind::kConflict,
            "task.bad_state",
            "任务当前为“" + std::string(StatusName(from)) + "”，不能" + std::string(what),
            {}};
    e.details["status"] = std::string(StatusCode(from));
    return e;
  };
  switch (action) {
    case Action::kEdit:
      if (from == State::kDraft) return State::kDraft;
      return bad("修改（冻结后的任务不能修改；如需变更请作废后重新创建）");
    case Action::kCommit:
      if (from == State::kDraft) return State::kCommitted;
      return bad("冻结抽取范围");
    case Action::kDraw:
      if (from == State::kCommitted) return State::kDrawn;
      if (from == State::kDraft) {
        Error e = bad("抽取：尚未冻结抽取范围、公布承诺值");
        e.code = "task.no_commitment";
        return e;
      }
      return bad("抽取");
    case Action::kConfirm:
      if (from == State::kDrawn) return State::kConfirmed;
      if (from == State::kConfirmed || from == State::kInspecting) {
        Error e = bad("再次确认：名单已确认锁定");
        e.code = "task.already_confirmed";
        return e;
      }
      return bad("确认名单");
    case Action::kStart:
      if (from == State::kConfirmed) return State::kInspecting;
      return bad("开始检查");
    case Action::kVoid:
      if (from == State::kCommitted || from == State::kDrawn || from == State::kConfirmed ||
          from == State::kInspecting)
        return State::kVoid;
      return bad("作废");
  }
  return bad("执行该操作");
}

json::object TaskJson(const Task& t) {
  json::array items;
  for (const ItemInfo& i : t.items) {
    items.push_back({{"id", i.id},
                     {"version", i.version},
                     {"code", i.code},
                     {"name", i.name},
                     {"category", i.category},
                     {"ratio_cap", i.ratio_cap},
                     {"no_advance_notice", i.no_advance_notice},
                     {"specialty", i.specialty}});
  }
  json::array participants;
  for (const Participant& p : t.participants) {
    auto name = t.participant_names.find(p.department_id);
    participants.push_back(
        {{"department_id", p.department_id},
         {"department_name", name == t.participant_names.end() ? "" : name->second},
         {"specialty", p.specialty}});
  }
  json::array strata;
  for (const StratumRule& s : t.strata) {
    json::object o{{"id", s.id}};
    if (!s.ratio.empty()) o["ratio"] = s.ratio;
    if (s.count > 0) o["count"] = s.count;
    strata.push_back(std::move(o));
  }
  json::array raise;
  for (const std::string& tag : t.raise_tags) raise.push_back(json::string(tag));
  auto parsed = [](const std::string& text) -> json::value {
    return text.empty() ? json::value(nullptr) : json::parse(text);
  };
  return {{"id", t.id},
          {"code", t.code},
          {"plan_id", t.plan_id ? json::value(*t.plan_id) : json::value(nullptr)},
          {"name", t.name},
          {"year", t.year},
          {"department_id", t.department_id},
          {"department_name", t.department_name},
          {"participants", std::move(participants)},
          {"items", std::move(items)},
          {"start_date", t.start_date},
          {"end_date", t.end_date},
          {"scope",
           {{"kind", t.scope.kind},
            {"division", t.scope.division},
            {"industry_section", t.scope.industry_section},
            {"industry_division", t.scope.industry_division},
            {"status", t.scope.status},
            {"tag", t.scope.tag}}},
          {"strata", std::move(strata)},
          {"raise_tags", std::move(raise)},
          {"team_size", t.team_size},
          {"region_rule", t.region_rule},
          {"inspector_capacity", t.inspector_capacity},
          {"lead_specialty", t.lead_specialty},
          {"notify", t.notify},
          {"status", std::string(StatusCode(t.status))},
          {"status_name", std::string(StatusName(t.status))},
          {"scheduled_at", t.scheduled_at},
          {"pool_digest", t.pool_digest},
          {"commitment", t.commitment},
          {"pool_counts", parsed(t.pool_counts)},
          {"excluded_counts", parsed(t.excluded_counts)},
          {"committed_at", t.committed_at},
          {"drawn_at", t.drawn_at},
          {"confirmed_at", t.confirmed_at},
          {"void_reason", t.void_reason},
          {"voided_at", t.voided_at},
          {"record_public_from", RecordPublicFrom(t)},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

}  // namespace ssj::task

#include "plan/plan.h"

#include <algorithm>
#include <boost/json.hpp>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "calendar/calendar.h"
#include "common/text.h"

namespace ssj::plan {
namespace {

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  return out;
}

// hundredths of a percent → "5", "2.5", "0.25".
std::string PercentNumber(int64_t hundredths) {
  std::string out = std::to_string(hundredths / 100);
  const int64_t fraction = hundredths % 100;
  if (fraction != 0) {
    out += '.';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
  }
  return out;
}

std::string PercentText(int64_t hundredths) { return PercentNumber(hundredths) + "%"; }

// Digits with at most one '.', as value * 10^scale; nullopt otherwise or when too long.
std::optional<std::pair<int64_t, int>> ParseDecimal(std::string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  int64_t value = 0;
  int scale = 0;
  bool dot = false;
  bool digits = false;
  for (char c : s) {
    if (c == '.') {
      if (dot) return std::nullopt;
      dot = true;
    } else if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      digits = true;
      if (dot) ++scale;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  return std::pair{value, scale};
}

Error BadState(State from, Action action) {
  static constexpr std::string_view kActionNames[] = {"修改", "提交审批", "批准",
                                                      "退回", "发布",     "调整"};
  Error e;
  e.kind = ErrorKind::kConflict;
  e.code = "plan.bad_state";
  e.message = "计划当前状态为“" + std::string(StatusName(from)) + "”，不能" +
              std::string(kActionNames[static_cast<int>(action)]);
  e.details["status"] = std::string(StatusCode(from));
  return e;
}

}  // namespace

std::string_view StatusCode(State status) {
  switch (status) {
    case State::kDraft:
      return "draft";
    case State::kSubmitted:
      return "submitted";
    case State::kApproved:
      return "approved";
    case State::kPublished:
      return "published";
  }
  return "draft";
}

std::string_view StatusName(State status) {
  switch (status) {
    case State::kDraft:
      return "草稿";
    case State::kSubmitted:
      return "待审批";
    case State::kApproved:
      return "已批准";
    case State::kPublished:
      return "已发布";
  }
  return "草稿";
}

std::optional<State> ParseStatus(std::string_view code) {
  for (State s : {State::kDraft, State::kSubmitted, State::kApproved, State::kPublished})
    if (StatusCode(s) == code) return s;
  return std::nullopt;
}

std::optional<int64_t> ParsePercent(std::string_view text) {
  std::string s = WithoutSpaces(text);
  if (s.ends_with('%')) s.pop_back();
  auto parsed = ParseDecimal(s);
  if (!parsed || parsed->second > 2) return std::nullopt;
  int64_t hundredths = parsed->first;
  for (int scale = parsed->second; scale < 2; ++scale) hundredths *= 10;
  if (hundredths <= 0 || hundredths > 10000) return std::nullopt;
  return hundredths;
}

std::optional<int64_t> CapHundredths(std::string_view fraction) {
  auto parsed = ParseDecimal(fraction);
  if (!parsed) return std::nullopt;
  auto [value, scale] = *parsed;
  // A fraction f is f * 10^4 hundredths of a percent.
  if (scale <= 4) {
    for (int s = scale; s < 4; ++s) value *= 10;
    return value;
  }
  int64_t divisor = 1;
  for (int s = 4; s < scale; ++s) divisor *= 10;
  return (value + divisor - 1) / divisor;
}

Result<std::vector<Row>> CheckPlan(const PlanInput& input, const std::vector<ItemRef>& items,
                                   const policy::Rules& rules) {
  if (input.year < kMinYear || input.year > kMaxYear) {
    return Error::InvalidField("year",
                               "计划年度应为 " + std::to_string(kMinYear) + "–" +
                                   std::to_string(kMaxYear) + " 年，收到 " +
                                   std::to_string(input.year),
                               std::to_string(input.year));
  }
  const std::string name = Trim(input.name);
  if (name.empty()) return Error::InvalidField("name", "请填写计划名称");
  if (Utf8Chars(name) > kMaxNameChars) {
    return Error::InvalidField("name",
                               "计划名称不能超过 " + std::to_string(kMaxNameChars) + " 个字", name);
  }
  if (input.department_id <= 0) return Error::InvalidField("department_id", "请选择发起部门");
  if (input.rows.empty()) return Error::InvalidField("rows", "计划至少应包含一项抽查事项");
  if (input.rows.size() > kMaxRows) {
    return Error::InvalidField("rows", "一个计划最多 " + std::to_string(kMaxRows) + " 行，收到 " +
                                           std::to_string(input.rows.size()) + " 行");
  }

  std::map<int64_t, const ItemRef*> by_id;
  for (const ItemRef& item : items) by_id[item.id] = &item;
  const std::string year = std::to_string(input.year);
  const bool general_capped = rules.general_item_ratio_cap.value_or(false);

  std::vector<Row> out;
  std::set<int64_t> seen;
  for (size_t row_idx = 0; row_idx < input.rows.size(); ++row_idx) {
    const RowInput& in = input.rows[row_idx];
    const std::string at = "第 " + std::to_string(row_idx + 1) + " 行";
    auto field = [&](const char* column) {
      return "rows[" + std::to_string(row_idx) + "]." + column;
    };

    auto found = by_id.find(in.item_id);
    if (in.item_id <= 0 || found == by_id.end()) {
      return Error::InvalidField(field("item_id"),
                                 at + "：抽查事项（编号 " + std::to_string(in.item_id) + "）不存在",
                                 std::to_string(in.item_id));
    }
    const ItemRef& item = *found->second;
    const std::string named = at + "（" + item.name + "）";
    if (item.retired) {
      return Error::InvalidField(field("item_id"), named + "：该抽查事项已停用",
                                 std::to_string(in.item_id));
    }
    if (item.published_version <= 0) {
      return Error::InvalidField(field("item_id"), named + "：该抽查事项尚未发布，不能列入计划",
                                 std::to_string(in.item_id));
    }
    if (!seen.insert(item.id).second) {
      return Error::InvalidField(field("item_id"), named + "：同一事项在计划中重复出现",
                                 std::to_string(in.item_id));
    }

    Row row;
    row.item_id = item.id;
    row.item_version = item.published_version;
    row.category = Trim(in.category);
    if (row.category.empty()) row.category = item.category;
    if (row.category != "重点" && row.category != "一般") {
      return Error::InvalidField(field("category"),
                                 named + "：抽查类别应为 重点 或 一般，收到“" + row.category + "”",
                                 row.category);
    }

    row.start_date = Trim(in.start_date);
    row.end_date = Trim(in.end_date);
    for (auto [column, label, value] : {std::tuple{"start_date", "开始日期", &row.start_date},
                                        std::tuple{"end_date", "结束日期", &row.end_date}}) {
      const auto date = calendar::ParseDate(*value);
      if (!date) {
        return Error::InvalidField(
            field(column),
            named + "：抽查时间的" + label + "应为 YYYY-MM-DD 格式的日期，收到“" + *value + "”",
            *value);
      }
      if (calendar::YearOf(*date) != input.year) {
        return Error::InvalidField(
            field(column),
            named + "：抽查时间的" + label + " " + *value + " 不在计划年度 " + year + " 年内",
            *value);
      }
    }
    if (row.start_date > row.end_date) {
      return Error::InvalidField(
          field("end_date"),
          named + "：抽查时间的结束日期 " + row.end_date + " 早于开始日期 " + row.start_date,
          row.end_date);
    }

    const std::string ratio_text = Trim(in.ratio);
    std::optional<int64_t> ratio;
    if (!ratio_text.empty()) {
      ratio = ParsePercent(ratio_text);
      if (!ratio) {
        return Error::InvalidField(
            field("ratio"),
            named +
                "：抽查比例应为大于 0、不超过 100 的百分数，最多两位小数（如 5 或 2.5），收到“" +
                ratio_text + "”",
            ratio_text);
      }
      row.ratio = PercentNumber(*ratio);  // without the sign: "2.5"
    }
    if (in.count < 0 || (in.count == 0 && !ratio)) {
      return Error::InvalidField(
          field("count"),
          named + "：请填写抽查比例或大于 0 的抽取对象数量，收到数量 " + std::to_string(in.count),
          std::to_string(in.count));
    }
    row.count = in.count;
    if (ratio && row.category == "一般" && general_capped) {
      const auto cap = CapHundredths(item.ratio_cap);
      if (cap && *ratio > *cap) {
        return Error::InvalidField(field("ratio"),
                                   named + "：一般检查事项的抽查比例 " + PercentText(*ratio) +
                                       " 超过该事项的比例上限 " + PercentText(*cap),
                                   ratio_text);
      }
    }

    row.target_scope = Trim(in.target_scope);
    if (Utf8Chars(row.target_scope) > kMaxScopeChars) {
      return Error::InvalidField(
          field("target_scope"),
          named + "：抽查对象范围不能超过 " + std::to_string(kMaxScopeChars) + " 个字",
          row.target_scope.substr(0, 64));
    }

    row.cooperating_ids = in.cooperating_ids;
    std::sort(row.cooperating_ids.begin(), row.cooperating_ids.end());
    row.cooperating_ids.erase(std::unique(row.cooperating_ids.begin(), row.cooperating_ids.end()),
                              row.cooperating_ids.end());
    for (int64_t department_id : row.cooperating_ids) {
      if (department_id <= 0 || department_id == input.department_id) {
        return Error::InvalidField(field("cooperating_ids"),
                                   named + "：配合部门不能是发起部门本身或无效部门（编号 " +
                                       std::to_string(department_id) + "）",
                                   std::to_string(department_id));
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<State> Transition(State from, Action action) {
  switch (action) {
    case Action::kEdit:
      if (from == State::kDraft) return State::kDraft;
      break;
    case Action::kSubmit:
      if (from == State::kDraft) return State::kSubmitted;
      break;
    case Action::kApprove:
      if (from == State::kSubmitted) return State::kApproved;
      break;
    case Action::kReject:
      if (from == State::kSubmitted) return State::kDraft;
      break;
    case Action::kPublish:
      if (from == State::kApproved) return State::kPublished;
      break;
    case Action::kAdjust:
      if (from == State::kPublished) return State::kDraft;
      break;
  }
  return BadState(from, action);
}

ssj::Status CheckApprover(int64_t submitted_by, int64_t approver) {
  if (submitted_by != approver) return OkStatus();
  Error e;
  e.kind = ErrorKind::kForbidden;
  e.code = "plan.self_approval";
  e.message = "不能审批本人提交的计划，请由其他有审批权限的人员审批";
  return e;
}

Deadline CheckDeadline(int64_t year, const std::optional<std::string>& publish_by,
                       std::string_view first_published, std::string_view today) {
  Deadline out;
  if (!publish_by || publish_by->size() != 5) return out;
  out.due = std::to_string(year) + "-" + *publish_by;
  if (first_published.empty()) {
    out.overdue = today > std::string_view(out.due);
  } else {
    out.published_late = first_published.substr(0, 10) > std::string_view(out.due);
  }
  return out;
}

boost::json::object PlanJson(const Plan& plan) {
  namespace json = boost::json;
  json::array rows;
  for (const PlanRow& r : plan.rows) {
    json::array cooperating;
    for (const DepartmentName& d : r.cooperating)
      cooperating.push_back({{"id", d.id}, {"name", d.name}});
    rows.push_back({{"item_id", r.item_id},
                    {"item_version", r.item_version},
                    {"item_code", r.item_code},
                    {"item_name", r.item_name},
                    {"domain", r.domain},
                    {"target_scope", r.target_scope},
                    {"category", r.category},
                    {"start_date", r.start_date},
                    {"end_date", r.end_date},
                    {"ratio", r.ratio},
                    {"count", r.count},
                    {"cooperating", std::move(cooperating)}});
  }
  json::object out{{"id", plan.id},
                   {"year", plan.year},
                   {"name", plan.name},
                   {"department_id", plan.department_id},
                   {"department_name", plan.department_name},
                   {"status", StatusCode(plan.status)},
                   {"status_name", StatusName(plan.status)},
                   {"version", plan.version},
                   {"rows", std::move(rows)}};
  out["published_version"] =
      plan.published_version ? json::value(*plan.published_version) : json::value(nullptr);
  return out;
}

std::vector<MergeSuggestion> SuggestMerges(const std::vector<MergeRow>& rows) {
  std::vector<const MergeRow*> sorted;
  for (const MergeRow& row : rows) sorted.push_back(&row);
  std::sort(sorted.begin(), sorted.end(), [](const MergeRow* a, const MergeRow* b) {
    return std::tie(a->plan_id, a->item_id) < std::tie(b->plan_id, b->item_id);
  });
  std::vector<MergeSuggestion> out;
  for (size_t first_idx = 0; first_idx < sorted.size(); ++first_idx) {
    const MergeRow& a = *sorted[first_idx];
    for (size_t second_idx = first_idx + 1; second_idx < sorted.size(); ++second_idx) {
      const MergeRow& b = *sorted[second_idx];
      if (a.year != b.year || a.department_id == b.department_id) continue;
      if (a.start_date > b.end_date || b.start_date > a.end_date) continue;
      const std::string overlap =
          std::max(a.start_date, b.start_date) + " 至 " + std::min(a.end_date, b.end_date);
      const std::string scope_a = WithoutSpaces(a.target_scope);
      std::string reason;
      if (!a.domain.empty() && a.domain == b.domain) {
        reason = "同属抽查领域“" + a.domain + "”";
      } else if (!scope_a.empty() && scope_a == WithoutSpaces(b.target_scope)) {
        reason = "抽查对象范围相同（" + a.target_scope + "）";
      } else {
        continue;
      }
      reason += "，抽查时间在 " + overlap + " 重叠：" + a.department_name + "与" +
                b.department_name + "可开展联合抽查（进一次门、查多项事）";
      out.push_back(MergeSuggestion{a, b, std::move(reason)});
    }
  }
  return out;
}

}  // namespace ssj::plan

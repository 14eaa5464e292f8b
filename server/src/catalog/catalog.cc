#include "catalog/catalog.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <map>

#include "common/text.h"
#include "importer/csv_reader.h"

namespace ssj::catalog {
namespace {

using importer::ListOf;
using importer::SplitList;

enum Col {
  kDomain,
  kName,
  kTarget,
  kDepartment,
  kCooperating,
  kRemark,
  kCode,
  kSubItem,
  kCategory,
  kRatio,
  kContent,
  kBasis,
  kMethodsCol,
  kFrequency,
  kTargetType,
  kPublication,
  kNoNotice,
  kSpecialty,
  kNature,
  kExemption,
  kColumnCount
};

// Characters, not bytes: the limits are what a person counts.
// A non-negative decimal as an integer and a count of decimals: 12.5 is {125, 1}.
struct Decimal {
  uint64_t value = 0;
  int scale = 0;
};

std::optional<Decimal> ParseDecimal(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  Decimal d;
  bool point = false, digit = false;
  for (char c : text) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      d.value = d.value * 10 + static_cast<uint64_t>(c - '0');
      if (point) ++d.scale;
      digit = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  while (d.scale > 0 && d.value % 10 == 0) {
    d.value /= 10;
    --d.scale;
  }
  return d;
}

uint64_t Pow10(int n) {
  uint64_t out = 1;
  while (n-- > 0) out *= 10;
  return out;
}

std::string FormatDecimal(Decimal d) {
  while (d.scale > 0 && d.value % 10 == 0) {
    d.value /= 10;
    --d.scale;
  }
  std::string out = std::to_string(d.value / Pow10(d.scale));
  if (d.scale > 0) {
    std::string frac = std::to_string(d.value % Pow10(d.scale));
    frac.insert(0, static_cast<size_t>(d.scale) - frac.size(), '0');
    out += "." + frac;
  }
  return out;
}

// Spellings people use for the dictionaries' entries.
std::string Canonical(const std::map<std::string, std::string>& aliases, const std::string& text) {
  auto it = aliases.find(text);
  return it == aliases.end() ? text : it->second;
}

const std::map<std::string, std::string>& CategoryAliases() {
  static const std::map<std::string, std::string> aliases = {{"重点检查事项", "重点"},
                                                             {"重点事项", "重点"},
                                                             {"一般检查事项", "一般"},
                                                             {"一般事项", "一般"}};
  return aliases;
}

const std::map<std::string, std::string>& MethodAliases() {
  static const std::map<std::string, std::string> aliases = {{"书面", "书面检查"},
                                                             {"现场", "现场检查"},
                                                             {"网络检查", "网络监测"},
                                                             {"抽样检测", "检验检测"},
                                                             {"专业机构", "专业机构核查"}};
  return aliases;
}

const std::map<std::string, std::string>& TargetTypeAliases() {
  static const std::map<std::string, std::string> aliases = {
      {"行政相对人", "entity"}, {"市场主体", "entity"}, {"企业", "entity"},
      {"场地场所", "place"},    {"场所", "place"},      {"产品", "product"}};
  return aliases;
}

std::optional<bool> ParseFlag(const std::string& text) {
  static const char* const kYes[] = {"是", "true", "TRUE", "1", "Y", "y", "√"};
  static const char* const kNo[] = {"否", "false", "FALSE", "0", "N", "n", ""};
  if (OneOf(text, kYes)) return true;
  if (OneOf(text, kNo)) return false;
  return std::nullopt;
}

}  // namespace

const std::vector<Column>& ItemColumns() {
  static const std::vector<Column> columns = {
      {"抽查领域", true, true, "必填。如 节能监察、工业产品生产许可、无线电管理。"},
      {"抽查事项", true, true, "必填。事项名称，如 重点用能单位节能监察。"},
      {"检查对象", true, true, "必填。如 年综合能源消费量 1 万吨标准煤以上的重点用能单位。"},
      {"发起部门", true, true, "必填。部门编码或全称，须在导入人的数据范围内。"},
      {"配合部门", true, false, "选填。部门编码或全称，多个用顿号分隔；不含发起部门。"},
      {"备注", true, false, "选填。"},
      {"事项编码", false, false,
       "选填。2–32 位字母、数字、- 或 _，如 CQJXW-JNZY-001；留空时按发起部门编码自动编号。"},
      {"子项", false, false, "选填。同一事项按检查内容分列的子项。"},
      {"事项类别", false, false, "发布前必填。重点 或 一般；一般检查事项须填写抽查比例上限。"},
      {"抽查比例上限", false, false,
       "一般检查事项必填，如 5% 或 0.05；重点检查事项抽查比例不设上限，不填。"},
      {"检查内容", false, false, "发布前必填。"},
      {"检查依据", false, false, "发布前必填。法律、法规、规章的名称和条款。"},
      {"检查方式", false, false,
       "发布前必填。书面检查、现场检查、网络监测、检验检测、专业机构核查，多个用顿号分隔。"},
      {"抽查频次", false, false, "发布前必填。如 每年1次。"},
      {"检查对象类型", false, false, "选填，默认“行政相对人”。行政相对人、场地场所 或 产品。"},
      {"公示方式", false, false, "发布前必填。如 国家企业信用信息公示系统、部门门户网站。"},
      {"不予提前告知", false, false, "选填，默认“否”。是 或 否。"},
      {"所需检查人员专长", false, false, "选填。须为“字典”表中的业务专长。"},
      {"事项性质", false, false,
       "选填，默认“常规”。常规、安全生产、生态环境、投诉举报、上级交办。"},
      {"免检免扰", false, false,
       "选填。适用 或 不适用；事项性质不是“常规”的，不适用免检免扰（留空即为不适用）。"},
  };
  return columns;
}

const std::vector<std::string>& ItemFieldNames() {
  static const std::vector<std::string> names = {"domain",
                                                 "name",
                                                 "target",
                                                 "department_id",
                                                 "cooperating_department_ids",
                                                 "remark",
                                                 "code",
                                                 "sub_item",
                                                 "category",
                                                 "ratio_cap",
                                                 "content",
                                                 "basis",
                                                 "methods",
                                                 "frequency",
                                                 "target_type",
                                                 "publication",
                                                 "no_advance_notice",
                                                 "specialty",
                                                 "nature",
                                                 "exemption"};
  return names;
}

std::string NormalizeItemCode(std::string_view code) {
  const std::string ascii = importer::FullwidthToAscii(code);
  std::string out;
  for (char c : ascii) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

bool IsItemCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::optional<std::string> ParseRatio(std::string_view text, std::string* why) {
  std::string s;
  for (char c : importer::FullwidthToAscii(text)) {
    if (c != ' ') s += c;
  }
  const bool percent = s.ends_with('%');
  if (percent) s.pop_back();
  std::optional<Decimal> d = ParseDecimal(s);
  if (!d) {
    *why = "应为百分数（如 5%）或 0 到 1 之间的小数（如 0.05）";
    return std::nullopt;
  }
  if (percent) d->scale += 2;
  if (d->value == 0) {
    *why = "抽查比例上限应大于 0";
    return std::nullopt;
  }
  if (d->scale > 6) {
    *why = "抽查比例上限最多精确到 0.0001%";
    return std::nullopt;
  }
  if (d->value > Pow10(d->scale)) {
    *why = percent ? "抽查比例上限不能超过 100%"
                   : "应为百分数（如 5%）或 0 到 1 之间的小数（如 0.05）";
    return std::nullopt;
  }
  return FormatDecimal(*d);
}

std::string RatioPercent(const std::string& ratio) {
  std::optional<Decimal> d = ParseDecimal(ratio);
  if (!d) return ratio;
  if (d->scale >= 2) {
    d->scale -= 2;
  } else {
    d->value *= Pow10(2 - d->scale);
    d->scale = 0;
  }
  return FormatDecimal(*d) + "%";
}

std::string TargetTypeName(std::string_view code) {
  for (size_t i = 0; i < std::size(kTargetTypes); ++i) {
    if (code == kTargetTypes[i]) return kTargetTypeNames[i];
  }
  return "";
}

Checked CheckItem(const Row& row, const CheckContext& context) {
  Checked out;
  ItemInput& item = out.input;
  const auto& columns = ItemColumns();
  auto cell = [&](int col) -> const std::string& {
    static const std::string kEmpty;
    return static_cast<size_t>(col) < row.size() ? row[col] : kEmpty;
  };
  auto problem = [&](int col, std::string message, bool warning = false) {
    out.problems.push_back({columns[col].name, cell(col), std::move(message), warning});
  };
  for (int col = 0; col < kColumnCount; ++col) {
    if (columns[col].required_value && cell(col).empty()) problem(col, "必填项为空");
  }
  // Free text, with the limits a person counts in characters.
  auto text = [&](int col, std::string* field, size_t max_chars) {
    *field = cell(col);
    if (Utf8Chars(*field) > max_chars)
      problem(col, "过长（最多 " + std::to_string(max_chars) + " 个字）");
  };
  text(kDomain, &item.domain, 50);
  text(kName, &item.name, 100);
  text(kSubItem, &item.sub_item, 100);
  text(kTarget, &item.target, 200);
  text(kContent, &item.content, 2000);
  text(kBasis, &item.basis, 2000);
  text(kFrequency, &item.frequency, 50);
  text(kPublication, &item.publication, 200);
  text(kRemark, &item.remark, 500);

  item.code = NormalizeItemCode(cell(kCode));
  if (!item.code.empty() && !IsItemCode(item.code))
    problem(kCode, "应为 2–32 位字母、数字、- 或 _（如 CQJXW-001）");

  // 事项类别 and the ratio cap: 一般 needs one, 重点 has none (000 Art. 5).
  item.category = Canonical(CategoryAliases(), cell(kCategory));
  if (!item.category.empty() && !OneOf(item.category, kCategories)) {
    problem(kCategory, "应为 重点 或 一般");
    item.category.clear();
  }
  const std::string& ratio = cell(kRatio);
  if (item.category == "重点" && !ratio.empty()) {
    problem(kRatio, "重点检查事项的抽查比例不设上限，请留空");
  } else if (item.category == "一般" && ratio.empty()) {
    problem(kRatio, "一般检查事项须填写抽查比例上限（如 5%）");
  } else if (!ratio.empty()) {
    std::string why;
    if (auto parsed = ParseRatio(ratio, &why)) {
      item.ratio_cap = *parsed;
    } else {
      problem(kRatio, why);
    }
    if (cell(kCategory).empty()) problem(kCategory, "填写了抽查比例上限的，事项类别应为“一般”");
  }

  std::vector<bool> method_used(std::size(kMethods), false);
  for (const std::string& m : SplitList(cell(kMethodsCol))) {
    const std::string method = Canonical(MethodAliases(), m);
    auto at = std::find_if(std::begin(kMethods), std::end(kMethods),
                           [&](const char* k) { return method == k; });
    if (at == std::end(kMethods)) {
      problem(kMethodsCol, "“" + m + "”不是检查方式，应为 " + ListOf(kMethods) + " 之一");
    } else {
      method_used[static_cast<size_t>(at - std::begin(kMethods))] = true;
    }
  }
  for (size_t i = 0; i < method_used.size(); ++i) {
    if (method_used[i]) item.methods.push_back(kMethods[i]);
  }

  if (!cell(kTargetType).empty()) {
    item.target_type = Canonical(TargetTypeAliases(), cell(kTargetType));
    if (!OneOf(item.target_type, kTargetTypes)) {
      problem(kTargetType, "应为 行政相对人、场地场所 或 产品");
      item.target_type = "entity";
    }
  }

  if (!cell(kDepartment).empty()) {
    if (auto department = context.department(cell(kDepartment))) {
      item.department_id = department->id;
      out.department_code = department->code;
      out.department_name = department->name;
    } else {
      problem(kDepartment, "没有这个部门（请填写部门编码或全称）");
    }
  }
  for (const std::string& key : SplitList(cell(kCooperating))) {
    auto department = context.department(key);
    if (!department) {
      problem(kCooperating, "没有部门“" + key + "”（请填写部门编码或全称）");
    } else if (department->id == item.department_id) {
      problem(kCooperating, "配合部门不能包含发起部门“" + department->name + "”");
    } else if (std::find(item.cooperating_ids.begin(), item.cooperating_ids.end(),
                         department->id) == item.cooperating_ids.end()) {
      item.cooperating_ids.push_back(department->id);
    }
  }
  std::sort(item.cooperating_ids.begin(), item.cooperating_ids.end());

  if (auto flag = ParseFlag(cell(kNoNotice))) {
    item.no_advance_notice = *flag;
  } else {
    problem(kNoNotice, "应为 是 或 否");
  }

  item.specialty = cell(kSpecialty);
  if (!item.specialty.empty() && !context.specialties.count(item.specialty))
    problem(kSpecialty, "“" + item.specialty + "”不在业务专长字典中");

  // The exempt list never covers safety, environment, complaints or orders from above (004
  // Art. 9); left empty, 免检免扰 follows from 事项性质.
  if (!cell(kNature).empty()) {
    item.nature = cell(kNature);
    if (!OneOf(item.nature, kNatures)) {
      problem(kNature, "应为 " + ListOf(kNatures) + " 之一");
      item.nature = "常规";
    }
  }
  const bool exempt_never = item.nature != "常规";
  if (cell(kExemption).empty()) {
    item.exemption = exempt_never ? "不适用" : "适用";
  } else {
    item.exemption = cell(kExemption);
    if (!OneOf(item.exemption, kExemptions)) {
      problem(kExemption, "应为 适用 或 不适用");
    } else if (exempt_never && item.exemption == "适用") {
      problem(kExemption, "事项性质为“" + item.nature +
                              "”的检查不在免检免扰范围内（淄博市细则第九条），应为“不适用”");
    }
  }

  // A draft may lack what only publication needs: one warning naming all of it.
  std::string missing;
  int first_missing = -1;
  for (const CellProblem& p : PublishProblems(item)) {
    missing += (missing.empty() ? "" : "、") + p.column;
    for (int col = 0; col < kColumnCount && first_missing < 0; ++col) {
      if (p.column == columns[col].name) first_missing = col;
    }
  }
  if (first_missing >= 0 && out.ok()) problem(first_missing, "发布前须补充：" + missing, true);
  return out;
}

std::vector<CellProblem> PublishProblems(const ItemInput& item) {
  std::vector<CellProblem> out;
  const auto& columns = ItemColumns();
  auto need = [&](int col, bool missing) {
    if (missing) out.push_back({columns[col].name, "", "发布前须填写"});
  };
  need(kCategory, item.category.empty());
  need(kContent, item.content.empty());
  need(kBasis, item.basis.empty());
  need(kMethodsCol, item.methods.empty());
  need(kFrequency, item.frequency.empty());
  need(kPublication, item.publication.empty());
  if (item.category == "一般" && item.ratio_cap.empty())
    out.push_back({columns[kRatio].name, "", "一般检查事项须填写抽查比例上限（如 5%）"});
  return out;
}

boost::json::object InputJson(const ItemInput& item) {
  boost::json::array methods, cooperating;
  for (const std::string& m : item.methods) methods.emplace_back(m);
  for (int64_t id : item.cooperating_ids) cooperating.emplace_back(id);
  return {{"code", item.code},
          {"domain", item.domain},
          {"name", item.name},
          {"sub_item", item.sub_item},
          {"category", item.category},
          {"ratio_cap", item.ratio_cap},
          {"content", item.content},
          {"basis", item.basis},
          {"methods", std::move(methods)},
          {"frequency", item.frequency},
          {"target", item.target},
          {"target_type", item.target_type},
          {"department_id", item.department_id},
          {"cooperating_department_ids", std::move(cooperating)},
          {"publication", item.publication},
          {"no_advance_notice", item.no_advance_notice},
          {"specialty", item.specialty},
          {"nature", item.nature},
          {"exemption", item.exemption},
          {"remark", item.remark}};
}

}  // namespace ssj::catalog

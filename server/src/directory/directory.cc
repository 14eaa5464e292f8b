#include "directory/directory.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "codes/divisions.h"
#include "codes/industry.h"
#include "codes/resident_id.h"
#include "codes/uscc.h"
#include "importer/csv_reader.h"

namespace ssj::directory {
namespace {

enum Col {
  kName,
  kCode,
  kAddress,
  kPhone,
  kDistrict,
  kNature,
  kDivision,
  kStatus,
  kClass,
  kIndustrySection,
  kIndustryDivision,
  kTagsCol,
  kDepartment,
  kColumnCount
};

template <size_t N>
std::string ListOf(const char* const (&allowed)[N]) {
  std::string out;
  for (const char* a : allowed) out += (out.empty() ? "" : "、") + std::string(a);
  return out;
}

// Splits on the separators people use in one cell: 、，, ；; and |.
std::vector<std::string> SplitList(const std::string& cell) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    size_t b = current.find_first_not_of(' '), e = current.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(current.substr(b, e - b + 1));
    current.clear();
  };
  for (size_t i = 0; i < cell.size();) {
    bool sep = false;
    for (std::string_view s : {"、", "，", "；", ",", ";", "|"}) {
      if (cell.compare(i, s.size(), s) == 0) {
        flush();
        i += s.size();
        sep = true;
        break;
      }
    }
    if (!sep) current += cell[i++];
  }
  flush();
  return out;
}

}  // namespace

const std::vector<Column>& EntityColumns() {
  static const std::vector<Column> columns = {
      {"行政相对人名称", true, true}, {"行政相对人编码", true, true},
      {"检查地址", true, false},      {"检查联系电话", true, false},
      {"所属区县", true, false},      {"行政相对人性质", true, true},
      {"行政区划代码", true, true},   {"经营状态", false, false},
      {"信用风险分类", false, false}, {"行业门类", false, false},
      {"行业大类", false, false},     {"标签", false, false},
      {"监管部门", false, false}};
  return columns;
}

boost::json::object InputJson(const TargetInput& t) {
  boost::json::array tags;
  for (const auto& tag : t.tags) tags.emplace_back(tag);
  return {{"kind", t.kind},
          {"code", t.code},
          {"name", t.name},
          {"nature", t.nature},
          {"division_code", t.division_code},
          {"address", t.address},
          {"phone", t.phone},
          {"industry_section", t.industry_section},
          {"industry_division", t.industry_division},
          {"status", t.status},
          {"credit_class", t.credit_class},
          {"tags", std::move(tags)},
          {"department_id", t.department_id},
          {"extra", boost::json::parse(t.extra)},
          {"code_warning", t.code_warning}};
}

bool Checked::ok() const {
  return std::none_of(problems.begin(), problems.end(),
                      [](const CellProblem& p) { return !p.warning; });
}

std::string NormalizeCode(std::string_view code) {
  const std::string ascii = importer::FullwidthToAscii(code);
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
  std::string out;
  for (size_t i = 0; i < ascii.size(); ++i) {
    if (std::string_view(ascii).substr(i).starts_with(kIdeographicSpace)) {
      i += kIdeographicSpace.size() - 1;
      continue;
    }
    char c = ascii[i];
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::optional<std::pair<std::string, std::string>> DivisionRange(const std::string& code) {
  if (!codes::FindDivision(code)) return std::nullopt;
  std::string prefix = code;
  while (prefix.size() > 2 && prefix.ends_with("00")) prefix.resize(prefix.size() - 2);
  std::string upper = prefix;
  // The next prefix of the same length: "3703" → "3704" (digits only, never "99" at the end of
  // a real division, so no carry is needed beyond one digit).
  for (size_t i = upper.size(); i-- > 0;) {
    if (upper[i] < '9') {
      ++upper[i];
      break;
    }
    upper[i] = '0';
  }
  return std::make_pair(prefix, upper);
}

Checked CheckEntity(const Row& row, int64_t default_department, const DepartmentLookup& lookup) {
  Checked out;
  TargetInput& t = out.input;
  const auto& columns = EntityColumns();
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
  t.kind = "entity";
  t.name = cell(kName);
  if (t.name.size() > 300) problem(kName, "名称过长（最多 100 个汉字）");

  t.nature = cell(kNature) == "个人" ? "自然人" : cell(kNature);
  if (!t.nature.empty() && !OneOf(t.nature, kNatures))
    problem(kNature, "应为 " + ListOf(kNatures) + " 之一");

  t.code = NormalizeCode(cell(kCode));
  if (!t.code.empty()) {
    if (t.nature == "自然人") {
      if (auto why = codes::ResidentIdProblem(t.code)) problem(kCode, *why);
    } else {
      codes::UsccCheck check = codes::CheckUscc(t.code);
      if (check.status == codes::UsccStatus::kInvalid) {
        problem(kCode, check.message);
      } else if (check.status == codes::UsccStatus::kCheckMismatch) {
        problem(kCode, check.message, true);
        t.code_warning = check.message;
      }
    }
  }

  t.division_code = NormalizeCode(cell(kDivision));
  const codes::Division* division = nullptr;
  if (!t.division_code.empty()) {
    division = codes::FindDivision(t.division_code);
    if (!division) problem(kDivision, "不是有效的行政区划代码（GB/T 2260）");
  }
  if (division && !cell(kDistrict).empty() && cell(kDistrict) != division->name &&
      cell(kDistrict) != division->full_name) {
    problem(kDistrict, "与行政区划代码 " + t.division_code + "（" + division->full_name + "）不符");
  }

  t.address = cell(kAddress);
  if (t.address.size() > 600) problem(kAddress, "地址过长（最多 200 个汉字）");
  t.phone = NormalizeCode(cell(kPhone));
  if (!t.phone.empty() && (t.phone.size() < 7 || t.phone.size() > 20 ||
                           t.phone.find_first_not_of("0123456789-+()转") != std::string::npos)) {
    problem(kPhone, "联系电话应为 7–20 位数字，可含 - 和 +");
  }

  if (!cell(kStatus).empty()) {
    t.status = cell(kStatus);
    if (!OneOf(t.status, kStatuses)) problem(kStatus, "应为 " + ListOf(kStatuses) + " 之一");
  }
  t.credit_class = NormalizeCode(cell(kClass));
  if (t.credit_class.ends_with("类")) t.credit_class.resize(t.credit_class.size() - 3);
  if (t.credit_class.ends_with("级")) t.credit_class.resize(t.credit_class.size() - 3);
  if (!t.credit_class.empty() && !OneOf(t.credit_class, kClasses))
    problem(kClass, "应为 A、B、C、D 之一（留空表示未分类）");

  // Industry: the 门类 by letter or name; the 大类 by its two digits, which also implies the 门类.
  const std::string& section_cell = cell(kIndustrySection);
  if (!section_cell.empty()) {
    const codes::IndustrySection* section = codes::FindIndustrySection(NormalizeCode(section_cell));
    if (!section) {
      for (const auto& s : codes::IndustrySections()) {
        if (s.name == section_cell) section = &s;
      }
    }
    if (section) {
      t.industry_section = section->code;
    } else {
      problem(kIndustrySection, "不是 GB/T 4754 的行业门类（A–T 或门类名称）");
    }
  }
  std::string division_cell = NormalizeCode(cell(kIndustryDivision));
  if (division_cell.size() == 1) division_cell = "0" + division_cell;  // Excel drops the zero
  if (!division_cell.empty()) {
    const codes::IndustrySection* section = codes::SectionOfDivision(division_cell);
    if (!section) {
      problem(kIndustryDivision, "不是 GB/T 4754 的行业大类（01–97）");
    } else if (!t.industry_section.empty() && t.industry_section != section->code) {
      problem(kIndustryDivision,
              "行业大类 " + division_cell + " 属于门类 " + section->code + "，与所填门类不符");
    } else {
      t.industry_section = section->code;
      t.industry_division = division_cell;
    }
  }

  std::set<std::string> tags;
  for (const std::string& tag : SplitList(cell(kTagsCol))) {
    if (OneOf(tag, kTags)) {
      tags.insert(tag);
    } else {
      problem(kTagsCol, "未知标签“" + tag + "”，可用：" + ListOf(kTags));
    }
  }
  t.tags.assign(tags.begin(), tags.end());

  t.department_id = default_department;
  if (!cell(kDepartment).empty()) {
    if (auto id = lookup(cell(kDepartment))) {
      t.department_id = *id;
    } else {
      problem(kDepartment, "没有这个部门（请填写部门编码或全称）");
    }
  }
  return out;
}

}  // namespace ssj::directory

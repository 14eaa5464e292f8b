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

using importer::ListOf;
using importer::SplitList;

}  // namespace

const std::vector<Column>& EntityColumns() {
  static const std::vector<Column> columns = {
      {"行政相对人名称", true, true, "必填。营业执照上的名称，或自然人姓名。"},
      {"行政相对人编码", true, true,
       "必填。18 位统一社会信用代码（可小写、全角，导入时自动规范）；自然人填 18 位公民身份号码"
       "（不收 15 位旧号码）。"},
      {"检查地址", true, false, "选填。实施检查的地址。"},
      {"检查联系电话", true, false, "选填。7–20 位数字，可含 - 和 +。"},
      {"所属区县", true, false, "选填。区县名称，须与行政区划代码一致；留空则按区划代码填写。"},
      {"行政相对人性质", true, true,
       "必填。企业、个体工商户、农民专业合作社、其他组织、自然人，或双公示类别“法人及非法人组织”"
       "。"},
      {"行政区划代码", true, true, "必填。6 位 GB/T 2260 代码（县级），见“字典”表。"},
      {"经营状态", false, false,
       "选填，默认“存续”。存续、在业、注销、吊销、撤销、迁出、停业清算。"},
      {"信用风险分类", false, false, "选填。A、B、C、D（也可写“B类”）；留空表示未分类。"},
      {"行业门类", false, false, "选填。GB/T 4754 门类字母 A–T 或门类名称；填了行业大类时可不填。"},
      {"行业大类", false, false, "选填。两位数字 01–97，如 36（汽车制造业）。"},
      {"标签", false, false,
       "选填，多个用顿号分隔：经营异常名录、严重违法失信、投诉举报多、行政处罚记录。"},
      {"监管部门", false, false,
       "选填。部门编码或全称；留空则归导入人所在部门（命令行导入时为 --department）。"}};
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

bool Checked::ok() const { return importer::NoErrors(problems); }

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
  if (auto why = importer::PhoneProblem(t.phone)) problem(kPhone, *why);

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

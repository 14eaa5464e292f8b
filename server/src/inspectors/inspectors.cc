#include "inspectors/inspectors.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "codes/divisions.h"
#include "codes/resident_id.h"
#include "codes/uscc.h"
#include "directory/directory.h"
#include "importer/csv_reader.h"

namespace ssj::inspectors {
namespace {

using directory::NormalizeCode;
using directory::OneOf;
using importer::ListOf;

enum Col {
  kName,
  kGender,
  kPhone,
  kDistrict,
  kDepartment,
  kCategory,
  kSpecialties,
  kPost,
  kCertNo,
  kCertValid,
  kIdNumber,
  kOrganisation,
  kTitle,
  kStatus,
  kColumnCount
};

std::vector<Column> MakeColumns(Group group) {
  const bool c1 = group == Group::kInspectors;  // appendix C.1's columns are required there
  return {
      {"姓名", true, true, "必填。人员姓名；第三方机构填机构全称。"},
      {"性别", false, false, "选填。男或女；留空时按身份证号码推定，第三方机构不填。"},
      {"电话", c1, false, "选填。7–20 位数字；不对外公开。"},
      {"所属区县", c1, false, "选填。区县名称（如 渝中区）或 6 位行政区划代码。"},
      {"所属部门", true, true, "必填。部门编码或全称，须在导入人的数据范围内。"},
      {"人员类别", true, true,
       c1 ? "必填。执法人员或辅助人员。" : "必填。专家、辅助人员或第三方机构。"},
      {"业务专长", c1, false, "选填。多个用顿号分隔，须为“字典”表中的专长。"},
      {"岗位", false, false, "选填。如 科长、科员、执法大队队员。"},
      {"执法证号", false, false,
       "执法人员应填。行政执法证件号码，对外公开；未填的执法人员不能参加抽取。"},
      {"执法证有效期至", false, false,
       "填了执法证号的必填。如 2028-06-30；过期的执法人员不能参加抽取。"},
      {"证件号码", !c1, false,
       "专家、辅助人员必填 18 位公民身份号码；第三方机构填统一社会信用代码。不对外公开。"},
      {"工作单位", false, false, "选填。专家、辅助人员的工作单位。"},
      {"职称", false, false, "选填。如 高级工程师。"},
      {"状态", false, false, "选填，默认“在岗”。在岗、离岗、停用。"},
  };
}

// County-level divisions by name and by full name; a name shared by several (城区, 新区 …)
// maps to all of them and needs the code.
const std::multimap<std::string, const codes::Division*>& CountiesByName() {
  static const auto* names = [] {
    auto* out = new std::multimap<std::string, const codes::Division*>;
    for (const codes::Division& d : codes::AllDivisions()) {
      if (d.level != "county") continue;
      out->emplace(d.name, &d);
      if (d.full_name != d.name) out->emplace(d.full_name, &d);
    }
    return out;
  }();
  return *names;
}

}  // namespace

const std::vector<Column>& InspectorColumns(Group group) {
  static const std::vector<Column> inspectors = MakeColumns(Group::kInspectors);
  static const std::vector<Column> experts = MakeColumns(Group::kExperts);
  return group == Group::kInspectors ? inspectors : experts;
}

const std::vector<std::string>& InspectorFieldNames() {
  static const std::vector<std::string> names = {
      "name",      "gender",       "phone", "division_code", "department",
      "category",  "specialties",  "post",  "cert_no",       "cert_valid_until",
      "id_number", "organisation", "title", "status"};
  return names;
}

Checked CheckInspector(const Row& row, const CheckContext& context) {
  Checked out;
  InspectorInput& p = out.input;
  const auto& columns = InspectorColumns(context.group);
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

  p.name = cell(kName);
  if (p.name.size() > 150) problem(kName, "姓名或名称过长（最多 50 个汉字）");

  p.category = cell(kCategory);
  const bool inspectors = context.group == Group::kInspectors;
  if (!p.category.empty()) {
    if (!OneOf(p.category, kCategories)) {
      problem(kCategory, "应为 " + ListOf(kCategories) + " 之一");
    } else if (inspectors && p.category != "执法人员" && p.category != "辅助人员") {
      problem(kCategory, "专家和第三方机构请在“专家和辅助人员库”中登记");
    } else if (!inspectors && p.category == "执法人员") {
      problem(kCategory, "执法人员请在“执法检查人员名录库”中登记");
    }
  }
  const bool enforcer = p.category == "执法人员";
  const bool institution = p.category == "第三方机构";

  // The ID number (an institution's USCC); required for everyone but 执法人员.
  p.id_number = NormalizeCode(cell(kIdNumber));
  if (p.id_number.empty()) {
    if (!enforcer && !p.category.empty()) {
      problem(kIdNumber, institution ? "第三方机构须填写统一社会信用代码" : "须填写公民身份号码");
    }
  } else if (institution) {
    codes::UsccCheck check = codes::CheckUscc(p.id_number);
    if (check.status == codes::UsccStatus::kInvalid) problem(kIdNumber, check.message);
    if (check.status == codes::UsccStatus::kCheckMismatch) problem(kIdNumber, check.message, true);
  } else if (auto why = codes::ResidentIdProblem(p.id_number)) {
    problem(kIdNumber, *why);
  }

  p.gender = cell(kGender);
  if (p.gender == "男性") p.gender = "男";
  if (p.gender == "女性") p.gender = "女";
  if (institution) {
    if (!p.gender.empty()) problem(kGender, "第三方机构不填性别");
  } else if (!p.gender.empty() && !OneOf(p.gender, kGenders)) {
    problem(kGender, "应为 男 或 女");
  } else if (p.gender.empty() && p.id_number.size() == 18 &&
             !codes::ResidentIdProblem(p.id_number)) {
    p.gender = (p.id_number[16] - '0') % 2 ? "男" : "女";  // GB 11643: the 17th digit
  }

  p.phone = NormalizeCode(cell(kPhone));
  if (auto why = importer::PhoneProblem(p.phone)) problem(kPhone, *why);

  std::string department_division;
  if (!cell(kDepartment).empty()) {
    if (auto department = context.department(cell(kDepartment))) {
      p.department_id = department->id;
      department_division = department->division_code;
    } else {
      problem(kDepartment, "没有这个部门（请填写部门编码或全称）");
    }
  }

  // 所属区县: a code, or a name, read within the department's province when several provinces
  // have a district of that name.
  const std::string district = NormalizeCode(cell(kDistrict));
  if (!district.empty()) {
    if (const codes::Division* d = codes::FindDivision(district)) {
      p.division_code = d->code;
    } else {
      std::vector<const codes::Division*> found;
      auto [from, to] = CountiesByName().equal_range(cell(kDistrict));
      for (auto it = from; it != to; ++it) found.push_back(it->second);
      if (found.size() > 1 && department_division.size() >= 2) {
        std::erase_if(found, [&](const codes::Division* d) {
          return d->code.compare(0, 2, department_division, 0, 2) != 0;
        });
      }
      if (found.empty()) {
        problem(kDistrict, "不是区县名称或 6 位行政区划代码（GB/T 2260）");
      } else if (found.size() > 1) {
        problem(kDistrict, "有多个同名区县，请填写带市名的全称或 6 位区划代码");
      } else {
        p.division_code = found.front()->code;
      }
    }
  }

  std::set<std::string> specialties;
  for (const std::string& s : importer::SplitList(cell(kSpecialties))) {
    if (context.specialties.count(s)) {
      specialties.insert(s);
    } else {
      problem(kSpecialties, "“" + s + "”不在业务专长字典中");
    }
  }
  p.specialties.assign(specialties.begin(), specialties.end());

  p.post = cell(kPost);
  if (p.post.size() > 90) problem(kPost, "岗位过长（最多 30 个汉字）");
  p.organisation = cell(kOrganisation);
  if (p.organisation.size() > 300) problem(kOrganisation, "工作单位过长（最多 100 个汉字）");
  p.title = cell(kTitle);
  if (p.title.size() > 90) problem(kTitle, "职称过长（最多 30 个汉字）");

  p.cert_no = NormalizeCode(cell(kCertNo));
  if (p.cert_no.size() > 40) problem(kCertNo, "执法证号过长（最多 40 个字符）");
  if (!cell(kCertValid).empty()) {
    if (auto date = importer::ExcelDate(cell(kCertValid))) {
      p.cert_valid_until = *date;
    } else {
      problem(kCertValid, "不是有效的日期（如 2028-06-30）");
    }
  }
  if (enforcer) {
    // A file with only appendix C.1's columns has no certificates: the people are registered,
    // but cannot be drawn until their 执法证 is entered.
    if (p.cert_no.empty()) {
      problem(kCertNo, "未填写执法证号，补录前不能参加抽取", true);
    } else if (cell(kCertValid).empty()) {
      problem(kCertValid, "填写了执法证号的，须填写有效期");
    } else if (!p.cert_valid_until.empty() && p.cert_valid_until < context.today) {
      problem(kCertValid, "执法证已过期，登记后不能参加抽取", true);
    }
  }

  if (!cell(kStatus).empty()) {
    p.status = cell(kStatus);
    if (!OneOf(p.status, kStatuses)) problem(kStatus, "应为 " + ListOf(kStatuses) + " 之一");
  }
  // The key: the certificate, else the ID number, else (C.1 gives no more) name and phone.
  p.code = enforcer && !p.cert_no.empty() ? p.cert_no
           : !p.id_number.empty()         ? p.id_number
                                          : p.name + "（" + p.phone + "）";
  return out;
}

bool Drawable(const InspectorInput& p, const std::string& today) {
  if (p.status != "在岗") return false;
  if (p.category != "执法人员") return true;
  return !p.cert_no.empty() && !p.cert_valid_until.empty() && p.cert_valid_until >= today;
}

boost::json::object InputJson(const InspectorInput& p) {
  boost::json::array specialties;
  for (const std::string& s : p.specialties) specialties.emplace_back(s);
  return {{"category", p.category},
          {"name", p.name},
          {"gender", p.gender},
          {"phone", p.phone},
          {"id_number", p.id_number},
          {"cert_no", p.cert_no},
          {"cert_valid_until", p.cert_valid_until},
          {"organisation", p.organisation},
          {"title", p.title},
          {"post", p.post},
          {"department_id", p.department_id},
          {"division_code", p.division_code},
          {"specialties", std::move(specialties)},
          {"status", p.status}};
}

}  // namespace ssj::inspectors

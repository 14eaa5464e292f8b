#include "inspectors/export.h"

#include <unordered_map>

#include "codes/divisions.h"
#include "directory/directory.h"

namespace ssj::inspectors {

const std::vector<std::string>& ExportFilterKeys() {
  static const std::vector<std::string> keys = {"name",   "category", "division",     "specialty",
                                                "status", "cert",     "department_id"};
  return keys;
}

Result<InspectorFilter> ExportFilter(const ExportParams& params, Group group,
                                     const std::string& today) {
  using directory::Param;
  InspectorFilter f;
  f.group = group;
  f.name = Param(params, "name").substr(0, 100);
  f.category = Param(params, "category");
  f.division = Param(params, "division").substr(0, 12);
  f.specialty = Param(params, "specialty").substr(0, 100);
  f.status = Param(params, "status");
  f.cert = Param(params, "cert");
  f.today = today;
  SSJ_TRY(directory::CheckOneOf("category", f.category, kCategories));
  SSJ_TRY(directory::CheckOneOf("status", f.status, kStatuses));
  if (!f.cert.empty() && f.cert != "valid" && f.cert != "expired")
    return Error::InvalidField("cert", "应为 valid 或 expired", f.cert.substr(0, 32));
  if (!f.division.empty() && !directory::DivisionRange(f.division))
    return Error::InvalidField("division", "不是有效的行政区划代码", f.division);
  SSJ_ASSIGN(f.department_id, directory::IdParam(params, "department_id"));
  return f;
}

std::string DistrictCell(const std::string& division_code) {
  // How many counties answer to each name and full name: the import reads a name only when it
  // is unambiguous (or within the department's province, which this does not rely on).
  static const auto* counts = [] {
    auto* out = new std::unordered_map<std::string, int>;
    for (const codes::Division& d : codes::AllDivisions()) {
      if (d.level != "county") continue;
      ++(*out)[d.name];
      if (d.full_name != d.name) ++(*out)[d.full_name];
    }
    return out;
  }();
  const codes::Division* d = codes::FindDivision(division_code);
  if (!d || d->level != "county") return division_code;
  if (counts->at(d->name) == 1) return d->name;
  if (counts->at(d->full_name) == 1) return d->full_name;
  return division_code;
}

Row InspectorRow(const Inspector& p, const DepartmentLabel& department) {
  std::string specialties;
  for (const std::string& s : p.specialties) specialties += (specialties.empty() ? "" : "、") + s;
  // InspectorColumns() order.
  return {p.name,
          p.gender,
          p.phone,
          DistrictCell(p.division_code),
          department(p.department_id),
          p.category,
          std::move(specialties),
          p.post,
          p.cert_no,
          p.cert_valid_until,
          p.id_number,
          p.organisation,
          p.title,
          p.status};
}

}  // namespace ssj::inspectors

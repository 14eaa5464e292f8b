#include "directory/export.h"

namespace ssj::directory {

std::string Param(const ExportParams& params, std::string_view name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

Result<int64_t> IdParam(const ExportParams& params, std::string_view name) {
  const std::string value = Param(params, name);
  if (value.empty()) return int64_t{0};
  if (value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos)
    return Error::InvalidField(std::string(name), "应为整数编号", value.substr(0, 32));
  return static_cast<int64_t>(std::stoll(value));
}

const std::vector<std::string>& ExportFilterKeys() {
  static const std::vector<std::string> keys = {
      "name",   "code",         "division", "industry_section", "industry_division",
      "status", "credit_class", "tag",      "department_id"};
  return keys;
}

Result<TargetFilter> ExportFilter(const ExportParams& params, const std::string& kind) {
  TargetFilter f;
  f.kind = kind;
  f.name = Param(params, "name").substr(0, 100);
  f.code = Param(params, "code").substr(0, 64);
  f.division = Param(params, "division").substr(0, 12);
  f.industry_section = Param(params, "industry_section").substr(0, 2);
  f.industry_division = Param(params, "industry_division").substr(0, 2);
  f.status = Param(params, "status");
  f.credit_class = Param(params, "credit_class");
  f.tag = Param(params, "tag");
  SSJ_TRY(CheckOneOf("status", f.status, kStatuses));
  SSJ_TRY(CheckOneOf("credit_class", f.credit_class, kClasses));
  SSJ_TRY(CheckOneOf("tag", f.tag, kTags));
  if (!f.division.empty() && !DivisionRange(f.division))
    return Error::InvalidField("division", "不是有效的行政区划代码", f.division);
  SSJ_ASSIGN(f.department_id, IdParam(params, "department_id"));
  return f;
}

Row TargetRow(const Target& t, const DepartmentLabel& department) {
  Row row = ToRow(t);
  const auto& columns = TargetColumns(KindByName(t.kind).value_or(TargetKind::kEntity));
  for (size_t col = 0; col < columns.size(); ++col) {
    if (std::string_view(columns[col].name) == "监管部门") row[col] = department(t.department_id);
  }
  return row;
}

}  // namespace ssj::directory

#include "catalog/export.h"

namespace ssj::catalog {

const std::vector<std::string>& ExportFilterKeys() {
  static const std::vector<std::string> keys = {"q", "domain", "category", "status",
                                                "department_id"};
  return keys;
}

Result<ItemFilter> ExportFilter(const ExportParams& params) {
  using directory::Param;
  ItemFilter f;
  f.q = Param(params, "q").substr(0, 100);
  f.domain = Param(params, "domain").substr(0, 150);
  f.category = Param(params, "category");
  f.status = Param(params, "status");
  SSJ_TRY(directory::CheckOneOf("category", f.category, kCategories));
  SSJ_TRY(directory::CheckOneOf("status", f.status, kStatuses));
  SSJ_ASSIGN(f.department_id, directory::IdParam(params, "department_id"));
  return f;
}

Row ItemRow(const Item& item, const DepartmentLabel& department) {
  auto joined = [](const auto& list, const auto& text) {
    std::string out;
    for (const auto& entry : list) out += (out.empty() ? "" : "、") + text(entry);
    return out;
  };
  // ItemColumns() order.
  return {item.domain,
          item.name,
          item.target,
          department(item.department_id),
          joined(item.cooperating_ids, department),
          item.remark,
          item.code,
          item.sub_item,
          item.category,
          RatioPercent(item.ratio_cap),
          item.content,
          item.basis,
          joined(item.methods, [](const std::string& m) { return m; }),
          item.frequency,
          TargetTypeName(item.target_type),
          item.publication,
          item.no_advance_notice ? "是" : "否",
          item.specialty,
          item.nature,
          item.exemption};
}

}  // namespace ssj::catalog

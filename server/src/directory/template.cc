#include "directory/template.h"

#include <algorithm>

#include "codes/divisions.h"
#include "codes/industry.h"

namespace ssj::directory {
namespace {

// The position of a column in the kind's template, for its dropdown.
int ColumnOf(TargetKind kind, std::string_view name) {
  const auto& columns = TargetColumns(kind);
  auto it =
      std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return name == c.name; });
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

}  // namespace

importer::TemplateSpec TargetTemplate(TargetKind kind) {
  using importer::Strings;
  std::vector<std::string> sections, division_codes, division_names;
  for (const auto& s : codes::IndustrySections()) sections.push_back(s.name);
  for (const auto& d : codes::AllDivisions()) {
    if (d.level != "county") continue;
    division_codes.push_back(d.code);
    division_names.push_back(d.full_name);
  }
  const KindInfo& info = Info(kind);
  const size_t appendix_columns =
      static_cast<size_t>(std::count_if(TargetColumns(kind).begin(), TargetColumns(kind).end(),
                                        [](const Column& c) { return c.required_in_header; }));
  std::vector<int> wide = {0, ColumnOf(kind, "检查地址")};
  if (kind == TargetKind::kPlace) wide.push_back(ColumnOf(kind, "责任单位"));
  if (kind == TargetKind::kProduct) wide.push_back(ColumnOf(kind, "企业名称"));
  return {std::string("检查对象（") + info.noun + "）",
          &TargetColumns(kind),
          wide,
          {{"行政相对人性质", Strings(kNatures), ColumnOf(kind, "行政相对人性质")},
           {"经营状态", Strings(kStatuses), ColumnOf(kind, "经营状态")},
           {"信用风险分类", Strings(kClasses), ColumnOf(kind, "信用风险分类")},
           {"行业门类", sections, ColumnOf(kind, "行业门类")},
           {"行政区划代码", division_codes, ColumnOf(kind, "行政区划代码")},
           {"区划名称", division_names, -1}},
          {std::string("表头须与") + info.appendix + "的列名一致（红色为必填列）；只有前 " +
               std::to_string(appendix_columns) + " 列是附录规定的列，其余可删去。",
           "可另存为 CSV（UTF-8 或 GBK 均可）后导入，也可直接导入本工作簿。",
           "导入时先校验全部行：有错误时不写入任何数据，并列出每个错误的行号、列名、值和原因；"
           "可选择“跳过有错误的行”。",
           std::string("以“") + info.key_column +
               "”识别对象：已在名录库中的，只有选择“更新已有对象”时才会被更新，并保留历史版本。"}};
}

Status WriteTargetTemplate(TargetKind kind, const std::string& path) {
  return importer::WriteTemplate(path, TargetTemplate(kind));
}

}  // namespace ssj::directory

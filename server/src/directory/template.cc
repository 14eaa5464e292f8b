#include "directory/template.h"

#include "codes/divisions.h"
#include "codes/industry.h"
#include "directory/directory.h"

namespace ssj::directory {

importer::TemplateSpec EntityTemplate() {
  using importer::Strings;
  std::vector<std::string> sections, division_codes, division_names;
  for (const auto& s : codes::IndustrySections()) sections.push_back(s.name);
  for (const auto& d : codes::AllDivisions()) {
    if (d.level != "county") continue;
    division_codes.push_back(d.code);
    division_names.push_back(d.full_name);
  }
  return {"检查对象",
          &EntityColumns(),
          {0, 2},
          {{"行政相对人性质", Strings(kNatures), 5},
           {"经营状态", Strings(kStatuses), 7},
           {"信用风险分类", Strings(kClasses), 8},
           {"行业门类", sections, 9},
           {"行政区划代码", division_codes, 6},
           {"区划名称", division_names, -1}},
          {"表头须与附录 B.1 的列名一致（红色为必填列）；只有前七列是附录规定的列，其余可删去。",
           "可另存为 CSV（UTF-8 或 GBK 均可）后导入，也可直接导入本工作簿。",
           "导入分两步：先校验全部行，有错误时不写入任何数据，并列出每个错误的行号、列名、值和"
           "原因；可选择“跳过有错误的行”。",
           "编码已在名录库中的对象，只有选择“更新已有对象”时才会被更新，并保留历史版本。"}};
}

Status WriteEntityTemplate(const std::string& path) {
  return importer::WriteTemplate(path, EntityTemplate());
}

}  // namespace ssj::directory

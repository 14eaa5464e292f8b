#include "directory/template.h"

#include <xlsxwriter.h>

#include <vector>

#include "codes/divisions.h"
#include "codes/industry.h"
#include "directory/directory.h"

namespace ssj::directory {
namespace {

struct Help {
  const char* column;
  const char* rule;
};
// One line per column, in EntityColumns() order.
constexpr Help kHelp[] = {
    {"行政相对人名称", "必填。营业执照上的名称，或自然人姓名。"},
    {"行政相对人编码",
     "必填。18 位统一社会信用代码（可小写、全角，导入时自动规范）；自然人填 18 "
     "位公民身份号码（不收 "
     "15 位旧号码）。"},
    {"检查地址", "选填。实施检查的地址。"},
    {"检查联系电话", "选填。7–20 位数字，可含 - 和 +。"},
    {"所属区县", "选填。区县名称，须与行政区划代码一致；留空则按区划代码填写。"},
    {"行政相对人性质",
     "必填。企业、个体工商户、农民专业合作社、其他组织、自然人，或双公示类别“法人及非法人组织”。"},
    {"行政区划代码", "必填。6 位 GB/T 2260 代码（县级），见“字典”表。"},
    {"经营状态", "选填，默认“存续”。存续、在业、注销、吊销、撤销、迁出、停业清算。"},
    {"信用风险分类", "选填。A、B、C、D（也可写“B类”）；留空表示未分类。"},
    {"行业门类", "选填。GB/T 4754 门类字母 A–T 或门类名称；填了行业大类时可不填。"},
    {"行业大类", "选填。两位数字 01–97，如 36（汽车制造业）。"},
    {"标签", "选填，多个用顿号分隔：经营异常名录、严重违法失信、投诉举报多、行政处罚记录。"},
    {"监管部门", "选填。部门编码或全称；留空则归导入人所在部门（命令行导入时为 --department）。"},
};

}  // namespace

Status WriteEntityTemplate(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error::InvalidField("out", "无法创建文件", path);
  lxw_worksheet* data = workbook_add_worksheet(wb, "检查对象");
  lxw_worksheet* help = workbook_add_worksheet(wb, "填写说明");
  lxw_worksheet* dict = workbook_add_worksheet(wb, "字典");

  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");  // text: no 9.15001E+17, no lost leading zeros
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_num_format(head, "@");
  lxw_format* required = workbook_add_format(wb);
  format_set_bold(required);
  format_set_bg_color(required, 0xFCE4D6);
  format_set_font_color(required, 0xC00000);
  format_set_num_format(required, "@");
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);

  const auto& columns = EntityColumns();
  for (size_t col = 0; col < columns.size(); ++col) {
    const Column& c = columns[col];
    worksheet_write_string(data, 0, static_cast<lxw_col_t>(col), c.name,
                           c.required_value ? required : head);
    worksheet_write_comment(data, 0, static_cast<lxw_col_t>(col), kHelp[col].rule);
    worksheet_set_column(data, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                         col == 0 || col == 2 ? 32 : 16, text);
  }
  worksheet_freeze_panes(data, 1, 0);

  // The dictionary sheet: one list per column, referenced by the dropdowns.
  auto write_list = [&](lxw_col_t col, const char* title, const std::vector<std::string>& items) {
    worksheet_write_string(dict, 0, col, title, head);
    for (size_t i = 0; i < items.size(); ++i)
      worksheet_write_string(dict, static_cast<lxw_row_t>(i + 1), col, items[i].c_str(), text);
    return items.size();
  };
  auto strings = [](const auto& list) {
    std::vector<std::string> out;
    for (const char* s : list) out.emplace_back(s);
    return out;
  };
  std::vector<std::string> sections, division_codes, division_names;
  for (const auto& s : codes::IndustrySections()) sections.push_back(s.name);
  for (const auto& d : codes::AllDivisions()) {
    if (d.level != "county") continue;
    division_codes.push_back(d.code);
    division_names.push_back(d.full_name);
  }
  struct ListColumn {
    int data_col;  // column of the data sheet
    lxw_col_t dict_col;
    size_t size;
  };
  const std::vector<ListColumn> lists = {
      {5, 0, write_list(0, "行政相对人性质", strings(kNatures))},
      {7, 1, write_list(1, "经营状态", strings(kStatuses))},
      {8, 2, write_list(2, "信用风险分类", strings(kClasses))},
      {9, 3, write_list(3, "行业门类", sections)},
      {6, 4, write_list(4, "行政区划代码", division_codes)},
  };
  write_list(5, "区划名称", division_names);
  worksheet_set_column(dict, 0, 4, 16, nullptr);
  worksheet_set_column(dict, 5, 5, 40, nullptr);
  for (const ListColumn& list : lists) {
    const char letter = static_cast<char>('A' + list.dict_col);
    std::string formula = "=字典!$" + std::string(1, letter) + "$2:$" + std::string(1, letter) +
                          "$" + std::to_string(list.size + 1);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = formula.data();
    // A warning, not a stop: people paste codes the list does not show at once.
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    validation.error_title = const_cast<char*>("不在字典中");
    validation.error_message =
        const_cast<char*>("该值不在字典中，导入时会被判为错误。仍要保留吗？");
    worksheet_data_validation_range(data, 1, static_cast<lxw_col_t>(list.data_col), 100000,
                                    static_cast<lxw_col_t>(list.data_col), &validation);
  }

  worksheet_set_column(help, 0, 0, 18, nullptr);
  worksheet_set_column(help, 1, 1, 90, wrap);
  worksheet_write_string(help, 0, 0, "列名", head);
  worksheet_write_string(help, 0, 1, "填写要求", head);
  for (size_t col = 0; col < columns.size(); ++col) {
    worksheet_write_string(help, static_cast<lxw_row_t>(col + 1), 0, kHelp[col].column, nullptr);
    worksheet_write_string(help, static_cast<lxw_row_t>(col + 1), 1, kHelp[col].rule, nullptr);
  }
  lxw_row_t row = static_cast<lxw_row_t>(columns.size() + 2);
  for (const char* line :
       {"表头须与附录 B.1 的列名一致（红色为必填列）；只有前七列是附录规定的列，其余可删去。",
        "可另存为 CSV（UTF-8 或 GBK 均可）后导入，也可直接导入本工作簿。",
        "导入分两步：先校验全部行，有错误时不写入任何数据，并列出每个错误的行号、列名、值和原因；"
        "可选择“跳过有错误的行”。",
        "编码已在名录库中的对象，只有选择“更新已有对象”时才会被更新，并保留历史版本。"}) {
    worksheet_write_string(help, row++, 1, line, nullptr);
  }
  worksheet_activate(data);
  if (workbook_close(wb) != LXW_NO_ERROR) return Error::InvalidField("out", "写入文件失败", path);
  return OkStatus();
}

}  // namespace ssj::directory

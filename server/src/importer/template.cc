#include "importer/template.h"

#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace ssj::importer {

Status WriteTemplate(const std::string& path, const TemplateSpec& spec) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error::InvalidField("out", "无法创建文件", path);
  lxw_worksheet* data = workbook_add_worksheet(wb, spec.sheet.c_str());
  lxw_worksheet* help = workbook_add_worksheet(wb, "填写说明");
  lxw_worksheet* dict = spec.lists.empty() ? nullptr : workbook_add_worksheet(wb, "字典");

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

  const auto& columns = *spec.columns;
  for (size_t col = 0; col < columns.size(); ++col) {
    const Column& c = columns[col];
    const auto x = static_cast<lxw_col_t>(col);
    worksheet_write_string(data, 0, x, c.name, c.required_value ? required : head);
    if (*c.help) worksheet_write_comment(data, 0, x, c.help);
    const bool wide = std::find(spec.wide_columns.begin(), spec.wide_columns.end(),
                                static_cast<int>(col)) != spec.wide_columns.end();
    worksheet_set_column(data, x, x, wide ? 32 : 16, text);
  }
  worksheet_freeze_panes(data, 1, 0);

  // The dictionary sheet: one list per column, referenced by the dropdowns.
  for (size_t l = 0; l < spec.lists.size(); ++l) {
    const TemplateList& list = spec.lists[l];
    const auto x = static_cast<lxw_col_t>(l);
    worksheet_write_string(dict, 0, x, list.title.c_str(), head);
    for (size_t i = 0; i < list.items.size(); ++i)
      worksheet_write_string(dict, static_cast<lxw_row_t>(i + 1), x, list.items[i].c_str(), text);
    size_t longest = 8;
    for (const auto& item : list.items) longest = std::max(longest, item.size() / 2);
    worksheet_set_column(dict, x, x, static_cast<double>(std::min<size_t>(longest, 48)), nullptr);
    if (list.data_column < 0) continue;
    const char letter = static_cast<char>('A' + l);
    std::string formula = "=字典!$" + std::string(1, letter) + "$2:$" + std::string(1, letter) +
                          "$" + std::to_string(list.items.size() + 1);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = formula.data();
    // A warning, not a stop: people paste codes the list does not show at once.
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    validation.error_title = const_cast<char*>("不在字典中");
    validation.error_message =
        const_cast<char*>("该值不在字典中，导入时会被判为错误。仍要保留吗？");
    const auto y = static_cast<lxw_col_t>(list.data_column);
    worksheet_data_validation_range(data, 1, y, 100000, y, &validation);
  }

  worksheet_set_column(help, 0, 0, 18, nullptr);
  worksheet_set_column(help, 1, 1, 90, wrap);
  worksheet_write_string(help, 0, 0, "列名", head);
  worksheet_write_string(help, 0, 1, "填写要求", head);
  for (size_t col = 0; col < columns.size(); ++col) {
    worksheet_write_string(help, static_cast<lxw_row_t>(col + 1), 0, columns[col].name, nullptr);
    worksheet_write_string(help, static_cast<lxw_row_t>(col + 1), 1, columns[col].help, nullptr);
  }
  lxw_row_t row = static_cast<lxw_row_t>(columns.size() + 2);
  for (const std::string& line : spec.notes)
    worksheet_write_string(help, row++, 1, line.c_str(), nullptr);
  worksheet_activate(data);
  if (workbook_close(wb) != LXW_NO_ERROR) return Error::InvalidField("out", "写入文件失败", path);
  return OkStatus();
}

Result<std::string> TemplateBytes(const TemplateSpec& spec) {
  // libxlsxwriter writes files: write one, read it back, remove it.
  std::string path = (std::filesystem::temp_directory_path() / "ssj-template-XXXXXX.xlsx").string();
  int fd = ::mkstemps(path.data(), 5);
  if (fd < 0) return Error::Internal("无法创建临时文件");
  ::close(fd);
  Status written = WriteTemplate(path, spec);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::remove(path);
  if (!written.ok()) return written.take_error();
  return bytes;
}

}  // namespace ssj::importer

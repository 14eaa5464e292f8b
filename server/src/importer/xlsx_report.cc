#include "importer/xlsx_report.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace ssj::importer {
namespace {

constexpr size_t kMaxSheetRows = 1'048'576;
constexpr size_t kMaxCellBytes = 32'000;  // Excel holds 32,767 characters in a cell

// Cuts `text` to what a cell holds, on a UTF-8 character boundary.
std::string FitCell(const std::string& text) {
  if (text.size() <= kMaxCellBytes) return text;
  size_t end = kMaxCellBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

}  // namespace

Status WriteProblemReport(const std::string& path, const std::string& file_name,
                          const std::vector<ProblemLine>& problems, size_t dropped) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return Error::InvalidField("out", "无法创建文件", path);
  lxw_worksheet* sheet = workbook_add_worksheet(wb, "问题");
  lxw_worksheet* about = workbook_add_worksheet(wb, "说明");

  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format_index(text, 49);  // the built-in text format "@"
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  lxw_format* error = workbook_add_format(wb);
  format_set_font_color(error, 0xC00000);
  lxw_format* warning = workbook_add_format(wb);
  format_set_font_color(warning, 0x9C6500);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  // Column settings come before the rows in constant-memory mode.
  worksheet_set_column(sheet, 0, 0, 8, nullptr);
  worksheet_set_column(sheet, 1, 1, 20, text);
  worksheet_set_column(sheet, 2, 2, 32, text);
  worksheet_set_column(sheet, 3, 3, 70, nullptr);
  worksheet_set_column(sheet, 4, 4, 8, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
  const char* headers[] = {"行号", "列", "值", "问题", "级别"};
  for (lxw_col_t col = 0; col < 5; ++col) worksheet_write_string(sheet, 0, col, headers[col], head);

  const size_t listed = std::min(problems.size(), kMaxSheetRows - 1);
  size_t errors = 0, warnings = 0;
  for (size_t index = 0; index < problems.size(); ++index) {
    const ProblemLine& p = problems[index];
    (p.warning ? warnings : errors)++;
    if (index >= listed) continue;
    const lxw_row_t row = static_cast<lxw_row_t>(index + 1);
    worksheet_write_number(sheet, row, 0, static_cast<double>(p.line), nullptr);
    worksheet_write_string(sheet, row, 1, FitCell(p.column).c_str(), text);
    worksheet_write_string(sheet, row, 2, FitCell(p.value).c_str(), text);
    worksheet_write_string(sheet, row, 3, FitCell(p.message).c_str(), nullptr);
    worksheet_write_string(sheet, row, 4, p.warning ? "警告" : "错误", p.warning ? warning : error);
  }
  worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(listed), 4);

  worksheet_set_column(about, 0, 0, 14, nullptr);
  worksheet_set_column(about, 1, 1, 80, wrap);
  lxw_row_t row = 0;
  auto line = [&](const char* label, const std::string& value) {
    worksheet_write_string(about, row, 0, label, bold);
    worksheet_write_string(about, row, 1, FitCell(value).c_str(), text);
    ++row;
  };
  auto count = [&](const char* label, size_t n) {
    worksheet_write_string(about, row, 0, label, bold);
    worksheet_write_number(about, row, 1, static_cast<double>(n), nullptr);
    ++row;
  };
  line("文件", file_name);
  count("错误", errors);
  count("警告", warnings);
  count("问题合计", problems.size() + dropped);
  if (listed < problems.size() || dropped > 0) {
    line("未列出", "另有 " + std::to_string(problems.size() - listed + dropped) +
                       " 条问题未列在“问题”表中（已达上限），请先修改已列出的问题后重新导入");
  }
  ++row;
  worksheet_write_string(about, row++, 1,
                         "“行号”是原文件中的行号（表头为第 1 行）；“级别”为“错误”的行不会导入，"
                         "为“警告”的行会导入。",
                         wrap);
  worksheet_activate(sheet);
  if (workbook_close(wb) != LXW_NO_ERROR) return Error::InvalidField("out", "写入文件失败", path);
  return OkStatus();
}

Result<std::string> ProblemReportBytes(const std::string& file_name,
                                       const std::vector<ProblemLine>& problems, size_t dropped) {
  // libxlsxwriter writes files: write one, read it back, remove it.
  std::string path = (std::filesystem::temp_directory_path() / "ssj-problems-XXXXXX.xlsx").string();
  const int fd = ::mkstemps(path.data(), 5);
  if (fd < 0) return Error::Internal("无法创建临时文件");
  ::close(fd);
  Status written = WriteProblemReport(path, file_name, problems, dropped);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!written.ok()) return written.take_error();
  return bytes;
}

}  // namespace ssj::importer

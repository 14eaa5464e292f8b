#include "exporter/table_writer.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "common/crypto.h"
#include "importer/import_engine.h"

namespace ssj::exporter {
namespace {

constexpr size_t kMaxCellBytes = 32'000;  // Excel holds 32,767 characters in a cell
constexpr size_t kWriteBuffer = size_t{1} << 20;

Error WriteFailed() {
  return Error{ErrorKind::kInternal,
               "export.write_failed",
               "写入导出文件失败（磁盘空间不足或目录不可写）",
               {}};
}

class CsvWriter final : public TableWriter {
 public:
  explicit CsvWriter(std::FILE* file) : file_(file) {
    std::setvbuf(file_, nullptr, _IOFBF, kWriteBuffer);
  }
  ~CsvWriter() override {
    if (file_) std::fclose(file_);
  }

  Status Begin(const std::vector<OutputColumn>& columns) override {
    width_ = columns.size();
    std::vector<std::string> names;
    for (const OutputColumn& c : columns) names.push_back(c.name);
    // The BOM tells Excel the file is UTF-8; without it Excel reads GBK and shows mojibake.
    return Put("\xEF\xBB\xBF" + importer::CsvLine(names));
  }

  Status Row(const std::vector<std::string>& cells) override {
    row_.resize(width_);
    for (size_t col = 0; col < width_; ++col)
      row_[col] = NeutraliseFormula(col < cells.size() ? cells[col] : std::string());
    ++rows_;
    return Put(importer::CsvLine(row_));
  }

  Status Finish() override {
    std::FILE* file = file_;
    file_ = nullptr;
    const bool flushed = std::fflush(file) == 0 && !std::ferror(file);
    if (std::fclose(file) != 0 || !flushed) return WriteFailed();
    return OkStatus();
  }

 private:
  Status Put(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) return WriteFailed();
    return OkStatus();
  }

  std::FILE* file_;
  size_t width_ = 0;
  std::vector<std::string> row_;
};

// What a cell of an XLSX sheet may hold: control characters other than tab and line breaks are
// not allowed in XML (Excel would ask to repair the file), and a cell ends at 32,767 characters.
const char* FitCell(const std::string& text, std::string* scratch) {
  bool clean = text.size() <= kMaxCellBytes;
  for (size_t i = 0; clean && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') clean = false;
  }
  if (clean) return text.c_str();
  scratch->clear();
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    *scratch += ch;
  }
  if (scratch->size() > kMaxCellBytes) {
    size_t end = kMaxCellBytes;
    while (end > 0 && (static_cast<unsigned char>((*scratch)[end]) & 0xC0) == 0x80) --end;
    scratch->resize(end);
    *scratch += "…";
  }
  return scratch->c_str();
}

// Excel's rules for a sheet name: at most 31 characters, none of []:*?/\.
std::string SheetName(const std::string& name) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < 31;) {
    size_t len = 1;
    const auto lead = static_cast<unsigned char>(name[i]);
    if (lead >= 0xF0) {
      len = 4;
    } else if (lead >= 0xE0) {
      len = 3;
    } else if (lead >= 0xC0) {
      len = 2;
    }
    std::string ch = name.substr(i, len);
    if (ch.size() == 1 && std::strchr("[]:*?/\\", ch[0])) ch = "_";
    out += ch;
    i += len;
    ++chars;
  }
  return out.empty() ? "Sheet1" : out;
}

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(lxw_workbook* workbook, std::string sheet_name, std::unique_ptr<std::string> tmpdir)
      : workbook_(workbook), sheet_name_(std::move(sheet_name)), tmpdir_(std::move(tmpdir)) {
    text_ = workbook_add_format(workbook_);
    format_set_num_format_index(text_, 49);  // "@": a cell edited in Excel stays text
    head_ = workbook_add_format(workbook_);
    format_set_bold(head_);
    format_set_bg_color(head_, 0xDDEBF7);
    format_set_num_format_index(head_, 49);
  }
  ~XlsxWriter() override {
    // Not finished (an error or a cancelled export): close it anyway to free its memory and
    // temporary files; the caller removes the incomplete file.
    if (workbook_) workbook_close(workbook_);
  }

  Status Begin(const std::vector<OutputColumn>& columns) override {
    columns_ = columns;
    return AddSheet();
  }

  Status Row(const std::vector<std::string>& cells) override {
    if (sheet_rows_ == kXlsxRowsPerSheet) SSJ_TRY(AddSheet());
    const auto row = static_cast<lxw_row_t>(++sheet_rows_);
    const size_t width = std::min(cells.size(), columns_.size());
    for (size_t col = 0; col < width; ++col) {
      if (cells[col].empty()) continue;  // nothing to write: the reader sees an empty cell
      // Always a string, never a number: a credit code or ID number written as a number would
      // lose its last digits (5.00103E+17) and its leading zeros.
      const lxw_error e = worksheet_write_string(sheet_, row, static_cast<lxw_col_t>(col),
                                                 FitCell(cells[col], &scratch_), nullptr);
      if (e != LXW_NO_ERROR) return WriteFailed();
    }
    ++rows_;
    return OkStatus();
  }

  Status Finish() override {
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    if (workbook_close(workbook) != LXW_NO_ERROR) return WriteFailed();
    return OkStatus();
  }

 private:
  Status AddSheet() {
    ++sheets_;
    const std::string name = sheets_ == 1
                                 ? SheetName(sheet_name_)
                                 : SheetName(sheet_name_ + "（" + std::to_string(sheets_) + "）");
    sheet_ = workbook_add_worksheet(workbook_, name.c_str());
    if (!sheet_) return WriteFailed();
    sheet_rows_ = 0;
    // Constant-memory mode writes rows as they come, so the column settings go first.
    for (size_t col = 0; col < columns_.size(); ++col) {
      const auto x = static_cast<lxw_col_t>(col);
      worksheet_set_column(sheet_, x, x, columns_[col].width, columns_[col].text ? text_ : nullptr);
      worksheet_write_string(sheet_, 0, x, columns_[col].name.c_str(), head_);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    return OkStatus();
  }

  lxw_workbook* workbook_;
  std::string sheet_name_;
  std::unique_ptr<std::string> tmpdir_;  // the workbook's options point into it
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* head_ = nullptr;
  std::vector<OutputColumn> columns_;
  int64_t sheet_rows_ = 0;
  int sheets_ = 0;
  std::string scratch_;
};

}  // namespace

std::optional<Format> ParseFormat(std::string_view text) {
  if (text == "csv") return Format::kCsv;
  if (text == "xlsx") return Format::kXlsx;
  return std::nullopt;
}

std::string_view FormatName(Format format) { return format == Format::kCsv ? "csv" : "xlsx"; }

std::string_view ContentType(Format format) {
  return format == Format::kCsv
             ? "text/csv; charset=utf-8"
             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

std::string NeutraliseFormula(std::string cell) {
  if (cell.empty()) return cell;
  const char first = cell.front();
  bool risky = first == '=' || first == '@' || first == '\t' || first == '\r';
  if (first == '+' || first == '-') {
    // "+86-23-63890001" and "-5" are numbers and phone numbers, not formulas: only text with
    // something else in it (a function name, a cell reference) can do harm.
    risky = cell.find_first_not_of("0123456789 +-().") != std::string::npos;
  }
  if (risky) cell.insert(cell.begin(), '\'');
  return cell;
}

Result<std::unique_ptr<TableWriter>> TableWriter::Open(Format format, const std::string& path,
                                                       const std::string& sheet,
                                                       const std::string& tmpdir) {
  if (format == Format::kCsv) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return Error::InvalidField("out", "无法创建文件", path);
    return std::unique_ptr<TableWriter>(std::make_unique<CsvWriter>(file));
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  auto dir = std::make_unique<std::string>(tmpdir);
  options.tmpdir = dir->data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) return Error::InvalidField("out", "无法创建文件", path);
  return std::unique_ptr<TableWriter>(
      std::make_unique<XlsxWriter>(workbook, sheet, std::move(dir)));
}

Result<std::string> Workbook(const std::string& sheet, const std::vector<OutputColumn>& columns,
                             const std::vector<std::vector<std::string>>& rows) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ssj-xlsx-" + RandomHex(8));
  fs::create_directories(dir);
  const std::string path = (dir / "out.xlsx").string();
  auto cleanup = [&] {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  };
  auto writer = TableWriter::Open(Format::kXlsx, path, sheet, dir.string());
  if (!writer.ok()) {
    cleanup();
    return writer.take_error();
  }
  Status ok = (*writer)->Begin(columns);
  for (size_t k = 0; ok.ok() && k < rows.size(); ++k) ok = (*writer)->Row(rows[k]);
  if (ok.ok()) ok = (*writer)->Finish();
  if (!ok.ok()) {
    cleanup();
    return ok.take_error();
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  cleanup();
  return bytes;
}

}  // namespace ssj::exporter

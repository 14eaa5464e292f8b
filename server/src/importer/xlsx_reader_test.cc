#include "importer/xlsx_reader.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "importer/file_source.h"

namespace ssj::importer {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class XlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ssj-xlsx-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void Spit(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Rows as "line:[a|b]" and issues as "line:C5:message" lines, so a mismatch shows exactly where.
struct Read {
  std::string rows;
  std::string issues;
};

Result<Read> ReadAll(const RecordSource& source) {
  Read out;
  SSJ_TRY(source([&](size_t line, const std::vector<std::string>& cells,
                     const std::vector<CellIssue>& issues) -> Status {
    out.rows += std::to_string(line) + ":[";
    for (size_t i = 0; i < cells.size(); ++i) out.rows += (i ? "|" : "") + cells[i];
    out.rows += "]\n";
    for (const CellIssue& issue : issues) {
      EXPECT_EQ(issue.cell.substr(0, 1), std::string(1, static_cast<char>('A' + issue.column)));
      out.issues += std::to_string(line) + ":" + issue.cell + ":" + issue.message + "\n";
    }
    return OkStatus();
  }));
  return out;
}

Result<Read> ReadAll(const XlsxReader& reader) {
  return ReadAll([&](const RecordFn& fn) { return reader.ForEachRow(fn); });
}

// The error of a result that should have failed, or a placeholder that makes the test fail.
template <class T>
Error ErrorOf(const Result<T>& result) {
  if (result.ok()) return Error{ErrorKind::kInternal, "unexpected.ok", "没有出错", {}};
  return result.error();
}

// The error of opening `path` and, when opening works, of reading it.
Error OpenAndReadError(const std::string& path, XlsxLimits limits = {}) {
  auto reader = XlsxReader::OpenFile(path, limits);
  if (!reader.ok()) return reader.error();
  return ErrorOf(ReadAll(*reader));
}

// ---------------------------------------------------------------------------------------------
// Workbooks written by libxlsxwriter

// The sample: every kind of cell on the first sheet, and a second sheet that must be ignored.
void WriteSample(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "检查对象");
  lxw_worksheet* other = workbook_add_worksheet(wb, "第二");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* builtin_date = workbook_add_format(wb);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* time = workbook_add_format(wb);
  format_set_num_format(time, "h:mm");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  const char* header[] = {"名称", "编码", "日期", "金额", "备注"};
  for (lxw_col_t col = 0; col < 5; ++col) worksheet_write_string(ws, 0, col, header[col], bold);
  // Line 2: plain values.
  worksheet_write_string(ws, 1, 0, "重庆某某有限公司", nullptr);
  worksheet_write_number(ws, 1, 1, 500103, nullptr);
  worksheet_write_number(ws, 1, 2, 45658, date);
  worksheet_write_number(ws, 1, 3, 0.1 + 0.2, nullptr);
  worksheet_write_boolean(ws, 1, 4, 1, nullptr);
  // Line 3: rich text, spaces to trim, a date-time under a built-in date format, a time.
  lxw_rich_string_tuple part1 = {bold, const_cast<char*>("重庆")};
  lxw_rich_string_tuple part2 = {nullptr, const_cast<char*>("渝中区")};
  lxw_rich_string_tuple* rich[] = {&part1, &part2, nullptr};
  worksheet_write_rich_string(ws, 2, 0, rich, nullptr);
  worksheet_write_string(ws, 2, 1, "\u3000 91500103MA60K3T26Y ", nullptr);
  worksheet_write_number(ws, 2, 2, 45658.75, builtin_date);
  worksheet_write_number(ws, 2, 3, -1234.5, nullptr);
  worksheet_write_number(ws, 2, 4, 0.5, time);
  // Line 4 is absent. Line 5: one cell, in column C.
  worksheet_write_string(ws, 4, 2, "只有C列", nullptr);
  // Line 6: formulas, with a number and a string result.
  worksheet_write_formula_num(ws, 5, 1, "=1+2", nullptr, 3);
  worksheet_write_formula_str(ws, 5, 3, "=\"甲\"&\"乙\"", nullptr, "甲乙");
  // Line 7: an 18-digit ID typed as a number, and a small exponent.
  worksheet_write_string(ws, 6, 0, "身份证号", nullptr);
  worksheet_write_number(ws, 6, 1, 500103199001011234.0, nullptr);
  worksheet_write_number(ws, 6, 3, 1e-7, nullptr);
  // Line 8: Excel's fictitious 1900-02-29 and the days around it.
  worksheet_write_number(ws, 7, 1, 59, date);
  worksheet_write_number(ws, 7, 2, 60, date);
  worksheet_write_number(ws, 7, 3, 61, date);
  // Line 9: a styled cell without a value before one with a value.
  worksheet_write_blank(ws, 8, 0, bold);
  worksheet_write_string(ws, 8, 1, "有值", nullptr);

  worksheet_write_string(other, 0, 0, "不应读到", nullptr);
  worksheet_write_string(other, 9, 9, "不应读到", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

constexpr std::string_view kSampleRows =
    "1:[名称|编码|日期|金额|备注]\n"
    "2:[重庆某某有限公司|500103|2025-01-01|0.3|TRUE]\n"
    "3:[重庆渝中区|91500103MA60K3T26Y|2025-01-01|-1234.5|0.5]\n"
    "5:[||只有C列]\n"
    "6:[|3||甲乙]\n"
    "7:[身份证号|500103199001011300||0.0000001]\n"
    "8:[|1900-02-28|60|1900-03-01]\n"
    "9:[|有值]\n";
constexpr std::string_view kSampleIssues =
    "6:B6:公式单元格 B6：请粘贴为数值后再导入\n"
    "6:D6:公式单元格 D6：请粘贴为数值后再导入\n"
    "7:B7:单元格 B7 数字过长，已被 Excel 改写为科学计数法，请把该列设为文本后重新填写\n"
    "8:C8:单元格 C8 设为日期格式，但其值 60 不是有效日期\n";

TEST_F(XlsxTest, ReadsTheFirstSheetAsExcelShowsIt) {
  const std::string path = Path("样例.xlsx");
  WriteSample(path);
  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(reader->sheet_name(), "检查对象");
  EXPECT_EQ(reader->display_name(), "样例.xlsx");
  auto read = ReadAll(*reader);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->rows, kSampleRows);
  EXPECT_EQ(read->issues, kSampleIssues);
  // A second pass (imports read twice) gives the same.
  auto again = ReadAll(*reader);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows, read->rows);
  EXPECT_EQ(again->issues, read->issues);
}

TEST_F(XlsxTest, SourcesFromFileAndBufferAndByFirstBytes) {
  const std::string path = Path("样例.xlsx");
  WriteSample(path);
  std::vector<std::pair<std::string, Result<RecordSource>>> sources;
  sources.emplace_back("XlsxFileSource", XlsxFileSource(path));
  sources.emplace_back("XlsxBufferSource", XlsxBufferSource(Slurp(path), "上传.xlsx"));
  sources.emplace_back("OpenFileSource", OpenFileSource(path));
  sources.emplace_back("OpenBufferSource", OpenBufferSource(Slurp(path), "上传.xlsx"));
  for (auto& [name, source] : sources) {
    ASSERT_TRUE(source.ok()) << name << ": " << source.error().message;
    auto read = ReadAll(*source);
    ASSERT_TRUE(read.ok()) << name << ": " << read.error().message;
    EXPECT_EQ(read->rows, kSampleRows) << name;
    EXPECT_EQ(read->issues, kSampleIssues) << name;
  }
  // A two-argument callback still works; it just does not see the issues.
  auto source = XlsxFileSource(path);
  ASSERT_TRUE(source.ok());
  size_t rows = 0;
  ASSERT_TRUE((*source)([&](size_t, const std::vector<std::string>&) -> Status {
                ++rows;
                return OkStatus();
              }).ok());
  EXPECT_EQ(rows, 8u);
}

TEST_F(XlsxTest, ProgressReachesTheFileSize) {
  const std::string path = Path("样例.xlsx");
  WriteSample(path);
  size_t last = 0;
  auto source = XlsxFileSource(path, [&](size_t bytes) { last = bytes; });
  ASSERT_TRUE(source.ok());
  ASSERT_TRUE(ReadAll(*source).ok());
  EXPECT_EQ(last, fs::file_size(path));
}

TEST_F(XlsxTest, CsvStillPickedForTextFiles) {
  const std::string path = Path("a.csv");
  Spit(path, "名称,编码\n重庆,500103\n");
  auto source = OpenFileSource(path);
  ASSERT_TRUE(source.ok());
  auto read = ReadAll(*source);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->rows, "1:[名称|编码]\n2:[重庆|500103]\n");
  EXPECT_EQ(read->issues, "");
  EXPECT_EQ(SniffFileFormat("PK\x03\x04rest"), FileFormat::kXlsx);
  EXPECT_EQ(SniffFileFormat("PK"), FileFormat::kCsv);
  EXPECT_EQ(SniffFileFormat("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), FileFormat::kOle);
  EXPECT_EQ(SniffFileFormat(""), FileFormat::kCsv);
}

// libxlsxwriter's constant-memory mode writes inline strings (t="inlineStr") instead of a shared
// table, and rows straight to disk: a large sheet crosses many parsing batches.
TEST_F(XlsxTest, InlineStringsAndManyRowsAcrossBatches) {
  const std::string path = Path("big.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "大表");
  constexpr lxw_row_t kRows = 60'000;
  worksheet_write_string(ws, 0, 0, "名称", nullptr);
  worksheet_write_string(ws, 0, 1, "序号", nullptr);
  for (lxw_row_t row = 1; row < kRows; ++row) {
    if (row % 1000 == 0) continue;  // gaps, so rows are absent from the XML
    const std::string name = "重庆某某有限公司第" + std::to_string(row) + "分公司";
    worksheet_write_string(ws, row, 0, name.c_str(), nullptr);
    worksheet_write_number(ws, row, 1, row, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  ASSERT_NE(Slurp(path).size(), 0u);

  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  for (int pass = 0; pass < 2; ++pass) {
    size_t count = 0, expected_line = 1;
    Status read = reader->ForEachRow([&](size_t line, const std::vector<std::string>& cells,
                                         const std::vector<CellIssue>& issues) -> Status {
      if (expected_line > 1 && (expected_line - 1) % 1000 == 0) ++expected_line;
      EXPECT_EQ(line, expected_line);
      EXPECT_TRUE(issues.empty());
      if (line > 1) {
        EXPECT_EQ(cells.size(), 2u);
        EXPECT_EQ(cells[0], "重庆某某有限公司第" + std::to_string(line - 1) + "分公司");
        EXPECT_EQ(cells[1], std::to_string(line - 1));
      }
      ++count;
      ++expected_line;
      return OkStatus();
    });
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(count, kRows - (kRows - 1) / 1000);
  }
}

// Rewrites one part of a zip in place.
void ReplacePart(const std::string& path, const std::string& part, const std::string& content) {
  int error = 0;
  zip_t* za = zip_open(path.c_str(), 0, &error);
  ASSERT_NE(za, nullptr);
  zip_source_t* source = zip_source_buffer(za, content.data(), content.size(), 0);
  const zip_int64_t index = zip_name_locate(za, part.c_str(), 0);
  ASSERT_GE(index, 0) << part;
  ASSERT_EQ(zip_file_replace(za, static_cast<zip_uint64_t>(index), source, 0), 0);
  ASSERT_EQ(zip_close(za), 0);
}

std::string ReadPart(const std::string& path, const std::string& part) {
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!za) return {};
  zip_stat_t st;
  zip_stat(za, part.c_str(), 0, &st);
  std::string out(st.size, '\0');
  zip_file_t* file = zip_fopen(za, part.c_str(), 0);
  if (file) {
    zip_fread(file, out.data(), out.size());
    zip_fclose(file);
  }
  zip_discard(za);
  return out;
}

TEST_F(XlsxTest, FirstSheetIsFirstInWorkbookOrderNotSheet1Xml) {
  const std::string path = Path("reordered.xlsx");
  WriteSample(path);
  // Move the second sheet to the front of <sheets>: it is still stored as sheet2.xml.
  std::string workbook = ReadPart(path, "xl/workbook.xml");
  const std::string first = "<sheet name=\"检查对象\" sheetId=\"1\" r:id=\"rId1\"/>";
  const std::string second = "<sheet name=\"第二\" sheetId=\"2\" r:id=\"rId2\"/>";
  const size_t at = workbook.find(first + second);
  ASSERT_NE(at, std::string::npos) << workbook;
  workbook.replace(at, first.size() + second.size(), second + first);
  ReplacePart(path, "xl/workbook.xml", workbook);

  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(reader->sheet_name(), "第二");
  auto read = ReadAll(*reader);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->rows, "1:[不应读到]\n10:[|||||||||不应读到]\n");
}

// ---------------------------------------------------------------------------------------------
// Workbooks put together part by part with libzip

using Parts = std::vector<std::pair<std::string, std::string>>;

void WriteZip(const std::string& path, const Parts& parts, int level = 6) {
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(za, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(za, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(za, name.c_str(), source, 0);
    ASSERT_GE(index, 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE,
                             static_cast<zip_uint32_t>(level));
  }
  ASSERT_EQ(zip_close(za), 0) << zip_strerror(za);
}

constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

Parts MinimalParts(const std::string& sheet_xml) {
  const std::string main(kMain), rel(kRel);
  return {
      {"[Content_Types].xml", "<Types/>"},
      {"_rels/.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"" +
           rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", "<x:workbook xmlns:x=\"" + main + "\" xmlns:rel=\"" + rel +
                              "\"><x:sheets><x:sheet name=\"数据\" sheetId=\"7\" rel:id=\"s1\"/>"
                              "</x:sheets></x:workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"s1\" Type=\"" + rel +
           "/worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>"},
      {"xl/worksheets/data.xml", sheet_xml},
  };
}

std::string Sheet(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<x:worksheet xmlns:x=\"" +
         std::string(kMain) + "\"><x:sheetData>" + rows + "</x:sheetData></x:worksheet>";
}

// What other writers do: a namespace prefix, no shared strings and no styles, rows and cells
// without references, self-closing rows, escaped characters.
TEST_F(XlsxTest, PrefixedPartsWithoutReferencesOrSharedStrings) {
  const std::string path = Path("other-writer.xlsx");
  WriteZip(path, MinimalParts(Sheet(
                     "<x:row><x:c t=\"inlineStr\"><x:is><x:t>名称</x:t></x:is></x:c>"
                     "<x:c t=\"inlineStr\"><x:is><x:r><x:t>备</x:t></x:r><x:r><x:t>注</x:t></x:r>"
                     "<x:rPh><x:t>びこう</x:t></x:rPh></x:is></x:c></x:row>\n"
                     "<x:row><x:c t=\"inlineStr\"><x:is><x:t>A&amp;B_x000D_C</x:t></x:is></x:c>"
                     "<x:c t=\"b\"><x:v>0</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
                     "<x:row r=\"4\"/>"
                     "<x:row r=\"5\"><x:c r=\"b5\"><x:v>12.50</x:v></x:c><x:c><x:v>7</x:v></x:c>"
                     "</x:row>")));
  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(reader->sheet_name(), "数据");
  auto read = ReadAll(*reader);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->rows, "1:[名称|备注]\n2:[A&B\rC|FALSE|#N/A]\n4:[]\n5:[|12.5|7]\n");
  EXPECT_EQ(read->issues, "");
}

// Old Mac workbooks count dates from 1904; styles.xml is found without a relationship too.
TEST_F(XlsxTest, Date1904AndCustomDateStyles) {
  const std::string path = Path("mac.xlsx");
  Parts parts = MinimalParts(
      Sheet("<x:row r=\"1\"><x:c r=\"A1\" s=\"1\"><x:v>0</x:v></x:c><x:c r=\"B1\" s=\"1\">"
            "<x:v>43830</x:v></x:c><x:c r=\"C1\" s=\"2\"><x:v>43830</x:v></x:c></x:row>"));
  std::string& workbook = parts[2].second;
  workbook.insert(workbook.find("<x:sheets>"), "<x:workbookPr date1904=\"1\"/>");
  parts.emplace_back("xl/styles.xml",
                     "<styleSheet xmlns=\"" + std::string(kMain) +
                         "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
                         "formatCode=\"yyyy/m/d;@\"/></numFmts><cellXfs count=\"3\"><xf/>"
                         "<xf numFmtId=\"164\"/><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
  WriteZip(path, parts);
  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto read = ReadAll(*reader);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->rows, "1:[1904-01-01|2024-01-01|43830]\n");
  EXPECT_EQ(read->issues, "");
}

TEST_F(XlsxTest, EmptySheet) {
  const std::string path = Path("empty.xlsx");
  WriteZip(path, MinimalParts("<worksheet xmlns=\"" + std::string(kMain) +
                              "\"><sheetData/></worksheet>"));
  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto read = ReadAll(*reader);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->rows, "");
}

TEST_F(XlsxTest, BrokenStructureIsAnErrorNamingTheFile) {
  struct Case {
    const char* what;
    Parts parts;
    const char* code;
    const char* message_part;
  };
  Parts no_workbook = MinimalParts(Sheet(""));
  no_workbook.erase(no_workbook.begin() + 2);
  Parts no_rels = MinimalParts(Sheet(""));
  no_rels.erase(no_rels.begin() + 3);
  Parts no_sheet = MinimalParts(Sheet(""));
  no_sheet.pop_back();
  const std::vector<Case> cases = {
      {"no workbook", no_workbook, "import.xlsx_missing_part", "缺少 xl/workbook.xml"},
      {"no relationships", no_rels, "import.xlsx_missing_part", "缺少 xl/_rels/workbook.xml.rels"},
      {"no sheet part", no_sheet, "import.xlsx_missing_part", "缺少 xl/worksheets/data.xml"},
      {"no sheetData", MinimalParts("<worksheet/>"), "import.xlsx_corrupt", "sheetData"},
      {"unclosed sheetData",
       MinimalParts("<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row>"),
       "import.xlsx_corrupt", "不完整"},
      {"bad XML", MinimalParts(Sheet("<row><c><v>1</c></row>")), "import.xlsx_corrupt",
       "XML 格式错误"},
      {"rows out of order", MinimalParts(Sheet("<row r=\"3\"/><row r=\"2\"/>")),
       "import.xlsx_corrupt", "第 2 行出现在第 3 行之后"},
      {"bad cell reference", MinimalParts(Sheet("<row><c r=\"1A\"><v>1</v></c></row>")),
       "import.xlsx_corrupt", "1A"},
      {"missing shared string", MinimalParts(Sheet("<row><c t=\"s\"><v>0</v></c></row>")),
       "import.xlsx_corrupt", "共享字符串"},
  };
  for (const Case& c : cases) {
    const std::string path = Path("broken.xlsx");
    WriteZip(path, c.parts);
    const Error e = OpenAndReadError(path);
    EXPECT_EQ(e.code, c.code) << c.what << ": " << e.message;
    EXPECT_NE(e.message.find(c.message_part), std::string::npos) << c.what << ": " << e.message;
    EXPECT_NE(e.message.find("broken.xlsx"), std::string::npos) << c.what << ": " << e.message;
  }
}

TEST_F(XlsxTest, RowAndColumnLimits) {
  XlsxLimits limits;
  limits.max_rows = 10;
  limits.max_columns = 3;
  const std::string path = Path("wide.xlsx");

  WriteZip(path, MinimalParts(Sheet("<row r=\"10\"><c><v>1</v></c></row>")));
  auto reader = XlsxReader::OpenFile(path, limits);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_TRUE(ReadAll(*reader).ok());

  WriteZip(path, MinimalParts(Sheet("<row r=\"10\"/><row r=\"11\"><c><v>1</v></c></row>")));
  Error e = OpenAndReadError(path, limits);
  EXPECT_EQ(e.code, "import.xlsx_too_many_rows");
  EXPECT_EQ(e.message, "文件“wide.xlsx”的工作表“数据”超过 10 行（第 11 行），请分成几个文件导入");

  // A styled cell without a value beyond the limit is harmless; a value is not.
  WriteZip(path, MinimalParts(Sheet("<row r=\"2\"><c r=\"C2\"><v>1</v></c><c r=\"XFD2\" s=\"1\"/>"
                                    "</row>")));
  reader = XlsxReader::OpenFile(path, limits);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto read = ReadAll(*reader);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->rows, "2:[||1]\n");

  WriteZip(path, MinimalParts(Sheet("<row r=\"2\"><c r=\"D2\"><v>1</v></c></row>")));
  e = OpenAndReadError(path, limits);
  EXPECT_EQ(e.code, "import.xlsx_too_many_columns");
  EXPECT_EQ(e.message,
            "文件“wide.xlsx”第 2 行的单元格 D2 超出了 3 列的上限，请删除多余的列后再导入");

  // The defaults.
  EXPECT_EQ(XlsxLimits().max_rows, 2'000'000u);
  EXPECT_EQ(XlsxLimits().max_columns, 256u);
  EXPECT_EQ(XlsxLimits().max_uncompressed_bytes, uint64_t{512} << 20);
}

TEST_F(XlsxTest, SharedStringLimit) {
  const std::string path = Path("样例.xlsx");
  WriteSample(path);
  XlsxLimits limits;
  limits.max_shared_string_bytes = 64;
  const Error e = ErrorOf(XlsxReader::OpenFile(path, limits));
  EXPECT_EQ(e.code, "import.xlsx_too_large");
  EXPECT_EQ(e.message,
            "文件“样例.xlsx”的共享字符串表超过 64 字节，无法导入，请分成几个文件或另存为 CSV");
}

// ---------------------------------------------------------------------------------------------
// Damaged and hostile files

TEST_F(XlsxTest, TruncatedCopiesAreCorrupt) {
  const std::string path = Path("样例.xlsx");
  WriteSample(path);
  const std::string whole = Slurp(path);
  for (size_t size :
       {whole.size() - 1, whole.size() - 30, whole.size() / 2, size_t{100}, size_t{4}}) {
    const std::string cut = Path("截断.xlsx");
    Spit(cut, std::string_view(whole).substr(0, size));
    const Error e = OpenAndReadError(cut);
    EXPECT_EQ(e.code, "import.xlsx_corrupt") << size << ": " << e.message;
    EXPECT_EQ(e.message, "文件“截断.xlsx”不是有效的 XLSX（可能已损坏或被截断）") << size;

    auto buffered = XlsxReader::OpenBuffer(whole.substr(0, size), "上传.xlsx");
    ASSERT_FALSE(buffered.ok());
    EXPECT_EQ(buffered.error().code, "import.xlsx_corrupt");
    EXPECT_NE(buffered.error().message.find("上传.xlsx"), std::string::npos);
  }
}

TEST_F(XlsxTest, DamagedSheetDataIsCorrupt) {
  const std::string path = Path("damaged.xlsx");
  std::string rows;
  for (int row = 1; row <= 2000; ++row)
    rows += "<row r=\"" + std::to_string(row) + "\"><c><v>" + std::to_string(row * 7) +
            "</v></c></row>";
  WriteZip(path, MinimalParts(Sheet(rows)));
  std::string bytes = Slurp(path);
  // The sheet's local header: signature, …, name length at 26, extra length at 28, name at 30.
  const std::string name = "xl/worksheets/data.xml";
  size_t header = 0;
  while ((header = bytes.find("PK\x03\x04", header)) != std::string::npos &&
         bytes.compare(header + 30, name.size(), name) != 0) {
    ++header;
  }
  ASSERT_NE(header, std::string::npos);
  auto u16 = [&](size_t at) {
    return static_cast<size_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
  };
  const size_t data = header + 30 + u16(header + 26) + u16(header + 28);
  ASSERT_LT(data + 60, bytes.size());
  for (size_t i = data + 20; i < data + 60; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  Spit(path, bytes);
  const Error e = OpenAndReadError(path);
  EXPECT_EQ(e.code, "import.xlsx_corrupt") << e.message;
  EXPECT_NE(e.message.find("不是有效的 XLSX（可能已损坏或被截断）"), std::string::npos)
      << e.message;
}

TEST_F(XlsxTest, EncryptedOrLegacyXlsIsRefused) {
  const std::string path = Path("加密.xlsx");
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(4096, '\0');
  Spit(path, ole);
  const std::string expected = "文件“加密.xlsx”已加密或是旧版 .xls 格式，请另存为 .xlsx 或 CSV";
  Error e = OpenAndReadError(path);
  EXPECT_EQ(e.code, "import.xlsx_encrypted");
  EXPECT_EQ(e.message, expected);
  EXPECT_EQ(ErrorOf(OpenFileSource(path)).message, expected);
  EXPECT_EQ(ErrorOf(OpenBufferSource(ole, "加密.xlsx")).message, expected);

  // Not a zip at all.
  Spit(path, "名称,编码\n");
  EXPECT_EQ(OpenAndReadError(path).code, "import.xlsx_corrupt");
}

// A raw deflate stream of `size` zero bytes in fixed-Huffman blocks (a literal 0, then matches
// of length 258 at distance 1): about 160:1, built in a few milliseconds without inflating
// anything, so a test can hold "600 MB" in 4 MB.
std::string DeflatedZeros(uint64_t size) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  auto put = [&](uint32_t code, int length) {  // Huffman codes go most significant bit first
    for (int i = length - 1; i >= 0; --i) {
      acc |= ((code >> i) & 1u) << bits;
      if (++bits == 8) {
        out.push_back(static_cast<char>(acc));
        acc = 0;
        bits = 0;
      }
    }
  };
  put(0b110, 3);  // BFINAL = 1, then BTYPE = 01 (fixed Huffman), least significant bit first
  put(0x30, 8);   // literal 0
  for (--size; size >= 258; size -= 258) {
    put(0xC5, 8);  // length code 285: 258 bytes
    put(0, 5);     // distance code 0: distance 1
  }
  for (; size > 0; --size) put(0x30, 8);
  put(0, 7);  // end of block
  if (bits) out.push_back(static_cast<char>(acc));
  return out;
}

// A libzip source that hands over data already deflated, declaring whatever size it is told.
struct Predeflated {
  std::string data;
  uint64_t declared_size = 0;
  size_t pos = 0;

  static zip_int64_t Callback(void* self, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
    auto* p = static_cast<Predeflated*>(self);
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
        p->pos = 0;
        return 0;
      case ZIP_SOURCE_READ: {
        const size_t n = std::min<size_t>(length, p->data.size() - p->pos);
        std::memcpy(data, p->data.data() + p->pos, n);
        p->pos += n;
        return static_cast<zip_int64_t>(n);
      }
      case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = p->declared_size;
        st->comp_size = p->data.size();
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = 0;  // never checked: every reader here refuses or stops before the end
        st->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        return sizeof(*st);
      }
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
      case ZIP_SOURCE_CLOSE:
      case ZIP_SOURCE_ERROR:
      case ZIP_SOURCE_FREE:
        return 0;
      default:
        return -1;
    }
  }
};

// The minimal workbook whose sheet part is `sheet`, deflated already.
void WriteWithPredeflatedSheet(const std::string& path, Predeflated* sheet) {
  Parts parts = MinimalParts("");
  parts.pop_back();
  WriteZip(path, parts);
  int error = 0;
  zip_t* za = zip_open(path.c_str(), 0, &error);
  ASSERT_NE(za, nullptr);
  zip_source_t* source = zip_source_function(za, &Predeflated::Callback, sheet);
  ASSERT_GE(zip_file_add(za, "xl/worksheets/data.xml", source, 0), 0);
  ASSERT_EQ(zip_close(za), 0) << zip_strerror(za);
}

TEST_F(XlsxTest, ZipBombDeclaring600MbIsRefusedBeforeInflating) {
  const std::string path = Path("bomb.xlsx");
  Predeflated sheet{DeflatedZeros(uint64_t{600} << 20), uint64_t{600} << 20};
  WriteWithPredeflatedSheet(path, &sheet);
  EXPECT_LT(fs::file_size(path), uint64_t{5} << 20);
  const Error e = OpenAndReadError(path);
  EXPECT_EQ(e.code, "import.xlsx_too_large") << e.message;
  EXPECT_EQ(e.message,
            "文件“bomb.xlsx”解压后过大（xl/worksheets/data.xml 为 600 MB，上限 512 MB），"
            "疑似压缩炸弹，未解压；如确为大文件，请分成几个文件导入");
}

TEST_F(XlsxTest, ZipBombForgingASmallSizeStopsWhileInflating) {
  // 64 MB of zeros that declare 1000 bytes: the ratio looks harmless, the header lies.
  const std::string path = Path("liar.xlsx");
  Predeflated sheet{DeflatedZeros(uint64_t{64} << 20), 1000};
  WriteWithPredeflatedSheet(path, &sheet);
  const Error e = OpenAndReadError(path);
  EXPECT_EQ(e.code, "import.xlsx_zip_bomb") << e.message;
  EXPECT_NE(e.message.find("解压出的数据超过了文件头声明的 1000 字节"), std::string::npos)
      << e.message;
}

TEST_F(XlsxTest, ZipBombWithAHighRatioIsRefusedBeforeInflating) {
  // Real deflate gets about 1000:1 on zeros; a sheet stays far below the 200:1 limit.
  const std::string path = Path("ratio.xlsx");
  Parts parts = MinimalParts(std::string(size_t{24} << 20, ' '));
  WriteZip(path, parts, 9);
  const Error e = OpenAndReadError(path);
  EXPECT_EQ(e.code, "import.xlsx_zip_bomb") << e.message;
  EXPECT_NE(e.message.find("压缩比"), std::string::npos) << e.message;

  // The same content under a lower total limit is refused for its size, still before inflating.
  XlsxLimits limits;
  limits.max_uncompressed_bytes = 8 << 20;
  EXPECT_EQ(OpenAndReadError(path, limits).code, "import.xlsx_too_large");

  // Parts that each fit but together do not.
  parts = MinimalParts(Sheet(""));
  WriteZip(path, parts);
  limits.max_uncompressed_bytes = parts[1].second.size() + parts[2].second.size() - 1;
  const Error e2 = OpenAndReadError(path, limits);
  EXPECT_EQ(e2.code, "import.xlsx_too_large");
  EXPECT_NE(
      e2.message.find("各部分合计 " + std::to_string(limits.max_uncompressed_bytes + 1) +
                      " 字节，上限 " + std::to_string(limits.max_uncompressed_bytes) + " 字节"),
      std::string::npos)
      << e2.message;
}

// ---------------------------------------------------------------------------------------------
// Pure helpers

TEST(XlsxNumberTextTest, AsExcelShowsInAGeneralCell) {
  struct Case {
    const char* stored;
    const char* shown;
    bool long_number;
  };
  const Case cases[] = {
      {"500103", "500103", false},
      {"500103.0", "500103", false},
      {"0.30000000000000004", "0.3", false},
      {"1E-07", "0.0000001", false},
      {"-1234.5", "-1234.5", false},
      {"45658.75", "45658.75", false},
      {"-0", "0", false},
      {"0", "0", false},
      {"999999999999999", "999999999999999", false},
      {"123456789012345678", "123456789012345678", true},
      {"5.00103199001011E+17", "500103199001011000", true},
      {"5.001031990010113E+17", "500103199001011300", true},
      {"1E+15", "1000000000000000", true},
      {"-9.15E+17", "-915000000000000000", true},
      {"abc", "abc", false},
      {"", "", false},
  };
  for (const Case& c : cases) {
    bool long_number = !c.long_number;
    EXPECT_EQ(XlsxNumberText(c.stored, &long_number), c.shown) << c.stored;
    EXPECT_EQ(long_number, c.long_number) << c.stored;
  }
}

TEST(XlsxDateFormatTest, BuiltinAndCustomFormats) {
  for (int id : {14, 15, 16, 17, 22, 27, 31, 36, 50, 57, 58})
    EXPECT_TRUE(IsDateFormat(id, "")) << id;
  for (int id : {0, 1, 2, 10, 11, 18, 19, 20, 21, 32, 45, 46, 47, 49})
    EXPECT_FALSE(IsDateFormat(id, "")) << id;
  for (const char* code : {"yyyy-mm-dd", "yyyy/m/d h:mm", "yyyy\"年\"m\"月\"d\"日\"",
                           "[$-804]yyyy\"年\"m\"月\"", "mmm-yy", "d-mmm", "m/d", "[Red]dd/mm"})
    EXPECT_TRUE(IsDateFormat(164, code)) << code;
  for (const char* code : {"General", "0.00", "@", "h:mm", "[h]:mm:ss", "mm:ss",
                           "0.00_);[Red](0.00)", "\"day\"0", "#,##0\\d", "h\"时\"mm\"分\""})
    EXPECT_FALSE(IsDateFormat(164, code)) << code;
}

}  // namespace
}  // namespace ssj::importer

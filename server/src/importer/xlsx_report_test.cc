#include "importer/xlsx_report.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <zip.h>

#include <filesystem>

#include "importer/xlsx_reader.h"

namespace ssj::importer {
namespace {

namespace fs = std::filesystem;

class XlsxReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ssj-report-test-XXXXXX").string();
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

const std::vector<ProblemLine> kProblems = {
    {2, "行政相对人编码", "500103199001011234", "统一社会信用代码校验位错误", false},
    {2, "行政区划代码", "0012", "不是 6 位行政区划代码", false},
    {7, "检查联系电话", "", "未填写联系电话", true},
    {1048, "行政相对人名称", "重庆某某有限公司", "与第 3 行重复", false},
};

// Rows of the first sheet as "line:[a|b]" lines; issues are not expected in a report.
Result<std::string> Rows(const XlsxReader& reader) {
  std::string rows;
  SSJ_TRY(reader.ForEachRow([&](size_t line, const std::vector<std::string>& cells,
                                const std::vector<CellIssue>& issues) -> Status {
    rows += std::to_string(line) + ":[";
    for (size_t i = 0; i < cells.size(); ++i) rows += (i ? "|" : "") + cells[i];
    rows += "]\n";
    for (const CellIssue& issue : issues) ADD_FAILURE() << issue.message;
    return OkStatus();
  }));
  return rows;
}

constexpr std::string_view kProblemRows =
    "1:[行号|列|值|问题|级别]\n"
    "2:[2|行政相对人编码|500103199001011234|统一社会信用代码校验位错误|错误]\n"
    "3:[2|行政区划代码|0012|不是 6 位行政区划代码|错误]\n"
    "4:[7|检查联系电话||未填写联系电话|警告]\n"
    "5:[1048|行政相对人名称|重庆某某有限公司|与第 3 行重复|错误]\n";

std::string ReadPart(const std::string& path, const std::string& part) {
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!za) return {};
  zip_stat_t st;
  std::string out;
  if (zip_stat(za, part.c_str(), 0, &st) == 0) {
    out.resize(st.size);
    if (zip_file_t* file = zip_fopen(za, part.c_str(), 0)) {
      zip_fread(file, out.data(), out.size());
      zip_fclose(file);
    }
  }
  zip_discard(za);
  return out;
}

// Puts the "说明" sheet first, so the reader (which reads the first sheet) sees it.
void SwapSheets(const std::string& path) {
  std::string workbook = ReadPart(path, "xl/workbook.xml");
  const std::string first = "<sheet name=\"问题\" sheetId=\"1\" r:id=\"rId1\"/>";
  const std::string second = "<sheet name=\"说明\" sheetId=\"2\" r:id=\"rId2\"/>";
  const size_t at = workbook.find(first + second);
  ASSERT_NE(at, std::string::npos) << workbook;
  workbook.replace(at, first.size() + second.size(), second + first);
  int error = 0;
  zip_t* za = zip_open(path.c_str(), 0, &error);
  ASSERT_NE(za, nullptr);
  zip_source_t* source = zip_source_buffer(za, workbook.data(), workbook.size(), 0);
  ASSERT_EQ(
      zip_file_replace(za, static_cast<zip_uint64_t>(zip_name_locate(za, "xl/workbook.xml", 0)),
                       source, 0),
      0);
  ASSERT_EQ(zip_close(za), 0);
}

TEST_F(XlsxReportTest, RoundTripThroughTheReader) {
  const std::string path = Path("问题清单.xlsx");
  ASSERT_TRUE(WriteProblemReport(path, "名录.xlsx", kProblems).ok());
  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(reader->sheet_name(), "问题");
  auto rows = Rows(*reader);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, kProblemRows);

  SwapSheets(path);
  reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(reader->sheet_name(), "说明");
  rows = Rows(*reader);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows,
            "1:[文件|名录.xlsx]\n2:[错误|3]\n3:[警告|1]\n4:[问题合计|4]\n"
            "6:[|“行号”是原文件中的行号（表头为第 1 行）；“级别”为“错误”的行不会导入，为“警告”"
            "的行会导入。]\n");
}

TEST_F(XlsxReportTest, LayoutHeaderBoldFrozenWidthsAndTextValues) {
  const std::string path = Path("问题清单.xlsx");
  ASSERT_TRUE(WriteProblemReport(path, "名录.xlsx", kProblems).ok());
  const std::string sheet = ReadPart(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos);
  EXPECT_NE(sheet.find("<col min=\"3\" max=\"3\" width=\"32.7109375\" style=\"2\""),
            std::string::npos)
      << sheet.substr(0, 1200);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:E5\"/>"), std::string::npos);
  // constant-memory mode writes strings inline rather than through a shared table
  EXPECT_NE(sheet.find("t=\"inlineStr\""), std::string::npos);
  const std::string styles = ReadPart(path, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  // Style 2 (the value column's) is the built-in text format "@".
  EXPECT_NE(styles.find("<xf numFmtId=\"49\""), std::string::npos) << styles;
}

TEST_F(XlsxReportTest, BytesMatchTheFile) {
  auto bytes = ProblemReportBytes("名录.xlsx", kProblems);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_TRUE(bytes->starts_with("PK\x03\x04"));
  auto reader = XlsxReader::OpenBuffer(std::move(*bytes), "问题清单.xlsx");
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto rows = Rows(*reader);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, kProblemRows);
}

TEST_F(XlsxReportTest, EmptyListLongValuesAndDroppedProblems) {
  const std::string path = Path("r.xlsx");
  ASSERT_TRUE(WriteProblemReport(path, "名录.csv", {}).ok());
  auto reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto rows = Rows(*reader);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, "1:[行号|列|值|问题|级别]\n");

  // A value longer than a cell holds is cut on a character boundary.
  std::string long_value;
  for (int i = 0; i < 12000; ++i) long_value += "中";  // 36,000 bytes
  ASSERT_TRUE(
      WriteProblemReport(path, "名录.csv", {{3, "备注", long_value, "过长", true}}, 5).ok());
  reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  std::string value;
  ASSERT_TRUE(reader
                  ->ForEachRow([&](size_t line, const std::vector<std::string>& cells) -> Status {
                    if (line == 2) value = cells.at(2);
                    return OkStatus();
                  })
                  .ok());
  EXPECT_EQ(value, long_value.substr(0, 31998) + "…");

  SwapSheets(path);
  reader = XlsxReader::OpenFile(path);
  ASSERT_TRUE(reader.ok());
  rows = Rows(*reader);
  ASSERT_TRUE(rows.ok());
  EXPECT_NE(rows->find("4:[问题合计|6]\n5:[未列出|另有 5 条问题未列在“问题”表中"),
            std::string::npos)
      << *rows;
}

TEST_F(XlsxReportTest, UnwritablePathIsAnError) {
  const Status s = WriteProblemReport(Path("没有这个目录/r.xlsx"), "名录.csv", kProblems);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "request.invalid_field");
}

}  // namespace
}  // namespace ssj::importer

#include "importer/csv_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "importer/file_source.h"

namespace ssj::importer {
namespace {

// GBK bytes, generated with Python's codec: 企业名称,地址\r\n
constexpr std::string_view kGbkHeader =
    "\xc6\xf3\xd2\xb5\xc3\xfb\xb3\xc6\x2c\xb5\xd8\xd6\xb7\x0d\x0a";
// 重庆某某有限公司,"重庆市渝中区\n解放碑"\r\n
constexpr std::string_view kGbkRow =
    "\xd6\xd8\xc7\xec\xc4\xb3\xc4\xb3\xd3\xd0\xcf\xde\xb9\xab\xcb\xbe\x2c\x22\xd6\xd8\xc7\xec\xca"
    "\xd0\xd3\xe5\xd6\xd0\xc7\xf8\x0a\xbd\xe2\xb7\xc5\xb1\xae\x22\x0d\x0a";
// 叶,女\r\n: both characters happen to be valid 2-byte UTF-8 as well.
constexpr std::string_view kGbkLookalike = "\xd2\xb6\x2c\xc5\xae\x0d\x0a";
constexpr std::string_view kGbkChongqing = "\xd6\xd8\xc7\xec";  // 重庆

std::vector<std::string_view> Split(std::string_view s, std::vector<size_t> sizes) {
  std::vector<std::string_view> chunks;
  size_t i = 0;
  for (size_t k = 0; i < s.size(); ++k) {
    const size_t n = std::min(sizes[k % sizes.size()], s.size() - i);
    chunks.push_back(s.substr(i, n));
    i += n;
  }
  return chunks;
}

std::vector<std::string_view> RandomSplit(std::string_view s, std::mt19937* rng, size_t max) {
  std::vector<std::string_view> chunks;
  std::uniform_int_distribution<size_t> size(0, max);  // empty chunks must be harmless too
  for (size_t i = 0; i < s.size();) {
    const size_t n = std::min(size(*rng), s.size() - i);
    chunks.push_back(s.substr(i, n));
    i += n;
  }
  return chunks;
}

// Records as "line:[a|b]" lines, so a mismatch shows exactly where.
struct Parsed {
  std::string records;
  std::optional<Error> error;
};

Parsed Parse(const std::vector<std::string_view>& chunks, CsvLimits limits = {}) {
  Parsed out;
  CsvReader reader(
      [&](const CsvRecord& r) -> Status {
        out.records += std::to_string(r.line) + ":[";
        for (size_t i = 0; i < r.fields.size(); ++i) out.records += (i ? "|" : "") + r.fields[i];
        out.records += "]\n";
        return OkStatus();
      },
      limits);
  for (std::string_view chunk : chunks) {
    Status s = reader.Feed(chunk);
    if (!s.ok()) {
      out.error = s.error();
      return out;
    }
  }
  Status s = reader.Finish();
  if (!s.ok()) out.error = s.error();
  return out;
}

Parsed Parse(std::string_view text, CsvLimits limits = {}) {
  return Parse(std::vector<std::string_view>{text}, limits);
}

uint64_t LineOf(const Error& e) { return e.details.at("line").to_number<uint64_t>(); }

Encoding Sniff(const std::vector<std::string_view>& chunks) {
  EncodingSniffer sniffer;
  for (std::string_view c : chunks) sniffer.Feed(c);
  return sniffer.Result();
}

Result<std::string> ConvertAll(Encoding from, const std::vector<std::string_view>& chunks) {
  ToUtf8 conv(from);
  std::string out;
  for (std::string_view c : chunks) {
    SSJ_ASSIGN(std::string part, conv.Convert(c, false));
    out += part;
  }
  SSJ_ASSIGN(std::string tail, conv.Convert({}, true));
  return out + tail;
}

// ---------------------------------------------------------------------------------------------
// CSV parsing

// Physical lines: 1 header (CRLF) | 2–3 a quoted field with a newline | 4 empty (CRLF) | 5 lone
// CR | 6 LF | 7 no line break at the end.
constexpr std::string_view kSample =
    "名称,地址,备注\r\n"
    "\"重庆某某有限公司\",\"渝中区解放碑\n88号\",\"他说\"\"好\"\"\"\r\n"
    "\r\n"
    "a,b\"c,\r"
    "\"x,y\",,\"\"\n"
    "最后一行,无换行";
constexpr std::string_view kSampleRecords =
    "1:[名称|地址|备注]\n"
    "2:[重庆某某有限公司|渝中区解放碑\n88号|他说\"好\"]\n"
    "5:[a|b\"c|]\n"
    "6:[x,y||]\n"
    "7:[最后一行|无换行]\n";

TEST(CsvReaderTest, ParsesSampleInOneChunk) {
  Parsed p = Parse(kSample);
  ASSERT_FALSE(p.error) << p.error->message;
  EXPECT_EQ(p.records, kSampleRecords);
}

TEST(CsvReaderTest, EveryChunkBoundaryGivesTheSameRecords) {
  EXPECT_EQ(Parse(Split(kSample, {1})).records, kSampleRecords);
  for (size_t cut = 0; cut <= kSample.size(); ++cut) {
    EXPECT_EQ(Parse({kSample.substr(0, cut), kSample.substr(cut)}).records, kSampleRecords)
        << "cut at " << cut;
  }
  std::mt19937 rng(20250101);
  for (int round = 0; round < 200; ++round) {
    EXPECT_EQ(Parse(RandomSplit(kSample, &rng, 9)).records, kSampleRecords) << "round " << round;
  }
}

TEST(CsvReaderTest, QuotedNewlinesKeepPhysicalLineNumbers) {
  Parsed p = Parse("a\n\"b\nc\r\nd\",e\nf\n");
  ASSERT_FALSE(p.error);
  EXPECT_EQ(p.records, "1:[a]\n2:[b\nc\r\nd|e]\n5:[f]\n");
}

TEST(CsvReaderTest, CrlfSplitAcrossChunksIsOneLineEnd) {
  EXPECT_EQ(Parse({"a\r", "\nb\r", "\n", "c"}).records, "1:[a]\n2:[b]\n3:[c]\n");
  // The same inside a quoted field: the CR and LF stay in the value, but count as one line.
  EXPECT_EQ(Parse({"\"a\r", "\nb\"\r", "\nc"}).records, "1:[a\r\nb]\n3:[c]\n");
}

TEST(CsvReaderTest, LoneCrAndEmptyLines) {
  EXPECT_EQ(Parse("a\rb\r\rc").records, "1:[a]\n2:[b]\n4:[c]\n");
  EXPECT_EQ(Parse("\n\n a\n\r\n\r\nb\n\n").records, "3:[ a]\n6:[b]\n");
  EXPECT_EQ(Parse("").records, "");
  EXPECT_EQ(Parse("\r\n\r\n").records, "");
}

TEST(CsvReaderTest, EdgeFields) {
  EXPECT_EQ(Parse("a,").records, "1:[a|]\n");
  EXPECT_EQ(Parse(",").records, "1:[|]\n");
  EXPECT_EQ(Parse("\"\"").records, "1:[]\n");
  EXPECT_EQ(Parse("abc\"def,x\"\"y, \"z\"").records, "1:[abc\"def|x\"\"y| \"z\"]\n");
  // Reused field buffers must not leak into a shorter or longer record.
  EXPECT_EQ(Parse("a,b,c\nd\ne,f\n").records, "1:[a|b|c]\n2:[d]\n3:[e|f]\n");
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  Parsed p = Parse("a,b\n\"ok\",\"abc\"x,d\n");
  ASSERT_TRUE(p.error);
  EXPECT_EQ(p.error->code, "import.text_after_quote");
  EXPECT_EQ(LineOf(*p.error), 2u);
  EXPECT_EQ(p.error->details.at("column").to_number<int>(), 2);
  EXPECT_NE(p.error->message.find("第 2 行第 2 列"), std::string::npos) << p.error->message;
  EXPECT_EQ(p.records, "1:[a|b]\n");

  // Reported on the physical line where the stray character is.
  Parsed multi = Parse("\"a\nb\"x");
  ASSERT_TRUE(multi.error);
  EXPECT_EQ(LineOf(*multi.error), 2u);
}

TEST(CsvReaderTest, UnclosedQuoteNamesTheLineWhereItOpened) {
  CsvReader reader([](const CsvRecord&) { return OkStatus(); });
  ASSERT_TRUE(reader.Feed("a,b\nc,\"d\ne\n").ok());
  ASSERT_TRUE(reader.Feed("f,g\n").ok());  // still inside the quote
  Status s = reader.Finish();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "import.unclosed_quote");
  EXPECT_EQ(LineOf(s.error()), 2u);
  EXPECT_EQ(s.error().message, "第 2 行第 2 列：双引号没有闭合，请检查该单元格的引号是否成对");
  // The reader stays failed.
  EXPECT_EQ(reader.Finish().error().code, "import.unclosed_quote");
  EXPECT_EQ(reader.Feed("x").error().code, "import.unclosed_quote");
}

TEST(CsvReaderTest, FieldSizeLimit) {
  const std::string at_limit(64 * 1024, 'a');
  Parsed ok = Parse("x\n" + at_limit + ",y\n");
  ASSERT_FALSE(ok.error);
  EXPECT_EQ(ok.records, "1:[x]\n2:[" + at_limit + "|y]\n");

  Parsed over = Parse("x\ny," + at_limit + "a\n");
  ASSERT_TRUE(over.error);
  EXPECT_EQ(over.error->code, "import.field_too_large");
  EXPECT_EQ(LineOf(*over.error), 2u);
  EXPECT_NE(over.error->message.find("第 2 行第 2 列的内容超过 64 KB"), std::string::npos);

  // A runaway quote fails at the limit, during Feed, naming the line where the quote opened.
  const std::string rest(100000, 'b');
  CsvReader reader([](const CsvRecord&) { return OkStatus(); });
  ASSERT_TRUE(reader.Feed("x\n\"").ok());
  Status s = reader.Feed(rest);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(LineOf(s.error()), 2u);
  EXPECT_NE(s.error().message.find("双引号没有配对"), std::string::npos) << s.error().message;
}

TEST(CsvReaderTest, RecordSizeLimit) {
  const std::string field(64000, 'a');
  std::string under, over;
  for (int i = 0; i < 16; ++i) under += (i ? "," : "") + field;  // 1,024,015 bytes
  over = under + "," + field;                                    // 1,088,016 bytes
  EXPECT_FALSE(Parse(under).error);
  Parsed p = Parse("x\n" + over);
  ASSERT_TRUE(p.error);
  EXPECT_EQ(p.error->code, "import.record_too_large");
  EXPECT_EQ(LineOf(*p.error), 2u);
  EXPECT_NE(p.error->message.find("超过 1 MB"), std::string::npos);
}

TEST(CsvReaderTest, ColumnLimit) {
  CsvLimits limits;
  limits.max_fields = 3;
  EXPECT_FALSE(Parse("a,b,c\n", limits).error);
  Parsed p = Parse("a,b,c\nd,e,f,g\n", limits);
  ASSERT_TRUE(p.error);
  EXPECT_EQ(p.error->code, "import.too_many_columns");
  EXPECT_EQ(LineOf(*p.error), 2u);
}

TEST(CsvReaderTest, SinkErrorStopsTheReader) {
  int calls = 0;
  CsvReader reader([&](const CsvRecord& r) -> Status {
    ++calls;
    if (r.line == 2) return Error::InvalidField("统一社会信用代码", "校验位错误", r.fields[0]);
    return OkStatus();
  });
  Status s = reader.Feed("a\nb\nc\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "request.invalid_field");
  EXPECT_EQ(calls, 2);
  EXPECT_FALSE(reader.Feed("d\n").ok());
  EXPECT_EQ(calls, 2);
}

TEST(CsvReaderTest, FeedAfterFinishIsRefused) {
  int calls = 0;
  CsvReader reader([&](const CsvRecord&) {
    ++calls;
    return OkStatus();
  });
  ASSERT_TRUE(reader.Feed("a").ok());
  ASSERT_TRUE(reader.Finish().ok());
  ASSERT_TRUE(reader.Finish().ok());  // a second Finish does not deliver "a" again
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(reader.Feed("b").ok());
}

TEST(CsvReaderTest, MillionRowsStreamedInChunks) {
  // Rows are generated chunk by chunk: the file as a whole never exists in memory.
  size_t records = 0, last_line = 0, bad = 0;
  CsvReader reader([&](const CsvRecord& r) {
    ++records;
    last_line = r.line;
    const std::string row = std::to_string((r.line + 1) / 2);  // each row spans two lines
    if (r.fields != std::vector<std::string>{row, "某某公司\n第" + row + "号", "2025-01-01"}) ++bad;
    return OkStatus();
  });
  std::string chunk;
  for (int row = 1; row <= 1000000; ++row) {
    chunk += std::to_string(row) + ",\"某某公司\n第" + std::to_string(row) + "号\",2025-01-01\n";
    if (chunk.size() > 60000) {
      // Odd cuts, so rows straddle chunks.
      ASSERT_TRUE(reader.Feed(std::string_view(chunk).substr(0, 30001)).ok());
      ASSERT_TRUE(reader.Feed(std::string_view(chunk).substr(30001)).ok());
      chunk.clear();
    }
  }
  ASSERT_TRUE(reader.Feed(chunk).ok());
  ASSERT_TRUE(reader.Finish().ok());
  EXPECT_EQ(records, 1000000u);
  EXPECT_EQ(last_line, 1999999u);
  EXPECT_EQ(bad, 0u);
}

// ---------------------------------------------------------------------------------------------
// Encoding detection

TEST(EncodingSnifferTest, AsciiAndUtf8) {
  EXPECT_EQ(Sniff({"name,code\r\n1,2\r\n"}), Encoding::kUtf8);
  EXPECT_EQ(Sniff({}), Encoding::kUtf8);
  const std::string_view utf8 = "名称,地址\n重庆某某有限公司,渝中区\n𠀀\n";
  EXPECT_EQ(Sniff({utf8}), Encoding::kUtf8);
  EXPECT_EQ(Sniff(Split(utf8, {1})), Encoding::kUtf8);
  EXPECT_EQ(Sniff(Split(utf8, {2, 5})), Encoding::kUtf8);
}

TEST(EncodingSnifferTest, Bom) {
  const std::string_view bom = "\xEF\xBB\xBF名称\n重庆\n";
  EXPECT_EQ(Sniff({bom}), Encoding::kUtf8Bom);
  EXPECT_EQ(Sniff(Split(bom, {1})), Encoding::kUtf8Bom);
  EXPECT_EQ(Sniff({"a\xEF\xBB\xBF"}), Encoding::kUtf8);  // only at the start
}

TEST(EncodingSnifferTest, GbkIsGb18030) {
  const std::string gbk = std::string(kGbkHeader) + std::string(kGbkRow);
  EXPECT_EQ(Sniff({gbk}), Encoding::kGb18030);
  EXPECT_EQ(Sniff(Split(gbk, {1})), Encoding::kGb18030);
  EncodingSniffer sniffer;
  sniffer.Feed(gbk);
  EXPECT_TRUE(sniffer.Check().ok());
}

TEST(EncodingSnifferTest, StrictUtf8) {
  EXPECT_EQ(Sniff({"\xC0\xAF"}), Encoding::kGb18030);          // overlong "/"
  EXPECT_EQ(Sniff({"\xED\xA0\x80"}), Encoding::kGb18030);      // surrogate
  EXPECT_EQ(Sniff({"\xF4\x90\x80\x80"}), Encoding::kGb18030);  // above U+10FFFF
  EXPECT_EQ(Sniff({"中\xE4\xB8"}), Encoding::kGb18030);        // cut off at the end
  EXPECT_EQ(Sniff({"中\xE4\xB8", "\xAD"}), Encoding::kUtf8);   // ...unless it continues
}

TEST(EncodingSnifferTest, GbkLinesThatLookLikeUtf8AreNotMixing) {
  // 叶,女 in GBK is valid 2-byte UTF-8, but Chinese UTF-8 is 3 bytes a character: no evidence.
  const std::string gbk =
      std::string(kGbkHeader) + std::string(kGbkLookalike) + std::string(kGbkRow);
  EncodingSniffer sniffer;
  sniffer.Feed(gbk);
  EXPECT_EQ(sniffer.Result(), Encoding::kGb18030);
  EXPECT_TRUE(sniffer.Check().ok());
  EXPECT_EQ(Sniff({kGbkLookalike}), Encoding::kUtf8);  // the rule's limit: alone, it is UTF-8
}

TEST(EncodingSnifferTest, MixedEncodingsNameTheOddLines) {
  // Lines 3–6 are UTF-8, line 7 is GBK: line 7 is the odd one.
  const std::string mostly_utf8 =
      "a,b\n1,2\n重庆\n重庆\r\n渝中\r渝北\n" + std::string(kGbkChongqing) + "\n北碚\n";
  for (const std::vector<size_t>& chunks : std::vector<std::vector<size_t>>{{1000}, {1}, {3, 7}}) {
    EncodingSniffer sniffer;
    for (std::string_view c : Split(mostly_utf8, chunks)) sniffer.Feed(c);
    Status s = sniffer.Check();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "import.mixed_encoding");
    EXPECT_EQ(LineOf(s.error()), 7u);
    EXPECT_EQ(s.error().message,
              "文件混用了多种编码：第 7 行不是 UTF-8，第 3 行是，请统一另存为 UTF-8 或 GBK");
  }

  // Line 3 is UTF-8 among GBK lines 2, 8 and 9 (the last without a line break).
  const std::string mostly_gbk = "a,b\n" + std::string(kGbkChongqing) + "\n中文\n\n\n\nx\n" +
                                 std::string(kGbkChongqing) + "\n" + std::string(kGbkChongqing);
  EncodingSniffer sniffer;
  sniffer.Feed(mostly_gbk);
  Status s = sniffer.Check();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(LineOf(s.error()), 3u);
  EXPECT_EQ(s.error().message,
            "文件混用了多种编码：第 3 行是 UTF-8，第 2 行不是，请统一另存为 UTF-8 或 GBK");
  EXPECT_EQ(s.error().details.at("other_lines").to_number<int>(), 3);
}

TEST(EncodingSnifferTest, BomWithGbkAndUtf16AreErrors) {
  EncodingSniffer bom_gbk;
  bom_gbk.Feed(
      "\xEF\xBB\xBF"
      "a\n");
  bom_gbk.Feed(kGbkChongqing);
  EXPECT_EQ(bom_gbk.Result(), Encoding::kUtf8Bom);
  ASSERT_FALSE(bom_gbk.Check().ok());
  EXPECT_EQ(LineOf(bom_gbk.Check().error()), 2u);

  EncodingSniffer utf16;
  utf16.Feed(std::string_view("\xFF\xFEh\0i\0", 6));
  EXPECT_EQ(utf16.Check().error().code, "import.utf16");
}

// ---------------------------------------------------------------------------------------------
// Conversion

TEST(EncodingToUtf8Test, GbkToUtf8) {
  auto whole = ConvertAll(Encoding::kGb18030, {kGbkChongqing});
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_EQ(*whole, "重庆");

  const std::string gbk = std::string(kGbkHeader) + std::string(kGbkRow) + "\x95\x32\x82\x36";
  const std::string expected = "企业名称,地址\r\n重庆某某有限公司,\"重庆市渝中区\n解放碑\"\r\n𠀀";
  for (const std::vector<size_t>& sizes :
       std::vector<std::vector<size_t>>{{1}, {2}, {3}, {5, 1, 2}}) {
    auto split = ConvertAll(Encoding::kGb18030, Split(gbk, sizes));
    ASSERT_TRUE(split.ok()) << split.error().message;
    EXPECT_EQ(*split, expected);
  }
}

TEST(EncodingToUtf8Test, InvalidGb18030NamesLineAndOffset) {
  const std::string_view bad = "ok\r\n\xd6\xd8\n\xff\xfe";
  for (size_t size : {100, 1}) {
    auto r = ConvertAll(Encoding::kGb18030, Split(bad, {size}));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "import.invalid_gb18030");
    EXPECT_EQ(LineOf(r.error()), 3u);
    EXPECT_EQ(r.error().details.at("offset").to_number<int>(), 7);
    EXPECT_TRUE(r.error().message.starts_with("第 3 行")) << r.error().message;
  }
  auto cut = ConvertAll(Encoding::kGb18030, {"\xd6\xd8\xc7"});
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().code, "import.truncated");
}

TEST(EncodingToUtf8Test, Utf8PassesThroughWithoutBom) {
  const std::string_view text = "\xEF\xBB\xBF名称\r\n重庆\xEF\xBB\xBF";  // a later U+FEFF stays
  for (size_t size : {100, 1, 2}) {
    auto r = ConvertAll(Encoding::kUtf8Bom, Split(text, {size}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, "名称\r\n重庆\xEF\xBB\xBF");
  }
  auto plain = ConvertAll(Encoding::kUtf8, {"a,b"});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "a,b");

  // Output chunks end on character boundaries.
  ToUtf8 conv(Encoding::kUtf8);
  EXPECT_EQ(conv.Convert("\xE4", false).value(), "");
  EXPECT_EQ(conv.Convert("\xB8\xAD"
                         "a\xE6",
                         false)
                .value(),
            "中a");
  EXPECT_EQ(conv.Convert("\x96\x87", true).value(), "文");
}

TEST(EncodingToUtf8Test, InvalidUtf8IsAnError) {
  auto r = ConvertAll(Encoding::kUtf8, Split("a\nb\r\n中" + std::string(kGbkChongqing), {1}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "import.invalid_utf8");
  EXPECT_EQ(LineOf(r.error()), 3u);
  auto cut = ConvertAll(Encoding::kUtf8, {"中\xE4\xB8"});
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().code, "import.truncated");
}

TEST(EncodingToUtf8Test, GbkFileEndToEnd) {
  const std::string gbk = std::string(kGbkHeader) + std::string(kGbkLookalike) +
                          std::string(kGbkRow) + "\xd6\xd8\xc7\xec,x";
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    const auto chunks = RandomSplit(gbk, &rng, 6);
    EncodingSniffer sniffer;
    for (std::string_view c : chunks) sniffer.Feed(c);
    ASSERT_TRUE(sniffer.Check().ok());
    ToUtf8 conv(sniffer.Result());
    std::string records;
    CsvReader reader([&](const CsvRecord& r) {
      records += std::to_string(r.line) + ":" + r.fields[0] + "/" + r.fields.back() + "\n";
      return OkStatus();
    });
    for (size_t i = 0; i < chunks.size(); ++i) {
      auto text = conv.Convert(chunks[i], i + 1 == chunks.size());
      ASSERT_TRUE(text.ok()) << text.error().message;
      ASSERT_TRUE(reader.Feed(*text).ok());
    }
    ASSERT_TRUE(reader.Finish().ok());
    EXPECT_EQ(records,
              "1:企业名称/地址\n2:叶/女\n3:重庆某某有限公司/重庆市渝中区\n解放碑\n5:重庆/x\n");
  }
}

// ---------------------------------------------------------------------------------------------
// Cells

TEST(CsvCellTest, NormalizeCellTrimsFullwidthAndAsciiSpace) {
  EXPECT_EQ(NormalizeCell("\u3000\u3000 重庆 市\t\u3000\r\n"), "重庆 市");
  EXPECT_EQ(NormalizeCell("a\u3000b"), "a\u3000b");
  EXPECT_EQ(NormalizeCell("\u00A0abc\u00A0"), "abc");
  EXPECT_EQ(NormalizeCell(" \u3000 "), "");
  EXPECT_EQ(NormalizeCell(""), "");
  EXPECT_EQ(NormalizeCell("中"), "中");
}

TEST(CsvCellTest, FullwidthToAscii) {
  EXPECT_EQ(FullwidthToAscii("９１５００１０３ＭＡ６０Ｋ３Ｔ２６Ｙ"), "91500103MA60K3T26Y");
  EXPECT_EQ(FullwidthToAscii("！～ａｚ＠［"), "!~az@[");
  EXPECT_EQ(FullwidthToAscii("｟重庆　。"), "｟重庆　。");  // U+FF5F, U+3000 and U+3002 stay
  EXPECT_EQ(FullwidthToAscii("\xEF\xBC"), "\xEF\xBC");      // a cut-off sequence is left alone
}

TEST(CsvCellTest, ExcelDateSerials) {
  EXPECT_EQ(ExcelDate("45658"), "2025-01-01");
  EXPECT_EQ(ExcelDate("1"), "1900-01-01");
  EXPECT_EQ(ExcelDate("59"), "1900-02-28");
  EXPECT_EQ(ExcelDate("60"), std::nullopt);  // Excel's 1900-02-29 never existed
  EXPECT_EQ(ExcelDate("61"), "1900-03-01");
  EXPECT_EQ(ExcelDate("45351"), "2024-02-29");
  EXPECT_EQ(ExcelDate("45352"), "2024-03-01");
  EXPECT_EQ(ExcelDate("2958465"), "9999-12-31");
  EXPECT_EQ(ExcelDate(" 45658 "), "2025-01-01");
  for (const char* bad : {"0", "2958466", "99999999999999999999", "-1", "45658.5", "4e4"}) {
    EXPECT_EQ(ExcelDate(bad), std::nullopt) << bad;
  }
}

TEST(CsvCellTest, ExcelDateText) {
  EXPECT_EQ(ExcelDate("2025-01-01"), "2025-01-01");
  EXPECT_EQ(ExcelDate("2025/1/1"), "2025-01-01");
  EXPECT_EQ(ExcelDate("2025/12/31"), "2025-12-31");
  EXPECT_EQ(ExcelDate("2025年1月9日"), "2025-01-09");
  EXPECT_EQ(ExcelDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(ExcelDate("\u30002000/2/29\u3000"), "2000-02-29");
  for (const char* bad :
       {"2025-02-29", "2025-02-30", "1900-02-29", "2100/2/29", "2025-13-01", "2025-00-10",
        "2025-01-00", "2025-1/1", "2025年1月1", "2025-001-01", "25-01-01", "2025-01-01 00:00",
        "1899-12-31", "", "abc", "２０２５-01-01"}) {
    EXPECT_EQ(ExcelDate(bad), std::nullopt) << bad;
  }
}

// A file larger than the sniffed beginning: decoded as UTF-8 at once, and a later line that is
// not UTF-8 still refuses the file with the whole-file sniff's message.
TEST(CsvFileSourceTest, ALargeFileIsDecodedAtOnceAndAMixedOneStillRefused) {
  std::string text = "名称,编码\n";
  size_t rows = 0;
  while (text.size() < (3u << 20)) {
    text += "重庆某某机械有限公司" + std::to_string(rows) + "," + std::to_string(rows) + "\n";
    ++rows;
  }
  const std::string path = ::testing::TempDir() + "/ssj_large_utf8.csv";
  auto write = [&](const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
  };
  auto read = [&](size_t& count) -> Status {
    auto source = CsvFileSource(path, {});
    if (!source.ok()) return source.error();
    count = 0;
    return (*source)([&](size_t, const std::vector<std::string>&) {
      ++count;
      return OkStatus();
    });
  };
  write(text);
  size_t count = 0;
  ASSERT_TRUE(read(count).ok());
  EXPECT_EQ(count, rows + 1);

  write(text + std::string(kGbkChongqing) + ",1\n");
  Status s = read(count);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "import.mixed_encoding");
  EXPECT_EQ(LineOf(s.error()), rows + 2);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace ssj::importer

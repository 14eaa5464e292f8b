// Streaming CSV import: encoding detection, conversion to UTF-8, RFC 4180 parsing with Excel's
// habits, and cell normalisation. Pure (no I/O); every stage takes chunks of any size and keeps
// constant memory, so a 1,000,000-row upload never has to sit in memory.
//
// Typical use, in two passes over the stored upload:
//   EncodingSniffer sniffer;  for each chunk: sniffer.Feed(chunk);
//   SSJ_TRY(sniffer.Check());
//   ToUtf8 to_utf8(sniffer.Result());
//   CsvReader reader([&](const CsvRecord& r) -> Status { ... });
//   for each chunk: SSJ_ASSIGN(std::string text, to_utf8.Convert(chunk, is_last));
//                   SSJ_TRY(reader.Feed(text));
//   SSJ_TRY(reader.Finish());
//
// Line numbers everywhere are 1-based physical lines (CRLF, LF and a lone CR each end one), the
// numbers a text editor shows; errors carry them in their message and in details["line"].
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace ssj::importer {

enum class Encoding {
  kUtf8,     // strict UTF-8 without a BOM (plain ASCII lands here too)
  kUtf8Bom,  // starts with EF BB BF ("CSV UTF-8" in Excel)
  kGb18030,  // anything else; a superset of the GBK that Excel's plain "CSV" writes in China
};

// Decides the encoding in one streaming pass. Feed the whole file, then ask Result() and Check().
class EncodingSniffer {
 public:
  // Chunks may split a multibyte sequence anywhere.
  void Feed(std::string_view chunk);
  // kUtf8Bom if the file starts with a BOM, else kUtf8 if every byte is strict UTF-8, else
  // kGb18030.
  Encoding Result() const;
  // An error when no single encoding fits: some lines are UTF-8 Chinese while others are not
  // UTF-8 (a file pasted together from two sources), a BOM followed by non-UTF-8 lines, or UTF-16.
  Status Check() const;
  // After only the beginning of a file: its complete lines are all UTF-8 and some hold Chinese
  // (or it starts with a BOM), so the whole file is UTF-8 unless a later line is not, and such a
  // file is refused as mixed. A reader may then decode as UTF-8 at once, and sniff the whole file
  // only if the decoding fails.
  bool BeginsAsUtf8() const;

 private:
  struct Tally {
    uint64_t utf8_lines = 0;  // lines holding a 3- or 4-byte UTF-8 sequence and nothing invalid
    uint64_t bad_lines = 0;   // lines holding bytes that are not UTF-8
    uint64_t first_utf8_line = 0;
    uint64_t first_bad_line = 0;
  };
  void EndLine();
  Tally Final() const;

  Tally tally_;
  uint64_t offset_ = 0;  // bytes seen so far
  uint64_t line_ = 1;
  bool prev_cr_ = false;
  bool line_utf8_ = false;
  bool line_bad_ = false;
  bool bom_ = false;
  bool utf16_ = false;
  unsigned char head_[3] = {};  // the first bytes, for the BOM
  // The UTF-8 sequence in progress: continuation bytes still needed, the allowed range of the
  // next one (strictness lives there), its total length and where it started.
  uint8_t need_ = 0;
  uint8_t lo_ = 0x80;
  uint8_t hi_ = 0xBF;
  uint8_t len_ = 0;
  uint64_t seq_start_ = 0;
};

// Converts a stream to UTF-8, chunk by chunk. Output chunks always end on a character boundary.
// UTF-8 input is validated and passed through minus a leading BOM; GB18030 goes through iconv.
class ToUtf8 {
 public:
  explicit ToUtf8(Encoding from);
  ~ToUtf8();
  ToUtf8(const ToUtf8&) = delete;
  ToUtf8& operator=(const ToUtf8&) = delete;

  // `last` marks the final chunk (it may be empty), so a character cut off by the end of the
  // file is reported instead of waiting for more. After an error the converter stays failed.
  ssj::Result<std::string> Convert(std::string_view chunk, bool last);

 private:
  ssj::Result<std::string> ConvertUtf8(std::string_view data, bool last);
  ssj::Result<std::string> ConvertGb18030(std::string_view data, bool last);
  Error Invalid(std::string_view data, size_t at, bool truncated);
  void Consume(std::string_view consumed);

  Encoding from_;
  void* cd_ = nullptr;   // iconv_t; <iconv.h> stays out of this header
  std::string carry_;    // an incomplete character from the end of the previous chunk
  uint64_t offset_ = 0;  // file offset of carry_ (or of the next chunk when carry_ is empty)
  uint64_t line_ = 1;    // line at offset_
  bool prev_cr_ = false;
  bool at_start_ = true;  // nothing consumed yet, so a BOM may still come
  std::optional<Error> error_;
};

struct CsvRecord {
  size_t line = 0;  // physical line where the record starts
  std::vector<std::string> fields;
};

struct CsvLimits {
  size_t max_field_bytes = 64 * 1024;
  size_t max_record_bytes = 1024 * 1024;  // raw bytes, quotes and commas included
  size_t max_fields = 16384;              // Excel's column limit (XFD)
};

// Parses UTF-8 CSV: comma separator; CRLF, LF or lone CR; quoted fields with "" escapes, commas
// and line breaks; empty lines skipped. Like Excel, a quote inside an unquoted field (abc"def) is
// kept literally, but text after a closing quote ("abc"x) is an error. Only the record being
// built is held; each finished one goes to the sink at once.
class CsvReader {
 public:
  // The record is reused after the sink returns: copy what you keep. An error from the sink stops
  // the reader and comes back from Feed() / Finish() unchanged.
  using Sink = std::function<Status(const CsvRecord&)>;

  explicit CsvReader(Sink sink, CsvLimits limits = {});

  // Chunks may end anywhere: inside a quoted field, a CRLF pair or a UTF-8 sequence.
  Status Feed(std::string_view chunk);
  // End of input: delivers a last record without a line break, reports an unclosed quote.
  Status Finish();

 private:
  enum class State { kRecordStart, kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  Status Fail(Error error);
  Status StartField();
  Status Account(size_t raw_bytes);
  Status Append(std::string_view bytes);
  Status EndRecord();
  void CountLineEnd(char c, uint64_t pos);

  Sink sink_;
  CsvLimits limits_;
  State state_ = State::kRecordStart;
  CsvRecord record_;
  size_t nfields_ = 0;  // fields in use; record_.fields keeps spare strings to reuse their buffers
  size_t record_bytes_ = 0;
  size_t field_line_ = 0;  // where the current field starts (for a quoted one, its open quote)
  size_t line_ = 1;
  uint64_t pos_ = 0;                // file offset of the chunk being parsed
  uint64_t after_cr_ = UINT64_MAX;  // offset just past the last CR, so CRLF counts as one line end
  bool finished_ = false;
  std::optional<Error> error_;
};

// Trims ASCII whitespace, full-width spaces (U+3000) and no-break spaces (U+00A0, common in text
// pasted from web pages) at both ends. Inner spaces are kept.
std::string NormalizeCell(std::string_view cell);

// Maps full-width ASCII variants (U+FF01–U+FF5E, e.g. "ＭＡ６０") to ASCII. Only for cells that
// hold codes: in Chinese text full-width punctuation is correct and must stay.
std::string FullwidthToAscii(std::string_view cell);

// A date as Excel users type or export it, as "YYYY-MM-DD": YYYY-M-D, YYYY/M/D, YYYY年M月D日
// (month and day with one or two digits) or an Excel 1900-system serial (1 = 1900-01-01, up to
// 2958465 = 9999-12-31). Years 1900–9999. Surrounding spaces are ignored. nullopt for anything
// else, including dates that do not exist (2025-02-30, and serial 60: Excel's fictitious
// 1900-02-29).
std::optional<std::string> ExcelDate(std::string_view cell);

}  // namespace ssj::importer

#include "importer/csv_reader.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace ssj::importer {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Error ImportError(std::string reason, uint64_t line, std::string message) {
  Error e{ErrorKind::kInvalidArgument, "import." + std::move(reason), std::move(message), {}};
  if (line > 0) e.details["line"] = line;
  return e;
}

std::string Line(uint64_t line) { return "第 " + std::to_string(line) + " 行"; }

std::string LineColumn(uint64_t line, size_t column) {
  return Line(line) + "第 " + std::to_string(column) + " 列";
}

std::string Size(size_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " 字节";
}

// Strict UTF-8 per Unicode table 3-7: the range allowed for the first continuation byte is what
// rules out overlong forms, surrogates and code points above U+10FFFF.
bool Utf8Lead(unsigned char b, uint8_t* need, uint8_t* lo, uint8_t* hi) {
  *lo = 0x80;
  *hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    *need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    *need = 2;
    if (b == 0xE0) *lo = 0xA0;
    if (b == 0xED) *hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    *need = 3;
    if (b == 0xF0) *lo = 0x90;
    if (b == 0xF4) *hi = 0x8F;
  } else {
    return false;
  }
  return true;
}

// Advances a physical-line counter over `text` the way every stage here counts lines.
// A line ends at CR, or at LF unless the LF completes a CRLF. Counted a line end at a time
// rather than a byte at a time: this runs over every byte of a file.
void CountLines(std::string_view text, uint64_t* line, bool* prev_cr) {
  if (text.empty()) return;
  uint64_t ends = static_cast<uint64_t>(std::count(text.begin(), text.end(), '\r'));
  for (size_t p = text.find('\n'); p != std::string_view::npos; p = text.find('\n', p + 1)) {
    if (!(p == 0 ? *prev_cr : text[p - 1] == '\r')) ++ends;
  }
  *line += ends;
  *prev_cr = text.back() == '\r';
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Reads `min`–`max` ASCII digits.
bool Digits(std::string_view* v, size_t min, size_t max, int* out) {
  size_t n = 0;
  int value = 0;
  while (n < v->size() && n < max && (*v)[n] >= '0' && (*v)[n] <= '9') {
    value = value * 10 + ((*v)[n] - '0');
    ++n;
  }
  if (n < min) return false;
  v->remove_prefix(n);
  *out = value;
  return true;
}

bool Eat(std::string_view* v, std::string_view token) {
  if (!v->starts_with(token)) return false;
  v->remove_prefix(token.size());
  return true;
}

std::string FormatDate(const std::chrono::year_month_day& ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// EncodingSniffer

void EncodingSniffer::Feed(std::string_view chunk) {
  for (char ch : chunk) {
    const auto b = static_cast<unsigned char>(ch);
    const bool after_cr = prev_cr_;
    prev_cr_ = b == '\r';
    if (offset_ < 3) {
      head_[offset_] = b;
      if (offset_ == 1) utf16_ = (head_[0] == 0xFF && b == 0xFE) || (head_[0] == 0xFE && b == 0xFF);
      if (offset_ == 2) bom_ = head_[0] == 0xEF && head_[1] == 0xBB && b == 0xBF;
    }
    if (need_ > 0) {
      if (b >= lo_ && b <= hi_) {
        ++offset_;
        lo_ = 0x80;
        hi_ = 0xBF;
        // Only 3- and 4-byte sequences count as evidence of UTF-8: many common GBK characters
        // (女 C5 AE, 石 CA AF, 叶 D2 B6) happen to be valid 2-byte UTF-8, while Chinese text in
        // UTF-8 takes 3 or 4 bytes a character. The BOM proves nothing about the lines either.
        if (--need_ == 0 && len_ >= 3 && !(bom_ && seq_start_ == 0)) line_utf8_ = true;
        continue;
      }
      // The sequence is broken; `b` itself may still start something valid.
      need_ = 0;
      line_bad_ = true;
    }
    seq_start_ = offset_++;
    if (b < 0x80) {
      if (b == '\r' || (b == '\n' && !after_cr)) EndLine();
    } else if (Utf8Lead(b, &need_, &lo_, &hi_)) {
      len_ = need_ + 1;
    } else {
      line_bad_ = true;
    }
  }
}

void EncodingSniffer::EndLine() {
  if (line_bad_) {
    if (tally_.bad_lines++ == 0) tally_.first_bad_line = line_;
  } else if (line_utf8_) {
    if (tally_.utf8_lines++ == 0) tally_.first_utf8_line = line_;
  }
  line_bad_ = false;
  line_utf8_ = false;
  ++line_;
}

EncodingSniffer::Tally EncodingSniffer::Final() const {
  Tally t = tally_;
  // The last line may lack a line break, and a sequence cut off by the end of input is invalid.
  if (line_bad_ || need_ > 0) {
    if (t.bad_lines++ == 0) t.first_bad_line = line_;
  } else if (line_utf8_) {
    if (t.utf8_lines++ == 0) t.first_utf8_line = line_;
  }
  return t;
}

bool EncodingSniffer::BeginsAsUtf8() const {
  return !utf16_ && tally_.bad_lines == 0 && (bom_ || tally_.utf8_lines > 0);
}

Encoding EncodingSniffer::Result() const {
  if (bom_) return Encoding::kUtf8Bom;
  return Final().bad_lines == 0 ? Encoding::kUtf8 : Encoding::kGb18030;
}

Status EncodingSniffer::Check() const {
  if (utf16_) {
    return ImportError("utf16", 0,
                       "文件是 UTF-16 编码（Excel 的“Unicode 文本”格式），请在 Excel 中另存为"
                       "“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”");
  }
  const Tally t = Final();
  if (t.bad_lines == 0) return OkStatus();
  if (t.utf8_lines == 0) {
    if (!bom_) return OkStatus();  // plain GBK / GB18030
    return ImportError("mixed_encoding", t.first_bad_line,
                       "文件开头标明是 UTF-8 编码，但" + Line(t.first_bad_line) +
                           "不是，请统一另存为 UTF-8 或 GBK");
  }
  // Name the odd lines out first: they are the ones the user has to fix. On a tie, the kind that
  // shows up later is the intruder.
  const bool utf8_odd = t.utf8_lines < t.bad_lines ||
                        (t.utf8_lines == t.bad_lines && t.first_utf8_line > t.first_bad_line);
  const std::string utf8 = Line(t.first_utf8_line);
  const std::string other = Line(t.first_bad_line);
  Error e = ImportError(
      "mixed_encoding", utf8_odd ? t.first_utf8_line : t.first_bad_line,
      "文件混用了多种编码：" +
          (utf8_odd ? utf8 + "是 UTF-8，" + other + "不是" : other + "不是 UTF-8，" + utf8 + "是") +
          "，请统一另存为 UTF-8 或 GBK");
  e.details["utf8_line"] = t.first_utf8_line;
  e.details["other_line"] = t.first_bad_line;
  e.details["utf8_lines"] = t.utf8_lines;
  e.details["other_lines"] = t.bad_lines;
  return e;
}

// ---------------------------------------------------------------------------------------------
// ToUtf8

ToUtf8::ToUtf8(Encoding from) : from_(from) {
  if (from_ != Encoding::kGb18030) return;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    error_ = Error::Internal("服务器缺少 GB18030 转码支持，暂时无法读取 GBK 编码的文件");
  } else {
    cd_ = cd;
  }
}

ToUtf8::~ToUtf8() {
  if (cd_ != nullptr) iconv_close(static_cast<iconv_t>(cd_));
}

ssj::Result<std::string> ToUtf8::Convert(std::string_view chunk, bool last) {
  if (error_) return *error_;
  std::string joined;
  std::string_view data = chunk;
  if (!carry_.empty()) {
    joined = std::move(carry_);
    joined.append(chunk);
    carry_.clear();
    data = joined;
  }
  auto out = from_ == Encoding::kGb18030 ? ConvertGb18030(data, last) : ConvertUtf8(data, last);
  if (!out.ok()) error_ = out.error();
  return out;
}

ssj::Result<std::string> ToUtf8::ConvertUtf8(std::string_view data, bool last) {
  size_t start = 0;
  if (at_start_) {
    if (data.size() < kBom.size() && !last && kBom.starts_with(data)) {
      carry_ = data;  // maybe the beginning of a BOM; wait for more
      return std::string();
    }
    if (data.starts_with(kBom)) start = kBom.size();
  }
  // One character at a time, runs of ASCII eight bytes at a time; a character cut off by the end
  // of `data` waits in carry_ for the rest.
  const size_t n = data.size();
  size_t i = start;
  while (i < n) {
    const auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      uint64_t word;
      ++i;
      while (i + 8 <= n &&
             (std::memcpy(&word, data.data() + i, 8), word & 0x8080808080808080ULL) == 0)
        i += 8;
      continue;
    }
    // The common Chinese character: a lead byte with no special range for what follows.
    if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n &&
        (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(data[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    uint8_t need = 0, lo = 0x80, hi = 0xBF;
    if (!Utf8Lead(b, &need, &lo, &hi)) return Invalid(data, i, false);
    const size_t have = std::min<size_t>(need, n - i - 1);
    for (size_t k = 1; k <= have; ++k) {
      const auto c = static_cast<unsigned char>(data[i + k]);
      if (k == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) return Invalid(data, i, false);
    }
    if (have < need) {
      if (last) return Invalid(data, i, true);
      break;
    }
    i += need + 1;
  }
  const size_t boundary = std::min(i, n);  // just past the last complete character
  std::string out(data.substr(start, boundary - start));
  carry_ = data.substr(boundary);
  Consume(data.substr(0, boundary));
  return out;
}

ssj::Result<std::string> ToUtf8::ConvertGb18030(std::string_view data, bool last) {
  std::string out(data.size() + data.size() / 2 + 16, '\0');  // 2 GBK bytes become 3 in UTF-8
  char* in = const_cast<char*>(data.data());                  // iconv's API is not const-correct
  size_t in_left = data.size();
  char* o = out.data();
  size_t o_left = out.size();
  while (in_left > 0) {
    if (iconv(static_cast<iconv_t>(cd_), &in, &in_left, &o, &o_left) != static_cast<size_t>(-1)) {
      break;
    }
    const size_t at = in - data.data();
    if (errno == E2BIG) {
      const size_t used = o - out.data();
      out.resize(out.size() * 2);
      o = out.data() + used;
      o_left = out.size() - used;
    } else if (errno == EINVAL) {  // a character cut by the end of the chunk
      if (last) return Invalid(data, at, true);
      break;
    } else {
      return Invalid(data, at, false);
    }
  }
  const size_t consumed = in - data.data();
  out.resize(o - out.data());
  carry_ = data.substr(consumed);
  Consume(data.substr(0, consumed));
  return out;
}

Error ToUtf8::Invalid(std::string_view data, size_t at, bool truncated) {
  uint64_t line = line_;
  bool prev_cr = prev_cr_;
  CountLines(data.substr(0, at), &line, &prev_cr);
  Error e =
      truncated
          ? ImportError("truncated", line,
                        "文件末尾（" + Line(line) + "）的最后一个字符不完整，文件可能没有上传完整")
      : from_ == Encoding::kGb18030
          ? ImportError("invalid_gb18030", line,
                        Line(line) +
                            "有无法识别的字符，文件可能已损坏，或者既不是 GBK 也不是 "
                            "UTF-8 编码")
          : ImportError("invalid_utf8", line,
                        Line(line) + "有不是 UTF-8 编码的内容，请统一另存为 UTF-8 或 GBK");
  e.details["offset"] = offset_ + at;
  return e;
}

void ToUtf8::Consume(std::string_view consumed) {
  CountLines(consumed, &line_, &prev_cr_);
  offset_ += consumed.size();
  if (!consumed.empty()) at_start_ = false;
}

// ---------------------------------------------------------------------------------------------
// CsvReader

CsvReader::CsvReader(Sink sink, CsvLimits limits) : sink_(std::move(sink)), limits_(limits) {}

Status CsvReader::Fail(Error error) {
  error_ = error;
  return error;
}

void CsvReader::CountLineEnd(char c, uint64_t pos) {
  if (c == '\r') {
    ++line_;
    after_cr_ = pos + 1;
  } else if (after_cr_ != pos) {
    ++line_;
  }
}

Status CsvReader::StartField() {
  if (nfields_ == limits_.max_fields) {
    return Fail(ImportError(
        "too_many_columns", record_.line,
        Line(record_.line) + "超过 " + std::to_string(limits_.max_fields) + " 列，文件可能已损坏"));
  }
  if (nfields_ < record_.fields.size()) {
    record_.fields[nfields_].clear();
  } else {
    record_.fields.emplace_back();
  }
  ++nfields_;
  field_line_ = line_;
  return OkStatus();
}

Status CsvReader::Account(size_t raw_bytes) {
  record_bytes_ += raw_bytes;
  if (record_bytes_ <= limits_.max_record_bytes) return OkStatus();
  // A runaway quote is the usual culprit: it swallows the rest of the file into one record.
  return Fail(ImportError("record_too_large", record_.line,
                          Line(record_.line) + "起的这条记录超过 " +
                              Size(limits_.max_record_bytes) +
                              "，文件可能已损坏，或者有双引号没有配对"));
}

Status CsvReader::Append(std::string_view bytes) {
  if (bytes.empty()) return OkStatus();
  std::string& field = record_.fields[nfields_ - 1];
  if (field.size() + bytes.size() > limits_.max_field_bytes) {
    Error e = ImportError(
        "field_too_large", field_line_,
        LineColumn(field_line_, nfields_) + "的内容超过 " + Size(limits_.max_field_bytes) +
            (state_ == State::kQuoted ? "，可能是双引号没有配对" : "，请检查该单元格"));
    e.details["column"] = nfields_;
    return Fail(std::move(e));
  }
  SSJ_TRY(Account(bytes.size()));
  field.append(bytes);
  return OkStatus();
}

Status CsvReader::EndRecord() {
  record_.fields.resize(nfields_);
  state_ = State::kRecordStart;
  Status s = sink_(record_);
  if (!s.ok()) return Fail(s.take_error());
  return OkStatus();
}

Status CsvReader::Feed(std::string_view chunk) {
  if (error_) return *error_;
  if (finished_) return Fail(Error::Internal("内部错误：CSV 读取结束后又收到了数据"));
  const char* const begin = chunk.data();
  const char* const end = begin + chunk.size();
  const char* p = begin;
  auto pos = [&](const char* at) { return pos_ + (at - begin); };
  auto is_end = [](char c) { return c == '\r' || c == '\n'; };
  while (p < end) {
    switch (state_) {
      case State::kRecordStart:
        // Line ends here are empty lines, or the LF of a CRLF whose CR ended the last record.
        if (is_end(*p)) {
          CountLineEnd(*p, pos(p));
          ++p;
          continue;
        }
        record_.line = line_;
        record_bytes_ = 0;
        nfields_ = 0;
        state_ = State::kFieldStart;
        continue;

      case State::kFieldStart:
        SSJ_TRY(StartField());
        if (*p == '"') {
          state_ = State::kQuoted;
          SSJ_TRY(Account(1));
          ++p;
        } else {
          state_ = State::kUnquoted;
        }
        continue;

      case State::kUnquoted: {
        // Copy a whole run at once; a stray quote in here is kept literally, as Excel does.
        const char* q = p;
        while (q < end && *q != ',' && !is_end(*q)) ++q;
        SSJ_TRY(Append({p, static_cast<size_t>(q - p)}));
        p = q;
        if (p == end) continue;
        if (*p == ',') {
          SSJ_TRY(Account(1));
          state_ = State::kFieldStart;
          ++p;
        } else {
          SSJ_TRY(EndRecord());  // the line end itself is counted in kRecordStart
        }
        continue;
      }

      case State::kQuoted: {
        const char* q = p;
        while (q < end && *q != '"' && !is_end(*q)) ++q;
        SSJ_TRY(Append({p, static_cast<size_t>(q - p)}));
        p = q;
        if (p == end) continue;
        if (*p == '"') {
          SSJ_TRY(Account(1));
          state_ = State::kQuoteInQuoted;
        } else {
          CountLineEnd(*p, pos(p));
          SSJ_TRY(Append({p, 1}));
        }
        ++p;
        continue;
      }

      case State::kQuoteInQuoted:
        if (*p == '"') {  // "" stands for one quote
          state_ = State::kQuoted;
          SSJ_TRY(Append({p, 1}));
          ++p;
        } else if (*p == ',') {
          SSJ_TRY(Account(1));
          state_ = State::kFieldStart;
          ++p;
        } else if (is_end(*p)) {
          SSJ_TRY(EndRecord());
        } else {
          Error e = ImportError("text_after_quote", line_,
                                LineColumn(line_, nfields_) +
                                    "：双引号括起的内容后面还有多余的字符，请检查引号是否成对"
                                    "（单元格内的双引号要写成两个）");
          e.details["column"] = nfields_;
          return Fail(std::move(e));
        }
        continue;
    }
  }
  pos_ += chunk.size();
  return OkStatus();
}

Status CsvReader::Finish() {
  if (error_) return *error_;
  if (finished_) return OkStatus();
  finished_ = true;
  switch (state_) {
    case State::kRecordStart:
      return OkStatus();
    case State::kFieldStart:  // the input ended right after a comma: one more, empty, field
      SSJ_TRY(StartField());
      return EndRecord();
    case State::kUnquoted:
    case State::kQuoteInQuoted:
      return EndRecord();
    case State::kQuoted: {
      Error e = ImportError(
          "unclosed_quote", field_line_,
          LineColumn(field_line_, nfields_) + "：双引号没有闭合，请检查该单元格的引号是否成对");
      e.details["column"] = nfields_;
      return Fail(std::move(e));
    }
  }
  return OkStatus();
}

// ---------------------------------------------------------------------------------------------
// Cells

std::string NormalizeCell(std::string_view cell) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
  constexpr std::string_view kNoBreakSpace = "\xC2\xA0";          // U+00A0
  for (bool trimmed = true; trimmed && !cell.empty();) {
    trimmed = true;
    if (IsAsciiSpace(cell.front())) {
      cell.remove_prefix(1);
    } else if (cell.starts_with(kIdeographicSpace)) {
      cell.remove_prefix(kIdeographicSpace.size());
    } else if (cell.starts_with(kNoBreakSpace)) {
      cell.remove_prefix(kNoBreakSpace.size());
    } else {
      trimmed = false;
    }
  }
  for (bool trimmed = true; trimmed && !cell.empty();) {
    trimmed = true;
    if (IsAsciiSpace(cell.back())) {
      cell.remove_suffix(1);
    } else if (cell.ends_with(kIdeographicSpace)) {
      cell.remove_suffix(kIdeographicSpace.size());
    } else if (cell.ends_with(kNoBreakSpace)) {
      cell.remove_suffix(kNoBreakSpace.size());
    } else {
      trimmed = false;
    }
  }
  return std::string(cell);
}

std::string FullwidthToAscii(std::string_view cell) {
  // Most cells have no full-width form at all (every one starts with the byte EF).
  if (cell.find('\xEF') == std::string_view::npos) return std::string(cell);
  std::string out;
  out.reserve(cell.size());
  for (size_t i = 0; i < cell.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(cell[i]);
    if (b0 == 0xEF && i + 2 < cell.size()) {
      const auto b1 = static_cast<unsigned char>(cell[i + 1]);
      const auto b2 = static_cast<unsigned char>(cell[i + 2]);
      // U+FF01–U+FF3F is EF BC 81–BF, U+FF40–U+FF5E is EF BD 80–9E; each sits 0xFEE0 above ASCII.
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
        out += static_cast<char>(b2 - 0x60);
        i += 2;
        continue;
      }
      if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
        out += static_cast<char>(b2 - 0x20);
        i += 2;
        continue;
      }
    }
    out += cell[i];
  }
  return out;
}

std::optional<std::string> ExcelDate(std::string_view cell) {
  using namespace std::chrono;
  const std::string trimmed = NormalizeCell(cell);
  std::string_view v = trimmed;
  if (v.empty()) return std::nullopt;

  if (v.find_first_not_of("0123456789") == std::string_view::npos) {
    if (v.size() > 7) return std::nullopt;
    const int serial = std::stoi(std::string(v));
    // Excel counts 1900-02-29, which never existed (a Lotus 1-2-3 bug kept for compatibility):
    // serial 60 is that day and every later serial is one day ahead of the real count.
    if (serial < 1 || serial == 60 || serial > 2958465) return std::nullopt;
    const sys_days epoch =
        serial < 60 ? sys_days{year{1899} / December / 31} : sys_days{year{1899} / December / 30};
    return FormatDate(year_month_day{epoch + days{serial}});
  }

  int y = 0, m = 0, d = 0;
  if (!Digits(&v, 4, 4, &y)) return std::nullopt;
  std::string_view sep_month, sep_day, suffix;
  if (v.starts_with("-")) {
    sep_month = sep_day = "-";
  } else if (v.starts_with("/")) {
    sep_month = sep_day = "/";
  } else {
    sep_month = "年";
    sep_day = "月";
    suffix = "日";
  }
  if (!Eat(&v, sep_month) || !Digits(&v, 1, 2, &m) || !Eat(&v, sep_day) || !Digits(&v, 1, 2, &d) ||
      !Eat(&v, suffix) || !v.empty()) {
    return std::nullopt;
  }
  if (y < 1900) return std::nullopt;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return FormatDate(ymd);
}

}  // namespace ssj::importer

// Reads the first worksheet of an XLSX workbook (libzip + pugixml) as records, header first. The
// sheet XML is decompressed and parsed a batch of rows at a time (about 256 KiB of XML), so memory
// stays bounded however many rows there are; only the shared-string table is held whole, within
// its own limit. Every size is checked before anything is decompressed and again while reading,
// so a zip bomb or a truncated upload is an error value, never a crash or an exhausted machine.
//
// Cells come as the user saw them in Excel: shared and inline strings (rich text joined), numbers
// without exponent or ".0", TRUE/FALSE, cached formula results, dates (a date number format) as
// "YYYY-MM-DD". What Excel has silently damaged is delivered with a CellIssue instead of being
// papered over: formula cells, and numbers of 1e15 and more (IDs and credit codes typed as
// numbers, whose last digits Excel has already lost).
//
// An XlsxReader is immutable after Open and may be read from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/error.h"
#include "importer/file_source.h"

namespace ssj::importer {

struct XlsxLimits {
  // Sum of the declared uncompressed sizes of every part read (workbook, relationships, styles,
  // shared strings, the sheet), and the most any part may really inflate to.
  uint64_t max_uncompressed_bytes = uint64_t{512} << 20;
  // A part larger than `ratio_floor_bytes` may not inflate more than this many times; deflate can
  // reach about 1000:1 on repeated bytes, while real sheet XML stays well under 100:1.
  uint64_t max_ratio = 200;
  uint64_t ratio_floor_bytes = uint64_t{1} << 20;
  // workbook.xml, the relationships and styles.xml are parsed whole, so they get a small limit.
  uint64_t max_small_part_bytes = uint64_t{16} << 20;
  // Total text held for the shared-string table.
  uint64_t max_shared_string_bytes = uint64_t{256} << 20;
  size_t max_rows = 2'000'000;  // the highest row number with a <row> element
  size_t max_columns = 256;     // a cell with a value in a column beyond this is refused
  // XML of one row, which must fit in memory at once: 256 columns of 32,767-character cells.
  size_t max_row_xml_bytes = size_t{64} << 20;
};

class XlsxReader {
 public:
  // Opens a file on disk. The display name in errors is the file's name without its directory.
  static Result<XlsxReader> OpenFile(const std::string& path, XlsxLimits limits = {});
  // Opens a workbook in memory (an upload); `name` is what errors call the file.
  static Result<XlsxReader> OpenBuffer(std::string data, std::string name, XlsxLimits limits = {});

  // One pass over the first worksheet: `fn` gets every <row> of it in order, with its 1-based row
  // number, its cells (a cell missing from the XML is an empty string at its column; trailing
  // empty cells are dropped, so a row may be shorter than the header) and its cells' issues.
  // Rows absent from the XML are skipped, so line numbers may jump. An error from `fn` stops the
  // pass and is returned unchanged. `progress`, when given, gets an estimate of the bytes of the
  // stored file consumed so far. May be called any number of times.
  Status ForEachRow(const RecordFn& fn, const std::function<void(size_t)>& progress = {}) const;

  // The first worksheet's name, as on its tab.
  const std::string& sheet_name() const;
  // The name errors use for the file.
  const std::string& display_name() const;

  struct State;  // the opened workbook: where the sheet is, styles, shared strings

 private:
  explicit XlsxReader(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

// Renders the text of a number cell (<v>) as Excel shows it in a General cell, without exponent:
// "500103" for 500103, "0.3" for 0.30000000000000004, "0.0000001" for 1E-07. Values below 1e15
// are rounded to Excel's 15 significant digits; from 1e15 on (`*long_number` is set), the stored
// text is expanded digit for digit ("5.00103199001011E+17" gives "500103199001011000"), because
// those digits are all that is left of what the user typed. Text that is not a number comes back
// unchanged.
std::string XlsxNumberText(std::string_view stored, bool* long_number);

// Whether a number format shows a date, judged by its format code when the workbook defines one
// (custom formats, usually id >= 164), else by its built-in id: built-in 14–17 and 22, the zh-CN
// built-ins 27–31, 36 and 50–58 that hold a year, month or day, and custom codes with y, d or a
// month m (quoted text, [colour] and escapes ignored). Time-only formats (18–21, 45–47, h:mm) are
// not dates.
bool IsDateFormat(int num_fmt_id, std::string_view format_code);

}  // namespace ssj::importer

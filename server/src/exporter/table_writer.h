// A streaming sink for one table: a header row, then data rows, written straight to a file so an
// export of a million rows never sits in memory. Two formats: CSV (UTF-8 with a BOM and CRLF, as
// Excel expects) and XLSX (libxlsxwriter in constant-memory mode, every cell a string). One
// writer is used by one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace ssj::exporter {

enum class Format { kCsv, kXlsx };

// "csv" or "xlsx"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view text);
std::string_view FormatName(Format format);  // "csv" | "xlsx"
std::string_view ContentType(Format format);

struct OutputColumn {
  std::string name;
  double width = 16;  // XLSX column width in characters; CSV ignores it
  // XLSX: the column is formatted as text, so that a code or number a user types into it in
  // Excel stays as typed (no 5.00103E+17, no lost leading zero). Every cell is written as a
  // string either way; this costs six bytes of XML per cell, so only code columns ask for it.
  bool text = false;
};

// An XLSX sheet holds 1,048,576 rows, the header included. Past that an export continues on a
// second sheet "<name>（2）" with the same header (and so on): nothing is silently cut. The
// importers read the first sheet only, so a file for re-import should stay under this.
inline constexpr int64_t kXlsxRowsPerSheet = 1'048'575;

class TableWriter {
 public:
  // Creates (or truncates) the file at `path`. `sheet` names the XLSX sheet (at most 31
  // characters are kept); `tmpdir` holds libxlsxwriter's temporary files (one per sheet) and must
  // exist. An unwritable path is an error value.
  static Result<std::unique_ptr<TableWriter>> Open(Format format, const std::string& path,
                                                   const std::string& sheet,
                                                   const std::string& tmpdir);
  virtual ~TableWriter() = default;

  // Writes the header row. Call once, before any Row.
  virtual Status Begin(const std::vector<OutputColumn>& columns) = 0;
  // Writes one row of cells in the header's order; missing cells are empty, extra ones dropped.
  virtual Status Row(const std::vector<std::string>& cells) = 0;
  // Completes the file (XLSX: zips the sheets). The file is only valid after this succeeded.
  virtual Status Finish() = 0;

  int64_t rows() const { return rows_; }

 protected:
  int64_t rows_ = 0;
};

// A CSV cell that Excel would run as a formula (=, +, - or @ followed by something that is not a
// number, such as "=HYPERLINK(…)") gets a leading apostrophe; every other cell is unchanged.
std::string NeutraliseFormula(std::string cell);

// A workbook of one sheet with these rows, as bytes: for small documents answered at once (a
// drawn list, a report's table). Written to a scratch directory and read back.
Result<std::string> Workbook(const std::string& sheet, const std::vector<OutputColumn>& columns,
                             const std::vector<std::vector<std::string>>& rows);

}  // namespace ssj::exporter

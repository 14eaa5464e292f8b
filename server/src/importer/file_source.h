// A file to import, read as records. CSV: the encoding is detected once (BOM, strict UTF-8, else
// GB18030), then every pass converts and parses the file in 1 MiB chunks, so a million-row file
// never sits in memory. XLSX: the first worksheet, streamed row by row (xlsx_reader.h). Cells
// come trimmed (NormalizeCell) either way.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/error.h"
#include "importer/csv_reader.h"

namespace ssj::importer {

// Something wrong with one cell that the reader saw but did not fix: the cell's text is still
// delivered and the caller decides what the problem means for the row (an XLSX formula, an ID
// typed as a number). CSV cells never have any.
struct CellIssue {
  size_t column = 0;    // 0-based index into the row's cells
  std::string cell;     // the cell reference as Excel shows it, e.g. "C5"
  std::string message;  // zh-CN, names the cell
};

// What a record callback looks like: (line, cells, issues) -> Status, or, for callers that do not
// care about issues, (line, cells) -> Status.
template <class F>
concept RecordCallbackWithIssues =
    (std::is_invocable_r_v<Status, F&, size_t, const std::vector<std::string>&,
                           const std::vector<CellIssue>&>);
template <class F>
concept RecordCallbackWithoutIssues =
    (!RecordCallbackWithIssues<F> &&
     std::is_invocable_r_v<Status, F&, size_t, const std::vector<std::string>&>);

// Receives each record with its 1-based line number (the row number for XLSX) and the issues of
// its cells. A two-argument callback never sees the issues, so an import must take the
// three-argument form to report XLSX problems. Sources may call either operator.
class RecordFn {
 public:
  using Cells = std::vector<std::string>;
  using CellIssues = std::vector<CellIssue>;

  template <RecordCallbackWithIssues F>
  RecordFn(F fn) : fn_(std::move(fn)) {}  // NOLINT: implicit, like std::function

  template <RecordCallbackWithoutIssues F>
  RecordFn(F fn)  // NOLINT
      : fn_([fn = std::move(fn)](size_t line, const Cells& cells, const CellIssues&) mutable {
          return fn(line, cells);
        }) {}

  Status operator()(size_t line, const Cells& cells) const { return fn_(line, cells, kNone); }
  Status operator()(size_t line, const Cells& cells, const CellIssues& issues) const {
    return fn_(line, cells, issues);
  }

 private:
  static inline const CellIssues kNone{};
  std::function<Status(size_t, const Cells&, const CellIssues&)> fn_;
};

// Runs a whole pass over the records; may be called again for another pass.
using RecordSource = std::function<Status(const RecordFn& fn)>;

// Opens a CSV file and checks its encoding. Errors name the file (and the line, for mixed
// encodings). `progress`, when given, is called with the bytes read so far in each pass.
Result<RecordSource> CsvFileSource(const std::string& path,
                                   std::function<void(size_t)> progress = {});

// The same over text already in memory (an upload).
Result<RecordSource> CsvTextSource(std::string text);

// Opens an XLSX file and reads its first worksheet, with XlsxReader's default limits. The
// workbook's structure, styles and shared strings are read here; each pass streams the sheet.
// Errors name the file. `progress` gets an estimate of the file's bytes read so far in each pass.
Result<RecordSource> XlsxFileSource(const std::string& path,
                                    std::function<void(size_t)> progress = {});

// The same over a workbook already in memory (an upload); `name` is the file name for errors.
Result<RecordSource> XlsxBufferSource(std::string data, std::string name);

enum class FileFormat {
  kCsv,   // anything that is not one of the others
  kXlsx,  // a zip: starts with "PK\x03\x04"
  kOle,   // an OLE compound file (D0 CF 11 E0): an encrypted workbook or a legacy .xls
};

// The format told by the first bytes of a file (four are enough).
FileFormat SniffFileFormat(std::string_view head);

// Opens CSV or XLSX as told by the file's first bytes; an OLE file is refused with an error that
// says to save it as .xlsx or CSV. `progress` as for the sources above.
Result<RecordSource> OpenFileSource(const std::string& path,
                                    std::function<void(size_t)> progress = {});

// The same over an upload in memory; `name` is the uploaded file's name, for XLSX errors.
Result<RecordSource> OpenBufferSource(std::string data, std::string name);

}  // namespace ssj::importer

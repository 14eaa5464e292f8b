// The problem list of an import as an XLSX workbook, for people who fix the file in Excel: a sheet
// "问题" (行号, 列, 值, 问题, 级别; header bold and frozen, values stored as text so codes keep
// their digits) and a sheet "说明" with the file's name and the counts. Written in libxlsxwriter's
// constant-memory mode, so a list as long as a sheet can hold costs no more memory than a short
// one.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/error.h"

namespace ssj::importer {

// One problem with one cell of the imported file.
struct ProblemLine {
  size_t line = 0;       // the row number in the imported file (the header is line 1)
  std::string column;    // the column's name, as in the file's header
  std::string value;     // the cell's text
  std::string message;   // zh-CN: what is wrong and how to fix it
  bool warning = false;  // a warning does not stop the row; otherwise it is an error
};

// Writes the report to `path`. `file_name` is the imported file's name, shown on "说明";
// `dropped` counts problems that were found but not passed in (an import keeps only the first
// ones), and is shown there too. Problems are written in the order given; beyond what one sheet
// holds (1,048,575 rows under the header) they are counted on "说明" instead. A value longer than
// a cell allows is cut, with "…" at the end. An error only when the file cannot be written.
Status WriteProblemReport(const std::string& path, const std::string& file_name,
                          const std::vector<ProblemLine>& problems, size_t dropped = 0);

// The same report as bytes, for a download.
Result<std::string> ProblemReportBytes(const std::string& file_name,
                                       const std::vector<ProblemLine>& problems,
                                       size_t dropped = 0);

}  // namespace ssj::importer

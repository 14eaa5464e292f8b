// What can be exported, one table entry per kind: its columns (the kind's import columns, in
// their order, so an exported file imports back unchanged with "update existing"), the
// permission it needs, the filter it takes (the list route's query parameter names, with the
// same checks) and how its rows are streamed within the caller's data scope. WriteExport runs one
// kind into a file; the HTTP jobs and the CLI share it.
#pragma once

#include <soci/soci.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "db/database.h"
#include "directory/export.h"
#include "exporter/table_writer.h"
#include "importer/import_engine.h"
#include "org/org_types.h"

namespace ssj::exporter {

// The filter: query parameter name → value, as the kind's list route reads them.
using Params = directory::ExportParams;
using RowFn = std::function<void(importer::Row&&)>;

struct Context {
  soci::session& sql;
  db::Backend backend = db::Backend::kSqlite;
  const org::Principal* who = nullptr;  // null: no data scope (the CLI)
  int64_t now_millis = 0;               // "today" for filters on validity
};

struct Kind {
  std::string name;        // in the API and the CLI: "targets"
  std::string title;       // zh-CN, for the file and sheet names: "检查对象"
  std::string permission;  // what a user needs to export it: "directory:target:export"
  std::function<const std::vector<importer::Column>&()> columns;
  std::vector<std::string> filter_keys;  // the parameters `filter` understands
  // Checks the filter's values the way the list route does; reads nothing.
  std::function<Status(const Params& filter, int64_t now_millis)> check;
  // Streams every row the filter matches, within the context's data scope, in id order.
  std::function<Status(const Context& c, const Params& filter, const RowFn& fn)> for_each;
};

// Every kind, in the order the CLI lists them.
const std::vector<Kind>& Kinds();
// nullptr for an unknown name.
const Kind* FindKind(std::string_view name);
// "targets、inspectors、…": for error messages.
std::string KindNames();

// The filter's keys and values, checked: a key the kind does not know is an error naming it
// (a mistyped filter must not silently export everything).
Status CheckFilter(const Kind& kind, const Params& filter, int64_t now_millis);

// The file a download is called: "检查对象-20261122.xlsx" and, for old clients,
// "targets-20261122.xlsx" (the date in China).
std::string FileName(const Kind& kind, Format format, int64_t now_millis);
std::string AsciiFileName(const Kind& kind, Format format, int64_t now_millis);

// The header as the writer takes it, with column widths for XLSX.
std::vector<OutputColumn> OutputColumns(const Kind& kind);

struct ExportOptions {
  std::string tmpdir;  // libxlsxwriter's temporary files; must exist
  // Called after each row with the rows written so far.
  std::function<void(int64_t rows)> progress;
  // Checked between rows: when it becomes true the export stops with export.cancelled.
  const std::atomic<bool>* stop = nullptr;
};

// Writes every row of `kind` that the filter matches into `path`, all of it read in one
// read-only transaction (one consistent snapshot, whatever changes meanwhile). Returns the number
// of rows. On any error the partial file is removed. The filter must have passed CheckFilter.
Result<int64_t> WriteExport(const Context& c, const Kind& kind, Format format, const Params& filter,
                            const std::string& path, const ExportOptions& options);

}  // namespace ssj::exporter

// The import that every directory shares (targets of each kind, inspectors, experts,
// exemptions, conflicts). Every row is checked, and the whole file is written in one transaction
// with one audit entry, or nothing is: a file with a bad row writes nothing unless the user asked
// to skip bad rows. The file is read once, streaming, keeping only the problems and a 64-bit
// fingerprint per key. What a row means is the ImportKind's business.
#pragma once

#include <soci/soci.h>

#include <any>
#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_types.h"
#include "common/error.h"
#include "db/database.h"
#include "importer/file_source.h"

namespace ssj::importer {

// A column of an import file, by its zh-CN name (the appendix's, where there is one).
struct Column {
  const char* name;
  bool required_in_header;  // a file without it is refused
  bool required_value;      // a row with it empty is an error
  const char* help = "";    // one line for the template's instructions sheet
};

// One row, cell by cell, in the kind's column order (missing optional columns are empty).
using Row = std::vector<std::string>;

// One problem with one cell of a row; a warning does not stop the row.
struct CellProblem {
  std::string column;  // the zh-CN column name
  std::string value;
  std::string message;
  bool warning = false;
};

// Whether none of the problems is an error (warnings do not stop a row).
bool NoErrors(const std::vector<CellProblem>& problems);

// Cell helpers shared by the kinds.
// "a、b、c": a dictionary's entries for a message.
template <size_t N>
std::string ListOf(const char* const (&items)[N]) {
  std::string out;
  for (const char* item : items) out += (out.empty() ? "" : "、") + std::string(item);
  return out;
}
// Splits a cell on the separators people use in one: 、，, ；; and |; trims each part.
std::vector<std::string> SplitList(const std::string& cell);
// One CSV line for Excel (CRLF), each cell quoted when it holds a comma, quote or line break.
std::string CsvLine(const std::vector<std::string>& cells);
// Why a (normalised) phone number is not one; nullopt when it is, or is empty.
std::optional<std::string> PhoneProblem(const std::string& phone);

// A row after its check: its key (what makes it unique and what "update existing" matches) and
// its problems.
struct CheckedRow {
  std::string key;
  std::vector<CellProblem> problems;
  // What the kind made of the row, handed back to its Write (so a row is checked once).
  std::any checked;
  bool ok() const { return NoErrors(problems); }
};

struct ImportOptions {
  bool skip_invalid = false;     // commit the good rows even when some are bad
  bool update_existing = false;  // a key already stored updates that record
  audit::Actor actor;
  int64_t now_millis = 0;
  std::string file_name;
  // Called every 10 000 rows checked (1, rows so far) and once after the commit (2, rows
  // written).
  std::function<void(int, int64_t)> progress;
};

struct RowProblem {
  size_t line = 0;
  std::string column;
  std::string value;
  std::string message;
  bool warning = false;
};

struct ImportReport {
  int64_t rows = 0;
  int64_t invalid_rows = 0;
  int64_t inserted = 0;
  int64_t updated = 0;
  bool committed = false;
  std::vector<RowProblem> problems;  // errors and warnings, by line
  int64_t problems_dropped = 0;      // beyond the report's limit
};

// What one kind of import knows: its columns, how a row is checked, how keys are found and rows
// written. Check and Write may look things up through the session the kind was made with.
class ImportKind {
 public:
  virtual ~ImportKind() = default;
  virtual const std::vector<Column>& Columns() const = 0;
  // Where the columns come from, for the header error ("附录 B.1").
  virtual std::string Source() const = 0;
  // The column that holds the key, for duplicate and existing-key problems.
  virtual std::string KeyColumn() const = 0;
  virtual CheckedRow Check(const Row& row) = 0;
  // Whether Check may run on another thread than the writes (it touches no session and nothing
  // Write changes): the file is then read and checked while earlier rows are written.
  virtual bool CheckOffThread() const { return false; }
  // Whether rows checked off the thread should still reach the writes in runs sorted by key
  // (RecordPipe::kRun): they help while a unique index on the key is written row by row.
  virtual bool WantsKeyOrder() const { return true; }
  // Inside the transaction, before the first row is checked.
  virtual void BeginWrite(const std::string& now, std::optional<int64_t> by) = 0;
  // Writes a row that passed Check, with what Check answered: inserts it, or, when its key is
  // already stored and `update_existing`, updates that record. kExists when it is stored and
  // may not be updated; kChanged when the row no longer passes its check (data it depends on
  // changed meanwhile).
  enum class Written { kInserted, kUpdated, kExists, kChanged };
  // Write may take what it needs out of `checked`.
  virtual Written Write(const Row& row, CheckedRow& checked, bool update_existing) = 0;
  // The same for several rows at once, in order, with one outcome each: a kind that writes
  // faster in batches says so here. Runs Write on each by default.
  struct Pending {
    const Row* row;
    CheckedRow* checked;
  };
  virtual std::vector<Written> WriteMany(const std::vector<Pending>& rows, bool update_existing);
  // Whether `key` is stored: for the rows checked once writing has stopped (a bad row, and bad
  // rows are not skipped), which are still reported when they name a stored key.
  virtual bool Exists(const std::string& key) = 0;
  // After the last row was written, before the commit: work the kind left for the end.
  virtual void FinishWrite() {}
  // Whether every reference the kind's rows make was resolved in BeginWrite or later, inside the
  // transaction, where on SQLite (which holds the write lock) nothing can remove its target.
  // SQLite then skips its own foreign-key checks for the import: they are per row and, in a
  // statement that inserts several rows, make SQLite journal every page the statement touches,
  // in case a later row fails. That journal was a sixth of a million-row import.
  virtual bool ChecksOwnReferences() const { return false; }
  // The audit entry: permission, object type and the kind's name in the entry's details.
  struct AuditNames {
    std::string permission;
    std::string object_type;
    std::string kind;
  };
  virtual AuditNames Audit() const = 0;
};

// A kind that looks its keys up before writing (the small directories): Write and Exists in
// terms of FindExisting and WriteRow.
class LookupKind : public ImportKind {
 public:
  // Which of `keys` are already stored, with their ids.
  virtual std::map<std::string, int64_t> FindExisting(const std::vector<std::string>& keys) = 0;
  // Inserts the row, or updates the record `existing`; false as for kChanged.
  virtual bool WriteRow(const Row& row, std::optional<int64_t> existing) = 0;

  Written Write(const Row& row, CheckedRow& checked, bool update_existing) final;
  bool Exists(const std::string& key) final;
};

// Runs an import. The result is an error only for what stops the whole file (unreadable, a
// header without the required columns); bad rows are in the report, and nothing is written when
// there are any unless `skip_invalid`.
Result<ImportReport> RunImport(soci::session& sql, db::Backend backend, const RecordSource& source,
                               const ImportOptions& options, ImportKind& kind);

// The report as the API answers it.
boost::json::value ReportJson(const ImportReport& report);
// The report's problems as an XLSX workbook (xlsx_report.h), for Excel users.
Status WriteReportWorkbook(const std::string& path, const std::string& file_name,
                           const ImportReport& report);
Result<std::string> ReportWorkbookBytes(const std::string& file_name, const ImportReport& report);

}  // namespace ssj::importer

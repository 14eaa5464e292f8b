#include "importer/import_engine.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <functional>
#include <string_view>

#include "audit/audit_repo.h"
#include "common/clock.h"
#include "importer/record_pipe.h"
#include "importer/xlsx_report.h"

namespace ssj::importer {
namespace {

// The report keeps at most this many problems; the count of the rest is reported.
constexpr size_t kMaxProblems = 100000;

// 64 bits of a hash of the key. Two different keys of a file share a fingerprint with odds of
// about n²/2⁶⁵ (3 in 100 million for a million keys) for any good 64-bit hash; libstdc++'s
// (MurmurHash64A) costs a tenth of SHA-256 per key and allocates nothing.
uint64_t Fingerprint(const std::string& key) { return std::hash<std::string_view>{}(key); }

// The line on which each key was first seen, by the key's fingerprint: open addressing in one
// array, because a node per row (std::unordered_map) cost a million allocations and as many
// frees on a large import.
class FirstLines {
 public:
  // The line that had `fingerprint` first, or 0 after remembering it for `line`.
  size_t Seen(uint64_t fingerprint, size_t line) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    Slot* slot = Find(fingerprint);
    if (slot->line) return slot->line;
    *slot = {fingerprint, line};
    ++used_;
    return 0;
  }

 private:
  struct Slot {
    uint64_t fingerprint = 0;
    size_t line = 0;  // 0: empty (lines start at 1)
  };
  Slot* Find(uint64_t fingerprint) {
    size_t mask = slots_.size() - 1;
    for (size_t i = fingerprint & mask;; i = (i + 1) & mask) {
      if (!slots_[i].line || slots_[i].fingerprint == fingerprint) return &slots_[i];
    }
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
    for (const Slot& s : old) {
      if (s.line) *Find(s.fingerprint) = s;
    }
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

// Where each of the kind's columns sits in the file; -1 when the file has no such column.
Result<std::vector<int>> MapHeader(const ImportKind& kind, const std::vector<std::string>& header) {
  const auto& columns = kind.Columns();
  std::vector<int> position(columns.size(), -1);
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    if (name.empty() || name == "序号") continue;  // the appendix tables number their rows
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const Column& c) { return name == c.name; });
    if (it == columns.end()) {
      return Error::InvalidField("header",
                                 "第 1 行表头有未知的列“" + name + "”（第 " +
                                     std::to_string(i + 1) + " 列），请使用导入模板",
                                 name);
    }
    size_t col = static_cast<size_t>(it - columns.begin());
    if (position[col] >= 0)
      return Error::InvalidField("header", "表头中“" + name + "”出现了两次", name);
    position[col] = static_cast<int>(i);
  }
  std::string missing;
  for (size_t col = 0; col < columns.size(); ++col) {
    if (columns[col].required_in_header && position[col] < 0)
      missing += (missing.empty() ? "" : "、") + std::string(columns[col].name);
  }
  if (!missing.empty()) {
    return Error::InvalidField(
        "header", "表头缺少必需的列：" + missing + "（见" + kind.Source() + "）", missing);
  }
  return position;
}

// The kind's columns from the file's cells, which it takes (each file column feeds one column).
Row Arrange(const std::vector<int>& position, std::vector<std::string>& cells) {
  Row row(position.size());
  for (size_t col = 0; col < position.size(); ++col) {
    if (position[col] >= 0 && static_cast<size_t>(position[col]) < cells.size())
      row[col] = std::move(cells[position[col]]);
  }
  return row;
}

bool Blank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

// The connection's settings while it imports, taken back afterwards (it returns to the pool).
// SQLite spills a transaction's dirty pages to the WAL as soon as its page cache (2 MB by
// default) fills; a big import touches several indexes, so it gets room. Foreign-key checks go
// off when the kind checks its references itself (ImportKind::ChecksOwnReferences); SQLite
// ignores the pragma inside a transaction, so this is set before BEGIN and reset after the end.
//
// When no other connection has the SQLite database open (`ssj import` with the server
// stopped), the import writes with a rollback journal instead of the WAL. In WAL mode every
// page is written twice: to the WAL, then by the checkpoint into the database; with a rollback
// journal the pages an import adds at the end of the file are written once, and only the pages
// it changes are copied to the journal first. A million rows took 0.8 s less. The journal is as
// safe (synchronous=FULL, as SQLite advises for that mode), but no other process can read the
// database until the import ends, and one that opens it meanwhile is told so
// (db::Database::Open). SQLite refuses to leave WAL mode while another connection is open, so
// an import beside a running server, and the server's own imports, keep the WAL.
class ImportSettings {
 public:
  ImportSettings(soci::session& sql, db::Backend backend, bool own_references)
      : sql_(sql),
        sqlite_(backend == db::Backend::kSqlite),
        foreign_keys_off_(sqlite_ && own_references) {
    if (!sqlite_) return;
    sql_ << "PRAGMA cache_size = -262144";
    if (foreign_keys_off_) sql_ << "PRAGMA foreign_keys = OFF";
    try {
      std::string mode;
      sql_ << "PRAGMA journal_mode = DELETE", soci::into(mode);
      rollback_journal_ = mode == "delete";
    } catch (const soci::soci_error&) {
      // "database is locked": another connection has it open; the WAL stays.
    }
    if (rollback_journal_) sql_ << "PRAGMA synchronous = FULL";
  }
  ~ImportSettings() {
    if (!sqlite_) return;
    try {
      sql_ << "PRAGMA cache_size = -2000";
      if (foreign_keys_off_) sql_ << "PRAGMA foreign_keys = ON";
      if (rollback_journal_) {
        sql_ << "PRAGMA synchronous = NORMAL";
        // Should another process have opened the database meanwhile, this fails, and the
        // database stays in rollback-journal mode until the next db::Database::Open.
        sql_ << "PRAGMA journal_mode = WAL";
      }
    } catch (const std::exception&) {
    }
  }

 private:
  soci::session& sql_;
  bool sqlite_;
  bool foreign_keys_off_;
  bool rollback_journal_ = false;
};

}  // namespace

std::vector<std::string> SplitList(const std::string& cell) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    size_t b = current.find_first_not_of(' '), e = current.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(current.substr(b, e - b + 1));
    current.clear();
  };
  for (size_t i = 0; i < cell.size();) {
    bool sep = false;
    for (std::string_view s : {"、", "，", "；", ",", ";", "|"}) {
      if (cell.compare(i, s.size(), s) == 0) {
        flush();
        i += s.size();
        sep = true;
        break;
      }
    }
    if (!sep) current += cell[i++];
  }
  flush();
  return out;
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) line += ',';
    const std::string& value = cells[i];
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
      line += value;
      continue;
    }
    line += '"';
    for (char c : value) line += c == '"' ? std::string("\"\"") : std::string(1, c);
    line += '"';
  }
  return line + "\r\n";
}

std::optional<std::string> PhoneProblem(const std::string& phone) {
  if (phone.empty()) return std::nullopt;
  if (phone.size() < 7 || phone.size() > 20 ||
      phone.find_first_not_of("0123456789-+()转") != std::string::npos) {
    return "联系电话应为 7–20 位数字，可含 - 和 +";
  }
  return std::nullopt;
}

bool NoErrors(const std::vector<CellProblem>& problems) {
  return std::none_of(problems.begin(), problems.end(),
                      [](const CellProblem& p) { return !p.warning; });
}

Result<ImportReport> RunImport(soci::session& sql, db::Backend backend, const RecordSource& source,
                               const ImportOptions& options, ImportKind& kind) {
  ImportReport report;
  auto add_problem = [&](size_t line, CellProblem p) {
    if (report.problems.size() >= kMaxProblems) {
      ++report.problems_dropped;
      return;
    }
    report.problems.push_back(
        {line, std::move(p.column), std::move(p.value), std::move(p.message), p.warning});
  };

  // One pass inside one transaction: each row is checked, and a good row is written at once.
  // Until the commit nobody else sees the rows, so "check every row, then write" holds for
  // everyone else, while the file is read once and a row is checked once. When a row turns out
  // bad and bad rows are not to be skipped, writing stops (the rest is still checked, for the
  // report) and the transaction rolls back.
  ImportSettings settings(sql, backend, kind.ChecksOwnReferences());
  db::Transaction tx(sql, backend);
  kind.BeginWrite(FormatIsoMillis(options.now_millis), options.actor.user_id);
  bool writing = true;
  auto mark_bad = [&] {
    ++report.invalid_rows;
    if (!options.skip_invalid) writing = false;
  };

  auto exists_problem = [&](size_t line, const std::string& key) {
    add_problem(
        line,
        {kind.KeyColumn(), key,
         "名录库中已有此" + kind.KeyColumn() + "的记录；如需更新，请选择“更新已有对象”", false});
    mark_bad();
  };
  // The good rows of a batch: written together once the batch is checked, or only looked up
  // once writing has stopped.
  std::vector<ImportKind::Pending> pending;
  std::vector<size_t> pending_lines;
  auto write_pending = [&]() -> Status {
    // Whether this batch is written, decided once: a stored key in it stops the writing of later
    // batches, but the rows after it in this one went in with it and have their own outcome
    // (looking them up instead would find them, and call them stored).
    const bool wrote = writing;
    std::vector<ImportKind::Written> written;
    if (wrote) written = kind.WriteMany(pending, options.update_existing);
    for (size_t i = 0; i < pending.size(); ++i) {
      const size_t line = pending_lines[i];
      const std::string& key = pending[i].checked->key;
      if (!wrote) {
        if (!options.update_existing && kind.Exists(key)) exists_problem(line, key);
        continue;
      }
      switch (written[i]) {
        case ImportKind::Written::kInserted:
          ++report.inserted;
          break;
        case ImportKind::Written::kUpdated:
          ++report.updated;
          break;
        case ImportKind::Written::kExists:
          exists_problem(line, key);
          break;
        case ImportKind::Written::kChanged:
          // Check passed a moment ago: only a concurrent change to what it looked up gets here.
          return Error{ErrorKind::kConflict,
                       "import.changed",
                       "第 " + std::to_string(line) +
                           " 行所依据的数据在导入过程中发生了变化，未导入任何数据，请重新导入",
                       {}};
      }
    }
    pending.clear();
    pending_lines.clear();
    return OkStatus();
  };

  // Turns a record into a checked row and finds keys the file repeats: on the reader's thread
  // when the kind's Check may run there, so all of this overlaps with writing. Runs over the
  // records in file order.
  FirstLines first_lines;
  std::vector<int> position;
  std::vector<std::string> header;
  std::optional<Error> header_error;
  bool header_seen = false;
  auto prepare = [&](PipedRecord& record) {
    const std::vector<std::string>& cells = record.cells;
    if (!header_seen) {
      header_seen = true;
      auto mapped = MapHeader(kind, cells);
      if (!mapped.ok()) {
        header_error = mapped.take_error();
        return false;  // stops the reader
      }
      position = std::move(*mapped);
      header = cells;
      return true;
    }
    if (Blank(cells)) return true;
    // What the workbook itself got wrong (a formula, an ID Excel turned into 5.00103E+17) makes
    // the row bad, whatever the kind thinks of the value. Quoted before the cells move on.
    std::vector<CellProblem> issues;
    for (const CellIssue& issue : record.issues) {
      const std::string column = issue.column < header.size() && !header[issue.column].empty()
                                     ? header[issue.column]
                                     : issue.cell;
      issues.push_back(
          {column, issue.column < cells.size() ? cells[issue.column] : "", issue.message, false});
    }
    record.row = Arrange(position, record.cells);
    record.checked = kind.Check(record.row);
    if (!record.checked->key.empty())
      record.duplicate_of = first_lines.Seen(Fingerprint(record.checked->key), record.line);
    for (CellProblem& p : issues) record.checked->problems.push_back(std::move(p));
    return true;
  };

  const bool off_thread = kind.CheckOffThread();
  // Rows checked on the reader's thread reach the writer in runs sorted by key (see
  // RecordPipe::kRun); nothing here depends on their order, as problems are sorted by line.
  RecordPipe pipe(source, off_thread ? prepare : RecordPipe::Prepare{},
                  off_thread ? [](const PipedRecord& r) -> std::string_view {
                    return r.checked ? std::string_view(r.checked->key) : std::string_view();
                  }
                             : RecordPipe::OrderKey{});
  for (std::vector<PipedRecord> batch = pipe.Next(); !batch.empty(); batch = pipe.Next()) {
    for (PipedRecord& record : batch) {
      if (!off_thread && !prepare(record)) break;
      if (!record.checked) continue;  // the header, or a blank row
      CheckedRow& checked = *record.checked;
      ++report.rows;
      bool bad = !checked.ok();
      for (CellProblem& p : checked.problems) add_problem(record.line, std::move(p));
      if (record.duplicate_of) {
        add_problem(record.line, {kind.KeyColumn(), checked.key,
                                  "与第 " + std::to_string(record.duplicate_of) + " 行的" +
                                      kind.KeyColumn() + "重复",
                                  false});
        bad = true;
      } else if (!bad && !checked.key.empty()) {
        pending.push_back({&record.row, &checked});
        pending_lines.push_back(record.line);
      }
      if (bad) mark_bad();
      if (options.progress && report.rows % 10000 == 0) options.progress(1, report.rows);
    }
    SSJ_TRY(write_pending());
    if (off_thread && !kind.WantsKeyOrder()) pipe.KeepFileOrder();
    if (header_error) return std::move(*header_error);
    pipe.Recycle(std::move(batch));
  }
  if (header_error) return std::move(*header_error);
  SSJ_TRY(pipe.Finish());
  if (!header_seen) return Error::InvalidField("file", "文件是空的，没有表头");
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.line < b.line; });
  if (options.progress) options.progress(1, report.rows);
  if (!writing) {
    report.inserted = report.updated = 0;
    return report;  // rolls back
  }

  kind.FinishWrite();
  const ImportKind::AuditNames names = kind.Audit();
  audit::Append(sql, options.actor,
                {names.permission, names.object_type, options.file_name, nullptr,
                 boost::json::object{{"file", options.file_name},
                                     {"kind", names.kind},
                                     {"rows", report.rows},
                                     {"inserted", report.inserted},
                                     {"updated", report.updated},
                                     {"skipped_invalid", report.invalid_rows}}},
                options.now_millis);
  tx.Commit();
  report.committed = true;
  if (options.progress) options.progress(2, report.inserted + report.updated);
  return report;
}

std::vector<ImportKind::Written> ImportKind::WriteMany(const std::vector<Pending>& rows,
                                                       bool update_existing) {
  std::vector<Written> out;
  out.reserve(rows.size());
  for (const Pending& p : rows) out.push_back(Write(*p.row, *p.checked, update_existing));
  return out;
}

ImportKind::Written LookupKind::Write(const Row& row, CheckedRow& checked, bool update_existing) {
  const std::string& key = checked.key;
  auto found = FindExisting({key});
  std::optional<int64_t> existing;
  if (auto it = found.find(key); it != found.end()) existing = it->second;
  if (existing && !update_existing) return Written::kExists;
  if (!WriteRow(row, existing)) return Written::kChanged;
  return existing ? Written::kUpdated : Written::kInserted;
}

bool LookupKind::Exists(const std::string& key) { return !FindExisting({key}).empty(); }

boost::json::value ReportJson(const ImportReport& report) {
  boost::json::array problems;
  for (const RowProblem& p : report.problems) {
    problems.push_back({{"line", p.line},
                        {"column", p.column},
                        {"value", p.value},
                        {"message", p.message},
                        {"level", p.warning ? "warning" : "error"}});
  }
  return {{"rows", report.rows},
          {"invalid_rows", report.invalid_rows},
          {"inserted", report.inserted},
          {"updated", report.updated},
          {"committed", report.committed},
          {"problems", std::move(problems)},
          {"problems_dropped", report.problems_dropped}};
}

namespace {

std::vector<ProblemLine> Lines(const ImportReport& report) {
  std::vector<ProblemLine> lines;
  lines.reserve(report.problems.size());
  for (const RowProblem& p : report.problems)
    lines.push_back({p.line, p.column, p.value, p.message, p.warning});
  return lines;
}

}  // namespace

Status WriteReportWorkbook(const std::string& path, const std::string& file_name,
                           const ImportReport& report) {
  return WriteProblemReport(path, file_name, Lines(report),
                            static_cast<size_t>(report.problems_dropped));
}

Result<std::string> ReportWorkbookBytes(const std::string& file_name, const ImportReport& report) {
  return ProblemReportBytes(file_name, Lines(report), static_cast<size_t>(report.problems_dropped));
}

}  // namespace ssj::importer

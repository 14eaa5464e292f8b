#include "importer/import_engine.h"

#include <openssl/sha.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <unordered_map>

#include "audit/audit_repo.h"
#include "common/clock.h"
#include "importer/xlsx_report.h"

namespace ssj::importer {
namespace {

// The report keeps at most this many problems; the count of the rest is reported.
constexpr size_t kMaxProblems = 100000;
// Keys are looked up in the database this many at a time.
constexpr size_t kLookupBatch = 500;

uint64_t Fingerprint(const std::string& key) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest);
  uint64_t v;
  std::memcpy(&v, digest, sizeof v);
  return v;
}

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

Row Arrange(const std::vector<int>& position, const std::vector<std::string>& cells) {
  Row row(position.size());
  for (size_t col = 0; col < position.size(); ++col) {
    if (position[col] >= 0 && static_cast<size_t>(position[col]) < cells.size())
      row[col] = cells[position[col]];
  }
  return row;
}

bool Blank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

// SQLite spills a transaction's dirty pages to the WAL as soon as its page cache (2 MB by
// default) fills; a big import touches several indexes, so give this connection room while it
// imports, and take it back afterwards.
class ImportCache {
 public:
  ImportCache(soci::session& sql, db::Backend backend)
      : sql_(sql), sqlite_(backend == db::Backend::kSqlite) {
    if (sqlite_) sql_ << "PRAGMA cache_size = -131072";
  }
  ~ImportCache() {
    if (sqlite_) sql_ << "PRAGMA cache_size = -2000";
  }

 private:
  soci::session& sql_;
  bool sqlite_;
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
  std::vector<int> position;
  auto add_problem = [&](size_t line, CellProblem p) {
    if (report.problems.size() >= kMaxProblems) {
      ++report.problems_dropped;
      return;
    }
    report.problems.push_back(
        {line, std::move(p.column), std::move(p.value), std::move(p.message), p.warning});
  };

  // Phase 1: check every row. Only problems, key fingerprints and the rows that update a stored
  // record are kept in memory. Keys are looked up in batches.
  std::unordered_map<uint64_t, size_t> first_line;  // key fingerprint -> line
  std::vector<size_t> bad_lines;
  std::unordered_map<size_t, int64_t> existing_at;      // line -> the record it updates
  std::vector<std::pair<size_t, std::string>> pending;  // (line, key) to look up
  auto look_up_pending = [&] {
    std::vector<std::string> keys;
    for (const auto& [line, key] : pending) keys.push_back(key);
    auto found = kind.FindExisting(keys);
    for (const auto& [line, key] : pending) {
      auto it = found.find(key);
      if (it == found.end()) continue;
      if (options.update_existing) {
        existing_at[line] = it->second;
      } else {
        add_problem(line, {kind.KeyColumn(), key,
                           "名录库中已有此" + kind.KeyColumn() +
                               "的记录；如需更新，请选择"
                               "“更新已有对象”",
                           false});
        ++report.invalid_rows;
        bad_lines.push_back(line);
      }
    }
    pending.clear();
  };
  bool header_seen = false;
  std::vector<std::string> header;
  Status read = source([&](size_t line, const std::vector<std::string>& cells,
                           const std::vector<CellIssue>& issues) -> Status {
    if (!header_seen) {
      SSJ_ASSIGN(position, MapHeader(kind, cells));
      header = cells;
      header_seen = true;
      return OkStatus();
    }
    if (Blank(cells)) return OkStatus();
    ++report.rows;
    CheckedRow checked = kind.Check(Arrange(position, cells));
    // What the workbook itself got wrong (a formula, an ID Excel turned into 5.00103E+17) makes
    // the row bad, whatever the kind thinks of the value.
    for (const CellIssue& issue : issues) {
      const std::string column = issue.column < header.size() && !header[issue.column].empty()
                                     ? header[issue.column]
                                     : issue.cell;
      checked.problems.push_back(
          {column, issue.column < cells.size() ? cells[issue.column] : "", issue.message, false});
    }
    bool bad = !checked.ok();
    for (CellProblem& p : checked.problems) add_problem(line, std::move(p));
    if (!checked.key.empty()) {
      auto [it, fresh] = first_line.emplace(Fingerprint(checked.key), line);
      if (!fresh) {
        add_problem(
            line,
            {kind.KeyColumn(), checked.key,
             "与第 " + std::to_string(it->second) + " 行的" + kind.KeyColumn() + "重复", false});
        bad = true;
      } else if (!bad) {
        pending.emplace_back(line, checked.key);
        if (pending.size() == kLookupBatch) look_up_pending();
      }
    }
    if (bad) {
      ++report.invalid_rows;
      bad_lines.push_back(line);
    }
    if (options.progress && report.rows % 10000 == 0) options.progress(1, report.rows);
    return OkStatus();
  });
  if (!read.ok()) return read.take_error();
  if (!header_seen) return Error::InvalidField("file", "文件是空的，没有表头");
  look_up_pending();
  std::sort(bad_lines.begin(), bad_lines.end());
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.line < b.line; });
  if (options.progress) options.progress(1, report.rows);
  if (report.invalid_rows > 0 && !options.skip_invalid) return report;

  // Phase 2: write the good rows in one transaction, with one audit entry.
  ImportCache cache(sql, backend);
  db::Transaction tx(sql, backend);
  kind.BeginWrite(FormatIsoMillis(options.now_millis), options.actor.user_id);
  size_t bad_index = 0;
  int64_t done = 0;
  bool header_done = false;
  read = source([&](size_t line, const std::vector<std::string>& cells) -> Status {
    if (!header_done) {
      header_done = true;
      return OkStatus();
    }
    if (Blank(cells)) return OkStatus();
    ++done;
    while (bad_index < bad_lines.size() && bad_lines[bad_index] < line) ++bad_index;
    if (bad_index < bad_lines.size() && bad_lines[bad_index] == line) return OkStatus();
    std::optional<int64_t> existing;
    if (auto it = existing_at.find(line); it != existing_at.end()) existing = it->second;
    if (!kind.Write(Arrange(position, cells), existing)) {
      // The file or the data changed since the check: write nothing.
      return Error{
          ErrorKind::kConflict,
          "import.changed",
          "第 " + std::to_string(line) + " 行在校验后发生了变化，未导入任何数据，请重新导入",
          {}};
    }
    ++(existing ? report.updated : report.inserted);
    if (options.progress && done % 10000 == 0) options.progress(2, done);
    return OkStatus();
  });
  if (!read.ok()) return read.take_error();  // rolls back
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
  if (options.progress) options.progress(2, done);
  return report;
}

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

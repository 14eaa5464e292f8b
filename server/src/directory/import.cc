#include "directory/import.h"

#include <openssl/sha.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <unordered_map>

#include "audit/audit_repo.h"
#include "common/clock.h"
#include "directory/directory.h"
#include "directory/directory_repo.h"

namespace ssj::directory {
namespace {

// The report keeps at most this many problems; the count of the rest is reported.
constexpr size_t kMaxProblems = 100000;

uint64_t Fingerprint(const std::string& code) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(code.data()), code.size(), digest);
  uint64_t v;
  std::memcpy(&v, digest, sizeof v);
  return v;
}

// Where each known column sits in the file; -1 when the file has no such column.
Result<std::vector<int>> MapHeader(const std::vector<std::string>& header) {
  const auto& columns = EntityColumns();
  std::vector<int> position(columns.size(), -1);
  for (size_t i = 0; i < header.size(); ++i) {
    std::string name = header[i];
    if (name.empty()) continue;
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
  if (!missing.empty())
    return Error::InvalidField("header", "表头缺少必需的列：" + missing + "（见附录 B.1）",
                               missing);
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

}  // namespace

Result<ImportReport> ImportEntities(soci::session& sql, db::Backend backend,
                                    const RecordSource& source, const ImportOptions& options) {
  ImportReport report;
  std::vector<int> position;
  // 监管部门 repeats down a file: look each name up once.
  std::unordered_map<std::string, std::optional<int64_t>> departments;
  auto lookup = [&](const std::string& key) {
    auto it = departments.find(key);
    if (it == departments.end())
      it = departments.emplace(key, repo::DepartmentByCodeOrName(sql, key)).first;
    return it->second;
  };
  auto add_problem = [&](size_t line, const CellProblem& p) {
    if (report.problems.size() >= kMaxProblems) {
      ++report.problems_dropped;
      return;
    }
    report.problems.push_back({line, p.column, p.value, p.message, p.warning});
  };

  // Phase 1: check every row. Only problems, code fingerprints and the rows that update an
  // existing target are kept in memory. Codes are looked up in the directory in batches.
  std::unordered_map<uint64_t, size_t> first_line;  // code fingerprint -> line
  std::vector<size_t> bad_lines;
  std::unordered_map<size_t, repo::Existing> existing_at;  // line -> the target it updates
  std::vector<std::pair<size_t, std::string>> pending;     // (line, code) to look up
  auto look_up_pending = [&] {
    std::vector<std::string> codes;
    for (const auto& [line, code] : pending) codes.push_back(code);
    auto found = repo::FindMany(sql, "entity", codes);
    for (const auto& [line, code] : pending) {
      auto it = found.find(code);
      if (it == found.end()) continue;
      if (options.update_existing) {
        existing_at[line] = it->second;
      } else {
        add_problem(line, {"行政相对人编码", code,
                           "名录库中已有此编码的对象；如需更新，请选择“更新已有对象”", false});
        ++report.invalid_rows;
        bad_lines.push_back(line);
      }
    }
    pending.clear();
  };
  bool header_seen = false;
  Status read = source([&](size_t line, const std::vector<std::string>& cells) -> Status {
    if (!header_seen) {
      SSJ_ASSIGN(position, MapHeader(cells));
      header_seen = true;
      return OkStatus();
    }
    if (Blank(cells)) return OkStatus();
    ++report.rows;
    Checked checked = CheckEntity(Arrange(position, cells), options.default_department, lookup);
    if (checked.ok() && options.department_allowed &&
        !options.department_allowed(checked.input.department_id)) {
      checked.problems.push_back({"监管部门", Arrange(position, cells)[EntityColumns().size() - 1],
                                  "该部门不在您的数据范围内，不能为其登记检查对象", false});
    }
    for (const CellProblem& p : checked.problems) add_problem(line, p);
    bool bad = !checked.ok();
    const std::string& code = checked.input.code;
    if (!code.empty()) {
      auto [it, fresh] = first_line.emplace(Fingerprint(code), line);
      if (!fresh) {
        add_problem(line, {"行政相对人编码", code,
                           "与第 " + std::to_string(it->second) + " 行的编码重复", false});
        bad = true;
      } else if (!bad) {
        pending.emplace_back(line, code);
        if (pending.size() == 500) look_up_pending();
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
  const std::string now = FormatIsoMillis(options.now_millis);
  // SQLite spills a transaction's dirty pages to the WAL as soon as its page cache (2 MB by
  // default) fills; a million rows touch ten indexes, so give this connection room while it
  // imports, and take it back afterwards.
  struct CacheSize {
    soci::session& sql;
    bool sqlite;
    CacheSize(soci::session& s, bool is_sqlite) : sql(s), sqlite(is_sqlite) {
      if (sqlite) sql << "PRAGMA cache_size = -131072";
    }
    ~CacheSize() {
      if (sqlite) sql << "PRAGMA cache_size = -2000";
    }
  } cache(sql, backend == db::Backend::kSqlite);
  db::Transaction tx(sql, backend);
  repo::Writer writer(sql, options.actor.user_id, now, "import");
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
    Checked checked = CheckEntity(Arrange(position, cells), options.default_department, lookup);
    if (!checked.ok()) {  // the file or the departments changed since the check: write nothing
      return Error{
          ErrorKind::kConflict,
          "import.changed",
          "第 " + std::to_string(line) + " 行在校验后发生了变化，未导入任何数据，请重新导入",
          {}};
    }
    if (auto it = existing_at.find(line); it != existing_at.end()) {
      writer.Update(it->second, checked.input);
      ++report.updated;
    } else {
      writer.Insert(checked.input);
      ++report.inserted;
    }
    if (options.progress && done % 10000 == 0) options.progress(2, done);
    return OkStatus();
  });
  if (!read.ok()) return read.take_error();  // rolls back
  audit::Append(sql, options.actor,
                {"directory:target:import", "target_import", options.file_name, nullptr,
                 boost::json::object{{"file", options.file_name},
                                     {"kind", "entity"},
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

}  // namespace ssj::directory

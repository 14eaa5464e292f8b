#include "directory/import.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "directory/directory.h"
#include "directory/directory_repo.h"
#include "directory/name_index.h"

namespace ssj::directory {
namespace {

class TargetImport : public importer::ImportKind {
 public:
  TargetImport(soci::session& sql, db::Backend backend, const ImportOptions& options)
      : sql_(sql),
        options_(options),
        kind_(Info(options.kind).kind),
        may_defer_code_index_(backend == db::Backend::kSqlite && !options.update_existing) {
    const auto& columns = TargetColumns(options.kind);
    department_column_ = static_cast<size_t>(
        std::find_if(columns.begin(), columns.end(),
                     [](const Column& c) { return std::string_view(c.name) == "监管部门"; }) -
        columns.begin());
  }

  const std::vector<Column>& Columns() const override { return TargetColumns(options_.kind); }
  std::string Source() const override { return Info(options_.kind).appendix; }
  std::string KeyColumn() const override { return Info(options_.kind).key_column; }

  importer::CheckedRow Check(const Row& row) override {
    CheckContext context{options_.default_department,
                         [&](const std::string& key) {
                           auto it = departments_.find(key);
                           return it == departments_.end() ? std::nullopt
                                                           : std::optional<int64_t>(it->second);
                         },
                         options_.today};
    Checked checked = CheckTarget(options_.kind, row, context);
    if (checked.ok() && !allowed_.contains(checked.input.department_id)) {
      checked.problems.push_back({"监管部门", row[department_column_],
                                  "该部门不在您的数据范围内，不能为其登记检查对象", false});
    }
    return {checked.input.code, std::move(checked.problems), std::move(checked.input)};
  }
  bool CheckOffThread() const override { return true; }
  // Once the code index is deferred, sorting runs by code no longer pays: SQLite's sorter sorts
  // its own runs when it builds the index (docs/benchmarks.md).
  bool WantsKeyOrder() const override { return !code_index_deferred_; }

  void BeginWrite(const std::string& now, std::optional<int64_t> by) override {
    // The departments a 监管部门 cell may name, and which of them the importer may use, are
    // read once, so checking a row needs no database and can run beside the writes. Read inside
    // the transaction: on SQLite it holds the write lock, so none of them can be deleted before
    // the commit, and the rows need no foreign-key check (ChecksOwnReferences).
    db::Query("SELECT id, code, name FROM departments ORDER BY id")
        .ForEach(sql_, [&](const soci::row& row) {
          const int64_t id = db::RowInt(row, 0);
          // Like repo::DepartmentByCodeOrName: the first department whose code or name it is.
          departments_.emplace(db::RowText(row, 1), id);
          departments_.emplace(db::RowText(row, 2), id);
          if (!options_.department_allowed || options_.department_allowed(id)) allowed_.insert(id);
        });
    writer_ = std::make_unique<repo::Writer>(sql_, by, now, "import");
    if (may_defer_code_index_) {
      db::Query("SELECT COALESCE(MAX(id), 0) FROM targets").ForEach(sql_, [&](const soci::row& r) {
        stored_before_ = db::RowInt(r, 0);
      });
    }
  }
  bool ChecksOwnReferences() const override { return true; }

  Written Write(const Row&, importer::CheckedRow& checked, bool update_existing) override {
    auto& input = std::any_cast<TargetInput&>(checked.checked);
    if (update_existing) {
      if (auto existing = repo::Find(sql_, kind_, input.code)) {
        writer_->Update(existing->id, input);
        return Written::kUpdated;
      }
    }
    // The unique (kind, code) index finds a stored code as part of the insert.
    return writer_->Add(input) ? Written::kInserted : Written::kExists;
  }

  std::vector<Written> WriteMany(const std::vector<Pending>& rows, bool update_existing) override {
    if (update_existing) return ImportKind::WriteMany(rows, update_existing);
    MaybeDeferCodeIndex(rows.size());
    std::vector<const TargetInput*> inputs;
    inputs.reserve(rows.size());
    std::vector<Written> out(rows.size(), Written::kInserted);
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& input = std::any_cast<TargetInput&>(rows[i].checked->checked);
      if (code_index_deferred_ && stored_codes_.contains(input.code)) {
        out[i] = Written::kExists;  // the index is not there to say so
        continue;
      }
      inputs.push_back(&input);
    }
    std::vector<bool> inserted = writer_->AddMany(inputs);
    for (size_t i = 0, next = 0; i < rows.size(); ++i) {
      if (out[i] == Written::kExists) continue;
      if (!inserted[next++]) out[i] = Written::kExists;
    }
    inserted_ += static_cast<int64_t>(inputs.size());
    return out;
  }

  bool Exists(const std::string& code) override {
    if (code_index_deferred_) return stored_codes_.contains(code);
    return repo::Find(sql_, kind_, code).has_value();
  }

  // A small import indexes the names it queued (and any others queued) before it commits, so
  // its targets are found by name fragment at once; a large one leaves them to the background
  // indexer (names::IndexPending), which would otherwise double the import's time.
  void FinishWrite() override {
    writer_->Flush();
    constexpr int64_t kIndexNow = 20000;
    if (names::Pending(sql_, kIndexNow + 1) <= kIndexNow) names::IndexQueued(sql_, kIndexNow);
  }

  AuditNames Audit() const override { return {"directory:target:import", "target_import", kind_}; }

 private:
  soci::session& sql_;
  const ImportOptions& options_;
  std::unordered_map<std::string, int64_t> departments_;  // by code and by name
  std::unordered_set<int64_t> allowed_;
  std::unique_ptr<repo::Writer> writer_;
  std::string kind_;
  size_t department_column_ = 0;
  // A large import into a small directory builds the unique (kind, code) index after its rows
  // (Writer::DeferCodeIndex): a million inserts at random places in that index took 2.2 s,
  // building it from the million codes at the end 0.8 s (Writer::Flush). Only on SQLite, where
  // the import holds the write lock anyway; PostgreSQL would lock every reader out of the table
  // for as long. Whether the import is large is known only as it goes, so it starts with the
  // index and drops it once it has written at least kDeferAfter rows and as many as the
  // directory held (building the index again then costs at most about what the import has
  // spent on it so far). The codes stored before it (no more than it has written) are then kept
  // in memory, to tell which rows exist.
  static constexpr int64_t kDeferAfter = 20000;
  static constexpr int64_t kDeferBelow = 200000;  // bounds the codes kept in memory
  void MaybeDeferCodeIndex(size_t coming) {
    if (!may_defer_code_index_ || code_index_deferred_) return;
    const int64_t written = inserted_ + static_cast<int64_t>(coming);
    if (written < kDeferAfter || written < stored_before_ || stored_before_ > kDeferBelow) return;
    db::Query("SELECT code FROM targets WHERE kind = :kind AND id <= :before")
        .Bind("kind", kind_)
        .Bind("before", stored_before_)
        .ForEach(sql_, [&](const soci::row& r) { stored_codes_.insert(db::RowText(r, 0)); });
    writer_->DeferCodeIndex();
    code_index_deferred_ = true;
  }
  bool may_defer_code_index_;
  bool code_index_deferred_ = false;
  int64_t stored_before_ = 0;  // the largest id before the import: at least the targets stored
  int64_t inserted_ = 0;
  std::unordered_set<std::string> stored_codes_;  // of this kind, once the index is deferred
};

}  // namespace

Result<ImportReport> ImportTargets(soci::session& sql, db::Backend backend,
                                   const RecordSource& source, const ImportOptions& options) {
  TargetImport kind(sql, backend, options);
  return importer::RunImport(sql, backend, source, options, kind);
}

Result<ImportReport> ImportEntities(soci::session& sql, db::Backend backend,
                                    const RecordSource& source, const ImportOptions& options) {
  ImportOptions entities = options;
  entities.kind = TargetKind::kEntity;
  return ImportTargets(sql, backend, source, entities);
}

}  // namespace ssj::directory

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
  TargetImport(soci::session& sql, const ImportOptions& options)
      : sql_(sql), options_(options), kind_(Info(options.kind).kind) {
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
    std::vector<const TargetInput*> inputs;
    inputs.reserve(rows.size());
    for (const Pending& p : rows)
      inputs.push_back(&std::any_cast<TargetInput&>(p.checked->checked));
    std::vector<Written> out;
    out.reserve(rows.size());
    for (bool inserted : writer_->AddMany(inputs))
      out.push_back(inserted ? Written::kInserted : Written::kExists);
    return out;
  }

  bool Exists(const std::string& code) override {
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
};

}  // namespace

Result<ImportReport> ImportTargets(soci::session& sql, db::Backend backend,
                                   const RecordSource& source, const ImportOptions& options) {
  TargetImport kind(sql, options);
  return importer::RunImport(sql, backend, source, options, kind);
}

Result<ImportReport> ImportEntities(soci::session& sql, db::Backend backend,
                                    const RecordSource& source, const ImportOptions& options) {
  ImportOptions entities = options;
  entities.kind = TargetKind::kEntity;
  return ImportTargets(sql, backend, source, entities);
}

}  // namespace ssj::directory

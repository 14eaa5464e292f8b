#include "directory/import.h"

#include <memory>
#include <unordered_map>

#include "directory/directory.h"
#include "directory/directory_repo.h"

namespace ssj::directory {
namespace {

class EntityImport : public importer::ImportKind {
 public:
  EntityImport(soci::session& sql, const ImportOptions& options) : sql_(sql), options_(options) {}

  const std::vector<Column>& Columns() const override { return EntityColumns(); }
  std::string Source() const override { return "附录 B.1"; }
  std::string KeyColumn() const override { return "行政相对人编码"; }

  importer::CheckedRow Check(const Row& row) override {
    Checked checked = Run(row);
    return {checked.input.code, std::move(checked.problems)};
  }

  std::map<std::string, int64_t> FindExisting(const std::vector<std::string>& keys) override {
    std::map<std::string, int64_t> out;
    for (const auto& [code, existing] : repo::FindMany(sql_, "entity", keys))
      out[code] = existing.id;
    return out;
  }

  void BeginWrite(const std::string& now, std::optional<int64_t> by) override {
    writer_ = std::make_unique<repo::Writer>(sql_, by, now, "import");
  }

  bool Write(const Row& row, std::optional<int64_t> existing) override {
    Checked checked = Run(row);
    if (!checked.ok()) return false;
    if (existing) {
      writer_->Update(*existing, checked.input);
    } else {
      writer_->Insert(checked.input);
    }
    return true;
  }

  AuditNames Audit() const override {
    return {"directory:target:import", "target_import", "entity"};
  }

 private:
  Checked Run(const Row& row) {
    Checked checked = CheckEntity(row, options_.default_department, [&](const std::string& key) {
      // 监管部门 repeats down a file: look each name up once.
      auto it = departments_.find(key);
      if (it == departments_.end())
        it = departments_.emplace(key, repo::DepartmentByCodeOrName(sql_, key)).first;
      return it->second;
    });
    if (checked.ok() && options_.department_allowed &&
        !options_.department_allowed(checked.input.department_id)) {
      checked.problems.push_back(
          {"监管部门", row.back(), "该部门不在您的数据范围内，不能为其登记检查对象", false});
    }
    return checked;
  }

  soci::session& sql_;
  const ImportOptions& options_;
  std::unordered_map<std::string, std::optional<int64_t>> departments_;
  std::unique_ptr<repo::Writer> writer_;
};

}  // namespace

Result<ImportReport> ImportEntities(soci::session& sql, db::Backend backend,
                                    const RecordSource& source, const ImportOptions& options) {
  EntityImport kind(sql, options);
  return importer::RunImport(sql, backend, source, options, kind);
}

}  // namespace ssj::directory

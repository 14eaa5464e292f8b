#include "report/report_repo.h"

#include "db/database.h"

namespace ssj::report::repo {

using db::Query;
using db::RowText;

std::optional<StoredReport> Get(soci::session& sql, int64_t task_id) {
  std::optional<StoredReport> out;
  Query(
      "SELECT r.sections, r.status, r.figures, COALESCE(u.name, ''), r.updated_at, "
      "COALESCE(f.name, ''), r.finalized_at FROM task_reports r LEFT JOIN users u ON u.id = "
      "r.updated_by LEFT JOIN users f ON f.id = r.finalized_by WHERE r.task_id = :t")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) {
        out = StoredReport{RowText(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3),
                           RowText(row, 4), RowText(row, 5), RowText(row, 6)};
      });
  return out;
}

void Save(soci::session& sql, int64_t task_id, const std::string& sections, int64_t by,
          const std::string& now) {
  Query(
      "INSERT INTO task_reports (task_id, sections, updated_by, updated_at) VALUES (:t, :s, :by, "
      ":now) ON CONFLICT (task_id) DO UPDATE SET sections = excluded.sections, updated_by = "
      "excluded.updated_by, updated_at = excluded.updated_at")
      .Bind("t", task_id)
      .Bind("s", sections)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
}

void Finalize(soci::session& sql, int64_t task_id, const std::string& sections,
              const std::string& figures, int64_t by, const std::string& now) {
  Save(sql, task_id, sections, by, now);
  Query(
      "UPDATE task_reports SET status = 'final', figures = :f, finalized_by = :by, finalized_at "
      "= :now WHERE task_id = :t")
      .Bind("f", figures)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("t", task_id)
      .Exec(sql);
}

void MarkArchived(soci::session& sql, int64_t inspection_id, const std::string& sha256, int64_t by,
                  const std::string& now) {
  Query(
      "UPDATE inspections SET archived_at = :now, archive_sha256 = :h, archived_by = :by WHERE "
      "id = :id")
      .Bind("now", now)
      .Bind("h", sha256)
      .Bind("by", by)
      .Bind("id", inspection_id)
      .Exec(sql);
}

std::pair<std::string, std::string> Archived(soci::session& sql, int64_t inspection_id) {
  std::pair<std::string, std::string> out;
  Query("SELECT archived_at, archive_sha256 FROM inspections WHERE id = :id")
      .Bind("id", inspection_id)
      .ForEach(sql, [&](const soci::row& row) {
        out = {RowText(row, 0), RowText(row, 1)};
      });
  return out;
}

}  // namespace ssj::report::repo

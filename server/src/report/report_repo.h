// SQL of reports and archives (migration 0018). Every function runs inside the caller's
// transaction.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace ssj::report::repo {

struct StoredReport {
  std::string sections;  // JSON object
  std::string status;    // draft | final
  std::string figures;   // JSON, once final
  std::string updated_by_name;
  std::string updated_at;
  std::string finalized_by_name;
  std::string finalized_at;
};
std::optional<StoredReport> Get(soci::session& sql, int64_t task_id);
void Save(soci::session& sql, int64_t task_id, const std::string& sections, int64_t by,
          const std::string& now);
void Finalize(soci::session& sql, int64_t task_id, const std::string& sections,
              const std::string& figures, int64_t by, const std::string& now);

void MarkArchived(soci::session& sql, int64_t inspection_id, const std::string& sha256, int64_t by,
                  const std::string& now);
// archived_at and archive_sha256 of a record ("" when not archived).
std::pair<std::string, std::string> Archived(soci::session& sql, int64_t inspection_id);

}  // namespace ssj::report::repo

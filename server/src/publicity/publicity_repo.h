// SQL of publication (migration 0017): result versions, corrections and objections. Every
// function runs inside the caller's transaction.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "org/org_types.h"

namespace ssj::publicity::repo {

struct ResultRow {
  int64_t id = 0;
  int64_t inspection_id = 0;
  int64_t version = 1;
  bool current = true;
  int64_t task_id = 0;
  std::string task_code;
  std::string task_name;
  std::string target_code;
  std::string target_name;
  std::string department_name;
  std::string inspected_on;
  std::string summary;
  bool problem = false;
  std::string content;  // JSON
  std::string reason;
  std::string published_at;
  std::string first_published_at;  // of version 1
};

struct NewResult {
  int64_t inspection_id = 0;
  int64_t task_id = 0;
  int64_t target_id = 0;
  std::string target_code;
  std::string target_name;
  int64_t department_id = 0;
  std::string inspected_on;
  std::string summary;
  bool problem = false;
  std::string content;
  std::string reason;
};
// Adds the next version of the record's result and makes it the one in force.
int64_t AddVersion(soci::session& sql, const NewResult& result, int64_t by, const std::string& now);

std::optional<ResultRow> Current(soci::session& sql, int64_t inspection_id);
std::optional<ResultRow> GetResult(soci::session& sql, int64_t id);
// Oldest first.
std::vector<ResultRow> Versions(soci::session& sql, int64_t inspection_id);
// Results in force whose code is `q` (upper-cased) or whose name contains it; newest first.
db::Page<ResultRow> Search(soci::session& sql, const std::string& q, int64_t page,
                           int64_t page_size);
// The target's kind, nature, code and name (for masking).
struct TargetFacts {
  std::string kind;
  std::string nature;
  std::string code;
  std::string name;
};
std::optional<TargetFacts> Target(soci::session& sql, int64_t target_id);

// --- Corrections -----------------------------------------------------------------------------

struct Correction {
  int64_t id = 0;
  int64_t inspection_id = 0;
  int64_t result_id = 0;
  std::optional<int64_t> objection_id;
  int64_t task_id = 0;
  std::string task_code;
  std::string target_name;
  std::string reason;
  std::string items;  // JSON
  std::string status;
  int64_t requested_by = 0;
  std::string requested_by_name;
  std::string requested_at;
  std::string decided_by_name;
  std::string decided_at;
  std::string decision_reason;
};
int64_t AddCorrection(soci::session& sql, const Correction& c);
std::optional<Correction> GetCorrection(soci::session& sql, int64_t id);
bool HasPendingCorrection(soci::session& sql, int64_t inspection_id);
// Of tasks in the caller's scope; `status` empty for all.
std::vector<Correction> ListCorrections(soci::session& sql, const org::Principal* who,
                                        const std::string& status);
void DecideCorrection(soci::session& sql, int64_t id, bool approve, int64_t by,
                      const std::string& reason, const std::string& now);

// --- Objections ------------------------------------------------------------------------------

struct Objection {
  int64_t id = 0;
  int64_t result_id = 0;
  int64_t inspection_id = 0;
  int64_t task_id = 0;
  std::string task_code;
  std::string target_code;
  std::string target_name;
  std::string contact_name;
  std::string contact_phone;
  std::string content;
  std::string filed_at;
  std::string review_due;
  std::string status;  // pending | correcting | upheld | corrected
  std::string decision_reason;
  std::string decided_by_name;
  std::string decided_at;
  std::string notify_due;
  std::string notified_at;
  std::string notify_note;
};
// The result in force whose record's verification code is `code` and whose (unmasked) code is
// `uscc`.
std::optional<ResultRow> FindForObjection(soci::session& sql, const std::string& uscc,
                                          const std::string& code);
int64_t AddObjection(soci::session& sql, const Objection& o);
std::optional<Objection> GetObjection(soci::session& sql, int64_t id);
std::vector<Objection> ListObjections(soci::session& sql, const org::Principal* who,
                                      const std::string& status);
void SetObjectionStatus(soci::session& sql, int64_t id, const std::string& status);
void DecideObjection(soci::session& sql, int64_t id, const std::string& status,
                     const std::string& reason, int64_t by, const std::string& now,
                     const std::string& notify_due);
void NotifyObjection(soci::session& sql, int64_t id, const std::string& note, int64_t by,
                     const std::string& now);
// The objection a correction answers, if any, still open.
std::optional<Objection> ObjectionOfCorrection(soci::session& sql, int64_t correction_id);

}  // namespace ssj::publicity::repo

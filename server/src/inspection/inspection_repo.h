// SQL of inspection records (migration 0016). Records hang on the drawn targets of a task
// (task_targets): a target replaced out of the list leaves its record behind, unlisted. Every
// function runs inside the caller's transaction.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspection/inspection_types.h"

namespace ssj::inspection::repo {

std::vector<Category> Categories(soci::session& sql);

// Opens a record for every drawn target of the task that has none: the header from the
// directory, one row per task item with the department that records it. Returns how many.
int64_t EnsureRecords(soci::session& sql, int64_t task_id, const std::string& now);

std::optional<Record> Get(soci::session& sql, int64_t id);
// Takes the record's row lock until the transaction ends (and bumps nothing).
void Lock(soci::session& sql, int64_t id);

// The records of the teams `inspector_id` is on, in inspecting and later tasks.
std::vector<RecordRow> ForInspector(soci::session& sql, int64_t inspector_id);
std::vector<RecordRow> ForTask(soci::session& sql, int64_t task_id);

// --- Writes: each bumps the record's version and stamps it ------------------------------------

void Touch(soci::session& sql, int64_t id, int64_t by, const std::string& now);
// Any change to the content: the team's confirmations no longer hold.
void ClearSignoffs(soci::session& sql, int64_t id);
void SaveHeader(soci::session& sql, int64_t id, const Header& header);
void SaveItem(soci::session& sql, int64_t id, int64_t item_id, const ItemInput& input, int64_t by,
              const std::string& now);
// Adds the action unless one with its client id exists; returns its id.
int64_t AddAction(soci::session& sql, int64_t id, const ActionInput& input, int64_t by,
                  const std::string& now);
bool DeleteAction(soci::session& sql, int64_t id, int64_t action_id);

struct NewAttachment {
  std::string client_id;
  std::string kind;
  std::string name;
  std::string content_type;
  std::string bytes;
};
// The attachment with this client id, if the record has one already.
std::optional<AttachmentInfo> AttachmentByClient(soci::session& sql, int64_t id,
                                                 const std::string& client_id);
int64_t CountEvidence(soci::session& sql, int64_t id);
AttachmentInfo AddAttachment(soci::session& sql, int64_t id, const NewAttachment& file, int64_t by,
                             const std::string& now);
std::optional<std::pair<AttachmentInfo, std::string>> AttachmentFile(soci::session& sql, int64_t id,
                                                                     int64_t attachment_id);
bool DeleteEvidence(soci::session& sql, int64_t id, int64_t attachment_id);

void SetFirm(soci::session& sql, int64_t id, const Firm& firm);
void SetUninspectable(soci::session& sql, int64_t id, const std::optional<std::string>& code,
                      const std::string& note);
void SignOff(soci::session& sql, int64_t id, int64_t inspector_id, int64_t by,
             const std::string& now);
void SetState(soci::session& sql, int64_t id, State state, int64_t by, const std::string& now);
void AddReview(soci::session& sql, int64_t id, const std::string& decision,
               const std::string& comment, int64_t by, const std::string& now);

}  // namespace ssj::inspection::repo

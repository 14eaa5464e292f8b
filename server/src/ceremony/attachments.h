// Photos, video and documents of a ceremony, stored with their SHA-256. The type is read from the
// file's first bytes, not trusted from the upload: JPEG, PNG, MP4 or PDF, up to kMaxBytes.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace ssj::ceremony {

inline constexpr size_t kMaxAttachmentBytes = size_t{50} << 20;
inline constexpr size_t kMaxAttachmentsPerTask = 50;

struct Attachment {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string created_at;
};

// Checks the name (1–100 characters, no path), the size and the type; stores it.
Result<Attachment> AddAttachment(soci::session& sql, int64_t task_id, const std::string& name,
                                 const std::string& bytes, int64_t by, const std::string& now);
std::vector<Attachment> Attachments(soci::session& sql, int64_t task_id);
// The attachment and its bytes; nullopt when it is not one of the task's.
std::optional<std::pair<Attachment, std::string>> AttachmentFile(soci::session& sql,
                                                                 int64_t task_id, int64_t id);

}  // namespace ssj::ceremony

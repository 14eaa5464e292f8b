#include "ceremony/attachments.h"

#include "common/crypto.h"
#include "common/upload.h"
#include "db/database.h"

namespace ssj::ceremony {
namespace {

using db::Query;
using db::RowInt;
using db::RowText;

constexpr const char* kColumns =
    "SELECT id, task_id, name, content_type, size, sha256, created_at FROM task_attachments";

Attachment FromRow(const soci::row& row) {
  return Attachment{RowInt(row, 0), RowInt(row, 1),  RowText(row, 2), RowText(row, 3),
                    RowInt(row, 4), RowText(row, 5), RowText(row, 6)};
}

}  // namespace

Result<Attachment> AddAttachment(soci::session& sql, int64_t task_id, const std::string& name,
                                 const std::string& bytes, int64_t by, const std::string& now) {
  SSJ_ASSIGN(std::string type, upload::CheckFile(name, bytes, kMaxAttachmentBytes,
                                                 "50 MB；更大的录像请另行保存并登记其 SHA-256"));
  if (Query("SELECT COUNT(*) FROM task_attachments WHERE task_id = :t")
          .Bind("t", task_id)
          .ScalarInt(sql) >= static_cast<int64_t>(kMaxAttachmentsPerTask)) {
    return Error{ErrorKind::kConflict,
                 "ceremony.too_many_attachments",
                 "一个任务最多上传 " + std::to_string(kMaxAttachmentsPerTask) + " 个文件",
                 {}};
  }
  const std::string sha = Sha256Hex(bytes);
  Query(
      "INSERT INTO task_attachments (task_id, name, content_type, size, sha256, content, "
      "created_by, created_at) VALUES (:t, :n, :ct, :s, :h, :c, :by, :now)")
      .Bind("t", task_id)
      .Bind("n", name)
      .Bind("ct", type)
      .Bind("s", static_cast<int64_t>(bytes.size()))
      .Bind("h", sha)
      .Bind("c", Base64(bytes))
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  std::optional<Attachment> out;
  Query(std::string(kColumns) + " WHERE task_id = :t AND sha256 = :h ORDER BY id DESC")
      .Bind("t", task_id)
      .Bind("h", sha)
      .ForEach(sql, [&](const soci::row& row) {
        if (!out) out = FromRow(row);
      });
  return *out;
}

std::vector<Attachment> Attachments(soci::session& sql, int64_t task_id) {
  std::vector<Attachment> out;
  Query(std::string(kColumns) + " WHERE task_id = :t ORDER BY id")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) { out.push_back(FromRow(row)); });
  return out;
}

std::optional<std::pair<Attachment, std::string>> AttachmentFile(soci::session& sql,
                                                                 int64_t task_id, int64_t id) {
  std::optional<std::pair<Attachment, std::string>> out;
  Query(
      "SELECT id, task_id, name, content_type, size, sha256, created_at, content FROM "
      "task_attachments WHERE task_id = :t AND id = :id")
      .Bind("t", task_id)
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) {
        std::string bytes;
        if (FromBase64(RowText(row, 7), &bytes)) out = std::pair{FromRow(row), std::move(bytes)};
      });
  return out;
}

}  // namespace ssj::ceremony

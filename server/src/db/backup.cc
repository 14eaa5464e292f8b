#include "db/backup.h"

#include <sqlite3.h>

#include <filesystem>

namespace ssj::db {

Result<BackupReport> BackupSqlite(const std::string& source_path, const std::string& out_path) {
  namespace fs = std::filesystem;
  if (!fs::exists(source_path)) return Error::InvalidField("db", "数据库文件不存在", source_path);
  if (fs::exists(out_path))
    return Error::InvalidField("out", "目标文件已存在，为避免覆盖请换一个文件名", out_path);
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  auto close_all = [&] {
    if (src) sqlite3_close(src);
    if (dst) sqlite3_close(dst);
  };
  if (sqlite3_open_v2(source_path.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(out_path.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    std::string message = src ? sqlite3_errmsg(src) : "open failed";
    close_all();
    return Error{ErrorKind::kUnavailable, "backup.open", "无法打开数据库: " + message, {}};
  }
  sqlite3_busy_timeout(src, 5000);
  sqlite3_backup* backup = sqlite3_backup_init(dst, "main", src, "main");
  if (!backup) {
    std::string message = sqlite3_errmsg(dst);
    close_all();
    return Error{ErrorKind::kInternal, "backup.init", "备份初始化失败: " + message, {}};
  }
  int rc;
  // Copy in steps so that writers are not blocked for the whole copy.
  while ((rc = sqlite3_backup_step(backup, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    if (rc != SQLITE_OK) sqlite3_sleep(20);
  }
  BackupReport report;
  report.pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    std::string message = sqlite3_errstr(rc);
    close_all();
    fs::remove(out_path);
    return Error{ErrorKind::kInternal, "backup.step", "备份失败: " + message, {}};
  }
  std::string integrity;
  sqlite3_exec(
      dst, "PRAGMA integrity_check",
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) += values[0] ? values[0] : "";
        return 0;
      },
      &integrity, nullptr);
  close_all();
  if (integrity != "ok") {
    return Error{
        ErrorKind::kInternal, "backup.integrity", "备份文件完整性检查未通过: " + integrity, {}};
  }
  report.bytes = static_cast<int64_t>(fs::file_size(out_path));
  return report;
}

}  // namespace ssj::db

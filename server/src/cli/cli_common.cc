#include "cli/cli_common.h"

#include <filesystem>
#include <iostream>

#include "db/migrate.h"

namespace ssj::cli {

int Fail(int code, const std::string& message) {
  std::cerr << "错误: " << message << "\n";
  return code;
}

int FailWith(const Error& error) {
  std::string message = error.message;
  if (error.details.contains("field") && error.details.at("field").is_string())
    message = std::string(error.details.at("field").as_string()) + ": " + message;
  if (error.details.contains("value") && error.details.at("value").is_string() &&
      !error.details.at("value").as_string().empty())
    message += "（值: " + std::string(error.details.at("value").as_string()) + "）";
  std::cerr << "错误: " << message << "\n";
  if (error.details.contains("shortfalls")) {
    for (const auto& line : error.details.at("shortfalls").as_array())
      std::cerr << "  - " << line.as_string() << "\n";
  }
  return error.kind == ErrorKind::kUnavailable ? kExitConfig : kExitProblem;
}

// Opens the database, or explains in one line why not.
Result<std::unique_ptr<db::Database>> OpenDb(const std::string& url, size_t pool_size,
                                             bool create) {
  if (url.empty()) {
    return Error{
        ErrorKind::kUnavailable, "db.missing", "请用 --db 或环境变量 SSJ_DB 指定数据库地址", {}};
  }
  auto parsed_url = db::ParseDbUrl(url);
  if (!parsed_url.ok()) {
    Error e = parsed_url.take_error();
    e.kind = ErrorKind::kUnavailable;  // a configuration error: exit 2
    return e;
  }
  db::DbUrl parsed = std::move(parsed_url).value();
  if (!create && parsed.backend == db::Backend::kSqlite && !std::filesystem::exists(parsed.path)) {
    // Opening would create an empty file at a mistyped path; only `migrate` creates databases.
    return Error{ErrorKind::kUnavailable,
                 "db.missing",
                 "数据库文件不存在: " + parsed.path + "（新数据库请先运行 ssj migrate）",
                 {}};
  }
  auto opened = db::Database::Open(parsed, pool_size);
  if (!opened.ok()) return opened.take_error();
  return std::move(opened).value();
}

Result<std::unique_ptr<db::Database>> OpenMigrated(const std::string& url, size_t pool_size) {
  SSJ_ASSIGN(auto db, OpenDb(url, pool_size));
  int version = db::SchemaVersion(*db->Acquire());
  if (version < db::LatestVersion()) {
    return Error{ErrorKind::kUnavailable,
                 "db.schema",
                 "数据库结构版本为 " + std::to_string(version) + "，需要 " +
                     std::to_string(db::LatestVersion()) + "：请先运行 ssj migrate --db " +
                     db->url().display,
                 {}};
  }
  return db;
}

}  // namespace ssj::cli

// What every `ssj` subcommand shares: exit codes, error printing and opening the database.
#pragma once

#include <memory>
#include <string>

#include "common/error.h"
#include "db/database.h"

namespace ssj::cli {

constexpr int kExitProblem = 1;  // the command ran and found a problem
constexpr int kExitConfig = 2;   // configuration, files or database unreachable

// Prints "错误: …" to stderr and returns `code`.
int Fail(int code, const std::string& message);
// The message with its field and value, plus any listed shortfalls; exit 2 for an unavailable
// database, else 1.
int FailWith(const Error& error);

// Opens the database, or explains in one line why not. Only `migrate` creates a SQLite file.
Result<std::unique_ptr<db::Database>> OpenDb(const std::string& url, size_t pool_size,
                                             bool create = false);
// The same, refusing a database whose schema is older than this binary's.
Result<std::unique_ptr<db::Database>> OpenMigrated(const std::string& url, size_t pool_size);

}  // namespace ssj::cli

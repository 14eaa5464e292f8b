// Numbered schema migrations (server/migrations/NNNN_name.sql, compiled into the binary).
// Each file runs in one transaction and is recorded in schema_migrations, so re-running is a
// no-op. Placeholders absorb the only DDL differences between the backends: @ID@ (an
// auto-assigned 64-bit primary key), @KEY@ (a 64-bit primary key the caller supplies), @BLOB@,
// and @WITHOUT_ROWID@ after a table that is all primary key.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "db/database.h"

namespace ssj::db {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;  // with placeholders
};

// The embedded migrations, ordered by version.
const std::vector<Migration>& Migrations();

// The SQL text of a migration for one backend, split into statements.
std::vector<std::string> MigrationStatements(const Migration& migration, Backend backend);

struct MigrateReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // "0001_foundation"
};

Result<MigrateReport> MigrateUp(Database& db);

// The highest applied version, or 0 for an empty database.
int SchemaVersion(soci::session& sql);
int LatestVersion();

}  // namespace ssj::db

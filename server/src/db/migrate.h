// Numbered schema migrations (server/migrations/NNNN_name.sql, compiled into the binary).
// Each file runs in one transaction and is recorded in schema_migrations, so re-running is a
// no-op. Placeholders absorb the only DDL differences between the backends: @ID@ (an
// auto-assigned 64-bit primary key), @KEY@ (a 64-bit primary key the caller supplies), @BLOB@,
// and @WITHOUT_ROWID@ after a table that is all primary key. Where the backends need different
// statements (SQLite cannot drop a table's constraint, only rebuild the table), a statement that
// starts with @SQLITE@ or @POSTGRES@ runs on that backend only. A file with the line
// "-- @REBUILDS_TABLES@" runs on SQLite with foreign keys off, as SQLite's procedure for
// rebuilding a table requires (dropping the old table must not cascade to its children), and
// commits only if PRAGMA foreign_key_check then finds nothing.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "db/database.h"

namespace ssj::db {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;               // with placeholders
  bool rebuilds_tables = false;  // "-- @REBUILDS_TABLES@": foreign keys off on SQLite
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

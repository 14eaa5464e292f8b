// Versioned rows: the row itself is the newest version, and a `<table>_history` table keeps every
// earlier one as JSON (targets, inspectors, items). Reading a record's history is the same SQL
// for each; only the table and its key column differ.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ssj::db {

struct HistoryEntry {
  int64_t version = 0;
  std::string action;  // create | update | import …
  std::string data;    // JSON
  std::optional<int64_t> changed_by;
  std::string changed_by_name;
  std::string changed_at;
};

// The earlier versions of record `id`, newest first, from `history_table` (columns version,
// action, data, changed_by, changed_at and `key_column`). Table and column names are the
// caller's constants, never user input.
std::vector<HistoryEntry> EarlierVersions(soci::session& sql, const std::string& history_table,
                                          const std::string& key_column, int64_t id);

// A record's whole history, newest first: `current` (the row itself, when it exists) and then
// EarlierVersions.
std::vector<HistoryEntry> VersionHistory(soci::session& sql, std::optional<HistoryEntry> current,
                                         const std::string& history_table,
                                         const std::string& key_column, int64_t id);

}  // namespace ssj::db

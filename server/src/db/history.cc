#include "db/history.h"

#include "db/database.h"

namespace ssj::db {

std::vector<HistoryEntry> EarlierVersions(soci::session& sql, const std::string& history_table,
                                          const std::string& key_column, int64_t id) {
  std::vector<HistoryEntry> out;
  Query(
      "SELECT h.version, h.action, h.data, h.changed_by, COALESCE(u.name, ''), h.changed_at "
      "FROM " +
      history_table + " h LEFT JOIN users u ON u.id = h.changed_by WHERE h." + key_column +
      " = :id ORDER BY h.version DESC")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) {
        out.push_back({RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowOptInt(row, 3),
                       RowText(row, 4), RowText(row, 5)});
      });
  return out;
}

std::vector<HistoryEntry> VersionHistory(soci::session& sql, std::optional<HistoryEntry> current,
                                         const std::string& history_table,
                                         const std::string& key_column, int64_t id) {
  std::vector<HistoryEntry> out;
  if (current) out.push_back(std::move(*current));
  for (HistoryEntry& h : EarlierVersions(sql, history_table, key_column, id))
    out.push_back(std::move(h));
  return out;
}

}  // namespace ssj::db

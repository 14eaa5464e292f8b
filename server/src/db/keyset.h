// Reading child rows and whole result sets in batches: every row a filter matches, by id a
// batch at a time (keyset paging, not OFFSET, so the last batch costs what the first did), and
// the child rows (tags, specialties, cooperating departments) of a batch or a page in one query.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "db/database.h"

namespace ssj::db {

// Every row of `select` + `where` in order of `id` (the id column, e.g. "t.id"), 1000 at a time.
// `attach(sql, batch)` completes a batch before `fn` sees each record.
template <class Record, class FromRow, class Attach, class Fn>
void ForEachById(soci::session& sql, std::string_view select, const Query& where,
                 std::string_view id, FromRow from_row, Attach attach, Fn fn) {
  constexpr int64_t kBatch = 1000;
  const std::string tail =
      " AND " + std::string(id) + " > :after ORDER BY " + std::string(id) + " LIMIT :limit";
  int64_t after = 0;
  for (;;) {
    Query q = where.Wrapped(select, tail);
    q.Bind("after", after).Bind("limit", kBatch);
    std::vector<Record> batch;
    q.ForEach(sql, [&](const soci::row& row) { batch.push_back(from_row(row)); });
    attach(sql, batch);
    for (const Record& record : batch) fn(record);
    if (batch.size() < static_cast<size_t>(kBatch)) return;
    after = batch.back().id;
  }
}

// The child rows of a batch in id order through one range scan: `query` selects the parent id
// first and takes :lo and :hi (binding a thousand ids one by one costs SQLite n² name
// look-ups). Rows of ids between them that the batch left out are skipped.
template <class Record, class Add>
void AttachInRange(soci::session& sql, std::vector<Record>& batch, const std::string& query,
                   Add add) {
  if (batch.empty()) return;
  std::unordered_map<int64_t, Record*> by_id;
  for (Record& record : batch) by_id[record.id] = &record;
  Query(query)
      .Bind("lo", batch.front().id)
      .Bind("hi", batch.back().id)
      .ForEach(sql, [&](const soci::row& row) {
        auto it = by_id.find(RowInt(row, 0));
        if (it != by_id.end()) add(*it->second, row);
      });
}

// The child rows of a page (any ids, e.g. a filtered page spread over millions of ids): `select`
// selects the parent id first and ends with "… IN", `order` follows the id list.
template <class Record, class Add>
void AttachByIds(soci::session& sql, std::vector<Record>& records, std::string_view select,
                 std::string_view order, Add add) {
  if (records.empty()) return;
  std::unordered_map<int64_t, Record*> by_id;
  Query q{std::string(select) + " ("};
  for (size_t i = 0; i < records.size(); ++i) {
    by_id[records[i].id] = &records[i];
    std::string name = "id" + std::to_string(i);
    q.Append((i ? ", :" : ":") + name).Bind(name, records[i].id);
  }
  q.Append(std::string(") ") + std::string(order));
  q.ForEach(sql, [&](const soci::row& row) { add(*by_id.at(RowInt(row, 0)), row); });
}

}  // namespace ssj::db

#include "directory/name_index.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "directory/name_grams.h"

namespace ssj::directory::names {
namespace {

using db::Query;
using db::RowInt;

// Rows per statement when writing many: one round trip (and, in SQLite, one statement run) for
// 32 rows, while SQLite's binding of named parameters, which looks each name up in a list, stays
// cheap at 64 names.
constexpr size_t kChunk = 32;

// A search with other filters walks a pair's targets when no more than this many names have it
// (a few tens of milliseconds at most).
constexpr int64_t kWalkLimit = 20000;

// Past this many names with the rarest pair, a walk checks the second rarest in the name index
// before reading a target: those look-ups fall on a few neighbouring index pages, where each
// target's row is a page of its own, somewhere in gigabytes.
constexpr int64_t kCheckSecondFrom = 2000;

// `head`, then kChunk copies of `group` (each with {i} replaced by its position), then `tail`:
// prepared once and run for each full chunk of values (`width` per row); the rest run one row at
// a time through the same statement with one group.
class ChunkedWriter {
 public:
  ChunkedWriter(soci::session& sql, const std::string& head, const std::string& group,
                const std::string& tail, size_t width)
      : width_(width),
        values_(kChunk * width),
        one_(width),
        all_(Prepare(sql, head + db::RepeatedGroups(group, kChunk) + tail, values_)),
        single_(Prepare(sql, head + db::RepeatedGroups(group, 1) + tail, one_)) {}

  // Writes rows of `width` values each, laid out one row after another; returns how many rows
  // the statements changed.
  size_t Write(const std::vector<long long>& rows) {
    size_t n = rows.size() / width_, row = 0, changed = 0;
    for (; row + kChunk <= n; row += kChunk) {
      std::copy_n(rows.begin() + row * width_, kChunk * width_, values_.begin());
      all_.execute(true);
      changed += static_cast<size_t>(all_.get_affected_rows());
    }
    for (; row < n; ++row) {
      std::copy_n(rows.begin() + row * width_, width_, one_.begin());
      single_.execute(true);
      changed += static_cast<size_t>(single_.get_affected_rows());
    }
    return changed;
  }

 private:
  static soci::statement Prepare(soci::session& sql, const std::string& text,
                                 std::vector<long long>& values) {
    soci::details::prepare_temp_type prep = (sql.prepare << text);
    for (long long& value : values) prep, soci::use(value);
    return soci::statement(prep);
  }

  size_t width_;
  std::vector<long long> values_, one_;
  soci::statement all_, single_;
};

void AddCounts(soci::session& sql, const std::map<int64_t, long long>& counts) {
  std::vector<long long> rows;
  rows.reserve(counts.size() * 2);
  for (const auto& [gram, n] : counts) {
    rows.push_back(gram);
    rows.push_back(n);
  }
  // One upsert per gram: a multi-row upsert may not name the same key twice, and these are
  // already one row per gram.
  ChunkedWriter(sql, "INSERT INTO target_name_gram_counts (gram, n) VALUES ", "(:g{i}, :n{i})",
                " ON CONFLICT (gram) DO UPDATE SET n = target_name_gram_counts.n + excluded.n", 2)
      .Write(rows);
}

}  // namespace

Queue::Queue(soci::session& sql) : sql_(sql) {}
Queue::~Queue() = default;

void Queue::Add(int64_t target_id) {
  if (!range_) {
    range_.emplace(target_id, target_id);
  } else {
    range_->first = std::min(range_->first, target_id);
    range_->second = std::max(range_->second, target_id);
  }
}

void Queue::Flush() {
  if (!range_) return;
  Query(
      "INSERT INTO target_name_pending (target_id) SELECT id FROM targets "
      "WHERE id BETWEEN :lo AND :hi ON CONFLICT (target_id) DO NOTHING")
      .Bind("lo", range_->first)
      .Bind("hi", range_->second)
      .Exec(sql_);
  range_.reset();
}

namespace {

void Dequeue(soci::session& sql, int64_t target_id) {
  Query("DELETE FROM target_name_pending WHERE target_id = :id").Bind("id", target_id).Exec(sql);
}

// Runs `statement` (:g, :t) for each pair of `name`, and moves the count of each pair it changed
// by `delta`: +1 writing pairs, -1 removing them.
void ChangePairs(soci::session& sql, int64_t target_id, const std::string& name,
                 const char* statement, long long delta) {
  long long gram = 0, id = target_id;
  soci::statement change = (sql.prepare << statement, soci::use(gram), soci::use(id));
  std::map<int64_t, long long> counts;
  for (int64_t g : NameGrams(name)) {
    gram = g;
    change.execute(true);
    if (change.get_affected_rows() > 0) counts[g] = delta;
  }
  AddCounts(sql, counts);
}

constexpr const char* kAddPair =
    "INSERT INTO target_name_grams (gram, target_id) VALUES (:g, :t) ON CONFLICT DO NOTHING";
constexpr const char* kRemovePair =
    "DELETE FROM target_name_grams WHERE gram = :g AND target_id = :t";

}  // namespace

void Index(soci::session& sql, int64_t target_id, const std::string& name) {
  Dequeue(sql, target_id);
  ChangePairs(sql, target_id, name, kAddPair, 1);
}

void Rename(soci::session& sql, int64_t target_id, const std::string& old_name,
            const std::string& new_name) {
  Dequeue(sql, target_id);  // first: see the header
  ChangePairs(sql, target_id, old_name, kRemovePair, -1);
  ChangePairs(sql, target_id, new_name, kAddPair, 1);
}

size_t IndexQueued(soci::session& sql, size_t limit) {
  std::vector<long long> taken;
  std::vector<std::pair<int64_t, int64_t>> pairs;  // (gram, target id)
  auto add_pairs = [&](int64_t id, const std::string& name) {
    for (int64_t g : NameGrams(name)) pairs.emplace_back(g, id);
  };
  // A target deleted since it was queued has no name: it only leaves the queue.
  Query(
      "SELECT p.target_id, t.name FROM target_name_pending p LEFT JOIN targets t ON t.id = "
      "p.target_id ORDER BY p.target_id LIMIT :n")
      .Bind("n", static_cast<int64_t>(limit))
      .ForEach(sql, [&](const soci::row& row) {
        int64_t id = RowInt(row, 0);
        taken.push_back(id);
        if (row.get_indicator(1) != soci::i_null) add_pairs(id, db::RowText(row, 1));
      });
  if (taken.empty()) return 0;
  // Off the queue before the pairs are written, by exact ids: in PostgreSQL a target queued by a
  // transaction that commits meanwhile may have an id between these, and must stay queued. And
  // on PostgreSQL this waits for a rename that took one of these off the queue first (Rename):
  // then the name read above may be the old one, so the names are read again, renames and all.
  const size_t removed =
      ChunkedWriter(sql, "DELETE FROM target_name_pending WHERE target_id IN (", ":t{i}", ")", 1)
          .Write(taken);
  if (removed < taken.size()) {
    pairs.clear();
    std::string name;
    long long id = 0;
    soci::indicator found = soci::i_null;
    soci::statement read = (sql.prepare << "SELECT name FROM targets WHERE id = :id",
                            soci::into(name, found), soci::use(id));
    for (long long t : taken) {
      id = t;
      if (read.execute(true) && found == soci::i_ok) add_pairs(t, name);
    }
  }
  // In key order, so each leaf page of the index is visited once per batch, not once per name.
  std::sort(pairs.begin(), pairs.end());
  std::vector<long long> rows;
  rows.reserve(pairs.size() * 2);
  std::map<int64_t, long long> counts;
  for (const auto& [gram, id] : pairs) {
    rows.push_back(gram);
    rows.push_back(id);
    ++counts[gram];
  }
  // ON CONFLICT: a rename that raced this batch may have written some of these pairs already.
  ChunkedWriter(sql, "INSERT INTO target_name_grams (gram, target_id) VALUES ", "(:g{i}, :t{i})",
                " ON CONFLICT DO NOTHING", 2)
      .Write(rows);
  AddCounts(sql, counts);
  return taken.size();
}

size_t IndexPending(soci::session& sql, db::Backend backend, size_t limit) {
  db::Transaction tx(sql, backend);
  size_t taken = IndexQueued(sql, limit);
  tx.Commit();
  return taken;
}

int64_t Pending(soci::session& sql, int64_t cap) {
  return Query("SELECT COUNT(*) FROM (SELECT 1 FROM target_name_pending LIMIT :cap) p")
      .Bind("cap", cap)
      .ScalarInt(sql);
}

std::optional<GramWalk> SearchGram(soci::session& sql, const std::string& fragment,
                                   bool only_name) {
  auto choice = RarestGram(sql, fragment);
  if (!choice || (choice->names > kWalkLimit && !only_name)) return std::nullopt;
  GramWalk walk{choice->gram, std::nullopt};
  if (choice->names > kCheckSecondFrom) walk.also = choice->second;
  return walk;
}

std::optional<GramChoice> RarestGram(soci::session& sql, const std::string& fragment) {
  std::vector<int64_t> grams = NameGrams(fragment);
  if (grams.empty() || Pending(sql, 1) > 0) return std::nullopt;
  // A long fragment: its first 16 pairs are plenty to find a rare one.
  if (grams.size() > 16) grams.resize(16);
  // One look-up per pair, each by the key: the pair is never read back, because SOCI reads
  // SQLite's INTEGER columns as 32-bit values.
  long long gram = 0, n = 0;
  soci::indicator found = soci::i_null;
  soci::statement count = (sql.prepare << "SELECT n FROM target_name_gram_counts WHERE gram = :g",
                           soci::into(n, found), soci::use(gram));
  // A pair no name has (not counted) is the rarest of all: the search finds nothing, at once.
  std::vector<std::pair<int64_t, int64_t>> by_count;  // (names, pair)
  for (int64_t g : grams) {
    gram = g;
    n = 0;
    const bool counted = count.execute(true) && found == soci::i_ok;
    by_count.emplace_back(counted ? n : 0, g);
  }
  std::sort(by_count.begin(), by_count.end());
  GramChoice choice{by_count[0].second, by_count[0].first, std::nullopt};
  if (by_count.size() > 1) choice.second = by_count[1].second;
  return choice;
}

}  // namespace ssj::directory::names

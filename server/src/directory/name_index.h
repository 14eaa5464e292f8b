// The name index (migration 0008): the character pairs of every target's name, so that a search
// for a fragment few names contain reads only the targets that have its rarest pair.
//
// Forms index a name as they write it. Bulk writes (imports, `ssj demo`) only queue the target
// in target_name_pending, and IndexPending turns the queue into pairs later: the server does it
// in the background (NameIndexer), `ssj index` at once. While the queue is not empty, a search
// reads the targets as it did without the index, so it is never wrong, only slower for a while.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"

namespace ssj::directory::names {

// Writes the pairs of a target's name now, and takes it off the queue.
void Index(soci::session& sql, int64_t target_id, const std::string& name);
// Replaces the pairs of a renamed target's old name with its new name's. On PostgreSQL it may
// race the indexer (IndexQueued) over a queued target, and neither may leave the old name's
// pairs behind: both take the target off the queue before anything else, so whichever comes
// second waits for the other to commit, and then reads what it wrote.
void Rename(soci::session& sql, int64_t target_id, const std::string& old_name,
            const std::string& new_name);

// Queues the targets a bulk write adds for the indexer, in one statement at Flush (before the
// transaction commits): every target whose id lies between the lowest and the highest added.
// Ids only grow, so on SQLite, whose writer holds the only write lock, those are exactly the
// added ones. On PostgreSQL the range may take in a target another session added meanwhile;
// indexing a name twice changes nothing (names::Index adds only the pairs it lacks).
class Queue {
 public:
  explicit Queue(soci::session& sql);
  ~Queue();
  void Add(int64_t target_id);
  void Flush();

 private:
  soci::session& sql_;
  std::optional<std::pair<int64_t, int64_t>> range_;
};

// Indexes the first `limit` queued targets (by id) in one transaction; returns how many it took
// off the queue (0 when it was empty).
size_t IndexPending(soci::session& sql, db::Backend backend, size_t limit);
// The same inside the caller's transaction (an import indexing what it just wrote).
size_t IndexQueued(soci::session& sql, size_t limit);
// How many targets are queued, counting no further than `cap`.
int64_t Pending(soci::session& sql, int64_t cap);

// The fragment's rarest pair and how many names have it. None when the fragment has fewer than
// two characters or the queue is not empty; then the search reads the targets.
struct GramChoice {
  int64_t gram = 0;
  int64_t names = 0;
  std::optional<int64_t> second;  // the next rarest pair, if the fragment has two
};
std::optional<GramChoice> RarestGram(soci::session& sql, const std::string& fragment);

// The pair a search for `fragment` should walk, if any. Walking a pair's names costs one look-up
// each until a page (or the count's cap) of matches is found, so it pays when the pair is rare,
// or when nothing but the name narrows the search: then most names with the pair match. With
// another filter (a district, a department's scope) and only common pairs, that filter's index
// meets the matches sooner, and the search reads the targets through it.
// When many names have the rarest pair, `also` is the next rarest: a name must have both.
struct GramWalk {
  int64_t gram = 0;
  std::optional<int64_t> also;
};
std::optional<GramWalk> SearchGram(soci::session& sql, const std::string& fragment, bool only_name);

}  // namespace ssj::directory::names

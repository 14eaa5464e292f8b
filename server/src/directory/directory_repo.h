// SQL of the target directory. Lists and lookups apply the caller's data scope through the
// supervising department; writes keep every version in target_history.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "directory/directory_types.h"
#include "org/org_types.h"

namespace ssj::directory::repo {

using db::Page;

struct Existing {
  int64_t id = 0;
  int64_t version = 0;
  int64_t department_id = 0;
};
std::optional<Existing> Find(soci::session& sql, const std::string& kind, const std::string& code);

// Inserts a target (version 1) with its tags and first history entry; returns its id.
int64_t Insert(soci::session& sql, const TargetInput& input, std::optional<int64_t> by,
               const std::string& now, const std::string& action);
// Replaces a target's fields with `input` as its next version.
void Update(soci::session& sql, int64_t id, const TargetInput& input, std::optional<int64_t> by,
            const std::string& now, const std::string& action);

// Writes many targets through statements prepared once (an import of a million rows would
// otherwise spend most of its time preparing SQL). Same effects as Insert and Update.
class Writer {
 public:
  Writer(soci::session& sql, std::optional<int64_t> by, std::string now, std::string action);
  ~Writer();
  // Inserts and indexes the name at once (a form); returns the id, or the stored target's id
  // when the (kind, code) exists already.
  int64_t Insert(const TargetInput& input);
  // Inserts unless the (kind, code) is stored already (then false), and queues the name for the
  // indexer (names::IndexPending): for bulk writes. No INSERT … RETURNING: SQLite runs it with a
  // statement journal, which costs writing every page the row touches to a temporary file first;
  // for a million imported rows that was most of the time. The unique index answers "is it stored?"
  // as part of the insert.
  bool Add(const TargetInput& input);
  // Add for several rows, in order: whether each was inserted. On SQLite, kMany rows go in one
  // statement: a statement's own work (opening the table and its five indexes, then closing
  // them) was a fifth of each row's insert.
  std::vector<bool> AddMany(const std::vector<const TargetInput*>& inputs);
  static constexpr size_t kMany = 32;
  // SQLite only, for a large import into a small directory: drops the unique (kind, code) index,
  // and Flush builds it again from all the rows at once. Until then nothing stops a stored code
  // from going in twice, so the caller must keep stored codes out; if one got in, Flush throws
  // and the transaction rolls back.
  void DeferCodeIndex();
  // Writes what Add queued, and builds the code index DeferCodeIndex dropped; before the
  // transaction commits.
  void Flush();
  void Update(int64_t id, const TargetInput& input);

 private:
  struct Statements;
  int64_t AddRow(const TargetInput& input);  // 0 when the (kind, code) is stored already
  std::optional<int64_t> StoredId(const TargetInput& input);  // by (kind, code)
  void AddTags(int64_t id, const TargetInput& input);
  // kMany rows in one statement (SQLite): whether each was inserted.
  void AddChunk(const TargetInput* const* inputs, std::vector<bool>& inserted);
  void ReplaceTags(int64_t id, const TargetInput& input);
  void Supersede(const Target& old);
  std::unique_ptr<Statements> st_;
};

// The existing targets among `codes` of one kind, by code (one query per 64 codes).
std::map<std::string, Existing> FindMany(soci::session& sql, const std::string& kind,
                                         const std::vector<std::string>& codes);

Page<Target> List(soci::session& sql, const org::Principal* who, const TargetFilter& filter);
// Every target the filter matches (ignoring its page), in id order, a batch at a time: for
// exports of any size.
void ForEach(soci::session& sql, const org::Principal* who, const TargetFilter& filter,
             const std::function<void(const Target&)>& fn);
// The same walk with only the fields a pool needs (no department or user names): about four
// times faster over a million targets.
void ForEachBrief(soci::session& sql, const TargetFilter& filter,
                  const std::function<void(const TargetBrief&)>& fn);
std::optional<Target> Get(soci::session& sql, const org::Principal* who, int64_t id);
std::vector<HistoryEntry> History(soci::session& sql, int64_t target_id);

// Finds a department by code or name, for the 监管部门 column.
std::optional<int64_t> DepartmentByCodeOrName(soci::session& sql, const std::string& key);

}  // namespace ssj::directory::repo

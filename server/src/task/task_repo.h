// SQL of tasks (migration 0012): the task and its items and departments, the frozen pool and its
// exclusions, the capacity tasks hold of inspectors, and the counts later pools depend on (yearly
// cap, other offices' draws). Reads apply the caller's data scope through the initiating
// department. Every function runs inside the caller's transaction.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "db/database.h"
#include "org/org_types.h"
#include "task/task_types.h"

namespace ssj::task::repo {

// The items of `ids` as their published versions say (unknown ids left out).
std::vector<ItemInfo> Items(soci::session& sql, const std::vector<int64_t>& ids);
std::set<std::string> Specialties(soci::session& sql);

int64_t Insert(soci::session& sql, const TaskInput& input, const std::vector<ItemInfo>& items,
               int64_t by, const std::string& now);
void UpdateDraft(soci::session& sql, int64_t id, const TaskInput& input,
                 const std::vector<ItemInfo>& items, int64_t by, const std::string& now);
// Takes the task's row lock until the transaction ends.
void Lock(soci::session& sql, int64_t id);
// Takes the one draw lock (commits and draws run one at a time).
void LockDraws(soci::session& sql);

std::optional<Task> Get(soci::session& sql, const org::Principal* who, int64_t id);
std::optional<Task> GetByCode(soci::session& sql, const std::string& code);
db::Page<Task> List(soci::session& sql, const org::Principal* who, const TaskFilter& filter);

// --- What a pool depends on -------------------------------------------------------------------

// The department and every department under it.
std::unordered_set<int64_t> Subtree(soci::session& sql, int64_t department_id);
// Targets with an exemption valid on `date` → its source document.
std::unordered_map<int64_t, std::string> Exempt(soci::session& sql, const std::string& date);
// Targets drawn (not void) for any of `item_ids` in tasks of `year` at least `cap` times.
std::unordered_set<int64_t> AtYearlyCap(soci::session& sql, const std::vector<int64_t>& item_ids,
                                        int64_t year, int64_t cap, int64_t except_task);
// Targets drawn (not void) by tasks of other initiating departments whose windows meet
// [from, to] → that task's id.
std::unordered_map<int64_t, int64_t> OtherOffices(soci::session& sql, int64_t department_id,
                                                  const std::string& from, const std::string& to,
                                                  int64_t except_task);
// "T2026-00003 名称（部门）" of each task.
std::map<int64_t, std::string> TaskLabels(soci::session& sql, const std::vector<int64_t>& ids);

// An inspector as the engine takes it, with its directory id.
struct PoolInspector {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string department_code;
  std::string region;
  std::vector<std::string> specialties;
  std::string certificate_valid_until;
  int64_t used = 0;  // capacity held by other tasks whose windows overlap this one
};
// The 执法人员 on duty (在岗) of `department_ids`, by code.
std::vector<PoolInspector> Inspectors(soci::session& sql,
                                      const std::vector<int64_t>& department_ids,
                                      const std::string& from, const std::string& to,
                                      int64_t except_task);
// Conflicts valid on `date` of these inspectors: (inspector id, target id, reason).
struct ConflictRow {
  int64_t inspector_id = 0;
  int64_t target_id = 0;
  std::string reason;
};
std::vector<ConflictRow> Conflicts(soci::session& sql, const std::vector<int64_t>& inspector_ids,
                                   const std::string& date);

// --- Commit and draw ----------------------------------------------------------------------------

struct Commit {
  std::string scheduled_at;
  std::string pool_digest;
  std::string commitment;
  std::string request;  // JSON
  std::string pool_counts;
  std::string excluded_counts;
  std::vector<std::pair<int64_t, int64_t>> capacities;  // inspector id, capacity held
};
void SaveCommit(soci::session& sql, int64_t id, const Pool& pool, const Commit& commit, int64_t by,
                const std::string& now);

// The pool CSV in the engine's format ("code,stratum,region"), canonical order.
std::string PoolCsv(soci::session& sql, int64_t id);

// The engine's pool CSV (docs/draw-protocol.md §3): the header, and one line per target.
inline constexpr char kPoolCsvHeader[] = "code,stratum,region\n";
inline void AppendPoolLine(std::string& csv, const std::string& code, const std::string& stratum,
                           const std::string& region) {
  csv.append(code).append(1, ',').append(stratum).append(1, ',').append(region).append(1, '\n');
}
// The frozen pool read once: its CSV, and (`with_ids`) each pool code's target id.
struct FrozenPool {
  std::string csv;
  std::unordered_map<std::string, int64_t> ids;
};
FrozenPool ReadPool(soci::session& sql, int64_t id, bool with_ids);
db::Page<Excluded> Exclusions(soci::session& sql, int64_t id, const std::string& reason,
                              int64_t page, int64_t page_size);
void ForEachExclusion(soci::session& sql, int64_t id,
                      const std::function<void(const Excluded&)>& fn);

struct DrawnTarget {
  int64_t target_id = 0;
  std::string stratum;
  std::string code;
  std::string ticket;
};
struct TeamSlot {
  int64_t target_id = 0;
  int64_t slot = 0;
  int64_t inspector_id = 0;
};
void SaveDraw(soci::session& sql, int64_t id, const std::string& public_input,
              const std::string& record, const std::vector<DrawnTarget>& targets,
              const std::vector<TeamSlot>& team,
              const std::vector<std::pair<int64_t, int64_t>>& loads, int64_t by,
              const std::string& now);
// Replaces the drawn rows, the capacity held (the loads) and the record: after a change.
void ReplaceDrawRows(soci::session& sql, int64_t id, const std::string& record,
                     const std::vector<DrawnTarget>& targets, const std::vector<TeamSlot>& team,
                     const std::vector<std::pair<int64_t, int64_t>>& loads);
// Voids a task: status, reason, time; releases its capacity.
void SetVoid(soci::session& sql, int64_t id, const std::string& reason, int64_t by,
             const std::string& now);
std::string RecordJson(soci::session& sql, int64_t id);
std::string PublicInputJson(soci::session& sql, int64_t id);
// The engine request stored at commit (no targets, secret or public input).
std::string StoredRequest(soci::session& sql, int64_t id);
void SetStatus(soci::session& sql, int64_t id, State status, int64_t by, const std::string& now);

// Inspector code → directory id, for the codes of a record.
std::unordered_map<std::string, int64_t> InspectorIds(soci::session& sql,
                                                      const std::vector<std::string>& codes);

// Tasks whose commitment is public (committed and after), newest first.
db::Page<Task> ListPublic(soci::session& sql, int64_t page, int64_t page_size);

}  // namespace ssj::task::repo

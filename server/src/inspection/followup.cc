#include "inspection/followup.h"

#include <boost/json.hpp>

#include "common/text.h"
#include "db/database.h"
#include "directory/directory_repo.h"
#include "inspection/inspection.h"
#include "org/org_repo.h"

namespace ssj::inspection {
namespace {

using db::Query;
using db::RowInt;
using db::RowText;
namespace json = boost::json;

constexpr const char* kColumns =
    "SELECT a.id, a.inspection_id, r.task_id, t.code, r.target_id, g.code, g.name, a.kind, "
    "a.detail, a.deadline, a.status, a.outcome, a.created_at, COALESCE(u.name, ''), a.closed_at "
    "FROM inspection_actions a JOIN inspections r ON r.id = a.inspection_id JOIN tasks t ON t.id "
    "= r.task_id JOIN departments d ON d.id = t.department_id JOIN targets g ON g.id = "
    "r.target_id LEFT JOIN users u ON u.id = a.closed_by";

FollowUp FromRow(const soci::row& row) {
  FollowUp f;
  f.id = RowInt(row, 0);
  f.inspection_id = RowInt(row, 1);
  f.task_id = RowInt(row, 2);
  f.task_code = RowText(row, 3);
  f.target_id = RowInt(row, 4);
  f.target_code = RowText(row, 5);
  f.target_name = RowText(row, 6);
  f.kind = RowText(row, 7);
  f.detail = RowText(row, 8);
  f.deadline = RowText(row, 9);
  f.status = RowText(row, 10);
  f.outcome = RowText(row, 11);
  f.created_at = RowText(row, 12);
  f.closed_by_name = RowText(row, 13);
  f.closed_at = RowText(row, 14);
  return f;
}

// Follow-up only starts once the team has handed the record in.
constexpr const char* kHandedIn = " AND r.status IN ('submitted', 'reviewed', 'published')";

}  // namespace

std::vector<FollowUp> ListFollowUps(soci::session& sql, const org::Principal& who,
                                    const std::string& status) {
  Query q(std::string(kColumns) + " WHERE 1 = 1" + kHandedIn);
  if (!status.empty()) q.Append(" AND a.status = :s").Bind("s", status);
  org::repo::AddScope(q, &who, "d", "t.created_by");
  q.Append(status == "open" ? " ORDER BY a.deadline, a.id LIMIT 1000"
                            : " ORDER BY a.id DESC LIMIT 1000");
  std::vector<FollowUp> out;
  q.ForEach(sql, [&](const soci::row& row) { out.push_back(FromRow(row)); });
  return out;
}

Result<FollowUp> GetFollowUp(soci::session& sql, const org::Principal& who, int64_t id) {
  Query q(std::string(kColumns) + " WHERE a.id = :id" + kHandedIn);
  q.Bind("id", id);
  org::repo::AddScope(q, &who, "d", "t.created_by");
  std::optional<FollowUp> out;
  q.ForEach(sql, [&](const soci::row& row) { out = FromRow(row); });
  if (!out) return Error::NotFound("后续处置");
  return *out;
}

Result<FollowUp> CloseFollowUp(soci::session& sql, const org::Principal& who, int64_t id,
                               const std::string& outcome_in, const std::string& now) {
  SSJ_ASSIGN(FollowUp f, GetFollowUp(sql, who, id));
  if (f.status != "open") {
    return Error{ErrorKind::kConflict, "inspection.followup_closed", "该后续处置已办结", {}};
  }
  const std::string outcome = Trim(outcome_in);
  if (Utf8Chars(outcome) < 2)
    return Error::InvalidField("outcome", "请填写办结情况（如复查结果、案件编号）");
  if (Utf8Chars(outcome) > 500) return Error::InvalidField("outcome", "办结情况最多 500 个字");
  Query(
      "UPDATE inspection_actions SET status = 'closed', outcome = :o, closed_by = :by, "
      "closed_at = :now WHERE id = :id")
      .Bind("o", outcome)
      .Bind("by", who.user_id)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
  return GetFollowUp(sql, who, id);
}

json::value FollowUpJson(const FollowUp& f, const std::string& today) {
  return {{"id", f.id},
          {"inspection_id", f.inspection_id},
          {"task_id", f.task_id},
          {"task_code", f.task_code},
          {"target_id", f.target_id},
          {"target_code", f.target_code},
          {"target_name", f.target_name},
          {"kind", f.kind},
          {"detail", f.detail},
          {"deadline", f.deadline},
          {"overdue", f.status == "open" && !f.deadline.empty() && f.deadline < today},
          {"status", f.status},
          {"outcome", f.outcome},
          {"created_at", f.created_at},
          {"closed_by_name", f.closed_by_name},
          {"closed_at", f.closed_at}};
}

Result<json::value> TargetHistory(soci::session& sql, const org::Principal& who, int64_t target_id,
                                  const std::string& today) {
  if (!directory::repo::Get(sql, &who, target_id)) return Error::NotFound("检查对象");
  json::array records;
  Query(
      "SELECT r.id, t.id, t.code, t.name, d.name, t.start_date, t.end_date, r.status, "
      "COALESCE((SELECT s.summary FROM results s WHERE s.inspection_id = r.id AND s.current = "
      "1), ''), COALESCE((SELECT MAX(s.version) FROM results s WHERE s.inspection_id = r.id), 0), "
      "r.submitted_at FROM inspections r JOIN tasks t ON t.id = r.task_id JOIN departments d ON "
      "d.id = t.department_id WHERE r.target_id = :g ORDER BY t.start_date DESC, r.id DESC")
      .Bind("g", target_id)
      .ForEach(sql, [&](const soci::row& row) {
        const State state = ParseState(RowText(row, 7)).value_or(State::kPending);
        records.push_back({{"id", RowInt(row, 0)},
                           {"task_id", RowInt(row, 1)},
                           {"task_code", RowText(row, 2)},
                           {"task_name", RowText(row, 3)},
                           {"department_name", RowText(row, 4)},
                           {"start_date", RowText(row, 5)},
                           {"end_date", RowText(row, 6)},
                           {"status", StateCode(state)},
                           {"status_name", StateName(state)},
                           {"summary", RowText(row, 8)},
                           {"corrected", RowInt(row, 9) > 1},
                           {"submitted_at", RowText(row, 10)}});
      });
  json::array open;
  Query q(std::string(kColumns) + " WHERE r.target_id = :g AND a.status = 'open'" + kHandedIn +
          " ORDER BY a.deadline, a.id");
  q.Bind("g", target_id);
  q.ForEach(sql, [&](const soci::row& row) { open.push_back(FollowUpJson(FromRow(row), today)); });
  return json::value{{"records", std::move(records)}, {"open_follow_ups", std::move(open)}};
}

}  // namespace ssj::inspection

// Follow-up (后续处理) of inspection records: the actions a team recorded (责令改正 with its
// deadline, case transfers, notices to other departments) tracked until closed with their
// outcome, and a target's inspection history with its open follow-ups.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "org/org_types.h"

namespace ssj::inspection {

inline constexpr const char* kFollowUpPermission = "inspection:followup:edit";

struct FollowUp {
  int64_t id = 0;
  int64_t inspection_id = 0;
  int64_t task_id = 0;
  std::string task_code;
  int64_t target_id = 0;
  std::string target_code;
  std::string target_name;
  std::string kind;
  std::string detail;
  std::string deadline;
  std::string status;  // open | closed
  std::string outcome;
  std::string created_at;
  std::string closed_by_name;
  std::string closed_at;
};

// Of tasks in the caller's scope; `status` open, closed or "" for both. Open ones by deadline.
std::vector<FollowUp> ListFollowUps(soci::session& sql, const org::Principal& who,
                                    const std::string& status);
// Closes an open action with its outcome (2–500 characters), once the record has been
// submitted. Returns it as it now stands.
Result<FollowUp> CloseFollowUp(soci::session& sql, const org::Principal& who, int64_t id,
                               const std::string& outcome, const std::string& now);
Result<FollowUp> GetFollowUp(soci::session& sql, const org::Principal& who, int64_t id);

// A target's records in every task (newest first) and its open follow-ups; the target must be
// in the caller's directory scope.
Result<boost::json::value> TargetHistory(soci::session& sql, const org::Principal& who,
                                         int64_t target_id, const std::string& today);

boost::json::value FollowUpJson(const FollowUp& f, const std::string& today);

}  // namespace ssj::inspection

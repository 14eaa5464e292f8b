// Use cases of publication: publishing a task's reviewed records, the public search, corrections
// decided by the head, objections filed by firms and answered by the office, and the deadline
// dashboard. Every function runs inside the caller's transaction.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "org/org_types.h"
#include "publicity/publicity_repo.h"

namespace ssj::publicity {

inline constexpr const char* kPublishPermission = "inspection:result:publish";
inline constexpr const char* kCorrectPermission = "inspection:result:correct";
inline constexpr const char* kApprovePermission = "inspection:result:approve";
inline constexpr const char* kObjectionPermission = "inspection:objection:handle";

struct Context {
  soci::session& sql;
  const org::Principal& who;
  std::string now;
  std::string today;
};

// Publishes a reviewed record (no checks: the callers check): its first result version.
repo::ResultRow PublishRecord(soci::session& sql, int64_t inspection_id, int64_t by,
                              const std::string& now, const std::string& today);
// Publishes the record as it now stands as the next version, corrected for `reason`.
repo::ResultRow CorrectRecord(soci::session& sql, int64_t inspection_id, const std::string& reason,
                              int64_t by, const std::string& now, const std::string& today);

// Publishes the task's reviewed records (`ids`, or all of them when empty). A listed record
// that is not reviewed is refused by name, and nothing is published.
Result<std::vector<repo::ResultRow>> Publish(const Context& c, int64_t task_id,
                                             const std::vector<int64_t>& ids);

// A correction of a published result: the new item values and the reason. The head decides.
Result<repo::Correction> RequestCorrection(const Context& c, int64_t inspection_id,
                                           const boost::json::value& body,
                                           std::optional<int64_t> objection_id = std::nullopt);
Result<repo::Correction> DecideCorrection(const Context& c, int64_t id, bool approve,
                                          const std::string& reason);

// A firm's objection, identified by its USCC and the verification code of its notice.
Result<repo::Objection> FileObjection(soci::session& sql, const boost::json::value& body,
                                      const std::string& now, const std::string& today);
// 维持 (uphold) or 更正 (correct, which goes to the head as a correction).
Result<repo::Objection> DecideObjection(const Context& c, int64_t id,
                                        const boost::json::value& body);
Result<repo::Objection> NotifyObjection(const Context& c, int64_t id,
                                        const boost::json::value& body);

// The dashboard: each task being inspected or published with its publication deadline, and
// each open objection with its review or notice deadline, in working days.
Result<boost::json::value> Deadlines(soci::session& sql, const org::Principal& who,
                                     const std::string& today);

boost::json::value ResultJson(const repo::ResultRow& row);
boost::json::value CorrectionJson(const repo::Correction& c);
boost::json::value ObjectionJson(const repo::Objection& o);

}  // namespace ssj::publicity

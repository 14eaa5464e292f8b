// Use cases of inspection records behind the routes: who may read and change a record (its
// team, through their linked accounts; staff of the task's department scope), and each change
// with its rules. Every function runs inside the caller's transaction.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "inspection/inspection.h"
#include "inspection/inspection_types.h"
#include "org/org_types.h"

namespace ssj::inspection {

inline constexpr const char* kListPermission = "inspection:record:list";
inline constexpr const char* kReviewPermission = "inspection:record:review";

// A record with what the caller may do with it.
struct View {
  Record record;
  Access access;
};

// The record if the caller is on its team or has inspection:record:list over its task; 404
// otherwise (a record's existence is not told to others).
Result<View> Open(soci::session& sql, const org::Principal& who, int64_t id);

// The caller's inspector id, or 403 task.not_an_inspector.
Result<int64_t> OwnInspector(soci::session& sql, const org::Principal& who);

// Each change: checks, writes, and returns the record as it now stands.
struct Context {
  soci::session& sql;
  const org::Principal& who;
  std::string now;
  std::string today;
};
Result<View> SaveHeader(const Context& c, int64_t id, const boost::json::value& body);
Result<View> SaveItem(const Context& c, int64_t id, int64_t item_id,
                      const boost::json::value& body);
Result<View> AddAction(const Context& c, int64_t id, const boost::json::value& body);
Result<View> DeleteAction(const Context& c, int64_t id, int64_t action_id);
// The attachment, and whether it is new (false: the same client id came before).
Result<std::pair<AttachmentInfo, bool>> AddEvidence(const Context& c, int64_t id,
                                                    const std::string& name,
                                                    const std::string& client_id,
                                                    const std::string& bytes);
Result<View> DeleteEvidence(const Context& c, int64_t id, int64_t attachment_id);
Result<View> SetFirm(const Context& c, int64_t id, const boost::json::value& body);
Result<View> ClearFirm(const Context& c, int64_t id);
Result<View> SetUninspectable(const Context& c, int64_t id, const boost::json::value& body);
Result<View> ClearUninspectable(const Context& c, int64_t id);
Result<View> SignOff(const Context& c, int64_t id);
Result<View> Submit(const Context& c, int64_t id);
Result<View> Review(const Context& c, int64_t id, const boost::json::value& body);

boost::json::value ViewJson(soci::session& sql, const View& view);

}  // namespace ssj::inspection

#include "restrictions/export.h"

#include "directory/directory.h"

namespace ssj::restrictions {

const std::vector<std::string>& ConflictFilterKeys() {
  static const std::vector<std::string> keys = {"q", "status", "current", "inspector_id",
                                                "target_id"};
  return keys;
}

const std::vector<std::string>& ExemptionFilterKeys() {
  static const std::vector<std::string> keys = {"q", "status", "current", "target_id"};
  return keys;
}

Result<Filter> ReadFilter(const ExportParams& params, const std::string& today) {
  using directory::Param;
  Filter f;
  f.q = Param(params, "q").substr(0, 100);
  f.status = Param(params, "status");
  SSJ_TRY(directory::CheckOneOf("status", f.status, kStatuses));
  std::string current = Param(params, "current");
  if (current.empty()) current = "false";
  if (current != "true" && current != "false")
    return Error::InvalidField("current", "应为 true 或 false", current.substr(0, 16));
  f.current = current == "true";
  f.today = today;
  SSJ_ASSIGN(f.inspector_id, directory::IdParam(params, "inspector_id"));
  SSJ_ASSIGN(f.target_id, directory::IdParam(params, "target_id"));
  return f;
}

Result<Filter> ExportFilter(const ExportParams& params, const std::string& today) {
  SSJ_ASSIGN(Filter f, ReadFilter(params, today));
  if (f.status.empty()) f.status = "有效";
  return f;
}

Row ConflictRow(const Conflict& c) {
  // ConflictColumns() order.
  return {c.inspector_code, c.inspector_name, c.target_code, c.target_name,
          c.reason,         c.source,         c.valid_from,  c.valid_until};
}

Row ExemptionRow(const Exemption& e) {
  // ExemptionColumns() order.
  return {e.target_code, e.target_name, e.scope, e.valid_from, e.valid_until, e.source_document};
}

}  // namespace ssj::restrictions

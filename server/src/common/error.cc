#include "common/error.h"

namespace ssj {

Error Error::InvalidField(std::string field, std::string message, std::string value) {
  Error e{ErrorKind::kInvalidArgument, "request.invalid_field", std::move(message), {}};
  e.details["field"] = field;
  if (!value.empty()) e.details["value"] = value;
  return e;
}

Error Error::NotFound(std::string what) {
  Error e{ErrorKind::kNotFound, "not_found", what + "不存在或无权访问", {}};
  e.details["object"] = what;
  return e;
}

Error Error::Duplicate(std::string field, std::string value, std::string message) {
  Error e{ErrorKind::kConflict, "conflict.duplicate", std::move(message), {}};
  e.details["field"] = field;
  e.details["value"] = value;
  return e;
}

Error Error::Internal(std::string message) {
  return Error{ErrorKind::kInternal, "internal", std::move(message), {}};
}

Error Error::TooManyRequests(std::string code, const std::string& reason, int64_t wait_ms) {
  const int64_t seconds = (wait_ms + 999) / 1000;
  Error e{ErrorKind::kTooManyRequests,
          std::move(code),
          reason + "，请 " + std::to_string((seconds + 59) / 60) + " 分钟后再试",
          {}};
  e.details["retry_after_seconds"] = seconds;
  return e;
}

}  // namespace ssj

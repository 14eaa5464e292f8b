// Expected failures as values. Every module reports errors as an `Error`: a kind (which the HTTP
// layer maps to a status in one place), a stable machine code, a zh-CN message and details.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace ssj {

enum class ErrorKind {
  kInvalidArgument,  // 400: bad field or value
  kUnauthenticated,  // 401
  kForbidden,        // 403
  kNotFound,         // 404
  kConflict,         // 409
  kTooManyRequests,  // 429
  kUnavailable,      // 503: database unreachable and the like
  kInternal,         // 500
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;     // "module.reason", stable for clients
  std::string message;  // zh-CN, shown to users
  boost::json::object details;

  // A validation error naming the field (and its value, when it is not secret).
  static Error InvalidField(std::string field, std::string message, std::string value = {});
  static Error NotFound(std::string what);
  static Error Duplicate(std::string field, std::string value, std::string message);
  static Error Internal(std::string message);
  // 429: "<reason>，请 N 分钟后再试", with details.retry_after_seconds (the pipeline's
  // Retry-After header) for a wait of `wait_ms`.
  static Error TooManyRequests(std::string code, const std::string& reason, int64_t wait_ms);
};

// A value or an Error. Small on purpose: ok(), value(), error(), and early returns.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }
  Error&& take_error() { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

}  // namespace ssj

// Returns early from the enclosing function when `expr` (a Result) holds an error.
#define SSJ_TRY(expr)                                               \
  do {                                                              \
    auto&& ssj_try_result_ = (expr);                                \
    if (!ssj_try_result_.ok()) return ssj_try_result_.take_error(); \
  } while (0)

#define SSJ_CONCAT_INNER(a, b) a##b
#define SSJ_CONCAT(a, b) SSJ_CONCAT_INNER(a, b)
// Declares `lhs` from the value of `expr`, or returns its error.
#define SSJ_ASSIGN(lhs, expr) SSJ_ASSIGN_IMPL(SSJ_CONCAT(ssj_assign_, __LINE__), lhs, expr)
#define SSJ_ASSIGN_IMPL(tmp, lhs, expr)   \
  auto tmp = (expr);                      \
  if (!tmp.ok()) return tmp.take_error(); \
  lhs = std::move(tmp).value()

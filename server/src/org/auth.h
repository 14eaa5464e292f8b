// Logging in and out, and turning a session cookie into a Principal on every request. Sessions
// live in the database (any instance serves any request); lockout state lives there too.
#pragma once

#include <soci/soci.h>

#include <string>

#include "common/error.h"
#include "common/services.h"
#include "org/org_types.h"

namespace ssj::org {

inline constexpr int kMaxFailedLogins = 5;
inline constexpr int64_t kLockoutMs = 15LL * 60 * 1000;
// Failed logins from one client address within kLockoutMs, whatever the usernames, before the
// address is refused for the rest of that window: guessing one password for many accounts
// (which locks none of them) is slowed down too. High enough for a department's staff behind one
// address mistyping now and then.
inline constexpr int kMaxFailedLoginsPerAddress = 30;

struct LoginRequest {
  std::string username;
  std::string password;
  std::string ip;
  std::string user_agent;
};

struct LoginOutcome {
  std::string token;  // goes into the cookie; never stored or logged
  Principal principal;
};

// Checks the lockout, the password and the account status, records the attempt in the login
// log (and, on success, an audit entry), and opens a session. Manages its own transactions so
// that a failed attempt is still counted.
Result<LoginOutcome> Login(soci::session& sql, const Services& services, const LoginRequest& req);

// The principal of a live session, or kUnauthenticated (details.reason "missing"/"expired").
// Slides the idle expiry at most once a minute, to keep reads from writing on every request.
Result<Principal> Authenticate(soci::session& sql, const Services& services,
                               const std::string& token);

void Logout(soci::session& sql, const Services& services, const Principal& who);

// Changes the caller's own password after checking the old one and the policy; ends the
// caller's other sessions. Runs inside the caller's transaction.
Status ChangeOwnPassword(soci::session& sql, const Principal& who, const std::string& old_password,
                         const std::string& new_password, const std::string& now);

std::string SessionCookie(const std::string& token, const SessionPolicy& policy);
std::string ClearedSessionCookie(const SessionPolicy& policy);

}  // namespace ssj::org

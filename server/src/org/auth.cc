#include "org/auth.h"

#include "audit/audit_repo.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "db/database.h"
#include "org/org.h"
#include "org/org_repo.h"
#include "ratelimit/ratelimit.h"

namespace ssj::org {
namespace {

Error Unauthenticated(std::string reason) {
  Error e{ErrorKind::kUnauthenticated,
          "auth.unauthenticated",
          reason == "expired" ? "登录已过期，请重新登录" : "请先登录",
          {}};
  e.details["reason"] = reason;
  return e;
}

// A valid hash of a random password, verified against when the username does not exist, so
// that the answer takes as long as for a real user and does not reveal which names exist.
const std::string& DummyHash() {
  static const std::string kHash = HashPassword(RandomHex(16));
  return kHash;
}

// The rate_limits scope of failed logins by client address.
constexpr const char* kAddressScope = "auth.login.failures";

void RecordAttempt(soci::session& sql, const Services& services, const LoginRequest& req,
                   std::optional<int64_t> user_id, const std::string& result) {
  repo::InsertLoginLog(sql, LoginLogEntry{0, FormatIsoMillis(services.clock->NowMillis()),
                                          req.username.substr(0, 64), user_id, req.ip,
                                          req.user_agent.substr(0, 256), result});
}

}  // namespace

Result<LoginOutcome> Login(soci::session& sql, const Services& services, const LoginRequest& req) {
  if (req.username.empty() || req.username.size() > 64) {
    return Error::InvalidField("username", "请输入用户名");
  }
  if (req.password.empty() || req.password.size() > 128) {
    return Error::InvalidField("password", "请输入密码");
  }
  const int64_t now = services.clock->NowMillis();
  const auto backend = services.db->backend();

  const ratelimit::Limit address_limit{kMaxFailedLoginsPerAddress, kLockoutMs};
  if (auto wait = ratelimit::WaitMs(sql, kAddressScope, req.ip, address_limit, now)) {
    {
      db::Transaction tx(sql, backend);
      RecordAttempt(sql, services, req, std::nullopt, "address_throttled");
      tx.Commit();
    }
    return Error::TooManyRequests("auth.address_throttled", "本机所在网络地址登录失败次数过多",
                                  *wait);
  }

  auto throttle = repo::GetThrottle(sql, req.username);
  if (throttle && throttle->locked_until_ms > now) {
    {
      db::Transaction tx(sql, backend);
      RecordAttempt(sql, services, req, std::nullopt, "locked");
      tx.Commit();
    }
    return Error::TooManyRequests("auth.locked", "登录失败次数过多，账号已锁定",
                                  throttle->locked_until_ms - now);
  }

  auto credentials = repo::GetCredentials(sql, req.username);
  // The slow hash runs outside any transaction, so it holds no lock.
  bool password_ok =
      VerifyPassword(credentials ? credentials->password_hash : DummyHash(), req.password);
  if (!credentials || !password_ok) {
    db::Transaction tx(sql, backend);
    auto current = repo::GetThrottle(sql, req.username);
    repo::Throttle next;
    // Failures older than the lockout window no longer count.
    next.failures = (current && now - current->updated_ms < kLockoutMs) ? current->failures + 1 : 1;
    next.updated_ms = now;
    if (next.failures >= kMaxFailedLogins) {
      next.locked_until_ms = now + kLockoutMs;
      next.failures = 0;
    }
    repo::PutThrottle(sql, req.username, next);
    // Counted for the address too; over its limit, the next attempt is refused above.
    (void)ratelimit::Take(sql, kAddressScope, req.ip, address_limit, now);
    RecordAttempt(sql, services, req, credentials ? std::optional(credentials->id) : std::nullopt,
                  credentials ? "bad_password" : "unknown_user");
    tx.Commit();
    Error e{ErrorKind::kUnauthenticated, "auth.invalid_credentials", "用户名或密码错误", {}};
    if (next.locked_until_ms > 0) {
      e.details["locked"] = true;
    } else {
      e.details["remaining_attempts"] = kMaxFailedLogins - next.failures;
    }
    return e;
  }
  if (credentials->status != "active") {
    db::Transaction tx(sql, backend);
    RecordAttempt(sql, services, req, credentials->id, "disabled");
    tx.Commit();
    return Error{ErrorKind::kForbidden, "auth.user_disabled", "账号已停用，请联系管理员", {}};
  }

  LoginOutcome outcome;
  outcome.token = RandomHex(32);
  repo::SessionRow session;
  session.token_hash = Sha256Hex(outcome.token);
  session.user_id = credentials->id;
  session.csrf_token = RandomHex(24);
  session.created_ms = now;
  session.last_seen_ms = now;
  session.expires_ms = now + services.session.absolute_ms;

  db::Transaction tx(sql, backend);
  repo::ClearThrottle(sql, req.username);
  repo::InsertSession(sql, session, req.ip, req.user_agent.substr(0, 256));
  repo::SetLastLogin(sql, credentials->id, FormatIsoMillis(now));
  RecordAttempt(sql, services, req, credentials->id, "success");
  auto principal = repo::LoadPrincipal(sql, credentials->id);
  if (!principal) return Error::Internal("用户数据不完整");
  audit::Append(
      sql, audit::Actor{principal->user_id, principal->username, principal->department_id, req.ip},
      audit::Change{"auth:login", "user", std::to_string(principal->user_id), nullptr,
                    boost::json::object{{"ip", req.ip}}},
      now);
  tx.Commit();
  principal->token_hash = session.token_hash;
  principal->csrf_token = session.csrf_token;
  principal->ip = req.ip;
  outcome.principal = std::move(*principal);
  return outcome;
}

Result<Principal> Authenticate(soci::session& sql, const Services& services,
                               const std::string& token) {
  if (token.size() != 64) return Unauthenticated("missing");
  const std::string token_hash = Sha256Hex(token);
  auto session = repo::GetSession(sql, token_hash);
  if (!session) return Unauthenticated("expired");
  const int64_t now = services.clock->NowMillis();
  if (now >= session->expires_ms || now - session->last_seen_ms >= services.session.idle_ms) {
    repo::DeleteSession(sql, token_hash);
    return Unauthenticated("expired");
  }
  auto principal = repo::LoadPrincipal(sql, session->user_id);
  if (!principal) {  // disabled or deleted since login
    repo::DeleteSession(sql, token_hash);
    return Unauthenticated("expired");
  }
  if (now - session->last_seen_ms > 60 * 1000) repo::TouchSession(sql, token_hash, now);
  principal->token_hash = token_hash;
  principal->csrf_token = session->csrf_token;
  return std::move(*principal);
}

void Logout(soci::session& sql, const Services& services, const Principal& who) {
  db::Transaction tx(sql, services.db->backend());
  repo::DeleteSession(sql, who.token_hash);
  audit::Append(sql, audit::Actor{who.user_id, who.username, who.department_id, who.ip},
                audit::Change{"auth:logout", "user", std::to_string(who.user_id), nullptr, nullptr},
                services.clock->NowMillis());
  tx.Commit();
}

Status ChangeOwnPassword(soci::session& sql, const Principal& who, const std::string& old_password,
                         const std::string& new_password, const std::string& now) {
  auto credentials = repo::GetCredentialsById(sql, who.user_id);
  if (!credentials || !VerifyPassword(credentials->password_hash, old_password)) {
    return Error::InvalidField("old_password", "原密码不正确");
  }
  SSJ_TRY(CheckPasswordPolicy(who.username, new_password, "new_password"));
  if (old_password == new_password) {
    return Error::InvalidField("new_password", "新密码不能与原密码相同");
  }
  repo::SetPassword(sql, who.user_id, HashPassword(new_password), false, now);
  // Other devices must log in again; this session stays.
  repo::DeleteSessionsOf(sql, who.user_id, who.token_hash);
  return OkStatus();
}

std::string SessionCookie(const std::string& token, const SessionPolicy& policy) {
  return "ssj_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(policy.absolute_ms / 1000) + (policy.secure_cookie ? "; Secure" : "");
}

std::string ClearedSessionCookie(const SessionPolicy& policy) {
  return std::string("ssj_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0") +
         (policy.secure_cookie ? "; Secure" : "");
}

}  // namespace ssj::org

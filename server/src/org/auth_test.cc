// Login, lockout, session expiry and immediate effect of permission changes, on both backends.
#include "org/auth.h"

#include <gtest/gtest.h>

#include "common/crypto.h"
#include "org/admin.h"
#include "org/org_repo.h"
#include "testing/test_db.h"

namespace ssj::org {
namespace {

class AuthTest : public testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db::Lease sql = database().Acquire();
    auto root = Root();
    std::string now = FormatIsoMillis(clock().NowMillis());
    auto dept = CreateDepartment(
        *sql, root, {std::nullopt, "ROOT", "测试委员会", "province", "500000", "agency", 0}, now);
    ASSERT_TRUE(dept.ok()) << dept.error().message;
    auto role = CreateRole(*sql, root,
                           {"viewer", "查看者", DataScope::kDept, {"system:user:list"}, ""}, now);
    ASSERT_TRUE(role.ok());
    role_id_ = role->id;
    auto user =
        CreateUser(*sql, root, {"zhangsan", "张三", "", dept->id, {role_id_}, "Good@Pass1"}, now);
    ASSERT_TRUE(user.ok()) << user.error().message;
    user_id_ = user->id;
  }
  Result<LoginOutcome> TryLogin(const std::string& password) {
    db::Lease sql = database().Acquire();
    return Login(*sql, services(), LoginRequest{"zhangsan", password, "10.0.0.1", "test"});
  }
  Result<Principal> Auth(const std::string& token) {
    db::Lease sql = database().Acquire();
    return Authenticate(*sql, services(), token);
  }
  int64_t role_id_ = 0;
  int64_t user_id_ = 0;
};

TEST_P(AuthTest, LoginOpensASessionThatAuthenticates) {
  auto outcome = TryLogin("Good@Pass1");
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->token.size(), 64u);
  auto principal = Auth(outcome->token);
  ASSERT_TRUE(principal.ok());
  EXPECT_EQ(principal->username, "zhangsan");
  EXPECT_TRUE(principal->Has("system:user:list"));
  EXPECT_EQ(principal->scope, DataScope::kDept);
  // The token itself is never stored, only its hash.
  db::Lease sql = database().Acquire();
  EXPECT_FALSE(repo::GetSession(*sql, outcome->token));
  EXPECT_TRUE(repo::GetSession(*sql, Sha256Hex(outcome->token)));
}

TEST_P(AuthTest, WrongPasswordAndUnknownUserGiveTheSameError) {
  auto wrong = TryLogin("Wrong@Pass1");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "auth.invalid_credentials");
  EXPECT_EQ(wrong.error().message, "用户名或密码错误");
  db::Lease sql = database().Acquire();
  auto unknown = Login(*sql, services(), LoginRequest{"nobody", "Wrong@Pass1", "10.0.0.1", "test"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "auth.invalid_credentials");
}

TEST_P(AuthTest, FiveFailuresLockForFifteenMinutes) {
  for (int attempt = 0; attempt < kMaxFailedLogins; ++attempt) {
    auto r = TryLogin("Wrong@Pass1");
    ASSERT_EQ(r.error().code, "auth.invalid_credentials");
  }
  auto locked = TryLogin("Good@Pass1");  // even the right password is refused now
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, "auth.locked");
  EXPECT_EQ(locked.error().kind, ErrorKind::kTooManyRequests);
  clock().Advance(14 * 60 * 1000);
  EXPECT_EQ(TryLogin("Good@Pass1").error().code, "auth.locked");
  clock().Advance(61 * 1000);
  EXPECT_TRUE(TryLogin("Good@Pass1").ok());
  db::Lease sql = database().Acquire();
  auto log = repo::ListLoginLog(*sql, LoginLogFilter{"zhangsan", "locked", "", "", 1, 20});
  EXPECT_EQ(log.total, 2);
}

// Failed logins are counted per client address too, whatever the username. Guessing one
// password for many accounts locks none of them, but once an address has failed
// kMaxFailedLoginsPerAddress times in the window it is refused, even with a right password.
// Another address is not, and the address may try again once the window is over.
TEST_P(AuthTest, ManyFailuresFromOneAddressRefuseThatAddress) {
  db::Lease sql = database().Acquire();
  auto attempt = [&](const std::string& user, const std::string& password, const char* ip) {
    return Login(*sql, services(), LoginRequest{user, password, ip, "test"});
  };
  for (int i = 0; i < kMaxFailedLoginsPerAddress; ++i) {
    auto r = attempt(i % 2 ? "zhangsan" + std::to_string(i) : "user" + std::to_string(i),
                     "Guess@2026", "10.0.0.9");
    ASSERT_EQ(r.error().code, "auth.invalid_credentials") << i;
  }
  auto refused = attempt("zhangsan", "Good@Pass1", "10.0.0.9");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "auth.address_throttled");
  EXPECT_EQ(refused.error().kind, ErrorKind::kTooManyRequests);
  EXPECT_EQ(refused.error().message, "本机所在网络地址登录失败次数过多，请 15 分钟后再试");
  EXPECT_TRUE(attempt("zhangsan", "Good@Pass1", "10.0.0.1").ok());  // the user is not locked
  clock().Advance(kLockoutMs - 1);
  EXPECT_EQ(attempt("zhangsan", "Good@Pass1", "10.0.0.9").error().code, "auth.address_throttled");
  clock().Advance(1);
  EXPECT_TRUE(attempt("zhangsan", "Good@Pass1", "10.0.0.9").ok());
  auto log =
      repo::ListLoginLog(*sql, LoginLogFilter{"zhangsan", "address_throttled", "", "", 1, 20});
  EXPECT_EQ(log.total, 2);
}

TEST_P(AuthTest, SuccessResetsTheFailureCount) {
  for (int attempt = 0; attempt < kMaxFailedLogins - 1; ++attempt) (void)TryLogin("Wrong@Pass1");
  ASSERT_TRUE(TryLogin("Good@Pass1").ok());
  for (int attempt = 0; attempt < kMaxFailedLogins - 1; ++attempt) {
    EXPECT_EQ(TryLogin("Wrong@Pass1").error().code, "auth.invalid_credentials");
  }
}

TEST_P(AuthTest, IdleAndAbsoluteExpiry) {
  auto outcome = TryLogin("Good@Pass1");
  ASSERT_TRUE(outcome.ok());
  // Activity every 20 minutes keeps the session alive…
  for (int step = 0; step < 5; ++step) {
    clock().Advance(20 * 60 * 1000);
    ASSERT_TRUE(Auth(outcome->token).ok()) << "step " << step;
  }
  // …but 31 idle minutes end it.
  clock().Advance(31 * 60 * 1000);
  auto expired = Auth(outcome->token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().details.at("reason"), "expired");

  auto second = TryLogin("Good@Pass1");
  ASSERT_TRUE(second.ok());
  for (int step = 0; step < 36; ++step) {  // 12 hours of activity every 20 minutes
    clock().Advance(20 * 60 * 1000);
    if (!Auth(second->token).ok()) {
      EXPECT_GE(step, 35);
      return;
    }
  }
  FAIL() << "the session outlived its absolute expiry";
}

TEST_P(AuthTest, RoleChangesApplyOnTheNextRequest) {
  auto outcome = TryLogin("Good@Pass1");
  ASSERT_TRUE(outcome.ok());
  ASSERT_TRUE(Auth(outcome->token)->Has("system:user:list"));
  {
    db::Lease sql = database().Acquire();
    auto updated = UpdateRole(*sql, Root(), role_id_,
                              {"viewer", "查看者", DataScope::kDept, {"system:dept:list"}, ""},
                              FormatIsoMillis(clock().NowMillis()));
    ASSERT_TRUE(updated.ok());
  }
  auto principal = Auth(outcome->token);
  ASSERT_TRUE(principal.ok());
  EXPECT_FALSE(principal->Has("system:user:list"));
  EXPECT_TRUE(principal->Has("system:dept:list"));
}

TEST_P(AuthTest, DisablingAUserEndsItsSessions) {
  auto outcome = TryLogin("Good@Pass1");
  ASSERT_TRUE(outcome.ok());
  {
    db::Lease sql = database().Acquire();
    auto admin = Root();
    admin.user_id = -1;
    ASSERT_TRUE(SetUserStatus(*sql, admin, user_id_, "disabled", "now").ok());
  }
  EXPECT_FALSE(Auth(outcome->token).ok());
  auto again = TryLogin("Good@Pass1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "auth.user_disabled");
}

TEST_P(AuthTest, ChangeOwnPasswordChecksTheOldOne) {
  auto outcome = TryLogin("Good@Pass1");
  ASSERT_TRUE(outcome.ok());
  db::Lease sql = database().Acquire();
  auto bad = ChangeOwnPassword(*sql, outcome->principal, "nope", "New@Pass22", "now");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().details.at("field"), "old_password");
  auto weak = ChangeOwnPassword(*sql, outcome->principal, "Good@Pass1", "short", "now");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().details.at("field"), "new_password");
  ASSERT_TRUE(ChangeOwnPassword(*sql, outcome->principal, "Good@Pass1", "New@Pass22", "now").ok());
  EXPECT_FALSE(TryLogin("Good@Pass1").ok());
  EXPECT_TRUE(TryLogin("New@Pass22").ok());
}

SSJ_BOTH_BACKENDS(AuthTest);

}  // namespace
}  // namespace ssj::org

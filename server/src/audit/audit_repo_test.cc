// The audit chain in storage, on both backends: append, verify, and detection of every kind of
// tampering (modify, delete, insert, reorder, truncate), plus concurrent appenders.
#include "audit/audit_repo.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "testing/test_db.h"

namespace ssj::audit {
namespace {

class AuditRepoTest : public testing::DbTest {
 protected:
  void AppendN(int n) {
    db::Lease sql = database().Acquire();
    for (int entry_idx = 0; entry_idx < n; ++entry_idx) {
      db::Transaction tx(*sql, database().backend());
      Append(*sql, Actor{7, "admin", 1, "127.0.0.1"},
             Change{"system:user:add", "user", std::to_string(entry_idx), nullptr,
                    boost::json::object{{"name", "张三"}, {"password", "Secret@123"}}},
             clock().NowMillis());
      tx.Commit();
    }
  }
  VerifyReport VerifyNow() {
    db::Lease sql = database().Acquire();
    return Verify(*sql);
  }
  void Exec(const std::string& statement) { *database().Acquire() << statement; }
};

TEST_P(AuditRepoTest, EmptyChainVerifies) {
  auto report = VerifyNow();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.count, 0);
}

TEST_P(AuditRepoTest, AppendedChainVerifiesAndRedactsSecrets) {
  AppendN(5);
  auto report = VerifyNow();
  EXPECT_TRUE(report.ok) << report.reason;
  EXPECT_EQ(report.count, 5);
  db::Lease sql = database().Acquire();
  auto page = List(*sql, ListFilter{});
  ASSERT_EQ(page.total, 5);
  EXPECT_EQ(page.items.front().seq, 5);  // newest first
  EXPECT_EQ(page.items.front().after_json.value(), R"({"name":"张三","password":"***"})");
  EXPECT_EQ(page.items.front().prev_hash, page.items[1].hash);
}

TEST_P(AuditRepoTest, ModifiedRowIsNamed) {
  AppendN(5);
  Exec("UPDATE audit_log SET after_json = '{\"name\":\"李四\"}' WHERE seq = 3");
  auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.bad_seq, 3);
  EXPECT_NE(report.reason.find("被修改"), std::string::npos) << report.reason;
}

TEST_P(AuditRepoTest, DeletedRowIsNamed) {
  AppendN(5);
  Exec("DELETE FROM audit_log WHERE seq = 2");
  auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.bad_seq, 3);
}

TEST_P(AuditRepoTest, DeletedTailIsDetected) {
  AppendN(5);
  Exec("DELETE FROM audit_log WHERE seq = 5");
  auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.bad_seq, 5);
}

TEST_P(AuditRepoTest, InsertedRowIsDetected) {
  AppendN(3);
  // A forged row that copies a real one's hashes but shifts the sequence.
  Exec("UPDATE audit_log SET seq = seq + 1 WHERE seq = 3");
  Exec(
      "INSERT INTO audit_log (seq, at, user_id, username, department_id, ip, action, object_type, "
      "object_id, before_json, after_json, prev_hash, hash) SELECT 3, at, user_id, username, "
      "department_id, ip, 'system:role:add', object_type, object_id, before_json, after_json, "
      "prev_hash, hash FROM audit_log WHERE seq = 2");
  auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.bad_seq, 3);
}

TEST_P(AuditRepoTest, ReorderedRowsAreDetected) {
  AppendN(4);
  Exec("UPDATE audit_log SET seq = 100 WHERE seq = 2");
  Exec("UPDATE audit_log SET seq = 2 WHERE seq = 3");
  Exec("UPDATE audit_log SET seq = 3 WHERE seq = 100");
  auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.bad_seq, 2);
}

TEST_P(AuditRepoTest, ConcurrentAppendersKeepOneChain) {
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < 4; ++thread_idx)
    threads.emplace_back([this] { AppendN(25); });
  for (auto& thread : threads) thread.join();
  auto report = VerifyNow();
  EXPECT_TRUE(report.ok) << report.reason;
  EXPECT_EQ(report.count, 100);
}

TEST_P(AuditRepoTest, RolledBackChangeLeavesNoEntry) {
  {
    db::Lease sql = database().Acquire();
    db::Transaction tx(*sql, database().backend());
    Append(*sql, Actor{}, Change{"x", "y", "1", nullptr, nullptr}, clock().NowMillis());
    // no commit
  }
  AppendN(1);
  auto report = VerifyNow();
  EXPECT_TRUE(report.ok) << report.reason;
  EXPECT_EQ(report.count, 1);
}

TEST_P(AuditRepoTest, ListFilters) {
  AppendN(3);
  db::Lease sql = database().Acquire();
  ListFilter filter;
  filter.object_id = "1";
  EXPECT_EQ(List(*sql, filter).total, 1);
  filter = ListFilter{};
  filter.username = "nobody";
  EXPECT_EQ(List(*sql, filter).total, 0);
  filter = ListFilter{};
  filter.page_size = 2;
  filter.page = 2;
  auto page = List(*sql, filter);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].seq, 1);
}

SSJ_BOTH_BACKENDS(AuditRepoTest);

}  // namespace
}  // namespace ssj::audit

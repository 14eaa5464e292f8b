// Vectors from shared/data/code-checks.json (GB 11643-1999 worked examples and synthetic cases).
#include "codes/resident_id.h"

#include <gtest/gtest.h>

namespace ssj::codes {
namespace {

TEST(ResidentIdTest, PublishedVectors) {
  for (const char* id :
       {"11010519491231002X", "440524188001010014", "500103199001011232", "11010519491231002x"}) {
    EXPECT_FALSE(ResidentIdProblem(id).has_value()) << id << ": " << *ResidentIdProblem(id);
  }
  EXPECT_EQ(ResidentIdCheckChar("11010519491231002").value(), 'X');
  EXPECT_EQ(ResidentIdCheckChar("50010319900101123").value(), '2');
}

TEST(ResidentIdTest, EachFaultHasItsMessage) {
  struct Case {
    const char* id;
    const char* says;
  };
  for (const Case& c :
       {Case{"500103199001011230", "校验码错误（应为 2）"},
        Case{"500103199002301231", "出生日期 19900230 不存在"},
        Case{"50010319900101123", "应为 18 位"}, Case{"50010319900101123A", "最后一位应为数字或 X"},
        Case{"370303851231056", "15 位旧身份证号码"}}) {
    auto problem = ResidentIdProblem(c.id);
    ASSERT_TRUE(problem.has_value()) << c.id;
    EXPECT_NE(problem->find(c.says), std::string::npos) << c.id << ": " << *problem;
  }
}

}  // namespace
}  // namespace ssj::codes

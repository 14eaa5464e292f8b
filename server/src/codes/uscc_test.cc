// Vectors from shared/data/code-checks.json (GB 32100-2015 and GB 11714-1997).
#include "codes/uscc.h"

#include <gtest/gtest.h>

namespace ssj::codes {
namespace {

TEST(UsccTest, PublishedVectors) {
  for (const char* code :
       {"91500103MA60K3T26Y", "92370303MA3C7Q1N7N", "91110000600037341L", "91310115MA1K3BTP2B",
        "92340602MA2PBQAH7E", "121200004013590816", "91620105L015101280"}) {
    EXPECT_TRUE(IsValidUscc(code)) << code;
  }
  for (const char* code : {"91500103MA60K3T26X", "91500103MA60K3T2OY", "91500103MA60K3T26"}) {
    EXPECT_FALSE(IsValidUscc(code)) << code;
  }
  EXPECT_EQ(UsccCheckChar("91500103MA60K3T26").value(), 'Y');
  EXPECT_FALSE(UsccCheckChar("91500103MA60K3T2O").has_value());  // O is never used
}

TEST(OrgCodeTest, InnerCheck) {
  EXPECT_EQ(OrgCodeCheckChar("MA60K3T2").value(), '6');
  // 91500103MA60K3T20C passes the outer check but not the inner one.
  EXPECT_TRUE(IsValidUscc("91500103MA60K3T20C"));
  EXPECT_NE(OrgCodeCheckChar("MA60K3T2").value(), '0');
}

}  // namespace
}  // namespace ssj::codes

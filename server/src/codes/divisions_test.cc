#include "codes/divisions.h"

#include <gtest/gtest.h>

namespace ssj::codes {
namespace {

TEST(DivisionsTest, ChongqingAndZibo) {
  const Division* yuzhong = FindDivision("500103");
  ASSERT_NE(yuzhong, nullptr);
  EXPECT_EQ(yuzhong->name, "渝中区");
  EXPECT_EQ(yuzhong->full_name, "重庆市渝中区");
  const Division* zhangdian = FindDivision("370303");
  ASSERT_NE(zhangdian, nullptr);
  EXPECT_EQ(zhangdian->full_name, "山东省淄博市张店区");
  EXPECT_EQ(FindDivision("999999"), nullptr);
  EXPECT_GT(AllDivisions().size(), 3000u);
}

TEST(DivisionsTest, Search) {
  auto dazu = SearchDivisions("大足", "", 10);
  ASSERT_EQ(dazu.size(), 1u);
  EXPECT_EQ(dazu[0]->code, "500111");
  auto children = SearchDivisions("", "500000", 100);
  EXPECT_GT(children.size(), 30u);
  EXPECT_EQ(SearchDivisions("50", "", 5).size(), 5u);
}

}  // namespace
}  // namespace ssj::codes

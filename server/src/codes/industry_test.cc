#include "codes/industry.h"

#include <gtest/gtest.h>

namespace ssj::codes {
namespace {

TEST(IndustryTest, SectionsAndDivisions) {
  ASSERT_EQ(IndustrySections().size(), 20u);  // 门类 A–T
  EXPECT_EQ(FindIndustrySection("C")->name, "制造业");
  EXPECT_EQ(FindIndustrySection("Z"), nullptr);
  EXPECT_EQ(SectionOfDivision("36")->code, "C");  // 汽车制造业
  EXPECT_EQ(SectionOfDivision("01")->code, "A");
  EXPECT_EQ(SectionOfDivision("97")->code, "T");
  EXPECT_EQ(SectionOfDivision("98"), nullptr);
  EXPECT_EQ(SectionOfDivision("3"), nullptr);
  // 97 大类 in all (GB/T 4754-2017).
  int divisions = 0;
  for (const auto& s : IndustrySections()) divisions += s.division_to - s.division_from + 1;
  EXPECT_EQ(divisions, 97);
}

}  // namespace
}  // namespace ssj::codes

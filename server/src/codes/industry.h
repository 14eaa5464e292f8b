// GB/T 4754-2017 国民经济行业分类: the 20 门类 (A–T) and the two-digit 大类 codes each covers,
// shipped in server/data/industry-sections.csv and compiled in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ssj::codes {

struct IndustrySection {
  std::string code;       // "C"
  std::string name;       // "制造业"
  int division_from = 0;  // 13
  int division_to = 0;    // 43
};

const std::vector<IndustrySection>& IndustrySections();
const IndustrySection* FindIndustrySection(std::string_view code);
// The 门类 a two-digit 大类 code ("36") belongs to, or nullptr when no 门类 covers it.
const IndustrySection* SectionOfDivision(std::string_view division);

}  // namespace ssj::codes

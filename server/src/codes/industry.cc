#include "codes/industry.h"

#include <stdexcept>

#include "common/embedded.h"

namespace ssj::codes {
namespace {

std::vector<IndustrySection> Load() {
  for (const auto& [key, text] : embedded::Files()) {
    if (key != "data/industry-sections.csv") continue;
    std::vector<IndustrySection> out;
    size_t pos = text.find('\n') + 1;  // header
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      if (line.empty()) continue;
      std::vector<std::string> cols;
      size_t from = 0;
      for (size_t comma; (comma = line.find(',', from)) != std::string_view::npos; from = comma + 1)
        cols.emplace_back(line.substr(from, comma - from));
      cols.emplace_back(line.substr(from));
      // The name itself holds "、" but no ASCII comma, so the columns are fixed.
      if (cols.size() != 5) throw std::runtime_error("industry-sections.csv: bad line");
      out.push_back({cols[0], cols[1], std::stoi(cols[2]), std::stoi(cols[3])});
    }
    return out;
  }
  throw std::runtime_error("industry-sections.csv is not embedded");
}

}  // namespace

const std::vector<IndustrySection>& IndustrySections() {
  static const std::vector<IndustrySection> sections = Load();
  return sections;
}

const IndustrySection* FindIndustrySection(std::string_view code) {
  for (const auto& s : IndustrySections()) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

const IndustrySection* SectionOfDivision(std::string_view division) {
  if (division.size() != 2 || division[0] < '0' || division[0] > '9' || division[1] < '0' ||
      division[1] > '9') {
    return nullptr;
  }
  int number = (division[0] - '0') * 10 + (division[1] - '0');
  for (const auto& s : IndustrySections()) {
    if (number >= s.division_from && number <= s.division_to) return &s;
  }
  return nullptr;
}

}  // namespace ssj::codes

// GB/T 2260 administrative division codes (county level and above, MCA list of 2024-12-31),
// shipped in server/data/divisions-cn.csv and compiled in. Read-only after first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ssj::codes {

struct Division {
  std::string code;         // "500103"
  std::string name;         // "渝中区"
  std::string parent_code;  // "500000"; empty for provinces
  std::string level;        // province | prefecture | county
  std::string full_name;    // "重庆市渝中区"
};

const Division* FindDivision(std::string_view code);
const std::vector<Division>& AllDivisions();
// Code prefix or name substring; parent filters to direct children. At most `limit` results.
std::vector<const Division*> SearchDivisions(std::string_view q, std::string_view parent,
                                             size_t limit);

}  // namespace ssj::codes

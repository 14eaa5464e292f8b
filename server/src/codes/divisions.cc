#include "codes/divisions.h"

#include <unordered_map>

#include "common/embedded.h"

namespace ssj::codes {
namespace {

struct Table {
  std::vector<Division> rows;
  std::unordered_map<std::string, size_t> by_code;
};

const Table& GetTable() {
  static const Table kTable = [] {
    Table table;
    std::string_view csv;
    for (const auto& [key, text] : embedded::Files()) {
      if (key == "data/divisions-cn.csv") csv = text;
    }
    size_t pos = csv.find('\n') + 1;  // skip the header
    while (pos < csv.size()) {
      size_t end = csv.find('\n', pos);
      if (end == std::string_view::npos) end = csv.size();
      std::string_view line = csv.substr(pos, end - pos);
      pos = end + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      Division d;
      size_t c1 = line.find(','), c2 = line.find(',', c1 + 1), c3 = line.find(',', c2 + 1);
      d.code = line.substr(0, c1);
      d.name = line.substr(c1 + 1, c2 - c1 - 1);
      d.parent_code = line.substr(c2 + 1, c3 - c2 - 1);
      d.level = line.substr(c3 + 1);
      table.by_code[d.code] = table.rows.size();
      table.rows.push_back(std::move(d));
    }
    // Full names: a county under a prefecture reads "山东省淄博市张店区".
    for (Division& d : table.rows) {
      std::string full = d.name;
      std::string parent = d.parent_code;
      while (!parent.empty()) {
        auto it = table.by_code.find(parent);
        if (it == table.by_code.end()) break;
        full = table.rows[it->second].name + full;
        parent = table.rows[it->second].parent_code;
      }
      d.full_name = std::move(full);
    }
    return table;
  }();
  return kTable;
}

}  // namespace

const Division* FindDivision(std::string_view code) {
  const Table& table = GetTable();
  auto it = table.by_code.find(std::string(code));
  return it == table.by_code.end() ? nullptr : &table.rows[it->second];
}

const std::vector<Division>& AllDivisions() { return GetTable().rows; }

std::vector<const Division*> SearchDivisions(std::string_view q, std::string_view parent,
                                             size_t limit) {
  std::vector<const Division*> out;
  for (const Division& d : GetTable().rows) {
    if (out.size() >= limit) break;
    if (!parent.empty() && d.parent_code != parent) continue;
    if (!q.empty() && !d.code.starts_with(q) && d.full_name.find(q) == std::string::npos) {
      continue;
    }
    out.push_back(&d);
  }
  return out;
}

}  // namespace ssj::codes

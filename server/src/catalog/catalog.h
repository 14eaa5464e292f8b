// Rules of the item list: how a row (typed in a form or read from a file) becomes a valid
// ItemInput, with every problem named by its zh-CN column; what an item needs before it can be
// published; the ratio cap as a decimal. Pure: departments and specialties come in through
// what the caller passes.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog_types.h"
#include "importer/import_engine.h"

namespace ssj::catalog {

using importer::CellProblem;
using importer::Column;
using importer::Row;

// The columns of an import file, in Row order: appendix A.1's six first (a file must have them
// in its header), then the ones ssj adds.
const std::vector<Column>& ItemColumns();
// The API's field names, in the same order.
const std::vector<std::string>& ItemFieldNames();

struct CheckContext {
  struct DepartmentRef {
    int64_t id = 0;
    std::string code;
    std::string name;
  };
  // A department by code, name or "#id" (the form sends ids); nullopt when there is none.
  std::function<std::optional<DepartmentRef>(const std::string&)> department;
  std::set<std::string> specialties;  // the dictionary
};

struct Checked {
  ItemInput input;
  std::string department_code;  // of the initiating department, for generated item codes
  std::string department_name;
  std::vector<CellProblem> problems;  // errors and warnings
  bool ok() const { return importer::NoErrors(problems); }
};

// Normalises and checks one row. A row may leave the fields that only publication needs empty
// (a draft): that is one warning, not an error.
Checked CheckItem(const Row& row, const CheckContext& context);

// What an item still lacks before it can be published (000 Art. 5: 事项类别, 检查内容, 检查依据,
// 检查方式, 抽查频次, 公示方式), one error per field; empty when it can be published.
std::vector<CellProblem> PublishProblems(const ItemInput& input);

// A ratio cap as people write it ("5%", "５％", "12.5 %", "0.05") as a decimal fraction without
// trailing zeros ("0.05", "0.125", "1"). nullopt, with the reason in `why`, for anything that is
// not a ratio in (0, 1] with at most six decimals.
std::optional<std::string> ParseRatio(std::string_view text, std::string* why);
// "0.05" → "5%"; "" for "".
std::string RatioPercent(const std::string& ratio);

// An item code made canonical (full-width to ASCII, spaces dropped, upper case), and whether it
// is one: 2–32 of A–Z, 0–9, - and _.
std::string NormalizeItemCode(std::string_view code);
bool IsItemCode(std::string_view code);

// 行政相对人 for "entity" and so on; "" for an unknown code.
std::string TargetTypeName(std::string_view code);

// The fields as JSON (the versions and the API share this form).
boost::json::object InputJson(const ItemInput& input);

// Whether `value` is one of a dictionary's entries.
template <size_t N>
bool OneOf(std::string_view value, const char* const (&allowed)[N]) {
  for (const char* a : allowed) {
    if (value == a) return true;
  }
  return false;
}

}  // namespace ssj::catalog

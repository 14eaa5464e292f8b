// Rules of the target directory: how a row (typed in a form or read from a file) becomes a
// valid TargetInput, with every problem named by its zh-CN column. Pure: departments are looked
// up through a function the caller passes in.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "directory/directory_types.h"

namespace ssj::directory {

// The B.1 columns, as the appendix names them, then the optional ones ssj adds. A file needs
// only the appendix's seven; the others take the defaults in docs/import.md.
using importer::Column;
const std::vector<Column>& EntityColumns();

// One B.1 row, cell by cell, in EntityColumns() order (missing optional columns are empty).
using importer::Row;

// Finds a department by its code or name; nullopt when there is none.
using DepartmentLookup = std::function<std::optional<int64_t>(const std::string&)>;

struct Checked {
  TargetInput input;
  std::vector<CellProblem> problems;  // errors and warnings, in column order
  bool ok() const;
};

// Normalises and checks a B.1 row. `default_department` supervises the target when the row
// names none (the importing user's department).
Checked CheckEntity(const Row& row, int64_t default_department, const DepartmentLookup& lookup);

// The fields of a target as JSON (its history entries and the API share this form).
boost::json::object InputJson(const TargetInput& input);

// Whether `value` is one of a dictionary's entries (kNatures, kStatuses, …).
template <size_t N>
bool OneOf(std::string_view value, const char* const (&allowed)[N]) {
  for (const char* a : allowed) {
    if (value == a) return true;
  }
  return false;
}

// A filter value that must be empty or one of a dictionary's entries; an error naming `field`.
template <size_t N>
Status CheckOneOf(const std::string& field, const std::string& value,
                  const char* const (&allowed)[N]) {
  if (value.empty() || OneOf(value, allowed)) return OkStatus();
  return Error::InvalidField(field, "不是可选的值", value.substr(0, 32));
}

// A code as people type it, made canonical: full-width characters to ASCII, spaces removed,
// letters upper-cased (USCCs and the X of ID numbers).
std::string NormalizeCode(std::string_view code);

// The half-open range of division codes under `code` ("500000" → ["50", "51")), for index
// range scans; nullopt for an unknown division.
std::optional<std::pair<std::string, std::string>> DivisionRange(const std::string& code);

}  // namespace ssj::directory

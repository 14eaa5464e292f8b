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

// B.1 行政相对人 (organisations and persons), B.2 场地场所, B.3 产品.
enum class TargetKind { kEntity, kPlace, kProduct };
struct KindInfo {
  TargetKind id;
  const char* kind;         // targets.kind
  const char* import_name;  // the CLI's and the export's KIND
  const char* noun;         // 行政相对人, 场地场所, 产品
  const char* appendix;     // 附录 B.1 …
  const char* key_column;   // the column that identifies a row
};
const KindInfo& Info(TargetKind kind);
// By targets.kind ("place") or KIND ("places").
std::optional<TargetKind> KindByName(std::string_view name);

// A kind's columns, as its appendix names them, then the shared ones (检查地址 … 行政区划代码),
// then the optional ones ssj adds. A file needs only the appendix's; the others take the
// defaults in docs/import.md.
using importer::Column;
const std::vector<Column>& TargetColumns(TargetKind kind);
const std::vector<Column>& EntityColumns();  // TargetColumns(kEntity)
// The API's field names, one per column, in the same order.
const std::vector<std::string>& TargetFieldNames(TargetKind kind);

// One row, cell by cell, in its kind's column order (missing optional columns are empty).
using importer::Row;

// Finds a department by its code or name; nullopt when there is none.
using DepartmentLookup = std::function<std::optional<int64_t>(const std::string&)>;

struct Checked {
  TargetInput input;
  std::vector<CellProblem> problems;  // errors and warnings, in column order
  bool ok() const;
};

struct CheckContext {
  int64_t default_department = 0;  // supervises the target when the row names none
  DepartmentLookup lookup;
  std::string today;  // YYYY-MM-DD, for expired licences; "" skips that check
};
// Normalises and checks a row of a kind.
Checked CheckTarget(TargetKind kind, const Row& row, const CheckContext& context);
Checked CheckEntity(const Row& row, int64_t default_department, const DepartmentLookup& lookup);

// A stored target as a row of its kind's columns (what an export writes and an import reads).
Row ToRow(const Target& target);

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

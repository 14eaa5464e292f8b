// Rules of conflicts and exemptions: how a row (a form or a file) becomes a valid input, with
// every problem named by its zh-CN column. Pure: people and targets are looked up through what
// the caller passes in.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "importer/import_engine.h"
#include "restrictions/restriction_types.h"

namespace ssj::restrictions {

using importer::CellProblem;
using importer::Column;
using importer::Row;

const std::vector<Column>& ConflictColumns();
const std::vector<std::string>& ConflictFieldNames();
const std::vector<Column>& ExemptionColumns();
const std::vector<std::string>& ExemptionFieldNames();

// A person or a target found by its code: its id, name and department (whose data scope a
// record falls in: the inspector's department, or the target's supervising department).
struct Ref {
  int64_t id = 0;
  std::string name;
  int64_t department_id = 0;
};

struct CheckContext {
  std::string today;  // YYYY-MM-DD (China): the default start of validity
  // An inspector by 执法证号 or 证件号码 ("#12": by id).
  std::function<std::optional<Ref>(const std::string&)> inspector;
  // A target by its code, of any kind ("#12": by id).
  std::function<std::optional<Ref>(const std::string&)> target;
};

template <class Input>
struct Checked {
  Input input;
  std::string key;            // the row's key in an import
  int64_t department_id = 0;  // whose data it is (the target's supervisor, or the inspector's)
  std::vector<CellProblem> problems;
  bool ok() const { return importer::NoErrors(problems); }
};

Checked<ConflictInput> CheckConflict(const Row& row, const CheckContext& context);
Checked<ExemptionInput> CheckExemption(const Row& row, const CheckContext& context);

// Whether a record is in force on `day`.
bool InForce(const std::string& status, const std::string& from, const std::string& until,
             const std::string& day);

}  // namespace ssj::restrictions

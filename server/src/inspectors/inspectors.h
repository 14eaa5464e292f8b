// Rules of the inspector directory: how a row (typed in a form or read from a file) becomes a
// valid InspectorInput, with every problem named by its zh-CN column. Pure: departments and
// specialties are looked up through what the caller passes in.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "importer/import_engine.h"
#include "inspectors/inspector_types.h"

namespace ssj::inspectors {

using importer::CellProblem;
using importer::Column;
using importer::Row;

// The columns of an import file, in Row order. An inspectors file needs appendix C.1's six
// (姓名, 电话, 所属区县, 所属部门, 人员类别, 业务专长); an experts file its own five.
const std::vector<Column>& InspectorColumns(Group group);
// The API's field names, in the same order.
const std::vector<std::string>& InspectorFieldNames();

struct CheckContext {
  Group group = Group::kInspectors;
  std::string today;  // YYYY-MM-DD (Asia/Shanghai): an expired certificate is a warning
  // A department by code or name ("#12": by id); nullopt when there is none.
  struct DepartmentRef {
    int64_t id = 0;
    std::string division_code;  // where it sits: a district name shared by several provinces
                                // (江北区 in 重庆 and 宁波) means the one in its province
  };
  std::function<std::optional<DepartmentRef>(const std::string&)> department;
  std::set<std::string> specialties;  // the dictionary
};

struct Checked {
  InspectorInput input;
  std::vector<CellProblem> problems;
  bool ok() const { return importer::NoErrors(problems); }
};

Checked CheckInspector(const Row& row, const CheckContext& context);

// Whether a person can be drawn today: on duty and, for 执法人员, with a valid certificate.
bool Drawable(const InspectorInput& input, const std::string& today);

// The fields as JSON (the history entries and the API share this form).
boost::json::object InputJson(const InspectorInput& input);

}  // namespace ssj::inspectors

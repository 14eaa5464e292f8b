#include "importer/form.h"

#include <algorithm>
#include <boost/json.hpp>

namespace ssj::importer {

namespace json = boost::json;

std::string IdRef(int64_t id) { return "#" + std::to_string(id); }

std::optional<int64_t> ParseIdRef(std::string_view key) {
  if (key.size() < 2 || key.size() > 19 || key[0] != '#' ||
      key.find_first_not_of("0123456789", 1) != std::string_view::npos) {
    return std::nullopt;
  }
  return std::stoll(std::string(key.substr(1)));
}

Result<Row> RowFromJson(const json::value& body, const std::vector<std::string>& names,
                        const std::vector<std::string>& id_fields) {
  if (!body.is_object()) return Error::InvalidField("body", "请求体应为 JSON 对象");
  Row row(names.size());
  for (size_t col = 0; col < names.size(); ++col) {
    const json::value* v = body.get_object().if_contains(names[col]);
    if (!v || v->is_null()) continue;
    if (v->is_string()) {
      row[col] = std::string(v->get_string());
    } else if (v->is_int64() &&
               std::find(id_fields.begin(), id_fields.end(), names[col]) != id_fields.end()) {
      row[col] = IdRef(v->get_int64());
    } else if (v->is_array()) {
      for (const auto& item : v->get_array()) {
        if (!item.is_string()) return Error::InvalidField(names[col], "应为字符串数组");
        row[col] += (row[col].empty() ? "" : "、") + std::string(item.get_string());
      }
    } else {
      return Error::InvalidField(names[col], "应为字符串");
    }
  }
  return row;
}

Error ProblemsError(const std::vector<CellProblem>& problems, const std::vector<Column>& columns,
                    const std::vector<std::string>& names) {
  json::array list;
  const CellProblem* first = nullptr;
  std::string first_field;
  for (const CellProblem& p : problems) {
    if (p.warning) continue;
    std::string field;
    for (size_t col = 0; col < columns.size() && col < names.size(); ++col) {
      if (p.column == columns[col].name) field = names[col];
    }
    if (!first) {
      first = &p;
      first_field = field;
    }
    list.push_back(
        {{"field", field}, {"column", p.column}, {"value", p.value}, {"message", p.message}});
  }
  if (!first) return Error::InvalidField("body", "数据有误");
  Error e = Error::InvalidField(first_field, first->column + "：" + first->message, first->value);
  e.details["problems"] = std::move(list);
  return e;
}

}  // namespace ssj::importer

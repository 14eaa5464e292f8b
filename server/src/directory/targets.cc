#include "directory/targets.h"

#include <boost/json.hpp>

#include "codes/industry.h"
#include "directory/directory_repo.h"
#include "importer/form.h"
#include "org/org_repo.h"

namespace ssj::directory {
namespace {

namespace json = boost::json;

// The department must be one the caller may see (its data scope).
Status CheckDepartmentInScope(soci::session& sql, const org::Principal& who, int64_t id) {
  if (!org::repo::GetDepartment(sql, &who, id))
    return Error::InvalidField("department", "只能登记本人数据范围内部门监管的对象");
  return OkStatus();
}

}  // namespace

Result<TargetKind> KindOf(const json::value& body) {
  const json::value* kind = body.is_object() ? body.as_object().if_contains("kind") : nullptr;
  if (!kind || kind->is_null()) return TargetKind::kEntity;
  std::optional<TargetKind> found;
  if (kind->is_string()) found = KindByName(std::string_view(kind->as_string()));
  if (!found) return Error::InvalidField("kind", "应为 entity、place 或 product");
  return *found;
}

namespace {

Result<TargetInput> Check(soci::session& sql, const org::Principal& who, TargetKind kind,
                          const json::value& body, const std::string& today) {
  SSJ_ASSIGN(Row row, importer::RowFromJson(body, TargetFieldNames(kind)));
  auto lookup = [&](const std::string& key) -> std::optional<int64_t> {
    if (key.starts_with("#")) return importer::ParseIdRef(key);
    return repo::DepartmentByCodeOrName(sql, key);
  };
  Checked checked = CheckTarget(kind, row, {who.department_id, lookup, today});
  if (!checked.ok())
    return importer::ProblemsError(checked.problems, TargetColumns(kind), TargetFieldNames(kind));
  SSJ_TRY(CheckDepartmentInScope(sql, who, checked.input.department_id));
  return checked.input;
}

Error Taken(const TargetInput& input) {
  const std::string field = input.kind == "place" && input.code.find('/') != std::string::npos
                                ? "name"
                                : (input.kind == "place" ? "place_code" : "code");
  return Error::Duplicate(field, input.code, "名录库中已有编码为 " + input.code + " 的对象");
}

}  // namespace

Result<Target> CreateTarget(soci::session& sql, const org::Principal& who, const json::value& body,
                            const std::string& now, const std::string& today) {
  SSJ_ASSIGN(TargetKind kind, KindOf(body));
  SSJ_ASSIGN(TargetInput input, Check(sql, who, kind, body, today));
  if (repo::Find(sql, input.kind, input.code)) return Taken(input);
  int64_t id = repo::Insert(sql, input, who.user_id, now, "create");
  return *repo::Get(sql, nullptr, id);
}

Result<Change<Target>> UpdateTarget(soci::session& sql, const org::Principal& who, int64_t id,
                                    const json::value& body, const std::string& now,
                                    const std::string& today) {
  auto before = repo::Get(sql, &who, id);
  if (!before) return Error::NotFound("检查对象");
  // A target keeps its kind: its columns are its kind's.
  SSJ_ASSIGN(TargetInput input,
             Check(sql, who, KindByName(before->kind).value_or(TargetKind::kEntity), body, today));
  auto same_code = repo::Find(sql, input.kind, input.code);
  if (same_code && same_code->id != id) return Taken(input);
  repo::Update(sql, id, input, who.user_id, now, "update");
  return Change<Target>{before, *repo::Get(sql, nullptr, id)};
}

json::value ToJson(const Target& t) {
  json::object o = InputJson(t);
  o["id"] = t.id;
  o["district"] = t.district;
  o["department_name"] = t.department_name;
  o["version"] = t.version;
  o["created_at"] = t.created_at;
  o["updated_at"] = t.updated_at;
  return o;
}

json::value ListJson(const Target& t) {
  json::value o = ToJson(t);
  json::object& extra = o.as_object()["extra"].as_object();
  if (json::value* id = extra.if_contains("person_id"); id && id->is_string()) {
    std::string v(id->as_string());
    if (v.size() > 10)
      v = v.substr(0, 6) + std::string(v.size() - 10, '*') + v.substr(v.size() - 4);
    *id = v;
  }
  return o;
}

json::value ToJson(const HistoryEntry& h) {
  return {{"version", h.version},
          {"action", h.action},
          {"data", json::parse(h.data)},
          {"changed_by", h.changed_by_name},
          {"changed_at", h.changed_at}};
}

json::value OptionsJson() {
  auto list = [](const auto& items) {
    json::array out;
    for (const char* item : items) out.emplace_back(item);
    return out;
  };
  json::array sections;
  for (const auto& s : codes::IndustrySections()) {
    sections.push_back({{"code", s.code},
                        {"name", s.name},
                        {"division_from", s.division_from},
                        {"division_to", s.division_to}});
  }
  return {{"natures", list(kNatures)},
          {"statuses", list(kStatuses)},
          {"classes", list(kClasses)},
          {"tags", list(kTags)},
          {"industry_sections", std::move(sections)}};
}

}  // namespace ssj::directory

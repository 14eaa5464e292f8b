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

const std::vector<std::string>& EntityFieldNames() {
  static const std::vector<std::string> names = {"name",
                                                 "code",
                                                 "address",
                                                 "phone",
                                                 "district",
                                                 "nature",
                                                 "division_code",
                                                 "status",
                                                 "credit_class",
                                                 "industry_section",
                                                 "industry_division",
                                                 "tags",
                                                 "department"};
  return names;
}

Result<Row> RowFromJson(const json::value& body) {
  return importer::RowFromJson(body, EntityFieldNames());
}

namespace {

Result<TargetInput> Check(soci::session& sql, const org::Principal& who, const Row& row) {
  auto lookup = [&](const std::string& key) -> std::optional<int64_t> {
    if (key.starts_with("#")) return importer::ParseIdRef(key);
    return repo::DepartmentByCodeOrName(sql, key);
  };
  Checked checked = CheckEntity(row, who.department_id, lookup);
  if (!checked.ok())
    return importer::ProblemsError(checked.problems, EntityColumns(), EntityFieldNames());
  SSJ_TRY(CheckDepartmentInScope(sql, who, checked.input.department_id));
  return checked.input;
}

}  // namespace

Result<Target> CreateEntity(soci::session& sql, const org::Principal& who, const Row& row,
                            const std::string& now) {
  SSJ_ASSIGN(TargetInput input, Check(sql, who, row));
  if (repo::Find(sql, input.kind, input.code)) {
    return Error::Duplicate("code", input.code, "名录库中已有编码为 " + input.code + " 的对象");
  }
  int64_t id = repo::Insert(sql, input, who.user_id, now, "create");
  return *repo::Get(sql, nullptr, id);
}

Result<Change<Target>> UpdateEntity(soci::session& sql, const org::Principal& who, int64_t id,
                                    const Row& row, const std::string& now) {
  auto before = repo::Get(sql, &who, id);
  if (!before) return Error::NotFound("检查对象");
  SSJ_ASSIGN(TargetInput input, Check(sql, who, row));
  auto same_code = repo::Find(sql, input.kind, input.code);
  if (same_code && same_code->id != id) {
    return Error::Duplicate("code", input.code, "名录库中已有编码为 " + input.code + " 的对象");
  }
  repo::Update(sql, id, input, who.user_id, now, "update");
  return Change<Target>{before, *repo::Get(sql, nullptr, id)};
}

json::value ToJson(const Target& t) {
  json::object o = InputJson(t);
  o.erase("extra");
  o["id"] = t.id;
  o["district"] = t.district;
  o["department_name"] = t.department_name;
  o["version"] = t.version;
  o["created_at"] = t.created_at;
  o["updated_at"] = t.updated_at;
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

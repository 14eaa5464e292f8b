#include "catalog/catalog_service.h"

#include <boost/json.hpp>
#include <map>
#include <set>
#include <unordered_map>

#include "catalog/catalog.h"
#include "catalog/catalog_repo.h"
#include "importer/form.h"
#include "org/org_repo.h"

namespace ssj::catalog {
namespace {

namespace json = boost::json;

Error Conflict(std::string code, std::string message) {
  return Error{ErrorKind::kConflict, std::move(code), std::move(message), {}};
}

// Departments by code, name or "#id", looked up once each.
class Departments {
 public:
  explicit Departments(soci::session& sql) : sql_(sql) {}
  std::optional<CheckContext::DepartmentRef> operator()(const std::string& key) {
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, repo::FindDepartment(sql_, key)).first;
    return it->second;
  }

 private:
  soci::session& sql_;
  std::unordered_map<std::string, std::optional<CheckContext::DepartmentRef>> cache_;
};

CheckContext Context(soci::session& sql, Departments& departments) {
  CheckContext context;
  context.department = std::ref(departments);
  for (std::string& s : repo::Specialties(sql)) context.specialties.insert(std::move(s));
  return context;
}

// The form's JSON in the import's terms: department ids as "#id", the flag as 是/否, a ratio
// sent as a number as its text. Anything else is left for RowFromJson to judge.
json::value FormBody(const json::value& body) {
  if (!body.is_object()) return body;
  json::object out = body.get_object();
  auto id_text = [](const json::value& v) -> json::value {
    if (v.is_int64()) return json::string(importer::IdRef(v.get_int64()));
    return v;
  };
  if (auto* v = out.if_contains("department_id")) *v = id_text(*v);
  if (auto* v = out.if_contains("cooperating_department_ids"); v && v->is_array()) {
    for (json::value& id : v->get_array()) id = id_text(id);
  }
  if (auto* v = out.if_contains("no_advance_notice"); v && v->is_bool())
    *v = json::string(v->get_bool() ? "是" : "否");
  if (auto* v = out.if_contains("ratio_cap"); v && (v->is_number()))
    *v = json::string(json::serialize(*v));
  return out;
}

Result<Checked> CheckForm(soci::session& sql, const org::Principal& who, const json::value& body) {
  SSJ_ASSIGN(importer::Row row, importer::RowFromJson(FormBody(body), ItemFieldNames()));
  if (row[3].empty()) row[3] = importer::IdRef(who.department_id);  // the caller's own
  Departments departments(sql);
  Checked checked = CheckItem(row, Context(sql, departments));
  if (!checked.ok())
    return importer::ProblemsError(checked.problems, ItemColumns(), ItemFieldNames());
  if (!org::repo::GetDepartment(sql, &who, checked.input.department_id))
    return Error::InvalidField("department_id", "只能为本人数据范围内的部门登记抽查事项");
  return checked;
}

// The code and the name (with the sub-item) are unique; `self` is the item being edited.
Status CheckUnique(soci::session& sql, const ItemInput& input, int64_t self) {
  if (auto same = repo::FindByCode(sql, input.code); same && same->id != self)
    return Error::Duplicate("code", input.code, "事项编码 " + input.code + " 已被其他事项使用");
  if (auto same = repo::FindByName(sql, input.department_id, input.name, input.sub_item);
      same && same->id != self) {
    return Error::Duplicate("name", input.name,
                            "发起部门已有同名" +
                                std::string(input.sub_item.empty() ? "" : "同子项") +
                                "的抽查事项（事项编码 " + same->code + "）");
  }
  return OkStatus();
}

// Two requests that passed CheckUnique at the same time: the database's constraint decides.
Error TakenMeanwhile(const ItemInput& input) {
  return Error::Duplicate("code", input.code, "事项编码或同名事项刚被其他用户登记，请刷新后重试");
}

std::vector<std::string> MissingColumns(const std::vector<CellProblem>& problems) {
  std::vector<std::string> out;
  for (const CellProblem& p : problems) out.push_back(p.column);
  return out;
}

class ItemImport : public importer::LookupKind {
 public:
  ItemImport(soci::session& sql, const ImportOptions& options)
      : sql_(sql), options_(options), departments_(sql), context_(Context(sql, departments_)) {}

  const std::vector<importer::Column>& Columns() const override { return ItemColumns(); }
  std::string Source() const override { return "附录 A.1"; }
  std::string KeyColumn() const override { return "抽查事项"; }

  importer::CheckedRow Check(const importer::Row& row) override {
    Checked checked = Run(row);
    if (!checked.ok()) return {"", std::move(checked.problems)};
    const ItemInput& in = checked.input;
    // The key: a department's item by name and sub-item (A.1 has no code column).
    std::string key = in.name + (in.sub_item.empty() ? "" : "（" + in.sub_item + "）") + "【" +
                      checked.department_name + "】";
    by_key_[key] = {in.department_id, in.name, in.sub_item};
    if (!in.code.empty()) {
      auto [it, fresh] = codes_.emplace(in.code, key);
      auto stored = repo::FindByCode(sql_, in.code);
      auto named = repo::FindByName(sql_, in.department_id, in.name, in.sub_item);
      if (!fresh && it->second != key) {
        checked.problems.push_back(
            {"事项编码", in.code, "与本文件中另一抽查事项的事项编码重复", false});
      } else if (stored && (!named || named->id != stored->id)) {
        checked.problems.push_back({"事项编码", in.code, "事项编码已被另一抽查事项使用", false});
      }
    }
    return {std::move(key), std::move(checked.problems)};
  }
  std::map<std::string, int64_t> FindExisting(const std::vector<std::string>& keys) override {
    std::map<std::string, int64_t> out;
    for (const std::string& key : keys) {
      auto it = by_key_.find(key);
      if (it == by_key_.end()) continue;
      if (auto found = repo::FindByName(sql_, it->second.department_id, it->second.name,
                                        it->second.sub_item)) {
        out[key] = found->id;
      }
    }
    return out;
  }
  void BeginWrite(const std::string& now, std::optional<int64_t> by) override {
    now_ = now;
    by_ = by;
    for (const auto& [code, key] : codes_) reserved_.insert(code);
  }
  bool WriteRow(const importer::Row& row, std::optional<int64_t> existing) override {
    Checked checked = Run(row);
    if (!checked.ok()) return false;
    ItemInput& in = checked.input;
    if (existing) {
      auto before = repo::Get(sql_, nullptr, *existing);
      if (!before) return false;
      if (in.code.empty()) in.code = before->code;
      if (!CheckUnique(sql_, in, *existing).ok()) return false;
      if (static_cast<const ItemInput&>(*before) == in) return true;
      repo::Update(sql_, *existing, in, by_, now_, "import");
      return true;
    }
    if (in.code.empty()) {
      in.code = repo::NextCode(sql_, checked.department_code, reserved_);
      reserved_.insert(in.code);
    }
    if (!CheckUnique(sql_, in, 0).ok()) return false;
    repo::Insert(sql_, in, by_, now_, "import");
    return true;
  }
  AuditNames Audit() const override {
    return {"catalog:item:import", "catalog_item_import", "items"};
  }

 private:
  struct NaturalKey {
    int64_t department_id = 0;
    std::string name;
    std::string sub_item;
  };

  Checked Run(const importer::Row& row) {
    Checked checked = CheckItem(row, context_);
    if (checked.ok() && options_.department_allowed &&
        !options_.department_allowed(checked.input.department_id)) {
      checked.problems.push_back(
          {"发起部门", row[3], "该部门不在您的数据范围内，不能为其登记抽查事项", false});
    }
    return checked;
  }

  soci::session& sql_;
  const ImportOptions& options_;
  Departments departments_;
  CheckContext context_;
  std::map<std::string, NaturalKey> by_key_;
  std::map<std::string, std::string> codes_;  // code → the key of the row that gave it
  std::set<std::string> reserved_;
  std::string now_;
  std::optional<int64_t> by_;
};

}  // namespace

Result<Item> CreateItem(soci::session& sql, const org::Principal& who, const json::value& body,
                        const std::string& now) {
  SSJ_ASSIGN(Checked checked, CheckForm(sql, who, body));
  ItemInput& input = checked.input;
  if (input.code.empty()) input.code = repo::NextCode(sql, checked.department_code, {});
  SSJ_TRY(CheckUnique(sql, input, 0));
  int64_t id = 0;
  try {
    id = repo::Insert(sql, input, who.user_id, now, "create");
  } catch (const std::exception& e) {
    if (!db::IsUniqueViolation(e)) throw;
    return TakenMeanwhile(input);
  }
  return *repo::Get(sql, nullptr, id);
}

Result<Change> UpdateItem(soci::session& sql, const org::Principal& who, int64_t id,
                          const json::value& body, const std::string& now) {
  auto before = repo::Get(sql, &who, id);
  if (!before) return Error::NotFound("抽查事项");
  SSJ_ASSIGN(Checked checked, CheckForm(sql, who, body));
  ItemInput& input = checked.input;
  if (input.code.empty()) input.code = before->code;
  SSJ_TRY(CheckUnique(sql, input, id));
  if (static_cast<const ItemInput&>(*before) == input) return Change{*before, *before};
  try {
    repo::Update(sql, id, input, who.user_id, now, "update");
  } catch (const std::exception& e) {
    if (!db::IsUniqueViolation(e)) throw;
    return TakenMeanwhile(input);
  }
  return Change{*before, *repo::Get(sql, nullptr, id)};
}

Result<Change> PublishItem(soci::session& sql, const org::Principal& who, int64_t id,
                           const std::string& now) {
  auto before = repo::Get(sql, &who, id);
  if (!before) return Error::NotFound("抽查事项");
  if (!before->Pending() && before->status == "已发布")
    return Conflict("catalog.nothing_to_publish", "该事项没有待发布的修改，当前版本已发布");
  std::vector<CellProblem> missing = PublishProblems(*before);
  if (!missing.empty()) {
    Error e = importer::ProblemsError(missing, ItemColumns(), ItemFieldNames());
    std::string fields;
    for (const std::string& column : MissingColumns(missing))
      fields += (fields.empty() ? "" : "、") + column;
    e.code = "catalog.incomplete";
    e.message = "该事项尚不能发布，请先补充：" + fields;
    return e;
  }
  if (!before->Pending()) {
    // A retired item comes back as a new version, so the retired one keeps its record.
    repo::Update(sql, id, *before, who.user_id, now, "restore");
  }
  repo::Publish(sql, id, who.user_id, now);
  return Change{*before, *repo::Get(sql, nullptr, id)};
}

Result<Change> RetireItem(soci::session& sql, const org::Principal& who, int64_t id,
                          const std::string& reason, const std::string& now) {
  auto before = repo::Get(sql, &who, id);
  if (!before) return Error::NotFound("抽查事项");
  if (before->status == "已停用") return Conflict("catalog.retired", "该事项已停用");
  if (before->status != "已发布")
    return Conflict("catalog.not_published", "该事项尚未发布，只有已发布的事项可以停用");
  repo::Retire(sql, id, who.user_id, now, reason);
  return Change{*before, *repo::Get(sql, nullptr, id)};
}

Result<importer::ImportReport> ImportItems(soci::session& sql, db::Backend backend,
                                           const importer::RecordSource& source,
                                           const ImportOptions& options) {
  ItemImport kind(sql, options);
  return importer::RunImport(sql, backend, source, options, kind);
}

importer::TemplateSpec ItemTemplate(soci::session& sql) {
  using importer::Strings;
  std::vector<std::string> departments;
  for (const org::Department& d : org::repo::ListDepartments(sql, nullptr))
    departments.push_back(d.name);
  return {"抽查事项清单",
          &ItemColumns(),
          {1, 2, 10, 11},
          {{"事项类别", Strings(kCategories), 8},
           {"检查对象类型", Strings(kTargetTypeNames), 14},
           {"不予提前告知", {"否", "是"}, 16},
           {"所需检查人员专长", repo::Specialties(sql), 17},
           {"事项性质", Strings(kNatures), 18},
           {"免检免扰", Strings(kExemptions), 19},
           {"检查方式", Strings(kMethods), -1},
           {"公示方式", Strings(kPublications), -1},
           {"部门", departments, -1}},
          {"表头须包含附录 A.1 的列：抽查领域、抽查事项、检查对象、发起部门、配合部门、备注"
           "（红色为必填列）；其余列按《“双随机、一公开”监管实施办法》第五条补充，可删去。",
           "同一发起部门的抽查事项以“抽查事项”和“子项”区分；已登记的事项只有选择“更新已有对象”"
           "时才会被更新。",
           "导入的事项为草稿，经统筹部门核对、补全后逐项发布；已发布事项被更新时形成新的草稿版本，"
           "发布前公示页面仍显示原版本。",
           "一般检查事项须填写抽查比例上限，重点检查事项不设上限；事项性质为安全生产、生态环境、"
           "投诉举报、上级交办的，不适用免检免扰。"}};
}

json::value ToJson(const Item& item) {
  json::object o = InputJson(item);
  json::array cooperating;
  for (const DepartmentName& d : item.cooperating)
    cooperating.push_back({{"id", d.id}, {"name", d.name}});
  json::array missing;
  for (const std::string& column : MissingColumns(PublishProblems(item)))
    missing.emplace_back(column);
  o["id"] = item.id;
  o["department_name"] = item.department_name;
  o["cooperating_departments"] = std::move(cooperating);
  o["target_type_name"] = TargetTypeName(item.target_type);
  o["ratio_cap_percent"] = RatioPercent(item.ratio_cap);
  o["status"] = item.status;
  o["version"] = item.version;
  o["published_version"] =
      item.published_version ? json::value(*item.published_version) : json::value(nullptr);
  o["draft_pending"] = item.Pending();
  o["missing_for_publish"] = std::move(missing);
  o["last_action"] = item.last_action;
  o["updated_by"] = item.updated_by_name;
  o["created_at"] = item.created_at;
  o["updated_at"] = item.updated_at;
  return o;
}

json::value ToJson(const ItemVersion& v) {
  return {{"version", v.version},
          {"status", v.status},
          {"action", v.action},
          {"data", json::parse(v.data)},
          {"changed_by", v.changed_by_name},
          {"changed_at", v.changed_at},
          {"published_by", v.published_by_name},
          {"published_at", v.published_at},
          {"retired_by", v.retired_by_name},
          {"retired_at", v.retired_at},
          {"retire_reason", v.retire_reason}};
}

json::value ToJson(const PublicItem& p) {
  json::array methods, cooperating;
  for (const std::string& m : p.methods) methods.emplace_back(m);
  for (const std::string& name : p.cooperating_names) cooperating.emplace_back(name);
  return {{"code", p.code},
          {"domain", p.domain},
          {"name", p.name},
          {"sub_item", p.sub_item},
          {"category", p.category},
          {"content", p.content},
          {"basis", p.basis},
          {"methods", std::move(methods)},
          {"frequency", p.frequency},
          {"target", p.target},
          {"target_type", p.target_type},
          {"target_type_name", TargetTypeName(p.target_type)},
          {"initiating_department", p.department_name},
          {"cooperating_departments", std::move(cooperating)},
          {"publication", p.publication},
          {"version", p.version},
          {"published_at", p.published_at}};
}

json::value OptionsJson(soci::session& sql) {
  auto list = [](const auto& items) {
    json::array out;
    for (const auto& item : items) out.emplace_back(item);
    return out;
  };
  json::array target_types;
  for (size_t i = 0; i < std::size(kTargetTypes); ++i)
    target_types.push_back({{"code", kTargetTypes[i]}, {"name", kTargetTypeNames[i]}});
  json::array specialties;
  for (const std::string& s : repo::Specialties(sql))
    specialties.push_back({{"code", s}, {"name", s}});
  return {{"categories", list(kCategories)},           {"methods", list(kMethods)},
          {"target_types", std::move(target_types)},   {"natures", list(kNatures)},
          {"exemptions", list(kExemptions)},           {"statuses", list(kStatuses)},
          {"publications", list(kPublications)},       {"specialties", std::move(specialties)},
          {"domains", list(repo::Domains(sql, false))}};
}

}  // namespace ssj::catalog

#include "inspectors/inspector_service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "codes/divisions.h"
#include "directory/directory_repo.h"
#include "importer/form.h"
#include "inspectors/inspector_repo.h"
#include "inspectors/inspectors.h"
#include "org/org_repo.h"

namespace ssj::inspectors {
namespace {

namespace json = boost::json;

// Departments by code, name or "#id" (the form sends ids), looked up once each.
class Departments {
 public:
  explicit Departments(soci::session& sql) : sql_(sql) {}
  std::optional<CheckContext::DepartmentRef> operator()(const std::string& key) {
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::optional<int64_t> id = key.starts_with("#")
                                    ? importer::ParseIdRef(key)
                                    : directory::repo::DepartmentByCodeOrName(sql_, key);
    std::optional<CheckContext::DepartmentRef> ref;
    if (id) {
      if (auto d = org::repo::GetDepartment(sql_, nullptr, *id))
        ref = CheckContext::DepartmentRef{d->id, d->division_code};
    }
    return cache_.emplace(key, ref).first->second;
  }

 private:
  soci::session& sql_;
  std::unordered_map<std::string, std::optional<CheckContext::DepartmentRef>> cache_;
};

CheckContext Context(soci::session& sql, Group group, const std::string& today,
                     Departments& departments) {
  CheckContext context;
  context.group = group;
  context.today = today;
  context.department = std::ref(departments);
  for (std::string& s : repo::Specialties(sql)) context.specialties.insert(std::move(s));
  return context;
}

Group GroupOf(const std::string& category) {
  return category == "执法人员" || category == "辅助人员" ? Group::kInspectors : Group::kExperts;
}

Result<InspectorInput> CheckForm(soci::session& sql, const org::Principal& who,
                                 const json::value& body, const std::string& today) {
  SSJ_ASSIGN(importer::Row row, importer::RowFromJson(body, InspectorFieldNames()));
  if (row[4].empty()) row[4] = importer::IdRef(who.department_id);  // the caller's own
  Departments departments(sql);
  const Group group = GroupOf(row[5]);  // 人员类别 decides which list the form is for
  Checked checked = CheckInspector(row, Context(sql, group, today, departments));
  if (!checked.ok()) {
    return importer::ProblemsError(checked.problems, InspectorColumns(group),
                                   InspectorFieldNames());
  }
  if (!org::repo::GetDepartment(sql, &who, checked.input.department_id))
    return Error::InvalidField("department", "只能登记本人数据范围内部门的人员");
  return checked.input;
}

Error Taken(const InspectorInput& input) {
  if (input.code == input.cert_no)
    return Error::Duplicate("cert_no", input.code, "已有执法证号为 " + input.code + " 的人员");
  if (input.code == input.id_number)
    return Error::Duplicate("id_number", input.code, "已有证件号码为 " + input.code + " 的人员");
  return Error::Duplicate("name", input.code, "已有同名同电话的人员：" + input.code);
}

class InspectorImport : public importer::LookupKind {
 public:
  InspectorImport(soci::session& sql, const ImportOptions& options)
      : sql_(sql),
        options_(options),
        departments_(sql),
        context_(Context(sql, options.group, options.today, departments_)) {}

  const std::vector<importer::Column>& Columns() const override {
    return InspectorColumns(options_.group);
  }
  std::string Source() const override {
    return options_.group == Group::kInspectors ? "附录 C.1" : "导入模板";
  }
  std::string KeyColumn() const override { return "执法证号或证件号码"; }

  importer::CheckedRow Check(const importer::Row& row) override {
    Checked checked = Run(row);
    return {checked.input.code, std::move(checked.problems)};
  }
  std::map<std::string, int64_t> FindExisting(const std::vector<std::string>& keys) override {
    return repo::FindMany(sql_, keys);
  }
  void BeginWrite(const std::string& now, std::optional<int64_t> by) override {
    now_ = now;
    by_ = by;
  }
  bool WriteRow(const importer::Row& row, std::optional<int64_t> existing) override {
    Checked checked = Run(row);
    if (!checked.ok()) return false;
    if (existing) {
      repo::Update(sql_, *existing, checked.input, by_, now_, "import");
    } else {
      repo::Insert(sql_, checked.input, by_, now_, "import");
    }
    return true;
  }
  AuditNames Audit() const override {
    return {"directory:inspector:import", "inspector_import",
            options_.group == Group::kInspectors ? "inspectors" : "experts"};
  }

 private:
  Checked Run(const importer::Row& row) {
    Checked checked = CheckInspector(row, context_);
    if (checked.ok() && options_.department_allowed &&
        !options_.department_allowed(checked.input.department_id)) {
      checked.problems.push_back(
          {"所属部门", row[4], "该部门不在您的数据范围内，不能为其登记人员", false});
    }
    return checked;
  }

  soci::session& sql_;
  const ImportOptions& options_;
  Departments departments_;
  CheckContext context_;
  std::string now_;
  std::optional<int64_t> by_;
};

}  // namespace

Result<Inspector> CreateInspector(soci::session& sql, const org::Principal& who,
                                  const json::value& body, const std::string& now,
                                  const std::string& today) {
  SSJ_ASSIGN(InspectorInput input, CheckForm(sql, who, body, today));
  if (repo::FindByCode(sql, input.code)) return Taken(input);
  int64_t id = repo::Insert(sql, input, who.user_id, now, "create");
  return *repo::Get(sql, nullptr, id);
}

Result<Change> UpdateInspector(soci::session& sql, const org::Principal& who, int64_t id,
                               const json::value& body, const std::string& now,
                               const std::string& today) {
  auto before = repo::Get(sql, &who, id);
  if (!before) return Error::NotFound("人员");
  SSJ_ASSIGN(InspectorInput input, CheckForm(sql, who, body, today));
  auto same = repo::FindByCode(sql, input.code);
  if (same && *same != id) return Taken(input);
  repo::Update(sql, id, input, who.user_id, now, "update");
  return Change{*before, *repo::Get(sql, nullptr, id)};
}

Result<std::vector<Account>> AccountOptions(soci::session& sql, const org::Principal& who,
                                            int64_t id) {
  auto person = repo::Get(sql, &who, id);
  if (!person) return Error::NotFound("人员");
  return repo::DepartmentAccounts(sql, person->department_id);
}

Result<AccountChange> LinkAccount(soci::session& sql, const org::Principal& who, int64_t id,
                                  const json::value& body) {
  auto before = repo::Get(sql, &who, id);
  if (!before) return Error::NotFound("人员");
  const json::value* field = body.is_object() ? body.as_object().if_contains("user_id") : nullptr;
  if (!field) return Error::InvalidField("user_id", "请选择登录账号（解除关联时为 null）");
  std::optional<int64_t> user_id;
  std::optional<Inspector> moved_from;
  if (!field->is_null()) {
    if (!field->is_int64() || field->as_int64() <= 0)
      return Error::InvalidField("user_id", "登录账号应为用户编号", json::serialize(*field));
    const std::vector<Account> accounts = repo::DepartmentAccounts(sql, before->department_id);
    auto it = std::find_if(accounts.begin(), accounts.end(),
                           [&](const Account& a) { return a.user_id == field->as_int64(); });
    if (it == accounts.end()) {
      return Error::InvalidField("user_id",
                                 "登录账号应为“" + before->department_name + "”的在用账号",
                                 std::to_string(field->as_int64()));
    }
    user_id = it->user_id;
    if (it->inspector_id && *it->inspector_id != id)
      moved_from = repo::Get(sql, nullptr, *it->inspector_id);
  }
  repo::SetAccount(sql, id, user_id);
  return AccountChange{{*before, *repo::Get(sql, nullptr, id)}, std::move(moved_from)};
}

Result<importer::ImportReport> ImportInspectors(soci::session& sql, db::Backend backend,
                                                const importer::RecordSource& source,
                                                const ImportOptions& options) {
  InspectorImport kind(sql, options);
  return importer::RunImport(sql, backend, source, options, kind);
}

importer::TemplateSpec InspectorTemplate(soci::session& sql, Group group) {
  using importer::Strings;
  const bool inspectors = group == Group::kInspectors;
  std::vector<std::string> categories =
      inspectors ? std::vector<std::string>{"执法人员", "辅助人员"}
                 : std::vector<std::string>{"专家", "辅助人员", "第三方机构"};
  std::vector<std::string> counties;
  for (const auto& d : codes::AllDivisions()) {
    if (d.level == "county") counties.push_back(d.full_name);
  }
  return {
      inspectors ? "执法检查人员" : "专家和辅助人员",
      &InspectorColumns(group),
      {0, 4, 11},
      {{"人员类别", categories, 5},
       {"性别", Strings(kGenders), 1},
       {"状态", Strings(kStatuses), 13},
       {"业务专长", repo::Specialties(sql), -1},
       {"所属区县", counties, -1}},
      {inspectors ? "表头须包含附录 C.1 的列：姓名、电话、所属区县、所属部门、人员类别、业务专长"
                    "（红色为必填列）；性别、岗位、执法证号、执法证有效期至按淄博市细则公开。"
                  : "专家、辅助人员填写公民身份号码；第三方机构填写统一社会信用代码。",
       "执法人员以执法证号区分，其他人员以证件号码区分；已登记的人员只有选择“更新已有对象”"
       "时才会被更新，并保留历史版本。",
       "执法证已过期的执法人员可以登记，但不能参加抽取。",
       "电话和证件号码不对外公开；公示页面只显示姓名、性别、岗位、执法证号和所属部门。"}};
}

json::value ToJson(const Inspector& p, const std::string& today) {
  json::object o = InputJson(p);
  o["id"] = p.id;
  o["department_name"] = p.department_name;
  o["district"] = p.district;
  o["cert_expired"] =
      p.category == "执法人员" && !p.cert_valid_until.empty() && p.cert_valid_until < today;
  o["drawable"] = Drawable(p, today);
  o["user_id"] = p.user_id ? json::value(*p.user_id) : json::value(nullptr);
  o["account_username"] = p.account_username;
  o["account_name"] = p.account_name;
  o["version"] = p.version;
  o["created_at"] = p.created_at;
  o["updated_at"] = p.updated_at;
  return o;
}

json::value ToJson(const PublicInspector& p) {
  return {{"name", p.name},
          {"gender", p.gender},
          {"post", p.post},
          {"cert_no", p.cert_no},
          {"cert_valid_until", p.cert_valid_until},
          {"department_name", p.department_name}};
}

json::value OptionsJson(soci::session& sql) {
  auto list = [](const auto& items) {
    json::array out;
    for (const auto& item : items) out.emplace_back(item);
    return out;
  };
  json::array specialties;
  for (const std::string& s : repo::Specialties(sql))
    specialties.push_back({{"code", s}, {"name", s}});
  return {{"categories", list(kCategories)},
          {"genders", list(kGenders)},
          {"statuses", list(kStatuses)},
          {"specialties", std::move(specialties)}};
}

}  // namespace ssj::inspectors

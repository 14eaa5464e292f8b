#include "restrictions/restriction_service.h"

#include <boost/json.hpp>

#include "importer/form.h"
#include "inspectors/inspector_repo.h"
#include "org/org_repo.h"
#include "restrictions/restriction_repo.h"
#include "restrictions/restrictions.h"

namespace ssj::restrictions {
namespace {

namespace json = boost::json;

CheckContext Lookups(soci::session& sql, const std::string& today) {
  CheckContext context;
  context.today = today;
  context.inspector = [&sql](const std::string& code) { return repo::InspectorByCode(sql, code); };
  context.target = [&sql](const std::string& code) { return repo::TargetByCode(sql, code); };
  return context;
}

// A form's row: the inspector and the target may be sent as ids.
Result<Row> FormRow(const json::value& body, const std::vector<std::string>& names) {
  return importer::RowFromJson(body, names, {"inspector", "target"});
}

Status InScope(const Context& c, int64_t department_id, const char* field, const char* what) {
  if (c.who && !org::repo::GetDepartment(c.sql, c.who, department_id))
    return Error::InvalidField(field, std::string(what) + "不在您的数据范围内");
  return OkStatus();
}

Result<Conflict> SaveConflict(const Context& c, const Checked<ConflictInput>& checked) {
  if (!checked.ok())
    return importer::ProblemsError(checked.problems, ConflictColumns(), ConflictFieldNames());
  SSJ_TRY(InScope(c, checked.department_id, "inspector", "该人员"));
  if (!repo::FindConflicts(c.sql, {{checked.input.inspector_id, checked.input.target_id}}).empty())
    return Error::Duplicate("target", "", "已登记该人员与该检查对象的利害关系");
  int64_t id = repo::InsertConflict(
      c.sql, checked.input, c.who ? std::optional<int64_t>(c.who->user_id) : std::nullopt, c.now);
  return *repo::GetConflict(c.sql, nullptr, id);
}

// What an import kind needs from one record type.
template <class Input>
struct Traits;

template <>
struct Traits<ConflictInput> {
  static const std::vector<importer::Column>& Columns() { return ConflictColumns(); }
  static Checked<ConflictInput> Check(const Row& row, const CheckContext& c) {
    return CheckConflict(row, c);
  }
  static std::optional<int64_t> Existing(soci::session& sql, const ConflictInput& in) {
    auto found = repo::FindConflicts(sql, {{in.inspector_id, in.target_id}});
    if (found.empty()) return std::nullopt;
    return found.begin()->second;
  }
  static void Insert(soci::session& sql, const ConflictInput& in, std::optional<int64_t> by,
                     const std::string& now) {
    repo::InsertConflict(sql, in, by, now);
  }
  static void Update(soci::session& sql, int64_t id, const ConflictInput& in,
                     const std::string& now) {
    repo::UpdateConflict(sql, id, in, now);
  }
  static constexpr const char* kKeyColumn = "执法证号或证件号码";
  static constexpr const char* kPermission = "directory:conflict:import";
  static constexpr const char* kObject = "conflict_import";
  static constexpr const char* kKind = "conflicts";
};

template <>
struct Traits<ExemptionInput> {
  static const std::vector<importer::Column>& Columns() { return ExemptionColumns(); }
  static Checked<ExemptionInput> Check(const Row& row, const CheckContext& c) {
    return CheckExemption(row, c);
  }
  static std::optional<int64_t> Existing(soci::session& sql, const ExemptionInput& in) {
    return repo::FindExemption(sql, in);
  }
  static void Insert(soci::session& sql, const ExemptionInput& in, std::optional<int64_t> by,
                     const std::string& now) {
    repo::InsertExemption(sql, in, by, now);
  }
  static void Update(soci::session& sql, int64_t id, const ExemptionInput& in,
                     const std::string& now) {
    repo::UpdateExemption(sql, id, in, now);
  }
  static constexpr const char* kKeyColumn = "行政相对人编码";
  static constexpr const char* kPermission = "directory:exemption:import";
  static constexpr const char* kObject = "exemption_import";
  static constexpr const char* kKind = "exemptions";
};

// Rows are keyed by their codes; existing records are found by the ids the check resolved, so
// the kind remembers each key's input from phase 1's check.
template <class Input>
class RestrictionImport : public importer::LookupKind {
  using T = Traits<Input>;

 public:
  RestrictionImport(soci::session& sql, const ImportOptions& options)
      : sql_(sql), options_(options), context_(Lookups(sql, options.today)) {}

  const std::vector<importer::Column>& Columns() const override { return T::Columns(); }
  std::string Source() const override { return "导入模板"; }
  std::string KeyColumn() const override { return T::kKeyColumn; }
  importer::CheckedRow Check(const Row& row) override {
    Checked<Input> checked = Run(row);
    if (checked.ok()) existing_[checked.key] = T::Existing(sql_, checked.input);
    return {checked.key, std::move(checked.problems)};
  }
  std::map<std::string, int64_t> FindExisting(const std::vector<std::string>& keys) override {
    std::map<std::string, int64_t> out;
    for (const std::string& key : keys) {
      auto it = existing_.find(key);
      if (it != existing_.end() && it->second) out[key] = *it->second;
    }
    return out;
  }
  void BeginWrite(const std::string& now, std::optional<int64_t> by) override {
    now_ = now;
    by_ = by;
  }
  bool WriteRow(const Row& row, std::optional<int64_t> existing) override {
    Checked<Input> checked = Run(row);
    if (!checked.ok()) return false;
    if (existing) {
      T::Update(sql_, *existing, checked.input, now_);
    } else {
      T::Insert(sql_, checked.input, by_, now_);
    }
    return true;
  }
  AuditNames Audit() const override { return {T::kPermission, T::kObject, T::kKind}; }

 private:
  Checked<Input> Run(const Row& row) {
    Checked<Input> checked = T::Check(row, context_);
    if (checked.ok() && options_.department_allowed &&
        !options_.department_allowed(checked.department_id)) {
      checked.problems.push_back(
          {T::Columns()[0].name, row[0], "不在您的数据范围内，不能为其登记", false});
    }
    return checked;
  }

  soci::session& sql_;
  const ImportOptions& options_;
  CheckContext context_;
  std::map<std::string, std::optional<int64_t>> existing_;
  std::string now_;
  std::optional<int64_t> by_;
};

}  // namespace

Result<Conflict> RecordConflict(const Context& c, const json::value& body) {
  SSJ_ASSIGN(Row row, FormRow(body, ConflictFieldNames()));
  return SaveConflict(c, CheckConflict(row, Lookups(c.sql, c.today)));
}

Result<Conflict> DeclareConflict(const Context& c, const json::value& body) {
  const std::optional<int64_t> me = inspectors::repo::ByUser(c.sql, c.who->user_id);
  if (!me) {
    return Error{ErrorKind::kForbidden,
                 "conflict.not_an_inspector",
                 "您的账号没有关联执法检查人员名录，不能申报利害关系",
                 {}};
  }
  SSJ_ASSIGN(Row row, FormRow(body, ConflictFieldNames()));
  row[0] = importer::IdRef(*me);  // only about themself
  row[1].clear();
  row[5] = "自行申报";
  Context self = c;
  self.who = nullptr;  // their own record, whatever their data scope
  Checked<ConflictInput> checked = CheckConflict(row, Lookups(c.sql, c.today));
  SSJ_ASSIGN(Conflict saved, SaveConflict(self, checked));
  return saved;
}

Result<Exemption> RecordExemption(const Context& c, const json::value& body) {
  SSJ_ASSIGN(Row row, FormRow(body, ExemptionFieldNames()));
  Checked<ExemptionInput> checked = CheckExemption(row, Lookups(c.sql, c.today));
  if (!checked.ok())
    return importer::ProblemsError(checked.problems, ExemptionColumns(), ExemptionFieldNames());
  SSJ_TRY(InScope(c, checked.department_id, "target", "该检查对象"));
  if (repo::FindExemption(c.sql, checked.input))
    return Error::Duplicate("source_document", checked.input.source_document,
                            "该检查对象已有同一依据文件、同一范围的免检记录");
  int64_t id = repo::InsertExemption(
      c.sql, checked.input, c.who ? std::optional<int64_t>(c.who->user_id) : std::nullopt, c.now);
  return *repo::GetExemption(c.sql, nullptr, id);
}

Result<json::value> Revoke(const Context& c, Kind kind, int64_t id, const json::value& body) {
  std::string reason;
  if (body.is_object()) {
    if (auto* v = body.as_object().if_contains("reason"); v && v->is_string())
      reason = std::string(v->as_string());
  }
  if (reason.empty()) return Error::InvalidField("reason", "请填写撤销原因");
  if (reason.size() > 600) return Error::InvalidField("reason", "撤销原因过长（最多 200 个汉字）");
  json::value before;
  if (kind == Kind::kConflicts) {
    auto found = repo::GetConflict(c.sql, c.who, id);
    if (!found) return Error::NotFound("利害关系记录");
    if (found->status != "有效") return Error::InvalidField("status", "该记录已撤销");
    before = ToJson(*found, c.today);
  } else {
    auto found = repo::GetExemption(c.sql, c.who, id);
    if (!found) return Error::NotFound("免检记录");
    if (found->status != "有效") return Error::InvalidField("status", "该记录已撤销");
    before = ToJson(*found, c.today);
  }
  repo::Revoke(c.sql, kind == Kind::kConflicts ? "conflicts" : "exemptions", id, reason, c.now);
  return before;
}

Result<importer::ImportReport> ImportRestrictions(soci::session& sql, db::Backend backend,
                                                  const importer::RecordSource& source,
                                                  const ImportOptions& options) {
  if (options.kind == Kind::kConflicts) {
    RestrictionImport<ConflictInput> kind(sql, options);
    return importer::RunImport(sql, backend, source, options, kind);
  }
  RestrictionImport<ExemptionInput> kind(sql, options);
  return importer::RunImport(sql, backend, source, options, kind);
}

importer::TemplateSpec RestrictionTemplate(Kind kind) {
  if (kind == Kind::kConflicts) {
    return {
        "利害关系",
        &ConflictColumns(),
        {1, 3, 4},
        {{"来源", importer::Strings(kSources), 5}},
        {"人员和检查对象须已在名录库中；人员以执法证号或证件号码识别，检查对象以编码识别。",
         "同一人员与同一检查对象已有有效记录的，只有选择“更新已有对象”时才会更新其说明和有效期。",
         "有效期内的利害关系人员不会被抽到检查该对象。"}};
  }
  return {"免检免扰",
          &ExemptionColumns(),
          {1, 2, 5},
          {},
          {"检查对象须已在名录库中，以统一社会信用代码或编码识别。",
           "免检不适用于安全生产、生态环境、投诉举报和上级交办的抽查事项，抽取时按事项判断。",
           "同一检查对象、同一依据文件和范围已有有效记录的，只有选择“更新已有对象”时才会更新其有效"
           "期。"}};
}

json::value ToJson(const Conflict& c, const std::string& today) {
  return {{"id", c.id},
          {"inspector_id", c.inspector_id},
          {"inspector_name", c.inspector_name},
          {"inspector_code", c.inspector_code},
          {"inspector_department", c.inspector_department},
          {"target_id", c.target_id},
          {"target_name", c.target_name},
          {"target_code", c.target_code},
          {"reason", c.reason},
          {"source", c.source},
          {"valid_from", c.valid_from},
          {"valid_until", c.valid_until},
          {"status", c.status},
          {"revoke_reason", c.revoke_reason},
          {"in_force", InForce(c.status, c.valid_from, c.valid_until, today)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

json::value ToJson(const Exemption& e, const std::string& today) {
  return {{"id", e.id},
          {"target_id", e.target_id},
          {"target_name", e.target_name},
          {"target_code", e.target_code},
          {"department_name", e.department_name},
          {"scope", e.scope},
          {"valid_from", e.valid_from},
          {"valid_until", e.valid_until},
          {"source_document", e.source_document},
          {"status", e.status},
          {"revoke_reason", e.revoke_reason},
          {"in_force", InForce(e.status, e.valid_from, e.valid_until, today)},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

}  // namespace ssj::restrictions

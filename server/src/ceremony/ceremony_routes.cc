#include "ceremony/ceremony_routes.h"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "ceremony/attachments.h"
#include "ceremony/ceremony_service.h"
#include "ceremony/changes.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "exporter/table_writer.h"
#include "http/pipeline.h"
#include "inspection/inspection_repo.h"
#include "inspectors/inspector_repo.h"
#include "policy/policy_repo.h"
#include "task/pool.h"
#include "task/task.h"
#include "task/task_repo.h"
#include "task/task_routes.h"

namespace ssj::ceremony {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

json::array WitnessesJson(soci::session& sql, int64_t task_id) {
  json::array out;
  for (const Witness& w : Witnesses(sql, task_id)) {
    out.push_back({{"id", w.id},
                   {"name", w.name},
                   {"unit", w.unit},
                   {"role", w.role},
                   {"created_at", w.created_at}});
  }
  return out;
}

void AuditTask(Request& req, const task::Task& before, json::object extra = {}) {
  json::object after = task::TaskJson(*task::repo::Get(*req.sql, nullptr, before.id));
  for (auto& [key, value] : extra) after[key] = value;
  req.audit =
      http::AuditNote{"task", std::to_string(before.id), task::TaskJson(before), std::move(after)};
}

// {scheduled_at: "YYYY-MM-DD HH:MM"}: freeze the pool, publish the commitment. The answer holds
// the department secret, once; the audit entry does not.
Result<Response> HandleCommit(Request& req) {
  SSJ_ASSIGN(task::Task before, task::FindTask(req, true));
  SSJ_ASSIGN(std::string scheduled_at, http::StringField(req.body, "scheduled_at", true, 32));
  SSJ_ASSIGN(CommitResult c, Commit(*req.sql, before, policy::Current(*req.sql).rules, scheduled_at,
                                    req.Today(), req.principal->user_id, req.Now()));
  AuditTask(req, before);
  json::object out = task::TaskJson(*task::repo::Get(*req.sql, nullptr, before.id));
  out["secret"] = c.secret;
  out["pool_size"] = c.pool_size;
  return JsonResponse(out);
}

Result<Response> HandleWitnesses(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  return JsonResponse({{"items", WitnessesJson(*req.sql, task.id)}});
}

// {name, unit, role}: before the draw only.
Result<Response> HandleAddWitness(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req, true));
  if (task.status != task::State::kCommitted) {
    return Error{
        ErrorKind::kConflict,
        "ceremony.witness_closed",
        "只能在抽取前登记见证人（任务当前为“" + std::string(task::StatusName(task.status)) + "”）",
        {}};
  }
  WitnessInput in;
  SSJ_ASSIGN(in.name, http::StringField(req.body, "name", true, 200));
  SSJ_ASSIGN(in.unit, http::StringField(req.body, "unit", true, 400));
  SSJ_ASSIGN(in.role, http::StringField(req.body, "role", true, 40));
  SSJ_TRY(CheckWitness(in));
  const int64_t id = AddWitness(*req.sql, task.id, in, req.principal->user_id, req.Now());
  json::object out{
      {"id", id}, {"task_id", task.id}, {"name", in.name}, {"unit", in.unit}, {"role", in.role}};
  req.audit = http::AuditNote{"task_witness", std::to_string(id), nullptr, out};
  return JsonResponse(out, 201);
}

// {secret, public_input: {kind: "dice", value}}.
Result<Response> HandleDraw(Request& req) {
  SSJ_ASSIGN(task::Task before, task::FindTask(req, true));
  DrawInput in;
  SSJ_ASSIGN(in.secret, http::StringField(req.body, "secret", true, 200));
  const json::value* input =
      req.body.is_object() ? req.body.as_object().if_contains("public_input") : nullptr;
  if (!input || !input->is_object())
    return Error::InvalidField("public_input", "请录入公开随机数（骰子数字）");
  SSJ_ASSIGN(std::string kind, http::StringField(*input, "kind", false, 20));
  if (!kind.empty() && kind != "dice")
    return Error::InvalidField("public_input.kind", "现场抽取的公开随机数应为骰子数字（dice）",
                               kind);
  auto value = http::StringField(*input, "value", true, 600);
  if (!value.ok()) return Error::InvalidField("public_input.value", "请录入公开随机数（骰子数字）");
  in.dice = *value;
  SSJ_ASSIGN(DrawResult result, Draw(*req.sql, before, policy::Current(*req.sql).rules, in,
                                     req.principal->user_id, req.Now()));
  AuditTask(req, before, {{"repeated", result.repeated}});
  return JsonResponse(
      {{"record", result.record},
       {"repeated", result.repeated},
       {"targets", DrawnList(*req.sql, *task::repo::Get(*req.sql, nullptr, before.id))}});
}

Result<Response> HandleConfirm(Request& req) {
  SSJ_ASSIGN(task::Task before, task::FindTask(req, true));
  SSJ_ASSIGN(task::State next, task::Transition(before.status, task::Action::kConfirm));
  task::repo::SetStatus(*req.sql, before.id, next, req.principal->user_id, req.Now());
  AuditTask(req, before);
  return JsonResponse(task::TaskJson(*task::repo::Get(*req.sql, nullptr, before.id)));
}

// confirmed → inspecting: the teams set out, each with an inspection record per target.
Result<Response> HandleStart(Request& req) {
  SSJ_ASSIGN(task::Task before, task::FindTask(req, true));
  SSJ_ASSIGN(task::State next, task::Transition(before.status, task::Action::kStart));
  task::repo::SetStatus(*req.sql, before.id, next, req.principal->user_id, req.Now());
  inspection::repo::EnsureRecords(*req.sql, before.id, req.Now());
  AuditTask(req, before);
  return JsonResponse(task::TaskJson(*task::repo::Get(*req.sql, nullptr, before.id)));
}

json::value ParsedOrNull(const std::string& text) {
  return text.empty() ? json::value(nullptr) : json::parse(text);
}

Result<Response> HandleDrawGet(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  return JsonResponse(
      {{"task", task::TaskJson(task)},
       {"witnesses", WitnessesJson(*req.sql, task.id)},
       {"public_input", ParsedOrNull(task::repo::PublicInputJson(*req.sql, task.id))},
       {"record", ParsedOrNull(task::repo::RecordJson(*req.sql, task.id))},
       {"targets", DrawnList(*req.sql, task)}});
}

Result<Response> RecordDownload(soci::session& sql, const task::Task& task) {
  const std::string record = task::repo::RecordJson(sql, task.id);
  if (record.empty()) return Error::NotFound("抽取记录");
  const std::string name = task.code + "-record.json";
  return http::Download(record + "\n", "application/json; charset=utf-8", name, name);
}

Result<Response> HandleRecordFile(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  return RecordDownload(*req.sql, task);
}

// --- Documents -----------------------------------------------------------------------------------

// The drawn list with each target's team: one row per target, the leader first.
Result<Response> HandleDrawXlsx(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  if (task.drawn_at.empty()) return Error::NotFound("抽取名单（任务尚未抽取）");
  std::vector<exporter::OutputColumn> columns = {{"序号", 6},
                                                 {"分层", 6},
                                                 {"统一社会信用代码/编码", 22, true},
                                                 {"检查对象名称", 36},
                                                 {"行政区划代码", 12, true},
                                                 {"检查地址", 40},
                                                 {"检查组长", 12},
                                                 {"组长所属部门", 24}};
  for (int64_t m = 1; m < task.team_size; ++m) {
    columns.push_back({"组员" + std::to_string(m), 12});
    columns.push_back({"组员" + std::to_string(m) + "所属部门", 24});
  }
  std::vector<std::vector<std::string>> rows;
  const json::value drawn = DrawnList(*req.sql, task);  // a local: the loop must not outlive it
  for (const json::value& t : drawn.as_array()) {
    std::vector<std::string> row = {
        std::to_string(t.at("position").as_int64()),    std::string(t.at("stratum").as_string()),
        std::string(t.at("code").as_string()),          std::string(t.at("name").as_string()),
        std::string(t.at("division_code").as_string()), std::string(t.at("address").as_string())};
    for (const json::value& m : t.at("team").as_array()) {
      row.emplace_back(m.at("name").as_string());
      row.emplace_back(m.at("department_name").as_string());
    }
    rows.push_back(std::move(row));
  }
  SSJ_ASSIGN(std::string bytes, exporter::Workbook("抽取名单", columns, rows));
  return http::Download(std::move(bytes), http::kXlsxType, task.code + "-list.xlsx",
                        task.code + "抽取名单及检查组.xlsx");
}

// Every excluded target with its reason, for review and filing.
Result<Response> HandleExclusionsXlsx(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  if (task.status == task::State::kDraft) return Error::NotFound("排除清单（任务尚未冻结）");
  std::vector<std::vector<std::string>> rows;
  task::repo::ForEachExclusion(*req.sql, task.id, [&](const task::Excluded& e) {
    rows.push_back({e.code, e.name, std::string(task::ExclusionName(e.reason)), e.detail});
  });
  SSJ_ASSIGN(std::string bytes, exporter::Workbook("排除清单",
                                                   {{"统一社会信用代码/编码", 22, true},
                                                    {"检查对象名称", 36},
                                                    {"排除原因", 28},
                                                    {"说明", 48}},
                                                   rows));
  return http::Download(std::move(bytes), http::kXlsxType, task.code + "-excluded.xlsx",
                        task.code + "排除清单.xlsx");
}

// --- Attachments ---------------------------------------------------------------------------------

json::object AttachmentJson(const Attachment& a) {
  return {{"id", a.id},     {"name", a.name},     {"content_type", a.content_type},
          {"size", a.size}, {"sha256", a.sha256}, {"created_at", a.created_at}};
}

json::array AttachmentsJson(soci::session& sql, int64_t task_id) {
  json::array out;
  for (const Attachment& a : Attachments(sql, task_id)) out.push_back(AttachmentJson(a));
  return out;
}

// The raw body is the file; ?file_name= names it. Once the list is confirmed, the ceremony's
// material is complete: nothing is added after.
Result<Response> HandleAttach(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req, true));
  if (task.status != task::State::kCommitted && task.status != task::State::kDrawn) {
    return Error{ErrorKind::kConflict,
                 "ceremony.attachments_closed",
                 "只能在抽取前后、确认名单之前上传抽取过程的照片或录像",
                 {}};
  }
  SSJ_ASSIGN(Attachment a, AddAttachment(*req.sql, task.id, req.Query("file_name"), req.upload,
                                         req.principal->user_id, req.Now()));
  json::object out = AttachmentJson(a);
  req.audit = http::AuditNote{"task_attachment", std::to_string(a.id), nullptr, out};
  return JsonResponse(out, 201);
}

Result<Response> HandleAttachments(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  return JsonResponse({{"items", AttachmentsJson(*req.sql, task.id)}});
}

Result<Response> HandleAttachmentFile(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  SSJ_ASSIGN(int64_t id, req.PathId("aid"));
  auto file = AttachmentFile(*req.sql, task.id, id);
  if (!file) return Error::NotFound("附件");
  return http::Download(std::move(file->second), file->first.content_type,
                        "attachment-" + std::to_string(id), file->first.name);
}

// --- Changes after the draw ---------------------------------------------------------------------

Result<ChangeInput> ReadChange(const Request& req, std::string_view kind_code) {
  ChangeInput in;
  auto kind = ParseChangeKind(kind_code);
  if (!kind) {
    return Error::InvalidField("kind", "变更类型应为 replace_target、withdraw_inspector 或 void",
                               std::string(kind_code.substr(0, 32)));
  }
  in.kind = *kind;
  SSJ_ASSIGN(in.target_id, http::OptionalIntField(req.body, "target_id"));
  SSJ_ASSIGN(in.inspector_id, http::OptionalIntField(req.body, "inspector_id"));
  SSJ_ASSIGN(in.category,
             http::StringField(req.body, "category", in.kind != ChangeKind::kVoid, 40));
  if (in.kind == ChangeKind::kVoid) in.category = "作废";
  SSJ_ASSIGN(in.reason, http::StringField(req.body, "reason", true, 2000));
  return in;
}

void AuditChange(Request& req, const std::optional<Change>& before, const Change& after) {
  req.audit = http::AuditNote{"task_change", std::to_string(after.id),
                              before ? json::value(ChangeJson(*before)) : json::value(nullptr),
                              ChangeJson(after)};
}

Result<Response> HandleChanges(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  json::array items;
  for (const Change& c : Changes(*req.sql, task.id)) items.push_back(ChangeJson(c));
  return JsonResponse({{"items", std::move(items)}});
}

// {kind, target_id?, inspector_id?, category, reason}.
Result<Response> HandleRequestChange(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req, true));
  SSJ_ASSIGN(std::string kind, http::StringField(req.body, "kind", true, 40));
  SSJ_ASSIGN(ChangeInput in, ReadChange(req, kind));
  SSJ_ASSIGN(int64_t id, RequestChange(*req.sql, task, in, req.principal->user_id, req.Now()));
  const Change after = *GetChange(*req.sql, id);
  AuditChange(req, std::nullopt, after);
  return JsonResponse(ChangeJson(after), 201);
}

Result<Response> HandlePendingChanges(Request& req) {
  json::array items;
  for (const Change& c : Pending(*req.sql, req.principal)) items.push_back(ChangeJson(c));
  return JsonResponse({{"items", std::move(items)}});
}

// The change of the path, its task in the caller's scope.
Result<Change> FindChange(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto change = GetChange(*req.sql, id);
  if (!change || !task::repo::Get(*req.sql, req.principal, change->task_id))
    return Error::NotFound("变更申请");
  return *change;
}

Result<Response> DecideChange(Request& req, bool approve) {
  SSJ_ASSIGN(Change before, FindChange(req));
  std::string reason;
  if (!req.body.is_null()) {
    SSJ_ASSIGN(reason, http::StringField(req.body, "reason", false, 2000));
  }
  SSJ_ASSIGN(Change after,
             Decide(*req.sql, before, approve, req.principal->user_id, reason, req.Now()));
  // A reserve that takes a target's place during the inspection needs its own record.
  if (auto task = task::repo::Get(*req.sql, nullptr, after.task_id);
      task && task->status == task::State::kInspecting) {
    inspection::repo::EnsureRecords(*req.sql, task->id, req.Now());
  }
  AuditChange(req, before, after);
  return JsonResponse(ChangeJson(after));
}
Result<Response> HandleApproveChange(Request& req) { return DecideChange(req, true); }
Result<Response> HandleRejectChange(Request& req) { return DecideChange(req, false); }

// {public_input: {kind: "dice", value}}: the fresh input of an approved withdrawal.
Result<Response> HandleApplyChange(Request& req) {
  SSJ_ASSIGN(Change before, FindChange(req));
  const json::value* input =
      req.body.is_object() ? req.body.as_object().if_contains("public_input") : nullptr;
  if (!input || !input->is_object())
    return Error::InvalidField("public_input", "请录入新的公开随机数（骰子数字）");
  auto value = http::StringField(*input, "value", true, 600);
  if (!value.ok())
    return Error::InvalidField("public_input.value", "请录入新的公开随机数（骰子数字）");
  SSJ_ASSIGN(Change after,
             ApplyWithdrawal(*req.sql, before, *value, req.principal->user_id, req.Now()));
  AuditChange(req, before, after);
  return JsonResponse(ChangeJson(after));
}

// --- The inspector's own view --------------------------------------------------------------------

// The inspector record of the logged-in user (inspectors.user_id), or 403.
Result<int64_t> OwnInspector(Request& req) {
  const std::optional<int64_t> id = inspectors::repo::ByUser(*req.sql, req.principal->user_id);
  if (!id) {
    return Error{ErrorKind::kForbidden,
                 "task.not_an_inspector",
                 "当前账号未关联执法检查人员，无法查看检查任务",
                 {}};
  }
  return *id;
}

Result<Response> HandleMyAssignments(Request& req) {
  SSJ_ASSIGN(int64_t me, OwnInspector(req));
  json::array items;
  db::Query(
      "SELECT t.id, t.code, t.name, t.status, t.start_date, t.end_date, g.id, g.code, g.name, "
      "g.address, m.slot FROM task_team m JOIN tasks t ON t.id = m.task_id JOIN targets g ON g.id "
      "= m.target_id WHERE m.inspector_id = :me AND t.status IN ('drawn', 'confirmed', "
      "'inspecting') ORDER BY t.start_date, t.id, g.id")
      .Bind("me", me)
      .ForEach(*req.sql, [&](const soci::row& row) {
        items.push_back({{"task_id", db::RowInt(row, 0)},
                         {"task_code", db::RowText(row, 1)},
                         {"task_name", db::RowText(row, 2)},
                         {"status", db::RowText(row, 3)},
                         {"start_date", db::RowText(row, 4)},
                         {"end_date", db::RowText(row, 5)},
                         {"target_id", db::RowInt(row, 6)},
                         {"target_code", db::RowText(row, 7)},
                         {"target_name", db::RowText(row, 8)},
                         {"address", db::RowText(row, 9)},
                         {"role", db::RowInt(row, 10) == 0 ? "组长" : "组员"}});
      });
  return JsonResponse({{"inspector_id", me}, {"items", std::move(items)}});
}

// {category: 回避 | 疾病 | 工作调动 | 其他, reason, target_id?}: the inspector asks to withdraw
// from a task; the head decides, and the substitute is drawn with fresh dice.
Result<Response> HandleDeclare(Request& req) {
  SSJ_ASSIGN(int64_t me, OwnInspector(req));
  SSJ_ASSIGN(int64_t task_id, req.PathId());
  task::repo::Lock(*req.sql, task_id);
  auto task = task::repo::Get(*req.sql, nullptr, task_id);
  if (!task) return Error::NotFound("抽查任务");
  ChangeInput in;
  in.kind = ChangeKind::kWithdrawInspector;
  in.inspector_id = me;
  SSJ_ASSIGN(in.target_id, http::OptionalIntField(req.body, "target_id"));
  SSJ_ASSIGN(in.category, http::StringField(req.body, "category", true, 40));
  SSJ_ASSIGN(in.reason, http::StringField(req.body, "reason", true, 2000));
  SSJ_ASSIGN(int64_t id, RequestChange(*req.sql, *task, in, req.principal->user_id, req.Now()));
  const Change after = *GetChange(*req.sql, id);
  AuditChange(req, std::nullopt, after);
  return JsonResponse(ChangeJson(after), 201);
}

// --- The portal -------------------------------------------------------------------------------

json::object PublicJson(const task::Task& task, const std::string& today) {
  json::object out = task::TaskJson(task);
  for (const char* key : {"created_at", "updated_at", "plan_id"}) out.erase(key);
  out["record_public"] = task::RecordPublic(task, today);
  return out;
}

// A task whose commitment is public (committed or later), by id.
Result<task::Task> FindPublic(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  auto task = task::repo::Get(*req.sql, nullptr, id);
  if (!task || task->status == task::State::kDraft) return Error::NotFound("抽查任务");
  return *task;
}

Result<task::Task> FindPublicRecord(Request& req) {
  SSJ_ASSIGN(task::Task task, FindPublic(req));
  if (!task::RecordPublic(task, req.Today())) {
    Error e = Error::NotFound("抽取记录");
    e.message = "抽取记录尚未公开（" +
                (task.drawn_at.empty() ? std::string("尚未抽取")
                                       : "自 " + task::RecordPublicFrom(task) + " 起公开") +
                "）";
    return e;
  }
  return task;
}

Result<Response> HandlePublicList(Request& req) {
  SSJ_ASSIGN(http::PageParams params, http::ReadPage(req));
  const std::string today = req.Today();
  auto page = task::repo::ListPublic(*req.sql, params.page, params.page_size);
  json::array items;
  for (const task::Task& t : page.items) items.push_back(PublicJson(t, today));
  return JsonResponse(http::PageJson(std::move(items), page.total, params));
}

Result<Response> HandlePublicGet(Request& req) {
  SSJ_ASSIGN(task::Task task, FindPublic(req));
  const std::string today = req.Today();
  json::object out = PublicJson(task, today);
  out["witnesses"] = WitnessesJson(*req.sql, task.id);
  // The hashes of the ceremony's photos and video, published so that a copy can be checked.
  out["attachments"] = AttachmentsJson(*req.sql, task.id);
  if (task::RecordPublic(task, today)) {
    out["public_input"] = ParsedOrNull(task::repo::PublicInputJson(*req.sql, task.id));
    out["targets"] = DrawnList(*req.sql, task);
  }
  return JsonResponse(out);
}

Result<Response> HandlePublicRecord(Request& req) {
  SSJ_ASSIGN(task::Task task, FindPublicRecord(req));
  return JsonResponse(json::parse(task::repo::RecordJson(*req.sql, task.id)));
}

Result<Response> HandlePublicPool(Request& req) {
  SSJ_ASSIGN(task::Task task, FindPublicRecord(req));
  return http::Download(task::repo::PoolCsv(*req.sql, task.id), "text/csv; charset=utf-8",
                        task::PoolFileName(task), task::PoolFileName(task));
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = Access::kPermission;
  const char* kGroup = "抽取仪式";
  router.Add(
      Method::kPost, "/api/v1/tasks/{id}/commit", kPerm, "task:draw:commit", "task:draw:commit",
      "冻结抽取范围并公布承诺值（返回一次部门密钥，须密封保存，抽取时揭示）", kGroup, HandleCommit);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/witnesses", kPerm, "task:task:list", "",
             "抽取见证人", kGroup, HandleWitnesses);
  router.Add(Method::kPost, "/api/v1/tasks/{id}/witnesses", kPerm, "task:draw:run",
             "task:draw:witness", "登记见证人（抽取前）", kGroup, HandleAddWitness);
  router.Add(Method::kPost, "/api/v1/tasks/{id}/draw", kPerm, "task:draw:run", "task:draw:run",
             "录入公开随机数、揭示部门密钥并抽取（同一输入重试返回同一记录）", kGroup, HandleDraw);
  router.Add(Method::kPost, "/api/v1/tasks/{id}/confirm", kPerm, "task:draw:confirm",
             "task:draw:confirm", "确认并锁定抽取名单", kGroup, HandleConfirm);
  router.Add(Method::kPost, "/api/v1/tasks/{id}/start", kPerm, "task:draw:confirm",
             "task:task:start", "开始检查（已确认锁定的名单）", kGroup, HandleStart);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/draw", kPerm, "task:task:list", "",
             "抽取情况：见证人、公开随机数、记录、抽中对象与检查组", kGroup, HandleDrawGet);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/draw-record", kPerm, "task:task:list", "",
             "下载抽取记录（ssj verify 的输入）", kGroup, HandleRecordFile);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/draw.xlsx", kPerm, "task:task:list", "",
             "导出抽取名单及检查组（XLSX）", kGroup, HandleDrawXlsx);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/exclusions.xlsx", kPerm, "task:task:list", "",
             "导出排除清单及原因（XLSX）", kGroup, HandleExclusionsXlsx);
  {
    http::Route attach{
        Method::kPost,
        "/api/v1/tasks/{id}/attachments",
        kPerm,
        "task:draw:run",
        "task:draw:attach",
        "上传抽取过程的照片、录像或文件（?file_name=，JPEG/PNG/MP4/PDF，50 MB 以内）",
        kGroup,
        HandleAttach};
    attach.upload_limit = kMaxAttachmentBytes;
    router.Add(std::move(attach));
  }
  router.Add(Method::kGet, "/api/v1/tasks/{id}/attachments", kPerm, "task:task:list", "",
             "抽取过程的照片、录像及其 SHA-256", kGroup, HandleAttachments);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/attachments/{aid}", kPerm, "task:task:list", "",
             "下载抽取过程的附件", kGroup, HandleAttachmentFile);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/changes", kPerm, "task:task:list", "",
             "名单变更与作废申请及其审批", kGroup, HandleChanges);
  router.Add(Method::kPost, "/api/v1/tasks/{id}/changes", kPerm, "task:change:request",
             "task:change:request",
             "申请变更已抽取名单（替换检查对象、检查人员退出）或作废抽取，须负责人批准", kGroup,
             HandleRequestChange);
  router.Add(Method::kGet, "/api/v1/task-changes", kPerm, "task:change:approve", "",
             "待审批的名单变更和作废申请", kGroup, HandlePendingChanges);
  router.Add(Method::kPost, "/api/v1/task-changes/{id}/approve", kPerm, "task:change:approve",
             "task:change:approve",
             "批准变更（替换对象按备选顺序递补、作废立即生效；不能审批本人的申请）", kGroup,
             HandleApproveChange);
  router.Add(Method::kPost, "/api/v1/task-changes/{id}/reject", kPerm, "task:change:approve",
             "task:change:reject", "驳回变更申请（须填写理由）", kGroup, HandleRejectChange);
  router.Add(Method::kPost, "/api/v1/task-changes/{id}/apply", kPerm, "task:draw:run",
             "task:change:apply", "录入新的公开随机数，补抽已批准退出的检查人员", kGroup,
             HandleApplyChange);
  router.Add(Method::kGet, "/api/v1/my/assignments", Access::kAuthenticated, "", "",
             "本人的检查任务（执法检查人员）", kGroup, HandleMyAssignments);
  router.Add(Method::kPost, "/api/v1/my/assignments/{id}/declare", Access::kAuthenticated, "",
             "task:change:declare", "本人申报回避或退出检查任务（报负责人审批）", kGroup,
             HandleDeclare);
  router.Add(Method::kGet, "/api/v1/public/tasks", Access::kPublic, "", "",
             "抽查任务公示：承诺值、各层户数、排除户数、抽取时间（无需登录）", "公示",
             HandlePublicList);
  router.Add(Method::kGet, "/api/v1/public/tasks/{id}", Access::kPublic, "", "",
             "抽查任务公示详情；检查开始后（不予提前告知的事项在检查结束后）含抽取结果", "公示",
             HandlePublicGet);
  router.Add(Method::kGet, "/api/v1/public/tasks/{id}/draw-record", Access::kPublic, "", "",
             "抽取记录 JSON（ssj verify 与 Python 校验程序的输入；公开前返回 404）", "公示",
             HandlePublicRecord);
  router.Add(Method::kGet, "/api/v1/public/tasks/{id}/pool.csv", Access::kPublic, "", "",
             "抽取范围 CSV（与抽取记录同时公开）", "公示", HandlePublicPool);
}

}  // namespace ssj::ceremony

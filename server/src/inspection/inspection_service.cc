#include "inspection/inspection_service.h"

#include <boost/json.hpp>

#include "common/crypto.h"
#include "common/upload.h"
#include "http/pipeline.h"
#include "inspection/inspection_repo.h"
#include "inspectors/inspector_repo.h"
#include "task/task_repo.h"

namespace ssj::inspection {
namespace {

namespace json = boost::json;

Error Forbidden(std::string code, std::string message) {
  return Error{ErrorKind::kForbidden, std::move(code), std::move(message), {}};
}

Error Conflict(std::string code, std::string message) {
  return Error{ErrorKind::kConflict, std::move(code), std::move(message), {}};
}

// Why the team cannot change the record now.
Error Locked(const Record& r) {
  if (r.task_status != "inspecting") {
    return Conflict("inspection.task_not_inspecting", "抽查任务不在检查阶段，检查记录不能修改");
  }
  switch (r.status) {
    case State::kSubmitted:
      return Conflict("inspection.locked", "检查记录已提交审核，审核退回后才能修改");
    case State::kReviewed:
      return Conflict("inspection.locked", "检查记录已审核通过，不能再修改");
    case State::kPublished:
      return Conflict("inspection.published",
                      "检查结果已公示，不能直接修改；确有错误的，须经负责人批准更正");
    default:
      return Conflict("inspection.locked", "检查记录当前不能修改");
  }
}

// The record, for a change by a member of its team while it is editable; locked for the
// transaction.
Result<View> ForChange(const Context& c, int64_t id) {
  SSJ_ASSIGN(View v, Open(c.sql, c.who, id));
  if (!v.access.me) return Forbidden("inspection.not_on_team", "您不在该检查对象的检查组中");
  if (!Editable(v.record)) return Locked(v.record);
  repo::Lock(c.sql, id);
  return v;
}

// After a change to the content: a new version, and the team confirms again.
Result<View> Changed(const Context& c, int64_t id) {
  repo::ClearSignoffs(c.sql, id);
  repo::Touch(c.sql, id, c.who.user_id, c.now);
  return Open(c.sql, c.who, id);
}

Result<std::string> Field(const json::value& body, std::string_view name, size_t max = 4096) {
  return http::StringField(body, name, false, max);
}

}  // namespace

Result<int64_t> OwnInspector(soci::session& sql, const org::Principal& who) {
  auto id = inspectors::repo::ByUser(sql, who.user_id);
  if (!id) {
    return Forbidden(
        "task.not_an_inspector",
        "当前账号未关联执法检查人员，无法查看检查记录；请联系业务处室在人员名录中关联账号");
  }
  return *id;
}

Result<View> Open(soci::session& sql, const org::Principal& who, int64_t id) {
  auto record = repo::Get(sql, id);
  if (!record) return Error::NotFound("检查记录");
  View v;
  if (auto me = inspectors::repo::ByUser(sql, who.user_id)) {
    for (const Member& m : record->team) {
      if (m.inspector_id == *me) v.access.me = m;
    }
  }
  if (who.Has(kListPermission) || who.Has(kReviewPermission)) {
    // Staff see records of tasks in their data scope.
    if (task::repo::Get(sql, &who, record->task_id)) {
      v.access.staff = who.Has(kListPermission);
      v.access.reviewer = who.Has(kReviewPermission);
    }
  }
  if (!v.access.me && !v.access.staff && !v.access.reviewer) return Error::NotFound("检查记录");
  v.record = std::move(*record);
  return v;
}

Result<View> SaveHeader(const Context& c, int64_t id, const json::value& body) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  Header h;
  SSJ_ASSIGN(h.subject_name, Field(body, "subject_name"));
  SSJ_ASSIGN(h.uscc, Field(body, "uscc"));
  SSJ_ASSIGN(h.district, Field(body, "district"));
  SSJ_ASSIGN(h.licence_no, Field(body, "licence_no"));
  SSJ_ASSIGN(h.legal_rep, Field(body, "legal_rep"));
  SSJ_ASSIGN(h.address, Field(body, "address"));
  SSJ_ASSIGN(h.phone, Field(body, "phone"));
  SSJ_TRY(CheckHeader(h));
  repo::SaveHeader(c.sql, id, h);
  return Changed(c, id);
}

Result<View> SaveItem(const Context& c, int64_t id, int64_t item_id, const json::value& body) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  const RecordItem* row = nullptr;
  for (const RecordItem& i : v.record.items) {
    if (i.item_id == item_id) row = &i;
  }
  if (!row) return Error::NotFound("检查事项");
  if (v.record.uninspectable) {
    return Conflict("inspection.uninspectable",
                    "已记录为无法开展检查，不再逐项填写；如已能检查，请先撤销“无法开展检查”");
  }
  if (!CanEditItem(v.record, v.access, *row)) {
    return Forbidden("inspection.not_your_item",
                     "事项“" + row->name + "”由" + row->department_name + "的检查人员录入");
  }
  ItemInput in;
  SSJ_ASSIGN(in.method, Field(body, "method", 64));
  SSJ_ASSIGN(in.checked, Field(body, "checked", 8192));
  SSJ_ASSIGN(in.findings, Field(body, "findings", 8192));
  SSJ_ASSIGN(in.handling, Field(body, "handling", 4096));
  SSJ_ASSIGN(in.result_codes, http::StringArrayField(body, "result_codes"));
  SSJ_TRY(CheckItem(in, *row, repo::Categories(c.sql)));
  repo::SaveItem(c.sql, id, item_id, in, c.who.user_id, c.now);
  return Changed(c, id);
}

Result<View> AddAction(const Context& c, int64_t id, const json::value& body) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  ActionInput in;
  SSJ_ASSIGN(in.client_id, Field(body, "client_id", 128));
  SSJ_ASSIGN(in.kind, Field(body, "kind", 64));
  SSJ_ASSIGN(in.detail, Field(body, "detail", 4096));
  SSJ_ASSIGN(in.deadline, Field(body, "deadline", 32));
  SSJ_TRY(CheckAction(in, c.today));
  for (const Action& a : v.record.actions) {
    if (a.client_id == in.client_id) return v;  // a retry of the same request
  }
  repo::AddAction(c.sql, id, in, c.who.user_id, c.now);
  return Changed(c, id);
}

Result<View> DeleteAction(const Context& c, int64_t id, int64_t action_id) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  if (!repo::DeleteAction(c.sql, id, action_id)) return Error::NotFound("处置措施");
  return Changed(c, id);
}

Result<std::pair<AttachmentInfo, bool>> AddEvidence(const Context& c, int64_t id,
                                                    const std::string& name,
                                                    const std::string& client_id,
                                                    const std::string& bytes) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  SSJ_TRY(CheckClientId(client_id));
  if (auto same = repo::AttachmentByClient(c.sql, id, client_id)) return std::pair{*same, false};
  SSJ_ASSIGN(std::string type, upload::CheckFile(name, bytes, kMaxEvidenceBytes, "20 MB"));
  if (repo::CountEvidence(c.sql, id) >= kMaxAttachmentsPerRecord) {
    return Conflict(
        "inspection.too_many_attachments",
        "一份检查记录最多上传 " + std::to_string(kMaxAttachmentsPerRecord) + " 个证据文件");
  }
  AttachmentInfo a = repo::AddAttachment(c.sql, id, {client_id, "evidence", name, type, bytes},
                                         c.who.user_id, c.now);
  repo::ClearSignoffs(c.sql, id);
  repo::Touch(c.sql, id, c.who.user_id, c.now);
  return std::pair{a, true};
}

Result<View> DeleteEvidence(const Context& c, int64_t id, int64_t attachment_id) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  if (!repo::DeleteEvidence(c.sql, id, attachment_id)) return Error::NotFound("证据文件");
  return Changed(c, id);
}

Result<View> SetFirm(const Context& c, int64_t id, const json::value& body) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  const json::value* refused = body.is_object() ? body.as_object().if_contains("refused") : nullptr;
  Firm f;
  f.at = c.now;
  if (refused && refused->is_bool() && refused->as_bool()) {
    f.state = "refused";
    SSJ_ASSIGN(f.refusal_reason, Field(body, "reason"));
    SSJ_ASSIGN(f.refusal_witness, Field(body, "witness", 400));
    SSJ_TRY(CheckRefusal(f.refusal_reason, f.refusal_witness));
  } else {
    f.state = "signed";
    SSJ_ASSIGN(f.signer, Field(body, "signer_name", 200));
    SSJ_TRY(CheckSigner(f.signer));
    SSJ_ASSIGN(std::string encoded, Field(body, "signature", 4 * kMaxSignatureBytes));
    std::string png;
    if (encoded.empty()) return Error::InvalidField("signature", "请被检查对象在屏幕上签字");
    if (!FromBase64(encoded, &png) || upload::SniffType(png) != "image/png" ||
        png.size() > kMaxSignatureBytes) {
      return Error::InvalidField("signature", "签字应为 PNG 图片（base64 编码，2 MB 以内）");
    }
    // The image is kept as an attachment with its hash; each signing adds one.
    const std::string client = "signature-" + std::to_string(id) + "-" +
                               std::to_string(v.record.version) + "-" +
                               Sha256Hex(png).substr(0, 16);
    auto same = repo::AttachmentByClient(c.sql, id, client);
    AttachmentInfo image =
        same ? *same
             : repo::AddAttachment(c.sql, id,
                                   {client, "signature", "企业签字.png", "image/png", png},
                                   c.who.user_id, c.now);
    f.signature_id = image.id;
  }
  repo::SetFirm(c.sql, id, f);
  return Changed(c, id);
}

Result<View> ClearFirm(const Context& c, int64_t id) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  repo::SetFirm(c.sql, id, Firm{});
  return Changed(c, id);
}

Result<View> SetUninspectable(const Context& c, int64_t id, const json::value& body) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  if (!v.access.me || v.access.me->slot != 0)
    return Forbidden("inspection.leader_only", "只有组长可以记录无法开展检查的情形");
  SSJ_ASSIGN(std::string code, Field(body, "category", 16));
  SSJ_ASSIGN(std::string note, Field(body, "description"));
  SSJ_TRY(CheckUninspectable(code, note, repo::Categories(c.sql)));
  repo::SetUninspectable(c.sql, id, code, note);
  return Changed(c, id);
}

Result<View> ClearUninspectable(const Context& c, int64_t id) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  if (!v.access.me || v.access.me->slot != 0)
    return Forbidden("inspection.leader_only", "只有组长可以撤销无法开展检查的记录");
  repo::SetUninspectable(c.sql, id, std::nullopt, "");
  return Changed(c, id);
}

Result<View> SignOff(const Context& c, int64_t id) {
  SSJ_ASSIGN(View v, ForChange(c, id));
  repo::SignOff(c.sql, id, v.access.me->inspector_id, c.who.user_id, c.now);
  return Open(c.sql, c.who, id);
}

Result<View> Submit(const Context& c, int64_t id) {
  SSJ_ASSIGN(View v, Open(c.sql, c.who, id));
  if (!v.access.me || v.access.me->slot != 0)
    return Forbidden("inspection.leader_only", "检查记录由组长汇总确认后提交审核");
  // A retry of a submission that went through (a flaky connection): the record as it is.
  if (v.record.status == State::kSubmitted) return v;
  if (!Editable(v.record)) return Locked(v.record);
  repo::Lock(c.sql, id);
  const std::vector<std::string> missing = Missing(v.record, repo::Categories(c.sql));
  if (!missing.empty()) {
    Error e = Error::InvalidField("missing", "检查记录尚不完整：" + missing.front());
    e.code = "inspection.incomplete";
    json::array list;
    for (const std::string& m : missing) list.emplace_back(m);
    e.details["missing"] = std::move(list);
    return e;
  }
  repo::SetState(c.sql, id, State::kSubmitted, c.who.user_id, c.now);
  repo::Touch(c.sql, id, c.who.user_id, c.now);
  return Open(c.sql, c.who, id);
}

Result<View> Review(const Context& c, int64_t id, const json::value& body) {
  SSJ_ASSIGN(View v, Open(c.sql, c.who, id));
  if (!v.access.reviewer) return Forbidden("auth.forbidden", "没有审核检查记录的权限");
  SSJ_ASSIGN(std::string decision, http::StringField(body, "decision", true, 16));
  SSJ_ASSIGN(std::string comment, Field(body, "comment"));
  if (decision != "approve" && decision != "return")
    return Error::InvalidField("decision", "审核结论应为 approve（通过）或 return（退回）",
                               decision);
  if (v.record.status != State::kSubmitted) {
    return Conflict("inspection.not_submitted", "只有待审核的检查记录可以审核（当前：" +
                                                    std::string(StateName(v.record.status)) + "）");
  }
  if (decision == "return" && comment.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::InvalidField("comment", "退回时请写明需要补正的内容");
  if (comment.size() > 2000) return Error::InvalidField("comment", "审核意见最多 500 个字");
  repo::Lock(c.sql, id);
  repo::AddReview(c.sql, id, decision, comment, c.who.user_id, c.now);
  repo::SetState(c.sql, id, decision == "approve" ? State::kReviewed : State::kReturned,
                 c.who.user_id, c.now);
  repo::Touch(c.sql, id, c.who.user_id, c.now);
  return Open(c.sql, c.who, id);
}

json::value ViewJson(soci::session& sql, const View& v) {
  return RecordJson(v.record, v.access, repo::Categories(sql));
}

}  // namespace ssj::inspection

#include "publicity/publicity_service.h"

#include <boost/json.hpp>
#include <map>

#include "calendar/calendar_repo.h"
#include "common/clock.h"
#include "common/text.h"
#include "http/pipeline.h"
#include "inspection/inspection.h"
#include "inspection/inspection_repo.h"
#include "org/org_repo.h"
#include "policy/policy_repo.h"
#include "publicity/publicity.h"
#include "task/task_repo.h"

namespace ssj::publicity {
namespace {

namespace json = boost::json;
using inspection::State;

Error Conflict(std::string code, std::string message) {
  return Error{ErrorKind::kConflict, std::move(code), std::move(message), {}};
}

Result<std::string> Reason(const json::value& body, std::string_view field, const char* label) {
  SSJ_ASSIGN(std::string reason, http::StringField(body, field, false, 4000));
  reason = Trim(reason);
  if (Utf8Chars(reason) < 2)
    return Error::InvalidField(std::string(field), std::string("请填写") + label);
  if (Utf8Chars(reason) > 500)
    return Error::InvalidField(std::string(field), std::string(label) + "最多 500 个字");
  return reason;
}

// The date part (China time) of an ISO timestamp, or `fallback`.
std::string DateOf(const std::string& iso, const std::string& fallback) {
  int64_t ms = 0;
  return ParseIsoMillis(iso, &ms) ? ChinaDate(ms) : fallback;
}

// A new version of the record's public result, with personal data masked.
int64_t AddResult(soci::session& sql, const inspection::Record& record, const std::string& reason,
                  int64_t by, const std::string& now, const std::string& today) {
  const PublicResult result = ResultOf(record, inspection::repo::Categories(sql));
  repo::NewResult r;
  r.inspection_id = record.id;
  r.task_id = record.task_id;
  r.target_id = record.target_id;
  const auto facts = repo::Target(sql, record.target_id);
  r.target_code = facts ? facts->code : record.target_code;
  r.target_name = facts ? facts->name : record.header.subject_name;
  if (facts && facts->nature == "自然人") {
    r.target_code = MaskId(r.target_code);
    r.target_name = MaskName(r.target_name);
  }
  r.department_id = record.department_id;
  r.inspected_on = DateOf(record.submitted_at, today);
  r.summary = result.summary;
  r.problem = result.problem;
  r.content = json::serialize(result.content);
  r.reason = reason;
  return repo::AddVersion(sql, r, by, now);
}

// The task of a record, in the caller's scope.
Result<inspection::Record> ScopedRecord(const Context& c, int64_t inspection_id) {
  auto record = inspection::repo::Get(c.sql, inspection_id);
  if (!record || !task::repo::Get(c.sql, &c.who, record->task_id))
    return Error::NotFound("检查记录");
  return *record;
}

// The due date of `days` (a profile setting; none when unset) working days after `from`, or ""
// while a year it reaches has no holiday notice yet.
Result<std::string> DueAfter(soci::session& sql, const std::string& from,
                             std::optional<int64_t> days) {
  if (!days) return std::string();
  SSJ_ASSIGN(Deadline d, DeadlineOf(calendar::repo::LoadCalendar(sql), from, *days, from));
  return d.due.value_or("");
}

}  // namespace

repo::ResultRow PublishRecord(soci::session& sql, int64_t id, int64_t by, const std::string& now,
                              const std::string& today) {
  AddResult(sql, *inspection::repo::Get(sql, id), "", by, now, today);
  inspection::repo::SetState(sql, id, State::kPublished, by, now);
  inspection::repo::Touch(sql, id, by, now);
  return *repo::Current(sql, id);
}

repo::ResultRow CorrectRecord(soci::session& sql, int64_t id, const std::string& reason, int64_t by,
                              const std::string& now, const std::string& today) {
  AddResult(sql, *inspection::repo::Get(sql, id), reason, by, now, today);
  inspection::repo::Touch(sql, id, by, now);
  return *repo::Current(sql, id);
}

Result<std::vector<repo::ResultRow>> Publish(const Context& c, int64_t task_id,
                                             const std::vector<int64_t>& ids) {
  auto task = task::repo::Get(c.sql, &c.who, task_id);
  if (!task) return Error::NotFound("抽查任务");
  if (task->status != task::State::kInspecting)
    return Conflict("publicity.task_not_inspecting", "只能公示正在检查的任务的检查结果");
  task::repo::Lock(c.sql, task_id);
  const std::vector<inspection::RecordRow> rows = inspection::repo::ForTask(c.sql, task_id);
  std::vector<int64_t> chosen;
  if (ids.empty()) {
    for (const auto& r : rows) {
      if (r.status == State::kReviewed) chosen.push_back(r.id);
    }
    if (chosen.empty())
      return Conflict("publicity.nothing_to_publish", "该任务没有已审核、待公示的检查记录");
  }
  for (int64_t id : ids) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.id == id; });
    if (it == rows.end())
      return Error::InvalidField("inspection_ids", "不是该任务的检查记录", std::to_string(id));
    if (it->status != State::kReviewed) {
      Error e =
          Conflict("publicity.not_reviewed",
                   "“" + it->target_name + "”的检查记录" +
                       (it->status == State::kPublished
                            ? "已经公示"
                            : "尚未审核通过（当前：" +
                                  std::string(inspection::StateName(it->status)) + "），不能公示"));
      e.details["inspection_id"] = id;
      return e;
    }
    chosen.push_back(id);
  }
  std::vector<repo::ResultRow> out;
  for (int64_t id : chosen) out.push_back(PublishRecord(c.sql, id, c.who.user_id, c.now, c.today));
  return out;
}

Result<repo::Correction> RequestCorrection(const Context& c, int64_t inspection_id,
                                           const json::value& body,
                                           std::optional<int64_t> objection_id) {
  SSJ_ASSIGN(inspection::Record record, ScopedRecord(c, inspection_id));
  if (record.status != State::kPublished)
    return Conflict("publicity.not_published",
                    "只有已公示的检查结果需要走更正程序；未公示的记录由审核退回修改");
  if (repo::HasPendingCorrection(c.sql, inspection_id))
    return Conflict("publicity.correction_pending", "该结果已有待负责人审批的更正申请");
  SSJ_ASSIGN(std::string reason, Reason(body, "reason", "更正理由"));
  const json::value* items = body.is_object() ? body.as_object().if_contains("items") : nullptr;
  if (!items || !items->is_array() || items->as_array().empty())
    return Error::InvalidField("items", "请填写更正后的检查结果");
  const auto categories = inspection::repo::Categories(c.sql);
  json::array stored;
  bool differs = false;
  for (size_t k = 0; k < items->as_array().size(); ++k) {
    const json::value& item = items->as_array()[k];
    const std::string field = "items[" + std::to_string(k) + "]";
    SSJ_ASSIGN(int64_t item_id, http::IntField(item, "item_id"));
    auto row = std::find_if(record.items.begin(), record.items.end(),
                            [&](const auto& i) { return i.item_id == item_id; });
    if (row == record.items.end())
      return Error::InvalidField(field + ".item_id", "不是该记录的检查事项",
                                 std::to_string(item_id));
    inspection::ItemInput in;
    in.method = row->method;
    in.checked = row->checked;
    SSJ_ASSIGN(in.findings, http::StringField(item, "findings", false, 8192));
    SSJ_ASSIGN(in.handling, http::StringField(item, "handling", false, 4096));
    SSJ_ASSIGN(in.result_codes, http::StringArrayField(item, "result_codes"));
    if (in.result_codes.empty())
      return Error::InvalidField(field + ".result_codes", "请选择更正后的检查结果");
    SSJ_TRY(inspection::CheckItem(in, *row, categories));
    differs = differs || in.result_codes != row->result_codes || in.findings != row->findings ||
              in.handling != row->handling;
    json::array codes;
    for (const std::string& code : in.result_codes) codes.emplace_back(code);
    stored.push_back({{"item_id", item_id},
                      {"result_codes", std::move(codes)},
                      {"findings", in.findings},
                      {"handling", in.handling}});
  }
  if (!differs) return Error::InvalidField("items", "更正后的内容与已公示的结果相同");
  repo::Correction corr;
  corr.inspection_id = inspection_id;
  corr.result_id = repo::Current(c.sql, inspection_id)->id;
  corr.objection_id = objection_id;
  corr.reason = reason;
  corr.items = json::serialize(stored);
  corr.requested_by = c.who.user_id;
  corr.requested_at = c.now;
  const int64_t id = repo::AddCorrection(c.sql, corr);
  return *repo::GetCorrection(c.sql, id);
}

Result<repo::Correction> DecideCorrection(const Context& c, int64_t id, bool approve,
                                          const std::string& reason) {
  auto corr = repo::GetCorrection(c.sql, id);
  if (!corr || !task::repo::Get(c.sql, &c.who, corr->task_id)) return Error::NotFound("更正申请");
  if (corr->status != "pending")
    return Conflict("publicity.correction_decided", "该更正申请已经审批");
  if (corr->requested_by == c.who.user_id) {
    return Error{
        ErrorKind::kForbidden, "publicity.self_approval", "不能审批本人提出的更正申请", {}};
  }
  inspection::repo::Lock(c.sql, corr->inspection_id);
  repo::DecideCorrection(c.sql, id, approve, c.who.user_id, reason, c.now);
  auto objection = repo::ObjectionOfCorrection(c.sql, id);
  if (!approve) {
    // The objection goes back to the office, which must decide it again.
    if (objection) repo::SetObjectionStatus(c.sql, objection->id, "pending");
    return *repo::GetCorrection(c.sql, id);
  }
  auto record = inspection::repo::Get(c.sql, corr->inspection_id);
  const json::value items = json::parse(corr->items);
  for (const json::value& item : items.as_array()) {
    const int64_t item_id = item.at("item_id").as_int64();
    auto row = std::find_if(record->items.begin(), record->items.end(),
                            [&](const auto& i) { return i.item_id == item_id; });
    if (row == record->items.end()) continue;
    inspection::ItemInput in = *row;
    in.result_codes.clear();
    for (const json::value& code : item.at("result_codes").as_array())
      in.result_codes.emplace_back(code.as_string());
    in.findings = std::string(item.at("findings").as_string());
    in.handling = std::string(item.at("handling").as_string());
    inspection::repo::SaveItem(c.sql, corr->inspection_id, item_id, in, corr->requested_by, c.now);
  }
  CorrectRecord(c.sql, corr->inspection_id, corr->reason, c.who.user_id, c.now, c.today);
  if (objection) {
    SSJ_ASSIGN(std::string notify,
               DueAfter(c.sql, c.today, policy::Current(c.sql).rules.objection_notify_days));
    repo::DecideObjection(c.sql, objection->id, "corrected", corr->reason, c.who.user_id, c.now,
                          notify);
  }
  return *repo::GetCorrection(c.sql, id);
}

Result<repo::Objection> FileObjection(soci::session& sql, const json::value& body,
                                      const std::string& now, const std::string& today) {
  SSJ_ASSIGN(std::string uscc, http::StringField(body, "uscc", true, 64));
  SSJ_ASSIGN(std::string code, http::StringField(body, "verify_code", true, 64));
  repo::Objection o;
  SSJ_ASSIGN(o.contact_name, http::StringField(body, "contact_name", false, 400));
  SSJ_ASSIGN(o.contact_phone, http::StringField(body, "contact_phone", false, 200));
  SSJ_ASSIGN(o.content, http::StringField(body, "content", false, 16000));
  for (std::string* s : {&uscc, &code}) {
    *s = Trim(*s);
    for (char& ch : *s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  SSJ_TRY(CheckObjection(o.contact_name, o.contact_phone, o.content));
  auto result = repo::FindForObjection(sql, uscc, code);
  if (!result) {
    Error e = Error::InvalidField("verify_code",
                                  "统一社会信用代码或验证码不正确，请核对检查通知书上的异议验证码");
    e.code = "publicity.objection_unverified";
    return e;
  }
  const std::string published_on = DateOf(result->first_published_at, today);
  const policy::Rules rules = policy::Current(sql).rules;
  if (rules.objection_window_days) {
    SSJ_ASSIGN(Deadline window, DeadlineOf(calendar::repo::LoadCalendar(sql), published_on,
                                           *rules.objection_window_days, today));
    if (window.days_left < 0) {
      return Conflict("publicity.objection_closed",
                      "异议受理期限已过：应自结果公示之日（" + published_on + "）起 " +
                          std::to_string(*rules.objection_window_days) + " 个工作日内提出" +
                          (window.due ? "，截至 " + *window.due : std::string()));
    }
  }
  for (const repo::Objection& open : repo::ListObjections(sql, nullptr, "")) {
    if (open.inspection_id == result->inspection_id &&
        (open.status == "pending" || open.status == "correcting")) {
      return Conflict("publicity.objection_open", "该检查结果的异议已受理，正在复查，请勿重复提交");
    }
  }
  SSJ_ASSIGN(o.review_due, DueAfter(sql, today, rules.objection_review_days));
  o.result_id = result->id;
  o.inspection_id = result->inspection_id;
  o.filed_at = now;
  const int64_t id = repo::AddObjection(sql, o);
  return *repo::GetObjection(sql, id);
}

Result<repo::Objection> DecideObjection(const Context& c, int64_t id, const json::value& body) {
  auto o = repo::GetObjection(c.sql, id);
  if (!o || !task::repo::Get(c.sql, &c.who, o->task_id)) return Error::NotFound("异议");
  if (o->status != "pending")
    return Conflict("publicity.objection_decided", "该异议已作出复查结论");
  SSJ_ASSIGN(std::string decision, http::StringField(body, "decision", true, 16));
  if (decision == "uphold") {
    SSJ_ASSIGN(std::string reason, Reason(body, "reason", "维持原结果的理由"));
    SSJ_ASSIGN(std::string notify,
               DueAfter(c.sql, c.today, policy::Current(c.sql).rules.objection_notify_days));
    repo::DecideObjection(c.sql, id, "upheld", reason, c.who.user_id, c.now, notify);
  } else if (decision == "correct") {
    // The correction takes the head's approval like any other; the objection waits for it.
    SSJ_TRY(RequestCorrection(c, o->inspection_id, body, id));
    repo::SetObjectionStatus(c.sql, id, "correcting");
  } else {
    return Error::InvalidField("decision", "复查结论应为 uphold（维持）或 correct（更正）",
                               decision);
  }
  return *repo::GetObjection(c.sql, id);
}

Result<repo::Objection> NotifyObjection(const Context& c, int64_t id, const json::value& body) {
  auto o = repo::GetObjection(c.sql, id);
  if (!o || !task::repo::Get(c.sql, &c.who, o->task_id)) return Error::NotFound("异议");
  if (o->status != "upheld" && o->status != "corrected")
    return Conflict("publicity.objection_undecided", "复查结论作出后才能反馈当事人");
  if (!o->notified_at.empty()) return Conflict("publicity.objection_notified", "已反馈当事人");
  SSJ_ASSIGN(std::string note, Reason(body, "note", "反馈方式和情况"));
  repo::NotifyObjection(c.sql, id, note, c.who.user_id, c.now);
  return *repo::GetObjection(c.sql, id);
}

Result<json::value> Deadlines(soci::session& sql, const org::Principal& who,
                              const std::string& today) {
  const calendar::Calendar cal = calendar::repo::LoadCalendar(sql);
  const policy::Rules rules = policy::Current(sql).rules;
  // A clock of `days` working days from `from`; null when the profile sets none.
  auto clock = [&](const std::string& from, std::optional<int64_t> days) -> Result<json::value> {
    if (!days || from.empty()) return json::value(nullptr);
    SSJ_ASSIGN(Deadline d, DeadlineOf(cal, from, *days, today));
    return DeadlineJson(d);
  };
  db::Query q(
      "SELECT t.id, t.code, t.name, d.name, t.start_date, t.end_date, r.status, COUNT(r.id) FROM "
      "tasks t JOIN departments d ON d.id = t.department_id LEFT JOIN inspections r ON r.task_id "
      "= t.id AND EXISTS (SELECT 1 FROM task_targets tt WHERE tt.task_id = r.task_id AND "
      "tt.target_id = r.target_id) WHERE t.status = 'inspecting'");
  org::repo::AddScope(q, &who, "d", "t.created_by");
  q.Append(
      " GROUP BY t.id, t.code, t.name, d.name, t.start_date, t.end_date, r.status ORDER BY "
      "t.end_date, t.id");
  struct TaskLine {
    json::object task;
    std::map<std::string, int64_t> counts;
    std::string end;
  };
  std::vector<TaskLine> lines;
  q.ForEach(sql, [&](const soci::row& row) {
    const int64_t id = db::RowInt(row, 0);
    if (lines.empty() || lines.back().task.at("id").as_int64() != id) {
      lines.push_back({{{"id", id},
                        {"code", db::RowText(row, 1)},
                        {"name", db::RowText(row, 2)},
                        {"department_name", db::RowText(row, 3)},
                        {"start_date", db::RowText(row, 4)},
                        {"end_date", db::RowText(row, 5)}},
                       {},
                       db::RowText(row, 5)});
    }
    const std::string status = db::RowText(row, 6);
    if (!status.empty()) lines.back().counts[status] = db::RowInt(row, 7);
  });
  json::array tasks;
  for (TaskLine& line : lines) {
    int64_t total = 0;
    json::object counts;
    for (const auto& [status, n] : line.counts) {
      counts[status] = n;
      total += n;
    }
    const int64_t published = line.counts.count("published") ? line.counts.at("published") : 0;
    const bool done = total > 0 && published == total;
    line.task["counts"] = std::move(counts);
    line.task["total"] = total;
    line.task["done"] = done;
    // Publication counts from the end of the inspection window.
    json::value publish = nullptr;
    if (!done && today > line.end) {
      SSJ_ASSIGN(publish, clock(line.end, policy::PublicationDays(rules)));
    }
    line.task["publish"] = std::move(publish);
    // The archive (一对象一档案) counts from the window's end too, until every target has one.
    const int64_t id = line.task.at("id").as_int64();
    const int64_t archived = db::Query(
                                 "SELECT COUNT(*) FROM inspections r JOIN task_targets tt ON "
                                 "tt.task_id = r.task_id AND tt.target_id = r.target_id WHERE "
                                 "r.task_id = :t AND r.archived_at <> ''")
                                 .Bind("t", id)
                                 .ScalarInt(sql);
    line.task["archived"] = archived;
    json::value archive = nullptr;
    if (total > 0 && archived < total && today > line.end) {
      SSJ_ASSIGN(archive, clock(line.end, rules.archive_days));
    }
    line.task["archive"] = std::move(archive);
    tasks.push_back(std::move(line.task));
  }
  json::array objections;
  for (const repo::Objection& o : repo::ListObjections(sql, &who, "")) {
    json::value countdown = nullptr;
    std::string stage;
    if (o.status == "pending" || o.status == "correcting") {
      stage = "review";
      SSJ_ASSIGN(countdown, clock(DateOf(o.filed_at, today), rules.objection_review_days));
    } else if (o.notified_at.empty()) {
      stage = "notify";
      SSJ_ASSIGN(countdown, clock(DateOf(o.decided_at, today), rules.objection_notify_days));
    } else {
      continue;
    }
    json::value line = ObjectionJson(o);
    line.as_object()["stage"] = stage;
    line.as_object()["countdown"] = std::move(countdown);
    objections.push_back(std::move(line));
  }
  return json::value{
      {"today", today}, {"tasks", std::move(tasks)}, {"objections", std::move(objections)}};
}

json::value ResultJson(const repo::ResultRow& r) {
  json::value content = nullptr;
  try {
    content = json::parse(r.content);
  } catch (const std::exception&) {
  }
  return {{"id", r.id},
          {"inspection_id", r.inspection_id},
          {"version", r.version},
          {"current", r.current},
          {"corrected", r.version > 1},
          {"task_code", r.task_code},
          {"task_name", r.task_name},
          {"target_code", r.target_code},
          {"target_name", r.target_name},
          {"department_name", r.department_name},
          {"inspected_on", r.inspected_on},
          {"summary", r.summary},
          {"problem", r.problem},
          {"content", std::move(content)},
          {"reason", r.reason},
          {"published_at", r.published_at},
          {"first_published_at", r.first_published_at}};
}

json::value CorrectionJson(const repo::Correction& c) {
  json::value items = nullptr;
  try {
    items = json::parse(c.items);
  } catch (const std::exception&) {
  }
  return {{"id", c.id},
          {"inspection_id", c.inspection_id},
          {"result_id", c.result_id},
          {"objection_id", c.objection_id ? json::value(*c.objection_id) : nullptr},
          {"task_id", c.task_id},
          {"task_code", c.task_code},
          {"target_name", c.target_name},
          {"reason", c.reason},
          {"items", std::move(items)},
          {"status", c.status},
          {"requested_by", c.requested_by},
          {"requested_by_name", c.requested_by_name},
          {"requested_at", c.requested_at},
          {"decided_by_name", c.decided_by_name},
          {"decided_at", c.decided_at},
          {"decision_reason", c.decision_reason}};
}

json::value ObjectionJson(const repo::Objection& o) {
  return {{"id", o.id},
          {"result_id", o.result_id},
          {"inspection_id", o.inspection_id},
          {"task_id", o.task_id},
          {"task_code", o.task_code},
          {"target_code", o.target_code},
          {"target_name", o.target_name},
          {"contact_name", o.contact_name},
          {"contact_phone", o.contact_phone},
          {"content", o.content},
          {"filed_at", o.filed_at},
          {"review_due", o.review_due},
          {"status", o.status},
          {"decision_reason", o.decision_reason},
          {"decided_by_name", o.decided_by_name},
          {"decided_at", o.decided_at},
          {"notify_due", o.notify_due},
          {"notified_at", o.notified_at},
          {"notify_note", o.notify_note}};
}

}  // namespace ssj::publicity

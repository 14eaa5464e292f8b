#include "inspection/inspection.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "calendar/calendar.h"
#include "common/text.h"

namespace ssj::inspection {
namespace {

namespace json = boost::json;

Error BadValue(const std::string& field, const std::string& message, const std::string& value) {
  return Error::InvalidField(field, message, value.substr(0, 64));
}

void Trim(std::string& s) { s = ssj::Trim(s); }

Status Text(std::string& value, const std::string& field, const std::string& label, size_t max,
            bool required = false) {
  return CheckText(value, field, label, max, required);
}

const Category* Find(const std::vector<Category>& categories, const std::string& code) {
  for (const Category& c : categories) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

// Whether `ancestor` is above `code` in the hierarchy.
bool Above(const std::vector<Category>& categories, const std::string& ancestor,
           const std::string& code) {
  const Category* c = Find(categories, code);
  for (int depth = 0; c && c->parent && depth < 16; ++depth) {
    if (*c->parent == ancestor) return true;
    c = Find(categories, *c->parent);
  }
  return false;
}

std::string TextOf(const std::vector<Category>& categories, const std::string& code) {
  const Category* c = Find(categories, code);
  return c ? c->text : code;
}

json::array Strings(const std::vector<std::string>& values) {
  json::array out;
  for (const std::string& v : values) out.emplace_back(v);
  return out;
}

json::object HeaderJson(const Header& h) {
  return {{"subject_name", h.subject_name},
          {"uscc", h.uscc},
          {"district", h.district},
          {"licence_no", h.licence_no},
          {"legal_rep", h.legal_rep},
          {"address", h.address},
          {"phone", h.phone}};
}

}  // namespace

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string_view StateCode(State state) {
  switch (state) {
    case State::kPending:
      return "pending";
    case State::kSubmitted:
      return "submitted";
    case State::kReturned:
      return "returned";
    case State::kReviewed:
      return "reviewed";
    case State::kPublished:
      return "published";
  }
  return "pending";
}

std::string_view StateName(State state) {
  switch (state) {
    case State::kPending:
      return "待录入";
    case State::kSubmitted:
      return "待审核";
    case State::kReturned:
      return "退回";
    case State::kReviewed:
      return "已审核";
    case State::kPublished:
      return "已公示";
  }
  return "待录入";
}

std::optional<State> ParseState(std::string_view code) {
  for (State s : {State::kPending, State::kSubmitted, State::kReturned, State::kReviewed,
                  State::kPublished}) {
    if (StateCode(s) == code) return s;
  }
  return std::nullopt;
}

const std::vector<std::string>& ActionKinds() {
  static const std::vector<std::string> kinds = {std::string(kRectify), "移送办案机构",
                                                 "抄告相关部门",        "列入经营异常名录",
                                                 "移送司法机关",        "其他"};
  return kinds;
}

const std::vector<std::string>& Methods() {
  static const std::vector<std::string> methods = {"书面检查", "现场检查", "网络监测", "检验检测",
                                                   "专业机构核查"};
  return methods;
}

Status CheckHeader(Header& h) {
  SSJ_TRY(Text(h.subject_name, "subject_name", "主体名称", 200, true));
  SSJ_TRY(Text(h.uscc, "uscc", "统一社会信用代码", 18));
  std::transform(h.uscc.begin(), h.uscc.end(), h.uscc.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (!h.uscc.empty() && h.uscc.size() != 18)
    return BadValue("uscc", "统一社会信用代码应为 18 位", h.uscc);
  SSJ_TRY(Text(h.district, "district", "所属区县", 50));
  SSJ_TRY(Text(h.licence_no, "licence_no", "证件（照）号码", 64));
  SSJ_TRY(Text(h.legal_rep, "legal_rep", "法定代表人", 50));
  SSJ_TRY(Text(h.address, "address", "检查地址", 200));
  SSJ_TRY(Text(h.phone, "phone", "联系电话", 40));
  return OkStatus();
}

Status CheckItem(ItemInput& in, const RecordItem& row, const std::vector<Category>& categories) {
  Trim(in.method);
  if (!in.method.empty()) {
    const std::vector<std::string>& allowed = row.methods.empty() ? Methods() : row.methods;
    if (std::find(allowed.begin(), allowed.end(), in.method) == allowed.end()) {
      std::string list;
      for (const std::string& m : allowed) list += (list.empty() ? "" : "、") + m;
      return BadValue("method", "检查方式应为该事项规定的方式之一：" + list, in.method);
    }
  }
  SSJ_TRY(Text(in.checked, "checked", "检查内容", 2000));
  SSJ_TRY(Text(in.findings, "findings", "发现的问题", 2000));
  SSJ_TRY(Text(in.handling, "handling", "处理情况", 1000));
  std::set<std::string> seen;
  bool none_found = false;
  for (size_t i = 0; i < in.result_codes.size(); ++i) {
    const std::string& code = in.result_codes[i];
    const std::string field = "result_codes[" + std::to_string(i) + "]";
    const Category* c = Find(categories, code);
    if (!c || !c->active) return BadValue(field, "检查结果不在结果类别字典中", code);
    if (!seen.insert(code).second) return BadValue(field, "检查结果重复", c->text);
    none_found = none_found || !c->problem && !c->uninspectable && !c->parent && code == "1";
  }
  for (const std::string& a : in.result_codes) {
    for (const std::string& b : in.result_codes) {
      if (a != b && Above(categories, a, b)) {
        return BadValue("result_codes",
                        "“" + TextOf(categories, a) + "”已包含“" + TextOf(categories, b) +
                            "”，请只选择更具体的一项",
                        TextOf(categories, a));
      }
    }
  }
  if (none_found && in.result_codes.size() > 1)
    return BadValue("result_codes", "“未发现问题”不能与其他检查结果同时选择", "未发现问题");
  if (!in.findings.empty() && none_found)
    return BadValue("findings", "已选择“未发现问题”，请清空发现的问题或改选检查结果", in.findings);
  return OkStatus();
}

Status CheckClientId(const std::string& id) {
  const bool ok =
      id.size() >= 8 && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
      });
  if (!ok) return BadValue("client_id", "请求标识应为 8–64 位字母、数字或连字符", id);
  return OkStatus();
}

Status CheckAction(ActionInput& in, const std::string& today) {
  SSJ_TRY(CheckClientId(in.client_id));
  Trim(in.kind);
  const auto& kinds = ActionKinds();
  if (std::find(kinds.begin(), kinds.end(), in.kind) == kinds.end()) {
    return BadValue(
        "kind",
        "处置方式应为 责令改正、移送办案机构、抄告相关部门、列入经营异常名录、移送司法机关 或 其他",
        in.kind);
  }
  SSJ_TRY(Text(in.detail, "detail", "处置说明", 500, in.kind == "其他"));
  Trim(in.deadline);
  if (in.kind == kRectify && in.deadline.empty())
    return Error::InvalidField("deadline", "责令改正须填写整改期限");
  if (!in.deadline.empty()) {
    if (!calendar::ParseDate(in.deadline))
      return BadValue("deadline", "期限应为日期，如 2026-12-31", in.deadline);
    if (in.deadline < today) return BadValue("deadline", "期限不能早于今天", in.deadline);
  }
  return OkStatus();
}

Status CheckRefusal(std::string& reason, std::string& witness) {
  SSJ_TRY(Text(reason, "reason", "拒绝签字的情况说明", 500, true));
  SSJ_TRY(Text(witness, "witness", "见证人", 100, true));
  return OkStatus();
}

Status CheckSigner(std::string& signer) { return Text(signer, "signer_name", "签字人", 50, true); }

Status CheckUninspectable(const std::string& code, std::string& note,
                          const std::vector<Category>& categories) {
  const Category* c = Find(categories, code);
  if (!c || !c->active || !c->uninspectable) {
    std::string list;
    for (const Category& x : categories) {
      if (x.uninspectable && x.active) list += (list.empty() ? "" : "、") + x.text;
    }
    return BadValue("category", "无法开展检查的情形应为：" + list, code);
  }
  return Text(note, "description", "情况说明", 1000, true);
}

bool Editable(const Record& r) {
  return r.task_status == "inspecting" &&
         (r.status == State::kPending || r.status == State::kReturned);
}

int64_t RecorderDepartment(int64_t item_department, const std::vector<int64_t>& task_departments) {
  if (std::find(task_departments.begin(), task_departments.end(), item_department) !=
      task_departments.end())
    return item_department;
  return task_departments.empty() ? item_department : task_departments.front();
}

std::vector<std::string> Missing(const Record& r, const std::vector<Category>& categories) {
  std::vector<std::string> out;
  if (r.uninspectable) {
    const bool evidence = std::any_of(r.attachments.begin(), r.attachments.end(),
                                      [](const AttachmentInfo& a) { return a.kind == "evidence"; });
    if (!evidence) out.push_back("无法开展检查的，须上传取得的证据（照片或文件）");
  } else {
    for (size_t i = 0; i < r.items.size(); ++i) {
      if (r.items[i].result_codes.empty()) {
        out.push_back("第 " + std::to_string(i + 1) + " 项“" + r.items[i].name +
                      "”未选择检查结果（由" + r.items[i].department_name + "录入）");
      }
    }
    if (r.firm.state == "none") out.push_back("被检查对象未签字，也未记录拒绝签字的情况");
  }
  for (const Member& m : r.team) {
    if (m.signed_at.empty()) {
      out.push_back(m.name + "（" + (m.slot == 0 ? "组长" : "组员") + "）未签字确认");
    }
  }
  (void)categories;
  return out;
}

bool CanEditItem(const Record& r, const Access& a, const RecordItem& item) {
  return Editable(r) && a.me && a.me->department_id == item.department_id && !r.uninspectable;
}

json::value CategoryJson(const Category& c) {
  return {{"code", c.code},
          {"text", c.text},
          {"parent", c.parent ? json::value(*c.parent) : nullptr},
          {"problem", c.problem},
          {"uninspectable", c.uninspectable},
          {"active", c.active}};
}

json::value RowJson(const RecordRow& r) {
  json::object o{{"id", r.id},
                 {"task_id", r.task_id},
                 {"task_code", r.task_code},
                 {"task_name", r.task_name},
                 {"start_date", r.start_date},
                 {"end_date", r.end_date},
                 {"target_id", r.target_id},
                 {"target_code", r.target_code},
                 {"target_name", r.target_name},
                 {"address", r.address},
                 {"status", StateCode(r.status)},
                 {"status_name", StateName(r.status)},
                 {"leader_name", r.leader_name},
                 {"verify_code", r.verify_code},
                 {"updated_at", r.updated_at}};
  if (r.slot >= 0) o["role"] = r.slot == 0 ? "组长" : "组员";
  return o;
}

json::value AuditJson(const Record& r) {
  json::array items;
  for (const RecordItem& i : r.items) {
    items.push_back({{"item_id", i.item_id},
                     {"method", i.method},
                     {"checked", i.checked},
                     {"findings", i.findings},
                     {"result_codes", Strings(i.result_codes)},
                     {"handling", i.handling}});
  }
  json::array actions;
  for (const Action& x : r.actions) {
    actions.push_back(
        {{"id", x.id}, {"kind", x.kind}, {"detail", x.detail}, {"deadline", x.deadline}});
  }
  json::array evidence;
  for (const AttachmentInfo& x : r.attachments) {
    evidence.push_back({{"id", x.id}, {"kind", x.kind}, {"name", x.name}, {"sha256", x.sha256}});
  }
  json::array signed_by;
  for (const Member& m : r.team) {
    if (!m.signed_at.empty()) signed_by.emplace_back(m.name);
  }
  return {{"task_code", r.task_code},
          {"target_code", r.target_code},
          {"status", StateCode(r.status)},
          {"version", r.version},
          {"header", HeaderJson(r.header)},
          {"items", std::move(items)},
          {"actions", std::move(actions)},
          {"attachments", std::move(evidence)},
          {"firm",
           {{"state", r.firm.state},
            {"signer_name", r.firm.signer},
            {"refusal_reason", r.firm.refusal_reason},
            {"refusal_witness", r.firm.refusal_witness}}},
          {"uninspectable", r.uninspectable ? json::value(*r.uninspectable) : nullptr},
          {"uninspectable_note", r.uninspectable_note},
          {"signed_by", std::move(signed_by)}};
}

json::value RecordJson(const Record& r, const Access& a, const std::vector<Category>& categories) {
  const bool editable = Editable(r) && a.me;
  json::array items;
  for (const RecordItem& i : r.items) {
    json::array texts;
    for (const std::string& code : i.result_codes) texts.emplace_back(TextOf(categories, code));
    items.push_back({{"item_id", i.item_id},
                     {"code", i.code},
                     {"name", i.name},
                     {"methods", Strings(i.methods)},
                     {"department_id", i.department_id},
                     {"department_name", i.department_name},
                     {"method", i.method},
                     {"checked", i.checked},
                     {"findings", i.findings},
                     {"result_codes", Strings(i.result_codes)},
                     {"result_texts", std::move(texts)},
                     {"handling", i.handling},
                     {"recorded_by_name", i.recorded_by_name},
                     {"recorded_at", i.recorded_at},
                     {"can_edit", CanEditItem(r, a, i)}});
  }
  json::array actions;
  for (const Action& x : r.actions) {
    actions.push_back({{"id", x.id},
                       {"kind", x.kind},
                       {"detail", x.detail},
                       {"deadline", x.deadline},
                       {"status", x.status},
                       {"created_by_name", x.created_by_name},
                       {"created_at", x.created_at}});
  }
  json::array team;
  for (const Member& m : r.team) {
    team.push_back(
        {{"inspector_id", m.inspector_id},
         {"name", m.name},
         {"department_name", m.department_name},
         {"role", m.slot == 0 ? "组长" : "组员"},
         {"signed_at", m.signed_at.empty() ? json::value(nullptr) : json::value(m.signed_at)},
         {"me", a.me && a.me->inspector_id == m.inspector_id}});
  }
  json::array attachments;
  for (const AttachmentInfo& x : r.attachments) {
    attachments.push_back({{"id", x.id},
                           {"kind", x.kind},
                           {"name", x.name},
                           {"content_type", x.content_type},
                           {"size", x.size},
                           {"sha256", x.sha256},
                           {"created_by_name", x.created_by_name},
                           {"created_at", x.created_at}});
  }
  json::array reviews;
  for (const Review& x : r.reviews) {
    reviews.push_back(
        {{"decision", x.decision}, {"comment", x.comment}, {"by_name", x.by_name}, {"at", x.at}});
  }
  const std::vector<std::string> missing = Missing(r, categories);
  json::value uninspectable = nullptr;
  if (r.uninspectable) {
    uninspectable = {{"category", *r.uninspectable},
                     {"category_text", TextOf(categories, *r.uninspectable)},
                     {"description", r.uninspectable_note}};
  }
  return {
      {"id", r.id},
      {"task_id", r.task_id},
      {"task_code", r.task_code},
      {"task_name", r.task_name},
      {"task_status", r.task_status},
      {"start_date", r.start_date},
      {"end_date", r.end_date},
      {"department_name", r.department_name},
      {"target_id", r.target_id},
      {"target_code", r.target_code},
      {"status", StateCode(r.status)},
      {"status_name", StateName(r.status)},
      {"version", r.version},
      {"verify_code", r.verify_code},
      {"header", HeaderJson(r.header)},
      {"items", std::move(items)},
      {"actions", std::move(actions)},
      {"firm",
       {{"state", r.firm.state},
        {"signer_name", r.firm.signer},
        {"signed_at", r.firm.at},
        {"signature_id",
         r.firm.signature_id ? json::value(*r.firm.signature_id) : json::value(nullptr)},
        {"refusal_reason", r.firm.refusal_reason},
        {"refusal_witness", r.firm.refusal_witness}}},
      {"uninspectable", std::move(uninspectable)},
      {"team", std::move(team)},
      {"attachments", std::move(attachments)},
      {"reviews", std::move(reviews)},
      {"submitted_at", r.submitted_at},
      {"reviewed_at", r.reviewed_at},
      {"updated_at", r.updated_at},
      {"archived_at", r.archived_at},
      {"archive_sha256", r.archive_sha256},
      {"my_role", a.me ? json::value(a.me->slot == 0 ? "组长" : "组员") : json::value(nullptr)},
      {"can_edit", editable},
      {"can_submit", editable && a.me->slot == 0 && missing.empty()},
      {"can_review", a.reviewer && r.status == State::kSubmitted},
      {"missing", Strings(missing)},
  };
}

}  // namespace ssj::inspection

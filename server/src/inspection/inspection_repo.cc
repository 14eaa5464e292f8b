#include "inspection/inspection_repo.h"

#include <boost/json.hpp>

#include "codes/divisions.h"
#include "common/crypto.h"
#include "db/database.h"
#include "importer/import_engine.h"
#include "inspection/inspection.h"

namespace ssj::inspection::repo {
namespace {

using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowOptText;
using db::RowText;
namespace json = boost::json;

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

// The 表 F.1 header a target's directory entry gives.
Header HeaderOf(const soci::row& row) {
  // kind, code, name, nature, division_code, address, phone, extra
  Header h;
  const std::string kind = RowText(row, 1);
  const std::string code = RowText(row, 2);
  h.subject_name = RowText(row, 3);
  json::object extra;
  try {
    json::value v = json::parse(RowText(row, 8, "{}"));
    if (v.is_object()) extra = v.as_object();
  } catch (const std::exception&) {
  }
  auto field = [&](const char* key) -> std::string {
    const json::value* v = extra.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  if (kind == "entity") {
    if (RowText(row, 4) != "自然人") h.uscc = code;
  } else if (kind == "product") {
    h.licence_no = code;
    h.uscc = field("uscc");
  } else {
    h.uscc = field("uscc");
  }
  h.legal_rep = field("legal_rep");
  if (const codes::Division* d = codes::FindDivision(RowText(row, 5))) h.district = d->name;
  h.address = RowText(row, 6);
  h.phone = RowText(row, 7);
  return h;
}

constexpr const char* kRecordColumns =
    "SELECT r.id, r.task_id, t.code, t.name, t.status, t.start_date, t.end_date, t.department_id, "
    "d.name, r.target_id, g.code, r.status, r.version, r.subject_name, r.uscc, r.district, "
    "r.licence_no, r.legal_rep, r.address, r.phone, r.firm_state, r.firm_signer, "
    "r.firm_signature_id, r.firm_at, r.refusal_reason, r.refusal_witness, r.uninspectable, "
    "r.uninspectable_note, r.submitted_at, r.reviewed_at, r.updated_at, r.verify_code, "
    "r.archived_at, r.archive_sha256 "
    "FROM inspections r JOIN tasks t ON t.id = r.task_id JOIN departments d ON d.id = "
    "t.department_id JOIN targets g ON g.id = r.target_id";

Record RecordFromRow(const soci::row& row) {
  Record r;
  r.id = RowInt(row, 0);
  r.task_id = RowInt(row, 1);
  r.task_code = RowText(row, 2);
  r.task_name = RowText(row, 3);
  r.task_status = RowText(row, 4);
  r.start_date = RowText(row, 5);
  r.end_date = RowText(row, 6);
  r.department_id = RowInt(row, 7);
  r.department_name = RowText(row, 8);
  r.target_id = RowInt(row, 9);
  r.target_code = RowText(row, 10);
  r.status = ParseState(RowText(row, 11)).value_or(State::kPending);
  r.version = RowInt(row, 12);
  r.header = {RowText(row, 13), RowText(row, 14), RowText(row, 15), RowText(row, 16),
              RowText(row, 17), RowText(row, 18), RowText(row, 19)};
  r.firm.state = RowText(row, 20);
  r.firm.signer = RowText(row, 21);
  r.firm.signature_id = RowOptInt(row, 22);
  r.firm.at = RowText(row, 23);
  r.firm.refusal_reason = RowText(row, 24);
  r.firm.refusal_witness = RowText(row, 25);
  r.uninspectable = RowOptText(row, 26);
  r.uninspectable_note = RowText(row, 27);
  r.submitted_at = RowText(row, 28);
  r.reviewed_at = RowText(row, 29);
  r.updated_at = RowText(row, 30);
  r.verify_code = RowText(row, 31);
  r.archived_at = RowText(row, 32);
  r.archive_sha256 = RowText(row, 33);
  return r;
}

constexpr const char* kAttachmentFields =
    "SELECT a.id, a.kind, a.name, a.content_type, a.size, a.sha256, COALESCE(u.name, ''), "
    "a.created_at";
constexpr const char* kAttachmentFrom =
    " FROM inspection_attachments a LEFT JOIN users u ON u.id = a.created_by";
const std::string kAttachmentColumns = std::string(kAttachmentFields) + kAttachmentFrom;

AttachmentInfo AttachmentFromRow(const soci::row& row) {
  return {RowInt(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3),
          RowInt(row, 4), RowText(row, 5), RowText(row, 6), RowText(row, 7)};
}

void AttachParts(soci::session& sql, Record& r) {
  Query(
      "SELECT ri.item_id, p.code, p.name, p.sub_item, p.methods, ri.department_id, d.name, "
      "ri.method, ri.checked, ri.findings, ri.result_codes, ri.handling, COALESCE(u.name, ''), "
      "ri.recorded_at FROM inspection_items ri JOIN catalog_public p ON p.item_id = ri.item_id "
      "JOIN departments d ON d.id = ri.department_id LEFT JOIN users u ON u.id = ri.recorded_by "
      "WHERE ri.inspection_id = :id ORDER BY ri.position")
      .Bind("id", r.id)
      .ForEach(sql, [&](const soci::row& row) {
        RecordItem i;
        i.item_id = RowInt(row, 0);
        i.code = RowText(row, 1);
        i.name = RowText(row, 2);
        if (const std::string sub = RowText(row, 3); !sub.empty()) i.name += "（" + sub + "）";
        i.methods = importer::SplitList(RowText(row, 4));
        i.department_id = RowInt(row, 5);
        i.department_name = RowText(row, 6);
        i.method = RowText(row, 7);
        i.checked = RowText(row, 8);
        i.findings = RowText(row, 9);
        i.result_codes = SplitCodes(RowText(row, 10));
        i.handling = RowText(row, 11);
        i.recorded_by_name = RowText(row, 12);
        i.recorded_at = RowText(row, 13);
        r.items.push_back(std::move(i));
      });
  Query(
      "SELECT a.id, a.client_id, a.kind, a.detail, a.deadline, a.status, COALESCE(u.name, ''), "
      "a.created_at FROM inspection_actions a LEFT JOIN users u ON u.id = a.created_by "
      "WHERE a.inspection_id = :id ORDER BY a.id")
      .Bind("id", r.id)
      .ForEach(sql, [&](const soci::row& row) {
        Action a;
        a.id = RowInt(row, 0);
        a.client_id = RowText(row, 1);
        a.kind = RowText(row, 2);
        a.detail = RowText(row, 3);
        a.deadline = RowText(row, 4);
        a.status = RowText(row, 5);
        a.created_by_name = RowText(row, 6);
        a.created_at = RowText(row, 7);
        r.actions.push_back(std::move(a));
      });
  Query(
      "SELECT m.inspector_id, i.name, i.department_id, d.name, m.slot, i.user_id, "
      "COALESCE(s.signed_at, '') FROM task_team m JOIN inspectors i ON i.id = m.inspector_id "
      "JOIN departments d ON d.id = i.department_id LEFT JOIN inspection_signoffs s ON "
      "s.inspection_id = :id AND s.inspector_id = m.inspector_id "
      "WHERE m.task_id = :task AND m.target_id = :target ORDER BY m.slot")
      .Bind("id", r.id)
      .Bind("task", r.task_id)
      .Bind("target", r.target_id)
      .ForEach(sql, [&](const soci::row& row) {
        r.team.push_back({RowInt(row, 0), RowText(row, 1), RowInt(row, 2), RowText(row, 3),
                          RowInt(row, 4), RowOptInt(row, 5), RowText(row, 6)});
      });
  Query(kAttachmentColumns + " WHERE a.inspection_id = :id ORDER BY a.id")
      .Bind("id", r.id)
      .ForEach(sql, [&](const soci::row& row) { r.attachments.push_back(AttachmentFromRow(row)); });
  Query(
      "SELECT v.decision, v.comment, COALESCE(u.name, ''), v.reviewed_at FROM inspection_reviews "
      "v LEFT JOIN users u ON u.id = v.reviewed_by WHERE v.inspection_id = :id ORDER BY v.id")
      .Bind("id", r.id)
      .ForEach(sql, [&](const soci::row& row) {
        r.reviews.push_back({RowText(row, 0), RowText(row, 1), RowText(row, 2), RowText(row, 3)});
      });
}

constexpr const char* kRowColumns =
    "SELECT r.id, r.task_id, t.code, t.name, t.start_date, t.end_date, r.target_id, g.code, "
    "g.name, g.address, r.status, r.updated_at, COALESCE((SELECT i.name FROM task_team l JOIN "
    "inspectors i ON i.id = l.inspector_id WHERE l.task_id = r.task_id AND l.target_id = "
    "r.target_id AND l.slot = 0), ''), r.verify_code";

RecordRow RowFromRow(const soci::row& row) {
  RecordRow r;
  r.id = RowInt(row, 0);
  r.task_id = RowInt(row, 1);
  r.task_code = RowText(row, 2);
  r.task_name = RowText(row, 3);
  r.start_date = RowText(row, 4);
  r.end_date = RowText(row, 5);
  r.target_id = RowInt(row, 6);
  r.target_code = RowText(row, 7);
  r.target_name = RowText(row, 8);
  r.address = RowText(row, 9);
  r.status = ParseState(RowText(row, 10)).value_or(State::kPending);
  r.updated_at = RowText(row, 11);
  r.leader_name = RowText(row, 12);
  r.verify_code = RowText(row, 13);
  return r;
}

// The verification code printed on the firm's notice: 8 characters, no 0/O or 1/I to confuse.
std::string VerifyCode() {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const std::string random = RandomHex(8);
  std::string out;
  for (size_t i = 0; i < 8; ++i)
    out += kAlphabet[std::stoi(random.substr(i * 2, 2), nullptr, 16) % 32];
  return out;
}

// Deletes row `row_id` of `table` if it belongs to record `id` (and meets `also`); whether it did.
bool DeleteOwned(soci::session& sql, const std::string& table, int64_t id, int64_t row_id,
                 const std::string& also) {
  const std::string where = " WHERE inspection_id = :id AND id = :row" + also;
  const bool found = Query("SELECT COUNT(*) FROM " + table + where)
                         .Bind("id", id)
                         .Bind("row", row_id)
                         .ScalarInt(sql) > 0;
  if (found) Query("DELETE FROM " + table + where).Bind("id", id).Bind("row", row_id).Exec(sql);
  return found;
}

}  // namespace

std::vector<Category> Categories(soci::session& sql) {
  std::vector<Category> out;
  Query(
      "SELECT code, text, parent, problem, uninspectable, active FROM result_categories ORDER BY "
      "sort, code")
      .ForEach(sql, [&](const soci::row& row) {
        out.push_back({RowText(row, 0), RowText(row, 1), RowOptText(row, 2), RowInt(row, 3) != 0,
                       RowInt(row, 4) != 0, RowInt(row, 5) != 0});
      });
  return out;
}

int64_t EnsureRecords(soci::session& sql, int64_t task_id, const std::string& now) {
  // The task's departments, initiating first: who records which item.
  std::vector<int64_t> departments;
  Query(
      "SELECT department_id FROM tasks WHERE id = :t UNION ALL SELECT department_id FROM "
      "(SELECT department_id, position FROM task_departments WHERE task_id = :t2 ORDER BY "
      "position) p")
      .Bind("t", task_id)
      .Bind("t2", task_id)
      .ForEach(sql, [&](const soci::row& row) { departments.push_back(RowInt(row, 0)); });
  std::vector<std::pair<int64_t, int64_t>> items;  // item id, recorder department
  Query(
      "SELECT ti.item_id, p.department_id FROM task_items ti JOIN catalog_public p ON p.item_id = "
      "ti.item_id WHERE ti.task_id = :t ORDER BY ti.position")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) {
        items.emplace_back(RowInt(row, 0), RecorderDepartment(RowInt(row, 1), departments));
      });
  std::vector<std::pair<int64_t, Header>> missing;
  Query(
      "SELECT g.id, g.kind, g.code, g.name, g.nature, g.division_code, g.address, g.phone, "
      "g.extra FROM task_targets tt JOIN targets g ON g.id = tt.target_id WHERE tt.task_id = :t "
      "AND NOT EXISTS (SELECT 1 FROM inspections r WHERE r.task_id = tt.task_id AND r.target_id "
      "= tt.target_id) ORDER BY tt.position")
      .Bind("t", task_id)
      .ForEach(sql,
               [&](const soci::row& row) { missing.emplace_back(RowInt(row, 0), HeaderOf(row)); });
  for (const auto& [target, h] : missing) {
    Query(
        "INSERT INTO inspections (task_id, target_id, subject_name, uscc, district, licence_no, "
        "legal_rep, address, phone, verify_code, created_at, updated_at) VALUES (:t, :g, :n, :u, "
        ":d, :l, :r, :a, :p, :code, :now, :now2)")
        .Bind("t", task_id)
        .Bind("g", target)
        .Bind("n", h.subject_name)
        .Bind("u", h.uscc)
        .Bind("d", h.district)
        .Bind("l", h.licence_no)
        .Bind("r", h.legal_rep)
        .Bind("a", h.address)
        .Bind("p", h.phone)
        .Bind("code", VerifyCode())
        .Bind("now", now)
        .Bind("now2", now)
        .Exec(sql);
    const int64_t id = Query("SELECT id FROM inspections WHERE task_id = :t AND target_id = :g")
                           .Bind("t", task_id)
                           .Bind("g", target)
                           .ScalarInt(sql);
    for (size_t k = 0; k < items.size(); ++k) {
      // The item's content is what is checked, unless the team writes otherwise.
      Query(
          "INSERT INTO inspection_items (inspection_id, item_id, position, department_id, "
          "checked) SELECT :r, :i, :k, :d, content FROM catalog_public WHERE item_id = :i2")
          .Bind("r", id)
          .Bind("i", items[k].first)
          .Bind("k", static_cast<int64_t>(k + 1))
          .Bind("d", items[k].second)
          .Bind("i2", items[k].first)
          .Exec(sql);
    }
  }
  return static_cast<int64_t>(missing.size());
}

std::optional<Record> Get(soci::session& sql, int64_t id) {
  std::optional<Record> out;
  Query(std::string(kRecordColumns) + " WHERE r.id = :id")
      .Bind("id", id)
      .ForEach(sql, [&](const soci::row& row) { out = RecordFromRow(row); });
  if (out) AttachParts(sql, *out);
  return out;
}

void Lock(soci::session& sql, int64_t id) {
  Query("UPDATE inspections SET version = version WHERE id = :id").Bind("id", id).Exec(sql);
}

std::vector<RecordRow> ForInspector(soci::session& sql, int64_t inspector_id) {
  std::vector<RecordRow> out;
  Query(std::string(kRowColumns) +
        ", m.slot FROM task_team m JOIN tasks t ON t.id = m.task_id JOIN task_targets tt ON "
        "tt.task_id = m.task_id AND tt.target_id = m.target_id JOIN inspections r ON r.task_id = "
        "m.task_id AND r.target_id = m.target_id JOIN targets g ON g.id = r.target_id WHERE "
        "m.inspector_id = :i AND t.status = 'inspecting' ORDER BY t.start_date, t.id, tt.position")
      .Bind("i", inspector_id)
      .ForEach(sql, [&](const soci::row& row) {
        RecordRow r = RowFromRow(row);
        r.slot = RowInt(row, 14);
        out.push_back(std::move(r));
      });
  return out;
}

std::vector<RecordRow> ForTask(soci::session& sql, int64_t task_id) {
  std::vector<RecordRow> out;
  Query(std::string(kRowColumns) +
        " FROM task_targets tt JOIN tasks t ON t.id = tt.task_id JOIN inspections r ON r.task_id "
        "= tt.task_id AND r.target_id = tt.target_id JOIN targets g ON g.id = r.target_id WHERE "
        "tt.task_id = :t ORDER BY tt.position")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) { out.push_back(RowFromRow(row)); });
  return out;
}

void Touch(soci::session& sql, int64_t id, int64_t by, const std::string& now) {
  Query(
      "UPDATE inspections SET version = version + 1, updated_by = :by, updated_at = :now WHERE "
      "id = :id")
      .Bind("by", by)
      .Bind("now", now)
      .Bind("id", id)
      .Exec(sql);
}

void ClearSignoffs(soci::session& sql, int64_t id) {
  Query("DELETE FROM inspection_signoffs WHERE inspection_id = :id").Bind("id", id).Exec(sql);
}

void SaveHeader(soci::session& sql, int64_t id, const Header& h) {
  Query(
      "UPDATE inspections SET subject_name = :n, uscc = :u, district = :d, licence_no = :l, "
      "legal_rep = :r, address = :a, phone = :p WHERE id = :id")
      .Bind("n", h.subject_name)
      .Bind("u", h.uscc)
      .Bind("d", h.district)
      .Bind("l", h.licence_no)
      .Bind("r", h.legal_rep)
      .Bind("a", h.address)
      .Bind("p", h.phone)
      .Bind("id", id)
      .Exec(sql);
}

void SaveItem(soci::session& sql, int64_t id, int64_t item_id, const ItemInput& in, int64_t by,
              const std::string& now) {
  Query(
      "UPDATE inspection_items SET method = :m, checked = :c, findings = :f, result_codes = :r, "
      "handling = :h, recorded_by = :by, recorded_at = :now WHERE inspection_id = :id AND "
      "item_id = :i")
      .Bind("m", in.method)
      .Bind("c", in.checked)
      .Bind("f", in.findings)
      .Bind("r", JoinCodes(in.result_codes))
      .Bind("h", in.handling)
      .Bind("by", by)
      .Bind("now", now)
      .Bind("id", id)
      .Bind("i", item_id)
      .Exec(sql);
}

int64_t AddAction(soci::session& sql, int64_t id, const ActionInput& in, int64_t by,
                  const std::string& now) {
  auto existing = [&] {
    return Query("SELECT id FROM inspection_actions WHERE inspection_id = :id AND client_id = :c")
        .Bind("id", id)
        .Bind("c", in.client_id)
        .ScalarInt(sql);
  };
  if (const int64_t found = existing()) return found;
  Query(
      "INSERT INTO inspection_actions (inspection_id, client_id, kind, detail, deadline, "
      "created_by, created_at) VALUES (:id, :c, :k, :d, :dl, :by, :now)")
      .Bind("id", id)
      .Bind("c", in.client_id)
      .Bind("k", in.kind)
      .Bind("d", in.detail)
      .Bind("dl", in.deadline)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  return existing();
}

bool DeleteAction(soci::session& sql, int64_t id, int64_t action_id) {
  return DeleteOwned(sql, "inspection_actions", id, action_id, "");
}

std::optional<AttachmentInfo> AttachmentByClient(soci::session& sql, int64_t id,
                                                 const std::string& client_id) {
  std::optional<AttachmentInfo> out;
  Query(kAttachmentColumns + " WHERE a.inspection_id = :id AND a.client_id = :c")
      .Bind("id", id)
      .Bind("c", client_id)
      .ForEach(sql, [&](const soci::row& row) { out = AttachmentFromRow(row); });
  return out;
}

int64_t CountEvidence(soci::session& sql, int64_t id) {
  return Query(
             "SELECT COUNT(*) FROM inspection_attachments WHERE inspection_id = :id AND kind = "
             "'evidence'")
      .Bind("id", id)
      .ScalarInt(sql);
}

AttachmentInfo AddAttachment(soci::session& sql, int64_t id, const NewAttachment& f, int64_t by,
                             const std::string& now) {
  Query(
      "INSERT INTO inspection_attachments (inspection_id, client_id, kind, name, content_type, "
      "size, sha256, content, created_by, created_at) VALUES (:id, :c, :k, :n, :ct, :s, :h, "
      ":b, :by, :now)")
      .Bind("id", id)
      .Bind("c", f.client_id)
      .Bind("k", f.kind)
      .Bind("n", f.name)
      .Bind("ct", f.content_type)
      .Bind("s", static_cast<int64_t>(f.bytes.size()))
      .Bind("h", Sha256Hex(f.bytes))
      .Bind("b", Base64(f.bytes))
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  return *AttachmentByClient(sql, id, f.client_id);
}

std::optional<std::pair<AttachmentInfo, std::string>> AttachmentFile(soci::session& sql, int64_t id,
                                                                     int64_t attachment_id) {
  std::optional<std::pair<AttachmentInfo, std::string>> out;
  Query(std::string(kAttachmentFields) + ", a.content" + kAttachmentFrom +
        " WHERE a.inspection_id = :id AND a.id = :a")
      .Bind("id", id)
      .Bind("a", attachment_id)
      .ForEach(sql, [&](const soci::row& row) {
        std::string bytes;
        if (FromBase64(RowText(row, 8), &bytes)) out.emplace(AttachmentFromRow(row), bytes);
      });
  return out;
}

bool DeleteEvidence(soci::session& sql, int64_t id, int64_t attachment_id) {
  return DeleteOwned(sql, "inspection_attachments", id, attachment_id, " AND kind = 'evidence'");
}

void SetFirm(soci::session& sql, int64_t id, const Firm& f) {
  Query q(
      "UPDATE inspections SET firm_state = :s, firm_signer = :n, firm_signature_id = :sig, "
      "firm_at = :at, refusal_reason = :r, refusal_witness = :w WHERE id = :id");
  q.Bind("s", f.state).Bind("n", f.signer).BindOptional("sig", f.signature_id);
  q.Bind("at", f.at)
      .Bind("r", f.refusal_reason)
      .Bind("w", f.refusal_witness)
      .Bind("id", id)
      .Exec(sql);
}

void SetUninspectable(soci::session& sql, int64_t id, const std::optional<std::string>& code,
                      const std::string& note) {
  Query("UPDATE inspections SET uninspectable = :c, uninspectable_note = :n WHERE id = :id")
      .BindOptional("c", code)
      .Bind("n", note)
      .Bind("id", id)
      .Exec(sql);
}

void SignOff(soci::session& sql, int64_t id, int64_t inspector_id, int64_t by,
             const std::string& now) {
  const bool signed_already = Query(
                                  "SELECT COUNT(*) FROM inspection_signoffs WHERE inspection_id "
                                  "= :id AND inspector_id = :i")
                                  .Bind("id", id)
                                  .Bind("i", inspector_id)
                                  .ScalarInt(sql) > 0;
  if (signed_already) return;
  Query(
      "INSERT INTO inspection_signoffs (inspection_id, inspector_id, signed_by, signed_at) "
      "VALUES (:id, :i, :by, :now)")
      .Bind("id", id)
      .Bind("i", inspector_id)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
}

void SetState(soci::session& sql, int64_t id, State state, int64_t by, const std::string& now) {
  std::string stamp;
  if (state == State::kSubmitted) stamp = ", submitted_by = :by2, submitted_at = :now2";
  if (state == State::kReviewed || state == State::kReturned)
    stamp = ", reviewed_by = :by2, reviewed_at = :now2";
  Query q("UPDATE inspections SET status = :s" + stamp + " WHERE id = :id");
  q.Bind("s", std::string(StateCode(state)));
  if (!stamp.empty()) q.Bind("by2", by).Bind("now2", now);
  q.Bind("id", id).Exec(sql);
}

void AddReview(soci::session& sql, int64_t id, const std::string& decision,
               const std::string& comment, int64_t by, const std::string& now) {
  Query(
      "INSERT INTO inspection_reviews (inspection_id, decision, comment, reviewed_by, "
      "reviewed_at) VALUES (:id, :d, :c, :by, :now)")
      .Bind("id", id)
      .Bind("d", decision)
      .Bind("c", comment)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
}

}  // namespace ssj::inspection::repo

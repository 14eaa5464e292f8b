#include "demo/demo_inspections.h"

#include <boost/json.hpp>
#include <chrono>

#include "audit/audit_repo.h"
#include "calendar/calendar.h"
#include "common/crypto.h"
#include "db/database.h"
#include "inspection/inspection.h"
#include "inspection/inspection_repo.h"
#include "inspectors/inspector_repo.h"
#include "publicity/publicity_repo.h"
#include "publicity/publicity_service.h"
#include "report/report.h"
#include "report/report_repo.h"

namespace ssj::demo {
namespace {

using db::Query;
namespace repo = inspection::repo;
using inspection::State;

// A 1×1 PNG: the demo's firm signature and photo (a real image, so the pages can show it).
std::string TinyPng() {
  std::string png;
  FromBase64(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII"
      "=",
      &png);
  return png;
}

// What happens to a record after its review: published, then corrected, objected to, or with
// a correction waiting for the head.
enum class After { kNone, kPublish, kCorrect, kObject, kAskCorrection };

struct Fill {
  State state;
  std::vector<std::string> results;
  std::string findings;
  std::string handling;
  std::string review;         // the office's comment (退回) or empty
  const char* uninspectable;  // a category code, or nullptr
  After after = After::kNone;
};

// Publishes the record and, as `after` says, archives it, corrects it, files an objection to it,
// or asks for a correction the head has yet to decide.
void Follow(soci::session& sql, int64_t id, After after, int64_t by, const std::string& now,
            const std::string& today) {
  if (after == After::kNone) return;
  publicity::PublishRecord(sql, id, by, now, today);
  auto record = repo::Get(sql, id);
  if (after == After::kPublish) {
    // Archived too (一对象一档案), with its manifest's hash.
    if (auto archive = report::RecordArchive(sql, *record); archive.ok())
      report::repo::MarkArchived(sql, id, archive->manifest_sha256, by, now);
  } else if (after == After::kCorrect) {
    for (const inspection::RecordItem& item : record->items) {
      inspection::ItemInput in = item;
      in.result_codes = {"E"};
      in.handling = "已当场责令改正，企业已补报";
      repo::SaveItem(sql, id, item.item_id, in, by, now);
    }
    publicity::CorrectRecord(sql, id, "企业在检查当日已补报，经复核原结果有误，予以更正", by, now,
                             today);
  } else if (after == After::kObject) {
    boost::json::object body{{"uscc", record->target_code},
                             {"verify_code", record->verify_code},
                             {"contact_name", "企业联系人"},
                             {"contact_phone", "023-63000000"},
                             {"content", "我公司检查期间正常生产，检查结果与实际不符，请予复查。"}};
    (void)publicity::FileObjection(sql, body, now, today);
  } else if (after == After::kAskCorrection) {
    boost::json::array items;
    for (const inspection::RecordItem& item : record->items) {
      items.push_back({{"item_id", item.item_id},
                       {"result_codes", boost::json::array{"B"}},
                       {"findings", "复核发现未公示年度报告"},
                       {"handling", "责令限期公示"}});
    }
    publicity::repo::Correction c;
    c.inspection_id = id;
    c.result_id = publicity::repo::Current(sql, id)->id;
    c.reason = "复核检查照片发现企业未公示年度报告，原结果有误";
    c.items = boost::json::serialize(items);
    c.requested_by = by;
    c.requested_at = now;
    publicity::repo::AddCorrection(sql, c);
  }
}

}  // namespace

int64_t AddInspections(soci::session& sql, int64_t task_id, const std::string& today,
                       const std::string& now, int64_t now_ms) {
  repo::EnsureRecords(sql, task_id, now);
  const int64_t yewu = Query("SELECT id FROM users WHERE username = 'yewu'").ScalarInt(sql);
  const int64_t zhifa = Query("SELECT id FROM users WHERE username = 'zhifa'").ScalarInt(sql);
  const auto zhifa_inspector = inspectors::repo::ByUser(sql, zhifa);
  const std::vector<Fill> fills = {
      {State::kSubmitted, {"1"}, "", "", "", nullptr},
      {State::kReviewed,
       {"B", "E"},
       "未按规定报送上一年度能源利用状况报告；能源管理负责人未备案",
       "责令限期报送并完成备案",
       "",
       nullptr},
      {State::kReturned, {"F"}, "", "", "请补充现场照片，并核实企业是否仍在生产", nullptr},
      {State::kSubmitted, {}, "", "", "", "6"},
      {State::kReviewed, {"1"}, "", "", "", nullptr, After::kPublish},
      {State::kReviewed,
       {"B"},
       "未在规定期限内报送能源利用状况报告",
       "责令限期报送",
       "",
       nullptr,
       After::kCorrect},
      {State::kReviewed, {"F"}, "", "", "", nullptr, After::kObject},
      {State::kReviewed, {"1"}, "", "", "", nullptr, After::kAskCorrection},
  };
  const audit::Actor actor{std::nullopt, "system:demo", std::nullopt, "127.0.0.1"};
  // The demo account zuyuan (消费品工业处) is the other member of zhifa's first team, so that the
  // team's two sign-offs can both be given.
  const int64_t zuyuan = Query("SELECT id FROM users WHERE username = 'zuyuan'").ScalarInt(sql);
  for (const inspection::RecordRow& row : repo::ForTask(sql, task_id)) {
    auto record = repo::Get(sql, row.id);
    if (!zuyuan || !zhifa_inspector || record->team.size() < 2 ||
        record->team.front().inspector_id != *zhifa_inspector)
      continue;
    inspectors::repo::SetAccount(sql, record->team[1].inspector_id, zuyuan);
    Query("UPDATE users SET name = :n WHERE id = :u")
        .Bind("n", record->team[1].name)
        .Bind("u", zuyuan)
        .Exec(sql);
    break;
  }
  size_t next = 0;
  int64_t filled = 0;
  for (const inspection::RecordRow& row : repo::ForTask(sql, task_id)) {
    if (next == fills.size()) break;
    auto record = repo::Get(sql, row.id);
    // zhifa's own targets stay to be filled in by the demo user.
    if (!record || (zhifa_inspector && !record->team.empty() &&
                    record->team.front().inspector_id == *zhifa_inspector))
      continue;
    const Fill& f = fills[next++];
    if (f.uninspectable) {
      repo::SetUninspectable(sql, row.id, std::string(f.uninspectable),
                             "按登记住所两次上门均无人，电话无法接通，物业证明该企业已搬离");
      repo::AddAttachment(sql, row.id,
                          {"demo-evidence-" + std::to_string(row.id), "evidence", "现场照片.png",
                           "image/png", TinyPng()},
                          yewu, now);
    } else {
      for (const inspection::RecordItem& item : record->items) {
        inspection::ItemInput in;
        in.method = "现场检查";
        in.checked = item.checked;
        in.findings = f.findings;
        in.result_codes = f.results;
        in.handling = f.handling;
        repo::SaveItem(sql, row.id, item.item_id, in, yewu, now);
      }
      if (!f.handling.empty()) {  // a problem found: its rectification is followed up
        auto deadline = calendar::ParseDate(today);
        repo::AddAction(sql, row.id,
                        {"demo-action-" + std::to_string(row.id), std::string(inspection::kRectify),
                         "限期报送能源利用状况报告，完成能源管理负责人备案",
                         calendar::FormatDate(*deadline + std::chrono::days{15})},
                        yewu, now);
      }
      const inspection::AttachmentInfo signature =
          repo::AddAttachment(sql, row.id,
                              {"demo-signature-" + std::to_string(row.id), "signature",
                               "企业签字.png", "image/png", TinyPng()},
                              yewu, now);
      inspection::Firm firm;
      firm.state = "signed";
      firm.signer = "企业负责人";
      firm.signature_id = signature.id;
      firm.at = now;
      repo::SetFirm(sql, row.id, firm);
    }
    for (const inspection::Member& m : record->team)
      repo::SignOff(sql, row.id, m.inspector_id, yewu, now);
    repo::SetState(sql, row.id, State::kSubmitted, yewu, now);
    if (f.state != State::kSubmitted) {
      repo::AddReview(sql, row.id, f.state == State::kReviewed ? "approve" : "return", f.review,
                      yewu, now);
      repo::SetState(sql, row.id, f.state, yewu, now);
    }
    repo::Touch(sql, row.id, yewu, now);
    Follow(sql, row.id, f.after, yewu, now, today);
    audit::Append(sql, actor,
                  {"inspection:record:submit", "inspection", std::to_string(row.id), nullptr,
                   inspection::AuditJson(*repo::Get(sql, row.id))},
                  now_ms);
    ++filled;
  }
  return filled;
}

}  // namespace ssj::demo

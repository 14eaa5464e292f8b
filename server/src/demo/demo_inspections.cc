#include "demo/demo_inspections.h"

#include <chrono>

#include "audit/audit_repo.h"
#include "calendar/calendar.h"
#include "common/crypto.h"
#include "db/database.h"
#include "inspection/inspection.h"
#include "inspection/inspection_repo.h"
#include "inspectors/inspector_repo.h"

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

struct Fill {
  State state;
  std::vector<std::string> results;
  std::string findings;
  std::string handling;
  std::string review;         // the office's comment (退回) or empty
  const char* uninspectable;  // a category code, or nullptr
};

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
  };
  const audit::Actor actor{std::nullopt, "system:demo", std::nullopt, "127.0.0.1"};
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
      if (f.state == State::kReviewed) {
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
    audit::Append(sql, actor,
                  {"inspection:record:submit", "inspection", std::to_string(row.id), nullptr,
                   inspection::AuditJson(*repo::Get(sql, row.id))},
                  now_ms);
    ++filled;
  }
  return filled;
}

}  // namespace ssj::demo

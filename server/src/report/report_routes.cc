#include "report/report_routes.h"

#include <boost/json.hpp>

#include "calendar/calendar_repo.h"
#include "exporter/table_writer.h"
#include "http/pipeline.h"
#include "inspection/inspection_repo.h"
#include "inspection/inspection_service.h"
#include "policy/policy.h"
#include "policy/policy_repo.h"
#include "publicity/publicity.h"
#include "publicity/publicity_repo.h"
#include "publicity/publicity_service.h"
#include "report/report.h"
#include "report/report_repo.h"
#include "report/summary.h"
#include "task/task_repo.h"
#include "task/task_routes.h"

namespace ssj::report {
namespace {

using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

Error Conflict(std::string code, std::string message) {
  return Error{ErrorKind::kConflict, std::move(code), std::move(message), {}};
}

// The report as it stands: stored sections over the generated ones, live figures until final.
json::value ReportJson(soci::session& sql, const task::Task& task, const std::string& today) {
  auto stored = repo::Get(sql, task.id);
  const bool final = stored && stored->status == "final";
  json::value figures = final ? json::parse(stored->figures) : TaskFigures(sql, task.id);
  json::object sections = DefaultSections(figures);
  if (stored) {
    const json::value saved = json::parse(stored->sections);  // a local: the loop reads it
    for (const auto& [key, value] : saved.as_object()) sections[key] = value;
  }
  json::array titles;
  for (const auto& [key, title] : SectionTitles())
    titles.push_back({{"key", key}, {"title", title}});
  json::value due = nullptr;
  const policy::Rules rules = policy::Current(sql).rules;
  const std::optional<int64_t> days =
      rules.report_days ? rules.report_days : policy::PublicationDays(rules);
  if (days && today > task.end_date && !final) {
    auto d = publicity::DeadlineOf(calendar::repo::LoadCalendar(sql), task.end_date, *days, today);
    if (d.ok()) due = publicity::DeadlineJson(*d);
  }
  return {{"task_id", task.id},
          {"status", final ? "final" : "draft"},
          {"titles", std::move(titles)},
          {"sections", std::move(sections)},
          {"figures", std::move(figures)},
          {"updated_by_name", stored ? stored->updated_by_name : ""},
          {"updated_at", stored ? stored->updated_at : ""},
          {"finalized_by_name", stored ? stored->finalized_by_name : ""},
          {"finalized_at", stored ? stored->finalized_at : ""},
          {"due", std::move(due)}};
}

Result<Response> HandleGetReport(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  return JsonResponse(ReportJson(*req.sql, task, req.Today()));
}

Result<Response> HandleSaveReport(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req, true));
  auto stored = repo::Get(*req.sql, task.id);
  if (stored && stored->status == "final")
    return Conflict("report.final", "报告已定稿，不能再修改");
  SSJ_ASSIGN(json::object sections, CheckSections(req.body));
  json::object merged = stored ? json::parse(stored->sections).as_object() : json::object{};
  for (const auto& [key, value] : sections) merged[key] = value;
  const json::value before = ReportJson(*req.sql, task, req.Today());
  repo::Save(*req.sql, task.id, json::serialize(merged), req.principal->user_id, req.Now());
  json::value after = ReportJson(*req.sql, task, req.Today());
  req.audit = http::AuditNote{"task_report", std::to_string(task.id), before.at("sections"),
                              after.at("sections")};
  return JsonResponse(after);
}

Result<Response> HandleFinalize(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req, true));
  json::value current = ReportJson(*req.sql, task, req.Today());
  if (current.at("status") == "final") return Conflict("report.final", "报告已经定稿");
  const json::object& by_status = current.at("figures").at("by_status").as_object();
  for (const char* open : {"pending", "returned", "submitted"}) {
    if (by_status.contains(open)) {
      return Conflict("report.records_open",
                      "还有检查记录未完成审核（待录入、退回或待审核），全部审核后才能定稿");
    }
  }
  if (current.at("sections").at("opinions").as_string().empty())
    return Error::InvalidField("sections.opinions", "请填写意见和建议后再定稿");
  repo::Finalize(*req.sql, task.id, json::serialize(current.at("sections")),
                 json::serialize(current.at("figures")), req.principal->user_id, req.Now());
  json::value after = ReportJson(*req.sql, task, req.Today());
  req.audit = http::AuditNote{"task_report", std::to_string(task.id), nullptr, after};
  return JsonResponse(after);
}

Result<Response> HandleReportXlsx(Request& req) {
  SSJ_ASSIGN(task::Task task, task::FindTask(req));
  std::vector<exporter::OutputColumn> columns = {
      {"序号", 6},      {"检查对象", 36}, {"统一社会信用代码/编码", 22, true},
      {"检查地址", 36}, {"组长", 10},     {"记录状态", 10},
      {"检查结果", 40}, {"后续处置", 30}};
  std::vector<std::vector<std::string>> rows;
  const auto categories = inspection::repo::Categories(*req.sql);
  int n = 0;
  for (const inspection::RecordRow& row : inspection::repo::ForTask(*req.sql, task.id)) {
    auto record = inspection::repo::Get(*req.sql, row.id);
    const publicity::PublicResult result = publicity::ResultOf(*record, categories);
    std::string actions;
    for (const auto& a : record->actions) {
      actions += (actions.empty() ? "" : "；") + a.kind +
                 (a.deadline.empty() ? "" : "（期限 " + a.deadline + "）") +
                 (a.status == "closed" ? "，已办结" : "");
    }
    rows.push_back({std::to_string(++n), row.target_name, row.target_code, row.address,
                    row.leader_name, std::string(inspection::StateName(row.status)), result.summary,
                    actions});
  }
  SSJ_ASSIGN(std::string bytes, exporter::Workbook("抽查情况明细", columns, rows));
  return http::Download(std::move(bytes), http::kXlsxType, task.code + "-report.xlsx",
                        task.code + "抽查情况明细.xlsx");
}

Result<inspection::View> PublishedRecord(Request& req) {
  SSJ_ASSIGN(int64_t id, req.PathId());
  SSJ_ASSIGN(inspection::View v, inspection::Open(*req.sql, *req.principal, id));
  if (!v.access.staff) return Error::NotFound("检查记录");
  if (v.record.status != inspection::State::kPublished)
    return Conflict("report.not_published", "检查结果公示后才能归档");
  return v;
}

Result<Response> HandleArchiveZip(Request& req) {
  SSJ_ASSIGN(inspection::View v, PublishedRecord(req));
  SSJ_ASSIGN(Archive a, RecordArchive(*req.sql, v.record));
  return http::Download(std::move(a.zip), "application/zip",
                        "archive-" + std::to_string(v.record.id) + ".zip",
                        v.record.header.subject_name + "检查档案.zip");
}

Result<Response> HandleArchive(Request& req) {
  SSJ_ASSIGN(inspection::View v, PublishedRecord(req));
  SSJ_ASSIGN(Archive a, RecordArchive(*req.sql, v.record));
  repo::MarkArchived(*req.sql, v.record.id, a.manifest_sha256, req.principal->user_id, req.Now());
  auto [at, sha] = repo::Archived(*req.sql, v.record.id);
  json::object out{{"inspection_id", v.record.id},
                   {"archived_at", at},
                   {"manifest_sha256", sha},
                   {"manifest", json::parse(a.manifest)}};
  req.audit = http::AuditNote{"inspection", std::to_string(v.record.id), nullptr,
                              json::object{{"archived_at", at}, {"manifest_sha256", sha}}};
  return JsonResponse(out);
}

Result<int64_t> Year(const Request& req) {
  const std::string year = req.Query("year", req.Today().substr(0, 4));
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos)
    return Error::InvalidField("year", "年度应为四位数字", year.substr(0, 16));
  return std::stoll(year);
}

Result<Response> HandleSummary(Request& req) {
  SSJ_ASSIGN(int64_t year, Year(req));
  return JsonResponse(YearSummary(*req.sql, *req.principal, year));
}

Result<Response> HandleSummaryXlsx(Request& req) {
  SSJ_ASSIGN(int64_t year, Year(req));
  const json::value s = YearSummary(*req.sql, *req.principal, year);
  std::vector<exporter::OutputColumn> columns = {
      {"统计维度", 10}, {"名称", 36},     {"任务数", 8},      {"抽取对象", 10},
      {"已检查", 10},   {"发现问题", 10}, {"问题发现率", 12}, {"名录覆盖率", 12}};
  std::vector<std::vector<std::string>> rows;
  auto percent = [](double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
    return std::string(buf);
  };
  for (const json::value& d : s.at("departments").as_array()) {
    const int64_t inspected = d.at("inspected").as_int64();
    rows.push_back(
        {"部门", std::string(d.at("name").as_string()), std::to_string(d.at("tasks").as_int64()),
         std::to_string(d.at("drawn").as_int64()), std::to_string(inspected),
         std::to_string(d.at("problems").as_int64()),
         inspected ? percent(static_cast<double>(d.at("problems").as_int64()) / inspected) : "",
         percent(d.at("coverage").as_double())});
  }
  for (auto [key, label] : {std::pair{"by_item", "抽查事项"}, std::pair{"by_district", "区县"},
                            std::pair{"by_industry", "行业门类"}}) {
    for (const json::value& t : s.at(key).as_array()) {
      rows.push_back({label, std::string(t.at("name").as_string()), "", "",
                      std::to_string(t.at("inspected").as_int64()),
                      std::to_string(t.at("problems").as_int64()),
                      percent(t.at("rate").as_double()), ""});
    }
  }
  SSJ_ASSIGN(std::string bytes,
             exporter::Workbook(std::to_string(year) + "年度抽查统计", columns, rows));
  return http::Download(std::move(bytes), http::kXlsxType,
                        "summary-" + std::to_string(year) + ".xlsx",
                        std::to_string(year) + "年度双随机抽查统计.xlsx");
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const auto kPerm = http::Access::kPermission;
  const char* kGroup = "报告与档案";
  router.Add(Method::kGet, "/api/v1/tasks/{id}/report", kPerm, "task:task:list", "",
             "抽查情况报告（数据生成，定稿前可编辑文字部分）", kGroup, HandleGetReport);
  router.Add(Method::kPut, "/api/v1/tasks/{id}/report", kPerm, kEditPermission,
             "inspection:report:edit", "修改抽查情况报告的文字部分", kGroup, HandleSaveReport);
  router.Add(Method::kPost, "/api/v1/tasks/{id}/report/finalize", kPerm, kEditPermission,
             "inspection:report:finalize", "抽查情况报告定稿（检查记录须全部审核）", kGroup,
             HandleFinalize);
  router.Add(Method::kGet, "/api/v1/tasks/{id}/report.xlsx", kPerm, "task:task:list", "",
             "导出抽查情况明细（XLSX）", kGroup, HandleReportXlsx);
  router.Add(Method::kGet, "/api/v1/inspections/{id}/archive.zip", kPerm,
             inspection::kListPermission, "",
             "下载检查对象档案（记录表、通知书、证据、签字、抽取记录、公示结果及 SHA-256 清单）",
             kGroup, HandleArchiveZip);
  router.Add(Method::kPost, "/api/v1/inspections/{id}/archive", kPerm, kEditPermission,
             "inspection:record:archive", "归档（记录档案清单的 SHA-256）", kGroup, HandleArchive);
  router.Add(Method::kGet, "/api/v1/reports/summary", kPerm, inspection::kListPermission, "",
             "年度统计：各部门任务、检查对象、名录覆盖率，按事项、区县、行业的问题发现率", kGroup,
             HandleSummary);
  router.Add(Method::kGet, "/api/v1/reports/summary.xlsx", kPerm, inspection::kListPermission, "",
             "导出年度统计（XLSX）", kGroup, HandleSummaryXlsx);
}

}  // namespace ssj::report

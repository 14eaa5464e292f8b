#include "cli/import_commands.h"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/cli_common.h"
#include "common/clock.h"
#include "directory/import.h"
#include "directory/template.h"
#include "importer/file_source.h"
#include "inspectors/inspector_service.h"
#include "org/org_repo.h"
#include "restrictions/restriction_service.h"

namespace ssj::cli {
namespace {

bool WriteProblems(const std::string& path, const std::string& file_name,
                   const importer::ImportReport& report) {
  if (path.ends_with(".xlsx")) return importer::WriteReportWorkbook(path, file_name, report).ok();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (path.ends_with(".json")) {
    boost::json::array items;
    for (const auto& p : report.problems) {
      items.push_back({{"line", p.line},
                       {"column", p.column},
                       {"value", p.value},
                       {"message", p.message},
                       {"level", p.warning ? "warning" : "error"}});
    }
    out << boost::json::serialize(
               boost::json::object{{"rows", report.rows},
                                   {"invalid_rows", report.invalid_rows},
                                   {"problems", std::move(items)},
                                   {"problems_dropped", report.problems_dropped}})
        << "\n";
  } else {
    out << "\xEF\xBB\xBF" << importer::CsvLine({"行号", "列", "值", "问题", "级别"});
    for (const auto& p : report.problems) {
      out << importer::CsvLine(
          {std::to_string(p.line), p.column, p.value, p.message, p.warning ? "提示" : "错误"});
    }
  }
  return static_cast<bool>(out);
}

}  // namespace

int Import(const std::string& db_url, const ImportArgs& args) {
  static const std::set<std::string> kKinds = {"targets", "places",    "products",  "inspectors",
                                               "experts", "conflicts", "exemptions"};
  if (!kKinds.count(args.kind)) {
    return Fail(kExitConfig, "暂不支持导入 " + args.kind +
                                 "；可导入的类型：targets（检查对象：行政相对人，附录 B.1）、"
                                 "places（场地场所，附录 B.2）、products（产品，附录 B.3）、"
                                 "inspectors（执法检查人员，附录 C.1）、experts（专家和辅助人员）、"
                                 "conflicts（利害关系）、exemptions（免检免扰）");
  }
  if (!args.errors_out.empty() && !args.errors_out.ends_with(".csv") &&
      !args.errors_out.ends_with(".json") && !args.errors_out.ends_with(".xlsx")) {
    return Fail(kExitConfig, "--errors 的文件名应以 .xlsx、.csv 或 .json 结尾");
  }
  auto db = OpenMigrated(db_url, 1);
  if (!db.ok()) return FailWith(db.error());
  db::Lease sql = (*db)->Acquire();
  std::optional<org::Department> department;
  if (!args.department.empty()) {
    department = org::repo::GetDepartmentByCode(*sql, args.department);
    if (!department) return Fail(kExitConfig, "没有编码为 " + args.department + " 的部门");
  } else {
    for (const auto& d : org::repo::ListDepartments(*sql, nullptr)) {
      if (!d.parent_id) {
        department = d;
        break;
      }
    }
    if (!department) return Fail(kExitConfig, "数据库中还没有部门，请先建立部门或运行 ssj demo");
  }

  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(args.file, ec);
  if (ec) return Fail(kExitConfig, "无法读取文件: " + args.file);
  auto bar = [&](size_t bytes) {
    int percent = size ? static_cast<int>(100.0 * static_cast<double>(bytes) / size) : 100;
    std::cerr << "\r"
              << "导入"
              << " [" << std::string(percent / 5, '#') << std::string(20 - percent / 5, ' ') << "] "
              << percent << "%" << std::flush;
  };
  auto source = importer::OpenFileSource(args.file, bar);
  if (!source.ok()) return FailWith(source.error());

  importer::ImportOptions common;
  common.skip_invalid = args.skip_invalid;
  common.update_existing = args.update_existing;
  common.actor = {std::nullopt, "system:cli", std::nullopt, "127.0.0.1"};
  common.now_millis = SystemClock().NowMillis();
  common.file_name = std::filesystem::path(args.file).filename().string();
  Result<importer::ImportReport> report = Error::Internal("");
  if (auto target_kind = directory::KindByName(args.kind)) {
    directory::ImportOptions options{common};
    options.kind = *target_kind;
    options.today = ChinaDate(common.now_millis);
    options.default_department = department->id;
    report = directory::ImportTargets(*sql, (*db)->backend(), *source, options);
  } else if (args.kind == "conflicts" || args.kind == "exemptions") {
    restrictions::ImportOptions options{common};
    options.kind =
        args.kind == "conflicts" ? restrictions::Kind::kConflicts : restrictions::Kind::kExemptions;
    options.today = ChinaDate(common.now_millis);
    report = restrictions::ImportRestrictions(*sql, (*db)->backend(), *source, options);
  } else {
    inspectors::ImportOptions options{common};
    options.group =
        args.kind == "inspectors" ? inspectors::Group::kInspectors : inspectors::Group::kExperts;
    options.today = ChinaDate(common.now_millis);
    report = inspectors::ImportInspectors(*sql, (*db)->backend(), *source, options);
  }
  std::cerr << "\n";
  if (!report.ok()) {
    Error e = report.take_error();
    e.message = args.file + "：" + e.message;
    return FailWith(e);
  }
  int errors = 0, warnings = 0;
  for (const auto& p : report->problems) (p.warning ? warnings : errors)++;
  // The first problems on the terminal; all of them in the report file.
  int shown = 0;
  for (const auto& p : report->problems) {
    if (shown++ == 20) {
      std::cerr << "  …（共 " << report->problems.size() + report->problems_dropped
                << " 条，完整清单见 --errors 文件）\n";
      break;
    }
    std::cerr << "  " << (p.warning ? "提示" : "错误") << " 第 " << p.line << " 行「" << p.column
              << "」" << (p.value.empty() ? "" : "值 " + p.value + "：") << p.message << "\n";
  }
  if (!args.errors_out.empty()) {
    if (!WriteProblems(args.errors_out, std::filesystem::path(args.file).filename().string(),
                       *report))
      return Fail(kExitConfig, "无法写入 " + args.errors_out);
    std::cerr << "问题清单已写入 " << args.errors_out << "\n";
  }
  if (!report->committed) {
    std::cout
        << args.file << "：共 " << report->rows << " 行，" << report->invalid_rows
        << " 行有错误，未导入任何数据（修正后重新导入，或加 --skip-invalid 只导入正确的行）\n";
    return kExitProblem;
  }
  std::cout << args.file << "：共 " << report->rows << " 行，新增 " << report->inserted << "，更新 "
            << report->updated;
  if (report->invalid_rows) std::cout << "，跳过有错误的 " << report->invalid_rows << " 行";
  if (warnings) std::cout << "，" << warnings << " 条提示";
  std::cout << "\n";
  return 0;
}

int Template(const std::string& db_url, const std::string& kind, const std::string& out) {
  const auto target_kind = directory::KindByName(kind);
  if (!target_kind && kind != "inspectors" && kind != "experts" && kind != "conflicts" &&
      kind != "exemptions") {
    return Fail(kExitConfig, "没有 " + kind +
                                 " 的模板；可选：targets、places、products、inspectors、experts、"
                                 "conflicts、exemptions");
  }
  if (!out.ends_with(".xlsx")) return Fail(kExitConfig, "--out 的文件名应以 .xlsx 结尾");
  Status status = OkStatus();
  if (target_kind) {
    status = directory::WriteTargetTemplate(*target_kind, out);
  } else if (kind == "conflicts" || kind == "exemptions") {
    status = importer::WriteTemplate(
        out,
        restrictions::RestrictionTemplate(kind == "conflicts" ? restrictions::Kind::kConflicts
                                                              : restrictions::Kind::kExemptions));
  } else {
    // The specialty dictionary lives in the database.
    auto db = OpenMigrated(db_url, 1);
    if (!db.ok()) return FailWith(db.error());
    db::Lease sql = (*db)->Acquire();
    const auto group =
        kind == "inspectors" ? inspectors::Group::kInspectors : inspectors::Group::kExperts;
    status = importer::WriteTemplate(out, inspectors::InspectorTemplate(*sql, group));
  }
  if (!status.ok()) return FailWith(status.error());
  std::cout << "导入模板已写入 " << out << "\n";
  return 0;
}

}  // namespace ssj::cli

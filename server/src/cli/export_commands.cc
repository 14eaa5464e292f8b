#include "cli/export_commands.h"

#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <filesystem>
#include <iostream>

#include "audit/audit_repo.h"
#include "cli/cli_common.h"
#include "common/clock.h"
#include "exporter/export_kinds.h"
#include "org/org_repo.h"

namespace ssj::cli {
namespace {

bool Has(const exporter::Kind& kind, const std::string& key) {
  return std::find(kind.filter_keys.begin(), kind.filter_keys.end(), key) != kind.filter_keys.end();
}

}  // namespace

int Export(const std::string& db_url, const ExportArgs& args) {
  const exporter::Kind* kind = exporter::FindKind(args.kind);
  if (!kind) {
    return Fail(kExitConfig,
                "不支持导出 " + args.kind + "；可导出的类型：" + exporter::KindNames());
  }
  std::string format_name = args.format;
  if (format_name.empty()) format_name = args.out.ends_with(".csv") ? "csv" : "xlsx";
  const std::optional<exporter::Format> format = exporter::ParseFormat(format_name);
  if (!format) return Fail(kExitConfig, "--format 应为 xlsx 或 csv");

  // Each option names the list filter it sets; the first of `keys` the kind has.
  exporter::Params filter;
  struct Option {
    const char* flag;
    std::string value;
    std::vector<std::string> keys;
  };
  std::string industry_key = "industry_section";
  if (!args.industry.empty() && std::isdigit(static_cast<unsigned char>(args.industry[0])))
    industry_key = "industry_division";
  const Option options[] = {
      {"--name", args.name, {"name", "q"}},
      {"--code", args.code, {"code"}},
      {"--division", args.division, {"division"}},
      {"--status", args.status, {"status"}},
      {"--class", args.credit_class, {"credit_class"}},
      {"--tag", args.tag, {"tag"}},
      {"--industry", args.industry, {industry_key}},
      {"--department", args.department, {"department_id"}},
  };
  for (const Option& option : options) {
    if (option.value.empty()) continue;
    auto key = std::find_if(option.keys.begin(), option.keys.end(),
                            [&](const std::string& k) { return Has(*kind, k); });
    if (key == option.keys.end()) {
      return Fail(kExitConfig, std::string(option.flag) + " 不适用于导出" + kind->title);
    }
    filter[*key] = option.value;
  }

  // Before the export, not after it: libxlsxwriter only opens the file when it closes.
  std::filesystem::path dir = std::filesystem::path(args.out).parent_path();
  if (dir.empty()) dir = ".";
  if (::access(dir.c_str(), W_OK) != 0 || std::filesystem::is_directory(args.out))
    return Fail(kExitConfig, "无法写入 " + args.out + "：目录不存在或没有写权限");

  auto db = OpenMigrated(db_url, 1);
  if (!db.ok()) return FailWith(db.error());
  db::Lease sql = (*db)->Acquire();
  if (auto it = filter.find("department_id");
      it != filter.end() && it->second.find_first_not_of("0123456789") != std::string::npos) {
    // A department code, as `ssj import --department` takes it.
    auto department = org::repo::GetDepartmentByCode(*sql, it->second);
    if (!department) return Fail(kExitConfig, "没有编码为 " + it->second + " 的部门");
    it->second = std::to_string(department->id);
  }
  const int64_t now = SystemClock().NowMillis();
  if (Status checked = exporter::CheckFilter(*kind, filter, now); !checked.ok()) {
    const Error& e = checked.error();
    std::string message = "筛选条件有误：" + e.message;
    if (const auto* value = e.details.if_contains("value"); value && value->is_string())
      message += "（" + std::string(value->as_string()) + "）";
    return Fail(kExitConfig, message);
  }

  // Exports carry personal data: the CLI's are in the audit log too.
  boost::json::object filter_json;
  for (const auto& [key, value] : filter) filter_json[key] = value;
  {
    db::Transaction tx(*sql, (*db)->backend());
    audit::Append(
        *sql, audit::Actor{std::nullopt, "system:cli", std::nullopt, "127.0.0.1"},
        {kind->permission, "export", std::filesystem::path(args.out).filename().string(), nullptr,
         boost::json::object{{"kind", kind->name},
                             {"format", exporter::FormatName(*format)},
                             {"filter", std::move(filter_json)},
                             {"file_name", args.out}}},
        now);
    tx.Commit();
  }

  exporter::ExportOptions export_options;
  // libxlsxwriter keeps each sheet in a temporary file until the end (about 1 GB for a million
  // rows): next to the output, on the disk the user chose, not in a possibly small /tmp.
  export_options.tmpdir = dir.string();
  bool shown = false;
  export_options.progress = [&shown](int64_t rows) {
    if (rows % 10000 != 0) return;
    std::cerr << "\r导出 " << rows << " 行…" << std::flush;
    shown = true;
  };
  const exporter::Context context{*sql, (*db)->backend(), nullptr, now};
  Result<int64_t> rows =
      exporter::WriteExport(context, *kind, *format, filter, args.out, export_options);
  if (shown) std::cerr << "\r" << std::string(30, ' ') << "\r";
  if (!rows.ok()) {
    Error e = rows.take_error();
    e.message = args.out + "：" + e.message;
    return FailWith(e);
  }
  std::cout << "已导出 " << *rows << " 行到 " << args.out << "\n";
  return 0;
}

}  // namespace ssj::cli

#include "cli/commands.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "audit/audit_repo.h"
#include "cli/cli_common.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "db/backup.h"
#include "db/database.h"
#include "db/migrate.h"
#include "demo/demo.h"
#include "demo/demo_targets.h"
#include "directory/name_index.h"
#include "directory/name_indexer.h"
#include "exporter/export_jobs.h"
#include "http/routes.h"
#include "org/admin.h"
#include "org/org.h"
#include "org/org_repo.h"

namespace ssj::cli {
int Migrate(const std::string& db_url) {
  auto db = OpenDb(db_url, 1, /*create=*/true);
  if (!db.ok()) return FailWith(db.error());
  auto report = db::MigrateUp(**db);
  if (!report.ok()) return FailWith(report.error());
  {
    db::Lease sql = (*db)->Acquire();
    db::Transaction tx(*sql, (*db)->backend());
    org::SyncAdminRole(*sql, FormatIsoMillis(SystemClock().NowMillis()));
    tx.Commit();
  }
  for (const auto& name : report->applied) std::cout << "已应用迁移 " << name << "\n";
  std::cout << "数据库结构版本: " << report->to_version
            << (report->applied.empty() ? "（已是最新，无需迁移）" : "") << "\n";
  return 0;
}

int Serve(const std::string& db_url, const http::ServerOptions& options, bool secure_cookie) {
  auto db = OpenMigrated(db_url, options.workers);
  if (!db.ok()) return FailWith(db.error());
  SystemClock clock;
  Services services;
  services.db = db->get();
  services.clock = &clock;
  services.session.secure_cookie = secure_cookie;
  // Declared after the database: destroyed first, so running exports stop before it closes.
  exporter::ExportJobs exports((*db)->url(), clock, exporter::ExportJobs::DefaultDir());
  services.exports = &exports;
  directory::NameIndexer name_indexer((*db)->url());
  auto router = http::BuildRouter();
  spdlog::set_default_logger(spdlog::stderr_color_mt("ssj"));
  if (options.access_log && !spdlog::get("access")) {
    // One JSON object per line on stdout, for log shippers; diagnostics stay on stderr.
    spdlog::stdout_logger_mt("access")->set_pattern("%v");
  }
  spdlog::info("数据库: {}（{}）", (*db)->url().display, db::BackendName((*db)->backend()));
  return http::RunServer(options, services, *router);
}

int AddUser(const std::string& db_url, const UserAdd& in, const std::string& password) {
  auto db = OpenMigrated(db_url, 1);
  if (!db.ok()) return FailWith(db.error());
  db::Lease sql = (*db)->Acquire();
  org::UserInput input;
  input.username = in.username;
  input.name = in.name;
  input.phone = in.phone;
  input.password = password;
  auto department = org::repo::GetDepartmentByCode(*sql, in.department);
  if (!department) return Fail(kExitProblem, "部门编码不存在: " + in.department);
  input.department_id = department->id;
  for (const std::string& code : in.roles) {
    auto role = org::repo::GetRoleByCode(*sql, code);
    if (!role) return Fail(kExitProblem, "角色编码不存在: " + code);
    input.role_ids.push_back(role->id);
  }
  if (auto status = org::CheckUser(input, true); !status.ok()) return FailWith(status.error());
  if (org::repo::UsernameTaken(*sql, input.username))
    return Fail(kExitProblem, "用户名已存在: " + input.username);
  SystemClock clock;
  const int64_t now = clock.NowMillis();
  db::Transaction tx(*sql, (*db)->backend());
  int64_t id = org::repo::InsertUser(*sql, input, HashPassword(password), std::nullopt,
                                     FormatIsoMillis(now));
  audit::Append(*sql, audit::Actor{std::nullopt, "system:cli", std::nullopt, "127.0.0.1"},
                {"system:user:add", "user", std::to_string(id), nullptr,
                 org::ToJson(*org::repo::GetUser(*sql, nullptr, id))},
                now);
  tx.Commit();
  std::cout << "已创建用户 " << input.username << "（编号 " << id << "，部门 " << department->name
            << "）\n";
  return 0;
}

namespace {

// Empties the name index's queue in batches (one transaction each), with a progress line.
void IndexQueuedNames(db::Database& db) {
  db::Lease sql = db.Acquire();
  const int64_t queued = directory::names::Pending(*sql, INT64_MAX);
  if (queued == 0) return;
  int64_t done = 0;
  while (size_t taken = directory::names::IndexPending(*sql, db.backend(), 50000)) {
    done += static_cast<int64_t>(taken);
    std::cerr << "\r建立名称检索索引 " << std::min(done, queued) << " / " << queued << std::flush;
  }
  std::cerr << "\n";
}

}  // namespace

int IndexNames(const std::string& db_url) {
  auto db = OpenMigrated(db_url, 1);
  if (!db.ok()) return FailWith(db.error());
  IndexQueuedNames(**db);
  std::cout << "名称检索索引已是最新。\n";
  return 0;
}

int Demo(const std::string& db_url, int targets) {
  auto db = OpenMigrated(db_url, 1);
  if (!db.ok()) return FailWith(db.error());
  SystemClock clock;
  Services services;
  services.db = db->get();
  services.clock = &clock;
  auto report = demo::Run(services);
  if (!report.ok()) return FailWith(report.error());
  if (report->already_present) {
    std::cout << "演示数据已存在，未作改动。\n";
  } else {
    std::cout << "已创建演示数据: " << report->departments << " 个部门，" << report->logins.size()
              << " 个演示账号。\n";
  }
  if (!report->already_present) {
    std::cout << "名录库演示检查对象 " << report->targets << " 个，场地场所和产品 "
              << report->places_and_products << " 个。\n";
    if (report->tasks > 0) {
      std::cout << "年度抽查工作计划 " << report->plans << " 个（已公开），抽查任务 "
                << report->tasks << " 个（检查中、已冻结待抽取、草稿各一）；检查中任务的检查记录 "
                << report->records
                << " 份已录入（待审核、已审核、退回、已公示、已更正、有异议、待审批更正各有示例），"
                   "其余待检查组录入。\n";
      std::cout << "待抽取的演示任务 " << report->pending_task
                << " 的部门密钥（抽取时录入，仅显示这一次）: " << report->pending_secret << "\n";
    }
  }
  if (targets > 0) {
    std::cerr << "生成检查对象名录至 " << targets << " 个…\n";
    db::Lease sql = (*db)->Acquire();
    auto added = demo::AddTargets(
        *sql, (*db)->backend(), clock.NowMillis(), targets,
        [&](int64_t done) { std::cerr << "\r  " << done << " / " << targets << std::flush; });
    std::cerr << "\n";
    if (!added.ok()) return FailWith(added.error());
    std::cout << "新增检查对象 " << *added << " 个。\n";
  }
  IndexQueuedNames(**db);
  std::cout << "演示账号（用户名 / 密码 / 角色 / 部门）:\n";
  for (const auto& login : report->logins) {
    std::cout << "  " << login.username << " / " << login.password << " / " << login.role << " / "
              << login.department << "\n";
  }
  return 0;
}

int AuditVerify(const std::string& db_url) {
  auto db = OpenMigrated(db_url, 1);
  if (!db.ok()) return FailWith(db.error());
  db::Lease sql = (*db)->Acquire();
  auto report =
      audit::Verify(*sql, [](int64_t n) { std::cerr << "已校验 " << n << " 条…\r" << std::flush; });
  if (!report.ok) {
    std::cout << "审计链校验失败: 共检查 " << report.count
              << " 条，第一个异常条目为 seq=" << report.bad_seq << "\n"
              << report.reason << "\n";
    return kExitProblem;
  }
  std::cout << "审计链完整: 共 " << report.count << " 条，全部校验通过\n";
  return 0;
}

int Backup(const std::string& db_url, const std::string& out) {
  if (db_url.empty()) return Fail(kExitConfig, "请用 --db 或环境变量 SSJ_DB 指定数据库地址");
  auto url = db::ParseDbUrl(db_url);
  if (!url.ok()) return FailWith(url.error());
  if (url->backend == db::Backend::kPostgres) {
    std::cout << "PostgreSQL 请用 pg_dump 做一致性在线备份（自定义格式，可用 pg_restore 恢复）:\n"
              << "  pg_dump --format=custom --no-owner --file '" << out << "' '" << url->display
              << "'\n"
              << "（地址中的密码已隐去；可用环境变量 PGPASSWORD 或 ~/.pgpass 提供）\n";
    return 0;
  }
  auto report = db::BackupSqlite(url->path, out);
  if (!report.ok()) return FailWith(report.error());
  std::cout << "已备份到 " << out << "（" << report->bytes << " 字节，" << report->pages
            << " 页，完整性检查通过）\n";
  return 0;
}

}  // namespace ssj::cli

// Entry point: parses the command line (CLI11) and runs one subcommand.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/draw_commands.h"
#include "cli/export_commands.h"
#include "cli/import_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"ssj — 双随机、一公开监管平台"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("ssj ") + SSJ_VERSION);
  std::string db_url;
  if (const char* env = std::getenv("SSJ_DB")) db_url = env;
  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option(
        "--db", db_url,
        "数据库地址: sqlite:PATH 或 postgresql://user@host:port/dbname（或环境变量 SSJ_DB）");
  };

  auto* migrate = app.add_subcommand("migrate", "应用数据库迁移（可重复执行）");
  add_db(migrate);

  auto* serve = app.add_subcommand("serve", "启动 HTTP 服务");
  add_db(serve);
  std::string listen = "127.0.0.1:8080";
  ssj::http::ServerOptions options;
  bool secure_cookie = false;
  bool no_access_log = false;
  serve->add_option("--listen", listen, "监听地址 host:port")->capture_default_str();
  serve->add_option("--web", options.web_dir, "前端构建目录（web/dist）");
  serve->add_option("--workers", options.workers, "数据库工作线程数（也是连接池大小）")
      ->capture_default_str();
  serve->add_option("--io-threads", options.io_threads, "I/O 线程数")->capture_default_str();
  serve->add_option("--body-limit", options.body_limit, "请求体上限（字节）")
      ->capture_default_str();
  serve->add_flag("--trust-proxy", options.trust_proxy,
                  "使用反向代理提供的 X-Real-IP 作为客户端地址");
  serve->add_flag("--secure-cookie", secure_cookie,
                  "会话 Cookie 加 Secure 标记（HTTPS 部署时使用）");
  serve->add_flag("--no-access-log", no_access_log, "不输出访问日志");

  auto* user = app.add_subcommand("user", "用户管理");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "新增用户（密码从标准输入读取）");
  add_db(user_add);
  ssj::cli::UserAdd user_input;
  bool password_stdin = false;
  user_add->add_option("--username", user_input.username, "用户名")->required();
  user_add->add_option("--name", user_input.name, "姓名")->required();
  user_add->add_option("--department", user_input.department, "部门编码")->required();
  user_add->add_option("--role", user_input.roles, "角色编码（可多次）")->required();
  user_add->add_option("--phone", user_input.phone, "手机号");
  user_add->add_flag("--password-stdin", password_stdin, "从标准输入读取密码")->required();

  auto* demo = app.add_subcommand("demo", "创建演示数据（确定性，可重复执行）");
  add_db(demo);
  int targets = 0;
  demo->add_option("--targets", targets, "演示检查对象数量");

  auto* index = app.add_subcommand(
      "index", "建立名称检索索引（导入后由服务在后台建立；此命令立即建立并显示进度）");
  add_db(index);

  auto* import = app.add_subcommand("import", "批量导入名录（CSV，UTF-8 或 GBK）");
  add_db(import);
  ssj::cli::ImportArgs import_args;
  import
      ->add_option("kind", import_args.kind,
                   "类型：targets（检查对象，附录 B.1）、inspectors（执法检查人员，附录 C.1）、"
                   "experts（专家和辅助人员）、conflicts（利害关系）、exemptions（免检免扰）")
      ->required();
  import->add_option("file", import_args.file, "CSV（UTF-8 或 GBK）或 XLSX 文件")->required();
  import->add_flag("--skip-invalid", import_args.skip_invalid, "跳过有错误的行，只导入正确的行");
  import->add_flag("--update-existing", import_args.update_existing, "编码已存在时更新该对象");
  import->add_option("--errors", import_args.errors_out,
                     "问题清单输出文件（.xlsx、.csv 或 .json）");
  import->add_option("--department", import_args.department,
                     "未填“监管部门”的行归属的部门编码（默认：最上级部门）");

  auto* export_cmd = app.add_subcommand("export", "导出名录（XLSX 或 CSV，可按条件筛选）");
  add_db(export_cmd);
  ssj::cli::ExportArgs export_args;
  export_cmd
      ->add_option(
          "kind", export_args.kind,
          "类型：targets（检查对象）、inspectors（执法检查人员）、experts（专家和辅助人员）、"
          "items（抽查事项清单）、conflicts（利害关系）、exemptions（免检免扰）")
      ->required();
  export_cmd->add_option("--format", export_args.format, "xlsx 或 csv（默认按 --out 的扩展名）");
  export_cmd->add_option("--out", export_args.out, "输出文件（.xlsx 或 .csv）")->required();
  export_cmd->add_option("--name", export_args.name, "名称或姓名包含");
  export_cmd->add_option("--code", export_args.code, "检查对象编码（精确）");
  export_cmd->add_option("--division", export_args.division, "行政区划代码（含下级）");
  export_cmd->add_option("--status", export_args.status, "状态");
  export_cmd->add_option("--class", export_args.credit_class, "信用风险分类 A–D");
  export_cmd->add_option("--tag", export_args.tag, "标签");
  export_cmd->add_option("--industry", export_args.industry, "行业门类字母或两位行业大类");
  export_cmd->add_option("--department", export_args.department, "部门编号或部门编码");

  auto* tmpl = app.add_subcommand("template", "生成导入模板（XLSX）");
  add_db(tmpl);  // the inspector template lists the specialty dictionary
  std::string template_kind, template_out;
  tmpl->add_option("kind", template_kind,
                   "类型：targets、inspectors、experts、conflicts、exemptions")
      ->required();
  tmpl->add_option("--out", template_out, "输出文件（.xlsx）")->required();

  auto* audit = app.add_subcommand("audit", "审计日志");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "校验整条审计哈希链");
  add_db(verify);

  auto* backup = app.add_subcommand("backup", "在线备份数据库");
  add_db(backup);
  std::string out;
  backup->add_option("--out", out, "备份文件路径")->required();

  auto* draw =
      app.add_subcommand("draw", "按公开协议抽取检查对象和检查组（docs/draw-protocol.md）");
  std::string draw_request, draw_out;
  bool draw_example = false;
  draw->add_option("request", draw_request, "抽取请求 JSON 文件");
  draw->add_option("--out", draw_out, "抽取记录输出文件");
  draw->add_flag("--example", draw_example, "输出一个示例请求");

  auto* verify_record = app.add_subcommand("verify", "复核抽取记录：按协议重新计算并逐项比对");
  std::string record_path;
  verify_record->add_option("record", record_path, "抽取记录 JSON 文件")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    if (*migrate) return ssj::cli::Migrate(db_url);
    if (*index) return ssj::cli::IndexNames(db_url);
    if (*draw) {
      if (draw_example) return ssj::cli::DrawExample();
      if (draw_request.empty() || draw_out.empty()) {
        std::cerr << "错误: 用法 ssj draw REQUEST.json --out RECORD.json，或 ssj draw --example\n";
        return 2;
      }
      return ssj::cli::DrawCommand(draw_request, draw_out);
    }
    if (*verify_record) return ssj::cli::VerifyCommand(record_path);
    if (*serve) {
      auto colon = listen.rfind(':');
      if (colon == std::string::npos) {
        std::cerr << "错误: --listen 应为 host:port，例如 127.0.0.1:8080\n";
        return 2;
      }
      options.host = listen.substr(0, colon);
      try {
        int port = std::stoi(listen.substr(colon + 1));
        if (port <= 0 || port > 65535) throw std::out_of_range("port");
        options.port = static_cast<uint16_t>(port);
      } catch (const std::exception&) {
        std::cerr << "错误: --listen 的端口无效: " << listen << "\n";
        return 2;
      }
      options.access_log = !no_access_log;
      return ssj::cli::Serve(db_url, options, secure_cookie);
    }
    if (*user_add) {
      std::string password;
      std::getline(std::cin, password);
      if (!password.empty() && password.back() == '\r') password.pop_back();
      return ssj::cli::AddUser(db_url, user_input, password);
    }
    if (*demo) return ssj::cli::Demo(db_url, targets);
    if (*import) return ssj::cli::Import(db_url, import_args);
    if (*export_cmd) return ssj::cli::Export(db_url, export_args);
    if (*tmpl) return ssj::cli::Template(db_url, template_kind, template_out);
    if (*verify) return ssj::cli::AuditVerify(db_url);
    if (*backup) return ssj::cli::Backup(db_url, out);
  } catch (const std::exception& e) {
    std::string what = e.what();
    if (auto nl = what.find('\n'); nl != std::string::npos) what.resize(nl);
    std::cerr << "错误: " << what << "\n";
    return 2;
  }
  return 0;
}

// Conflicts and exemptions through the routes, on both backends: recording, the inspector's own
// declaration, revocation with a reason, data scope, import and export.
#include "restrictions/restrictions.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "exporter/export_jobs.h"
#include "testing/api_test.h"

namespace ssj::restrictions {
namespace {

using http::Method;
namespace json = boost::json;

class RestrictionRoutesTest : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    export_dir_ = std::filesystem::temp_directory_path() /
                  ("ssj_restrictions_export_" + std::to_string(::getpid()));
    exports_ = std::make_unique<exporter::ExportJobs>(database().url(), clock(), export_dir_);
    services().exports = exports_.get();
  }
  void TearDown() override {
    exports_.reset();
    services().exports = nullptr;
    std::error_code ignored;
    std::filesystem::remove_all(export_dir_, ignored);
    ApiTest::TearDown();
  }

  // Exports through the shared exporter (POST /api/v1/exports) and returns the file.
  std::string ExportCsv(const std::string& kind) {
    http::Response started =
        Call(Method::kPost, "/api/v1/exports", {{"kind", kind}, {"format", "csv"}});
    EXPECT_EQ(started.status, 202) << json::serialize(started.body);
    if (started.status != 202) return "";
    const std::string status = "/api/v1/exports/" + std::string(started.body.at("id").as_string());
    for (int attempt = 0; attempt < 1200; ++attempt) {
      if (Call(Method::kGet, status).body.at("status") != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    http::Response file = Call(Method::kGet, status + "/file");
    EXPECT_EQ(file.status, 200) << json::serialize(file.body);
    return file.raw_body;
  }

  // A target supervised by yewu's office (节能与综合利用处).
  int64_t AddTarget(const std::string& code = "91500103MA60K3T26Y") {
    http::Response r = Call(Method::kPost, "/api/v1/targets",
                            {{"name", "重庆渝中精密机械有限公司"},
                             {"code", code},
                             {"nature", "企业"},
                             {"division_code", "500103"}});
    EXPECT_EQ(r.status, 201) << json::serialize(r.body);
    return r.status == 201 ? r.body.at("id").as_int64() : 0;
  }

  std::filesystem::path export_dir_;
  std::unique_ptr<exporter::ExportJobs> exports_;
};

// A demo 执法人员 of 节能与综合利用处 (demo person 1).
constexpr const char* kJnzyInspector = "渝执50001101";

TEST(RestrictionRulesTest, DatesDefaultAndMustBeInOrder) {
  CheckContext c;
  c.today = "2026-11-18";
  c.inspector = [](const std::string& code) -> std::optional<Ref> {
    if (code == "渝执1") return Ref{1, "王建国", 4};
    return std::nullopt;
  };
  c.target = [](const std::string& code) -> std::optional<Ref> {
    if (code == "91500103MA60K3T26Y") return Ref{9, "重庆渝中精密机械有限公司", 4};
    return std::nullopt;
  };
  Row row = {"渝执1", "", "91500103ma60k3t26y", "", "其配偶任该企业财务负责人", "", "", ""};
  auto ok = CheckConflict(row, c);
  ASSERT_TRUE(ok.ok()) << ok.problems.front().message;
  EXPECT_EQ(ok.input.valid_from, "2026-11-18");
  EXPECT_EQ(ok.input.source, "工作人员登记");
  EXPECT_EQ(ok.department_id, 4);
  row[1] = "王建";  // not the registered name
  row[7] = "2026-01-01";
  auto bad = CheckConflict(row, c);
  std::set<std::string> columns;
  for (const auto& p : bad.problems) columns.insert(p.column);
  EXPECT_EQ(columns, (std::set<std::string>{"人员姓名", "有效期至"}));

  Row exemption = {"91500103MA60K3T26Y", "",           "",
                   "2026-01-01",         "2026/12/31", "渝经信发〔2026〕12号"};
  auto e = CheckExemption(exemption, c);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.input.scope, "全部事项");
  EXPECT_EQ(e.input.valid_until, "2026-12-31");
  exemption[0] = "91500103MA60K3T26X";
  EXPECT_FALSE(CheckExemption(exemption, c).ok());
  EXPECT_TRUE(InForce("有效", "2026-01-01", "", "2030-01-01"));
  EXPECT_FALSE(InForce("已撤销", "2026-01-01", "", "2026-06-01"));
  EXPECT_FALSE(InForce("有效", "2026-01-01", "2026-05-31", "2026-06-01"));
}

TEST_P(RestrictionRoutesTest, StaffRecordAndRevokeConflictsInTheirScope) {
  LoginAs("yewu", "Demo@2026");
  const int64_t target = AddTarget();
  const int64_t audit_before = AuditCount();
  json::value form = {{"inspector", kJnzyInspector},
                      {"target", "91500103MA60K3T26Y"},
                      {"reason", "其配偶任该企业财务负责人"}};
  http::Response created = Call(Method::kPost, "/api/v1/conflicts", form);
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  EXPECT_EQ(created.body.at("target_id"), target);
  EXPECT_EQ(created.body.at("in_force"), true);
  EXPECT_EQ(AuditCount(), audit_before + 1);
  EXPECT_EQ(Call(Method::kPost, "/api/v1/conflicts", form).status, 409);

  // An inspector of another office is outside yewu's scope.
  json::value other = form;
  other.as_object()["inspector"] = "渝执50000100";  // 综合执法处
  http::Response refused = Call(Method::kPost, "/api/v1/conflicts", other);
  EXPECT_EQ(refused.status, 400) << json::serialize(refused.body);

  const std::string path =
      "/api/v1/conflicts/" + std::to_string(created.body.at("id").as_int64()) + "/revoke";
  EXPECT_EQ(Call(Method::kPost, path, json::object{}).status, 400);  // a reason is required
  http::Response revoked = Call(Method::kPost, path, {{"reason", "当事人已离职"}});
  ASSERT_EQ(revoked.status, 200) << json::serialize(revoked.body);
  EXPECT_EQ(revoked.body.at("status"), "已撤销");
  EXPECT_EQ(revoked.body.at("in_force"), false);
  EXPECT_EQ(Call(Method::kPost, path, {{"reason", "再次"}}).status, 400);
  http::Response current =
      Call(Method::kGet, "/api/v1/conflicts", nullptr, true, {{"current", "true"}});
  ASSERT_EQ(current.status, 200);
  EXPECT_EQ(current.body.at("total"), 0);
}

TEST_P(RestrictionRoutesTest, AnInspectorDeclaresOnlyAboutThemself) {
  LoginAs("yewu", "Demo@2026");
  AddTarget();
  // yewu is staff, not in the inspector directory.
  http::Response not_inspector =
      Call(Method::kPost, "/api/v1/me/conflicts",
           {{"target", "91500103MA60K3T26Y"}, {"reason", "曾在该企业任职"}});
  EXPECT_EQ(not_inspector.status, 403);
  LoginAs("jiancha", "Demo@2026");
  http::Response declared = Call(Method::kPost, "/api/v1/me/conflicts",
                                 {{"inspector", kJnzyInspector},
                                  {"target", "91500103MA60K3T26Y"},
                                  {"reason", "曾在该企业任职"}});
  ASSERT_EQ(declared.status, 201) << json::serialize(declared.body);
  EXPECT_EQ(declared.body.at("source"), "自行申报");
  EXPECT_EQ(declared.body.at("inspector_name"), "王磊");  // themself, whatever they sent
  EXPECT_EQ(Call(Method::kGet, "/api/v1/conflicts").status, 403);
}

TEST_P(RestrictionRoutesTest, ExemptionsAreRecordedImportedAndExported) {
  LoginAs("yewu", "Demo@2026");
  AddTarget();
  json::value form = {{"target", "91500103MA60K3T26Y"},
                      {"valid_from", "2026-01-01"},
                      {"valid_until", "2025-12-31"},
                      {"source_document", "渝经信发〔2026〕12号"}};
  http::Response bad = Call(Method::kPost, "/api/v1/exemptions", form);
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.at("details").at("field"), "valid_until");
  form.as_object()["valid_until"] = "2026-12-31";
  http::Response created = Call(Method::kPost, "/api/v1/exemptions", form);
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  EXPECT_EQ(created.body.at("scope"), "全部事项");

  const std::string header =
      "行政相对人编码,行政相对人名称,免检范围,有效期起,有效期至,依据文件\r\n";
  std::string file = header +
                     "91500103MA60K3T26Y,,工业产品生产许可证后监管,2026-01-01,2026-12-31,"
                     "渝经信发〔2026〕13号\r\n"
                     "91500103MA60K3T27W,,,2026-01-01,2026-12-31,渝经信发〔2026〕13号\r\n";
  http::Response report = Upload("/api/v1/exemptions/import", file);
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("committed"), false);
  ASSERT_EQ(report.body.at("problems").as_array().size(), 1u);
  EXPECT_EQ(report.body.at("problems").at(0).at("line"), 3);
  http::Response skipped = Upload("/api/v1/exemptions/import", file, {{"skip_invalid", "true"}});
  ASSERT_EQ(skipped.status, 200);
  EXPECT_EQ(skipped.body.at("inserted"), 1);

  const std::string csv = ExportCsv("exemptions");
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF" + header));  // the import's own columns
  EXPECT_NE(csv.find("渝经信发〔2026〕13号"), std::string::npos);
  EXPECT_NE(csv.find("工业产品生产许可证后监管"), std::string::npos);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/exemptions/export").status, 404);  // the old route

  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/exemptions").status, 403);
}

SSJ_BOTH_BACKENDS(RestrictionRoutesTest);

}  // namespace
}  // namespace ssj::restrictions

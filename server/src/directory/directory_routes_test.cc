// The directory's HTTP routes on both backends: permissions, validation errors per field,
// data scope, audit and history.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "testing/api_test.h"

namespace ssj::directory {
namespace {

using http::Method;
using TargetRoutesTest = testing::ApiTest;
namespace json = boost::json;

json::value Entity(std::string code, std::string name = "重庆渝中精密机械有限公司") {
  return {{"name", name},
          {"code", code},
          {"nature", "企业"},
          {"division_code", "500103"},
          {"address", "解放碑1号"},
          {"credit_class", "B"},
          {"tags", json::array{"投诉举报多"}}};
}

TEST_P(TargetRoutesTest, StaffRegisterAndEditWithHistoryAndAudit) {
  LoginAs("yewu", "Demo@2026");
  int64_t audit_before = AuditCount();
  http::Response created = Call(Method::kPost, "/api/v1/targets", Entity("91500103MA60K3T26Y"));
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  int64_t id = created.body.at("id").as_int64();
  EXPECT_EQ(created.body.at("district"), "渝中区");
  EXPECT_EQ(AuditCount(), audit_before + 1);

  json::value edit = Entity("91500103MA60K3T26Y", "重庆渝中精密机械股份有限公司");
  http::Response updated = Call(Method::kPut, "/api/v1/targets/" + std::to_string(id), edit);
  ASSERT_EQ(updated.status, 200) << json::serialize(updated.body);
  EXPECT_EQ(updated.body.at("version"), 2);
  http::Response detail = Call(Method::kGet, "/api/v1/targets/" + std::to_string(id));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body.at("history").as_array().size(), 2u);

  http::Response duplicate = Call(Method::kPost, "/api/v1/targets", Entity("91500103MA60K3T26Y"));
  EXPECT_EQ(duplicate.status, 409);
  // Correcting a mistyped code keeps the target (and its history).
  http::Response recoded = Call(Method::kPut, "/api/v1/targets/" + std::to_string(id),
                                Entity("92370303MA3C7Q1N7N", "重庆渝中精密机械股份有限公司"));
  ASSERT_EQ(recoded.status, 200) << json::serialize(recoded.body);
  EXPECT_EQ(recoded.body.at("code"), "92370303MA3C7Q1N7N");
  EXPECT_EQ(recoded.body.at("version"), 3);

  http::Response list = Call(Method::kGet, "/api/v1/targets", nullptr, true,
                             {{"name", "股份"}, {"division", "500000"}});
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.at("total"), 1);
}

TEST_P(TargetRoutesTest, BadFieldsAreNamedAndNothingIsWritten) {
  LoginAs("yewu", "Demo@2026");
  json::value bad = Entity("91500103MA60K3T26X");
  bad.as_object()["division_code"] = "500199";
  int64_t audit_before = AuditCount();
  http::Response r = Call(Method::kPost, "/api/v1/targets", bad);
  ASSERT_EQ(r.status, 400);
  const auto& problems = r.body.at("details").at("problems").as_array();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].at("field"), "code");
  EXPECT_EQ(problems[1].at("field"), "division_code");
  EXPECT_EQ(r.body.at("details").at("field"), "code");  // the first problem
  EXPECT_EQ(AuditCount(), audit_before);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/targets").body.at("total"), 0);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/targets", nullptr, true, {{"credit_class", "E"}}).status,
            400);
}

TEST_P(TargetRoutesTest, InspectorsHaveNoAccessAndScopeLimitsDepartments) {
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/targets").status, 403);
  LoginAs("yewu", "Demo@2026");
  // yewu works in one office; a district department is outside its scope.
  json::value other = Entity("91500103MA60K3T26Y");
  other.as_object()["department"] = "YZ-JXW";
  http::Response r = Call(Method::kPost, "/api/v1/targets", other);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.at("details").at("field"), "department");
}

TEST_P(TargetRoutesTest, ImportReportsEveryBadRowThenImportsTheFixedFile) {
  LoginAs("yewu", "Demo@2026");
  const std::string header =
      "行政相对人名称,行政相对人编码,检查地址,检查联系电话,所属区县,行政相对人性质,"
      "行政区划代码\r\n";
  std::string bad = header +
                    "重庆甲公司,91500103MA60K3T26Y,,,,企业,500103\r\n"
                    "重庆乙公司,91500103MA60K3T26X,,,,企业,500103\r\n"
                    "重庆丙公司,92370303MA3C7Q1N7N,,,,企业,500199\r\n";
  auto upload = [&](std::string file, std::vector<std::pair<std::string, std::string>> query) {
    return Upload("/api/v1/targets/import", std::move(file), std::move(query));
  };
  int64_t audit_before = AuditCount();
  http::Response report = upload(bad, {{"file_name", "名录.csv"}});
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("committed"), false);
  EXPECT_EQ(report.body.at("invalid_rows"), 2);
  const auto& problems = report.body.at("problems").as_array();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].at("line"), 3);
  EXPECT_EQ(problems[0].at("column"), "行政相对人编码");
  EXPECT_EQ(problems[1].at("line"), 4);
  EXPECT_EQ(problems[1].at("value"), "500199");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/targets").body.at("total"), 0);
  EXPECT_EQ(AuditCount(), audit_before);

  std::string fixed = header +
                      "重庆甲公司,91500103MA60K3T26Y,,,,企业,500103\r\n"
                      "重庆乙公司,91310115MA1K3BTP2B,,,,企业,500103\r\n"
                      "重庆丙公司,92370303MA3C7Q1N7N,,,,企业,500105\r\n";
  http::Response done = upload(fixed, {{"file_name", "名录.csv"}});
  ASSERT_EQ(done.status, 200) << json::serialize(done.body);
  EXPECT_EQ(done.body.at("committed"), true);
  EXPECT_EQ(done.body.at("inserted"), 3);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/targets").body.at("total"), 3);
  EXPECT_EQ(AuditCount(), audit_before + 1);

  // A department outside the importer's scope is a row error, not a silent write.
  std::string outside =
      std::string("行政相对人名称,行政相对人编码,检查地址,检查联系电话,所属区县,") +
      "行政相对人性质,行政区划代码,监管部门\r\n重庆丁公司,91110000600037341L,,,,企业," +
      "500103,YZ-JXW\r\n";
  http::Response scoped = upload(outside, {});
  ASSERT_EQ(scoped.status, 200);
  EXPECT_EQ(scoped.body.at("problems").at(0).at("column"), "监管部门");

  EXPECT_EQ(upload("PK\x03\x04...", {}).status, 400);  // a workbook, not a CSV
  EXPECT_EQ(upload(bad, {{"skip_invalid", "maybe"}}).status, 400);
  http::Response tmpl = Call(Method::kGet, "/api/v1/targets/import/template");
  ASSERT_EQ(tmpl.status, 200);
  EXPECT_TRUE(tmpl.raw_body.starts_with("PK"));
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(upload(fixed, {}).status, 403);
}

// An XLSX workbook as Excel users fill it: text cells, a USCC typed as a number (Excel shows
// 9.15001E+17), a formula; and the problem workbook for its report.
TEST_P(TargetRoutesTest, AnXlsxWorkbookImportsAndItsCellProblemsAreRowErrors) {
  LoginAs("yewu", "Demo@2026");
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("ssj-import-" + std::to_string(::getpid()) + ".xlsx"))
                               .string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "检查对象");
  const char* header[] = {"行政相对人名称", "行政相对人编码", "检查地址",    "检查联系电话",
                          "所属区县",       "行政相对人性质", "行政区划代码"};
  for (int c = 0; c < 7; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  const char* good[] = {"重庆甲公司", "91500103MA60K3T26Y", "解放碑", "", "渝中区", "企业",
                        "500103"};
  for (int c = 0; c < 7; ++c) worksheet_write_string(ws, 1, c, good[c], nullptr);
  worksheet_write_string(ws, 2, 0, "重庆乙公司", nullptr);
  worksheet_write_number(ws, 2, 1, 500103199001011232.0, nullptr);  // an ID typed as a number
  worksheet_write_string(ws, 2, 5, "自然人", nullptr);
  worksheet_write_formula(ws, 2, 6, "=500000+103", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);

  http::Response report = Upload("/api/v1/targets/import", bytes, {{"file_name", "名录.xlsx"}});
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("committed"), false);
  EXPECT_EQ(report.body.at("rows"), 2);
  EXPECT_EQ(report.body.at("invalid_rows"), 1);
  std::set<std::string> columns;
  for (const auto& p : report.body.at("problems").as_array()) {
    EXPECT_EQ(p.at("line"), 3);
    columns.insert(std::string(p.at("column").as_string()));
  }
  EXPECT_TRUE(columns.count("行政相对人编码")) << json::serialize(report.body);
  EXPECT_TRUE(columns.count("行政区划代码")) << json::serialize(report.body);

  http::Request req;
  req.method = Method::kPost;
  req.path = "/api/v1/imports/report.xlsx";
  req.upload = json::serialize(
      json::object{{"file_name", "名录.xlsx"}, {"problems", report.body.at("problems")}});
  req.session_token = token_;
  req.csrf_header = csrf_;
  http::Response workbook = http::Dispatch(*router_, services(), req);
  ASSERT_EQ(workbook.status, 200) << json::serialize(workbook.body);
  EXPECT_TRUE(workbook.raw_body.starts_with("PK"));

  http::Response done = Upload("/api/v1/targets/import", bytes,
                               {{"file_name", "名录.xlsx"}, {"skip_invalid", "true"}});
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.body.at("inserted"), 1);
}

// A place from the form and a product from a file; a list shows no responsible person's full ID.
TEST_P(TargetRoutesTest, PlacesAndProductsHaveTheirOwnColumns) {
  LoginAs("yewu", "Demo@2026");
  json::object place = {{"kind", "place"},
                        {"name", "储罐区"},
                        {"unit", "重庆甲公司"},
                        {"unit_code", "91500103MA60K3T26Y"},
                        {"person", "张三"},
                        {"person_id", "500103199001011232"},
                        {"in_use_since", "2015-06-01"},
                        {"nature", "企业"},
                        {"division_code", "500103"}};
  http::Response created = Call(Method::kPost, "/api/v1/targets", place);
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  EXPECT_EQ(created.body.at("code"), "91500103MA60K3T26Y/储罐区");
  const int64_t id = created.body.at("id").as_int64();
  place["person_id"] = "500103199001011233";
  http::Response bad = Call(Method::kPost, "/api/v1/targets", place);
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.at("details").at("field"), "person_id");

  http::Response list = Call(Method::kGet, "/api/v1/targets", nullptr, true, {{"kind", "place"}});
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(list.body.at("items").at(0).at("extra").at("person_id"), "500103********1232");
  http::Response detail = Call(Method::kGet, "/api/v1/targets/" + std::to_string(id));
  EXPECT_EQ(detail.body.at("extra").at("person_id"), "500103199001011232");

  http::Response report = Upload(
      "/api/v1/products/import",
      "生产许可证编号,企业名称,统一社会信用代码,发证日期,有效期至,检查地址,检查联系电话,所属区县,"
      "行政相对人性质,行政区划代码\nXK16-204-01234,重庆甲电缆有限公司,,2025-03-15,2030-03-14,,,,"
      "企业,500103\n",
      {{"file_name", "产品.csv"}});
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("inserted"), 1);
  http::Response products =
      Call(Method::kGet, "/api/v1/targets", nullptr, true, {{"kind", "product"}});
  EXPECT_EQ(products.body.at("items").at(0).at("extra").at("valid_until"), "2030-03-14");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/products/import/template").status, 200);
}

SSJ_BOTH_BACKENDS(TargetRoutesTest);

}  // namespace
}  // namespace ssj::directory

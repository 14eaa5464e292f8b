// The inspector directory: the row rules (appendix C.1, Zibo's certificate fields, experts and
// institutions) and the routes on both backends, including the public list that must never show
// a phone or an ID number.
#include "inspectors/inspectors.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "testing/api_test.h"

namespace ssj::inspectors {
namespace {

using http::Method;
namespace json = boost::json;

// Cells in InspectorColumns() order.
enum {
  kName,
  kGender,
  kPhone,
  kDistrict,
  kDepartment,
  kCategory,
  kSpecialties,
  kPost,
  kCertNo,
  kCertValid,
  kIdNumber,
  kOrganisation,
  kTitle,
  kStatus
};

CheckContext Context(Group group = Group::kInspectors) {
  CheckContext c;
  c.group = group;
  c.today = "2026-11-18";
  c.department = [](const std::string& key) -> std::optional<CheckContext::DepartmentRef> {
    if (key == "综合执法处") return CheckContext::DepartmentRef{2, "500000"};
    return std::nullopt;
  };
  c.specialties = {"节能监察", "安全生产"};
  return c;
}

Row Person(std::string category = "执法人员") {
  Row row(14);
  row[kName] = "王建国";
  row[kPhone] = "13983001234";
  row[kDistrict] = "渝中区";
  row[kDepartment] = "综合执法处";
  row[kCategory] = std::move(category);
  row[kSpecialties] = "节能监察、安全生产";
  row[kCertNo] = "渝执500103001";
  row[kCertValid] = "2028/6/30";
  return row;
}

const CellProblem* ProblemIn(const Checked& c, const std::string& column) {
  for (const auto& p : c.problems) {
    if (p.column == column) return &p;
  }
  return nullptr;
}

TEST(InspectorRulesTest, AnEnforcerIsKeyedByCertificateAndItsDatesAreNormalised) {
  Checked c = CheckInspector(Person(), Context());
  ASSERT_TRUE(c.ok()) << c.problems.front().message;
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(c.input.code, "渝执500103001");
  EXPECT_EQ(c.input.cert_valid_until, "2028-06-30");
  EXPECT_EQ(c.input.division_code, "500103");
  Row jiangbei = Person();
  jiangbei[kDistrict] = "江北区";  // also in 宁波; the department is in 重庆
  EXPECT_EQ(CheckInspector(jiangbei, Context()).input.division_code, "500105");
  EXPECT_EQ(c.input.department_id, 2);
  EXPECT_EQ(c.input.specialties, (std::vector<std::string>{"安全生产", "节能监察"}));
  EXPECT_TRUE(Drawable(c.input, "2026-11-18"));
  EXPECT_FALSE(Drawable(c.input, "2028-07-01"));  // the day after it lapses
}

TEST(InspectorRulesTest, ProblemsAreNamedByColumn) {
  struct Case {
    const char* name;
    std::function<void(Row&)> spoil;
    const char* column;
    bool warning;
  };
  const std::vector<Case> cases = {
      {"expired certificate", [](Row& r) { r[kCertValid] = "2025-03-31"; }, "执法证有效期至", true},
      {"no certificate (C.1 only)", [](Row& r) { r[kCertNo] = r[kCertValid] = ""; }, "执法证号",
       true},
      {"certificate without date", [](Row& r) { r[kCertValid] = ""; }, "执法证有效期至", false},
      {"bad date", [](Row& r) { r[kCertValid] = "2028-02-30"; }, "执法证有效期至", false},
      {"unknown specialty", [](Row& r) { r[kSpecialties] = "节能监察、炼丹"; }, "业务专长", false},
      {"unknown department", [](Row& r) { r[kDepartment] = "不存在的处"; }, "所属部门", false},
      {"unknown district", [](Row& r) { r[kDistrict] = "渝东区"; }, "所属区县", false},
      {"a district name of two provinces, and no department to tell",
       [](Row& r) { r[kDistrict] = "江北区", r[kDepartment] = ""; }, "所属区县", false},
      {"expert in the inspector list", [](Row& r) { r[kCategory] = "专家"; }, "人员类别", false},
      {"bad phone", [](Row& r) { r[kPhone] = "12"; }, "电话", false},
      {"bad gender", [](Row& r) { r[kGender] = "未知"; }, "性别", false},
      {"bad ID check digit", [](Row& r) { r[kIdNumber] = "500103199001011231"; }, "证件号码",
       false},
  };
  for (const Case& c : cases) {
    Row row = Person();
    c.spoil(row);
    Checked checked = CheckInspector(row, Context());
    const CellProblem* p = ProblemIn(checked, c.column);
    ASSERT_NE(p, nullptr) << c.name;
    EXPECT_EQ(p->warning, c.warning) << c.name << ": " << p->message;
    EXPECT_EQ(checked.ok(), c.warning) << c.name;
  }
}

TEST(InspectorRulesTest, ExpertsNeedAnIdAndInstitutionsAUscc) {
  Row expert = Person("专家");
  expert[kCertNo] = expert[kCertValid] = "";
  Checked missing = CheckInspector(expert, Context(Group::kExperts));
  ASSERT_NE(ProblemIn(missing, "证件号码"), nullptr);
  expert[kIdNumber] = "500103199001011232";
  Checked ok = CheckInspector(expert, Context(Group::kExperts));
  ASSERT_TRUE(ok.ok()) << ok.problems.front().message;
  EXPECT_EQ(ok.input.code, "500103199001011232");
  EXPECT_EQ(ok.input.gender, "男");  // from the 17th digit

  Row institution = Person("第三方机构");
  institution[kName] = "重庆市节能技术服务中心";
  institution[kCertNo] = institution[kCertValid] = "";
  institution[kIdNumber] = "91500103MA60K3T26X";  // wrong check character
  EXPECT_NE(ProblemIn(CheckInspector(institution, Context(Group::kExperts)), "证件号码"), nullptr);
  institution[kIdNumber] = "91500103ma60k3t26y";  // lower case is normalised
  Checked good = CheckInspector(institution, Context(Group::kExperts));
  ASSERT_TRUE(good.ok()) << good.problems.front().message;
  EXPECT_EQ(good.input.code, "91500103MA60K3T26Y");
  EXPECT_EQ(good.input.gender, "");
}

using InspectorRoutesTest = testing::ApiTest;

json::value Form(std::string cert_no, std::string valid_until = "2028-06-30") {
  return {{"category", "执法人员"},
          {"name", "李秀英"},
          {"gender", "女"},
          {"phone", "13983009999"},
          {"cert_no", cert_no},
          {"cert_valid_until", valid_until},
          {"post", "科员"},
          {"division_code", "500103"},
          {"specialties", json::array{"节能监察"}}};
}

TEST_P(InspectorRoutesTest, StaffRegisterEditAndSeeHistory) {
  LoginAs("yewu", "Demo@2026");
  const int64_t audit_before = AuditCount();
  http::Response created = Call(Method::kPost, "/api/v1/inspectors", Form("渝执T0001"));
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  const int64_t id = created.body.at("id").as_int64();
  EXPECT_EQ(created.body.at("district"), "渝中区");
  EXPECT_EQ(created.body.at("drawable"), true);
  EXPECT_EQ(AuditCount(), audit_before + 1);

  http::Response edited = Call(Method::kPut, "/api/v1/inspectors/" + std::to_string(id),
                               Form("渝执T0001", "2025-12-31"));
  ASSERT_EQ(edited.status, 200) << json::serialize(edited.body);
  EXPECT_EQ(edited.body.at("version"), 2);
  EXPECT_EQ(edited.body.at("cert_expired"), true);
  EXPECT_EQ(edited.body.at("drawable"), false);
  http::Response detail = Call(Method::kGet, "/api/v1/inspectors/" + std::to_string(id));
  ASSERT_EQ(detail.status, 200);
  ASSERT_EQ(detail.body.at("history").as_array().size(), 2u);
  EXPECT_EQ(detail.body.at("history").at(1).at("data").at("cert_valid_until"), "2028-06-30");

  EXPECT_EQ(Call(Method::kPost, "/api/v1/inspectors", Form("渝执T0001")).status, 409);
  http::Response bad = Call(Method::kPost, "/api/v1/inspectors", Form("渝执T0002", "明年"));
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.at("details").at("field"), "cert_valid_until");

  // Only people of the caller's departments: yewu (节能与综合利用处) sees its own office's.
  http::Response expired =
      Call(Method::kGet, "/api/v1/inspectors", nullptr, true, {{"cert", "expired"}});
  ASSERT_EQ(expired.status, 200);
  for (const auto& item : expired.body.at("items").as_array()) {
    EXPECT_EQ(item.at("cert_expired"), true);
    EXPECT_EQ(item.at("department_name"), "节能与综合利用处");
  }
  EXPECT_GE(expired.body.at("total").as_int64(), 1);
}

TEST_P(InspectorRoutesTest, ThePublicListShowsNoPhoneOrIdNumber) {
  // No login.
  http::Response page =
      Call(Method::kGet, "/api/v1/public/inspectors", nullptr, false, {{"page_size", "200"}});
  ASSERT_EQ(page.status, 200) << json::serialize(page.body);
  const std::string text = json::serialize(page.body);
  EXPECT_FALSE(std::regex_search(text, std::regex("1[3-9][0-9]{9}"))) << text.substr(0, 300);
  EXPECT_FALSE(std::regex_search(text, std::regex("[0-9]{17}[0-9X]")));
  // 执法人员 on duty only: the demo has 60, three of them 离岗.
  EXPECT_EQ(page.body.at("total"), 57);
  for (const auto& item : page.body.at("items").as_array()) {
    EXPECT_EQ(item.as_object().size(), 6u);
    EXPECT_FALSE(item.as_object().contains("phone"));
  }
  http::Response found =
      Call(Method::kGet, "/api/v1/public/inspectors", nullptr, false, {{"q", "王磊"}});
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.body.at("total"), 1);
  EXPECT_EQ(found.body.at("items").at(0).at("department_name"), "渝中区经济和信息化委员会");
}

TEST_P(InspectorRoutesTest, AnAppendixC1FileImportsAndBadRowsAreReported) {
  LoginAs("yewu", "Demo@2026");
  const std::string header = "序号,姓名,电话,所属区县,所属部门,人员类别,业务专长\r\n";
  std::string file = header +
                     "1,张伟,13983005555,渝中区,节能与综合利用处,执法人员,节能监察\r\n"
                     "2,刘芳,13983005556,渝中区,综合执法处,执法人员,节能监察\r\n"
                     "3,陈静,1398,江北区,节能与综合利用处,执法人员,炼丹\r\n";
  const int64_t audit_before = AuditCount();
  http::Response report = Upload("/api/v1/inspectors/import", file, {{"kind", "inspectors"}});
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("committed"), false);
  EXPECT_EQ(report.body.at("invalid_rows"), 2);
  std::set<std::string> columns;
  for (const auto& p : report.body.at("problems").as_array()) {
    if (p.at("level") == "error") columns.insert(std::string(p.at("column").as_string()));
  }
  // 综合执法处 is outside yewu's data scope; row 4 has a short phone and an unknown specialty
  // (江北区 is read in the department's province, 重庆).
  EXPECT_EQ(columns, (std::set<std::string>{"所属部门", "电话", "业务专长"}))
      << json::serialize(report.body);
  EXPECT_EQ(AuditCount(), audit_before);

  http::Response skipped =
      Upload("/api/v1/inspectors/import", file, {{"kind", "inspectors"}, {"skip_invalid", "true"}});
  ASSERT_EQ(skipped.status, 200) << json::serialize(skipped.body);
  EXPECT_EQ(skipped.body.at("inserted"), 1);
  EXPECT_EQ(AuditCount(), audit_before + 1);
  http::Response list = Call(Method::kGet, "/api/v1/inspectors", nullptr, true, {{"name", "张伟"}});
  ASSERT_EQ(list.body.at("total"), 1);
  // Registered without a certificate: listed, not drawable.
  EXPECT_EQ(list.body.at("items").at(0).at("drawable"), false);

  http::Response tmpl = Call(Method::kGet, "/api/v1/inspectors/import/template", nullptr, true,
                             {{"kind", "experts"}});
  ASSERT_EQ(tmpl.status, 200);
  EXPECT_TRUE(tmpl.raw_body.starts_with("PK"));
}

TEST_P(InspectorRoutesTest, StaffLinkALoginAccountOfThePersonsDepartment) {
  LoginAs("yewu", "Demo@2026");
  // 赵俊杰 of 节能与综合利用处 has the demo account zhifa; the office's other people have none.
  http::Response people =
      Call(Method::kGet, "/api/v1/inspectors", nullptr, true, {{"page_size", "100"}});
  ASSERT_EQ(people.status, 200);
  int64_t zhao = 0, other = 0;
  for (const auto& p : people.body.at("items").as_array()) {
    if (p.at("name") == "赵俊杰") {
      zhao = p.at("id").as_int64();
      EXPECT_EQ(p.at("account_username"), "zhifa");
    } else if (!other && p.at("category") == "执法人员") {
      other = p.at("id").as_int64();
      EXPECT_TRUE(p.at("user_id").is_null());
    }
  }
  ASSERT_TRUE(zhao && other);
  const std::string path = "/api/v1/inspectors/" + std::to_string(other);

  http::Response options = Call(Method::kGet, path + "/accounts");
  ASSERT_EQ(options.status, 200) << json::serialize(options.body);
  int64_t zhifa = 0, yewu = 0;
  for (const auto& a : options.body.at("items").as_array()) {
    if (a.at("username") == "zhifa") {
      zhifa = a.at("user_id").as_int64();
      EXPECT_EQ(a.at("inspector_name"), "赵俊杰");
    }
    if (a.at("username") == "yewu") yewu = a.at("user_id").as_int64();
    EXPECT_NE(a.at("username"), "jiancha") << "an account of another department";
  }
  ASSERT_TRUE(zhifa && yewu);

  // Another department's account is refused, naming the department; nothing changes.
  const int64_t audit_before = AuditCount();
  const int64_t jiancha =
      db::Query("SELECT id FROM users WHERE username = 'jiancha'").ScalarInt(*database().Acquire());
  http::Response foreign =
      Call(Method::kPut, path + "/account", json::object{{"user_id", jiancha}});
  ASSERT_EQ(foreign.status, 400);
  EXPECT_EQ(foreign.body.at("details").at("field"), "user_id");
  EXPECT_NE(foreign.body.at("message").as_string().find("节能与综合利用处"), std::string::npos);
  EXPECT_EQ(Call(Method::kPut, path + "/account", json::object{}).status, 400);
  EXPECT_EQ(AuditCount(), audit_before);

  // zhifa moves from 赵俊杰 to this person: one audited change that names whom it left.
  http::Response linked = Call(Method::kPut, path + "/account", json::object{{"user_id", zhifa}});
  ASSERT_EQ(linked.status, 200) << json::serialize(linked.body);
  EXPECT_EQ(linked.body.at("account_username"), "zhifa");
  EXPECT_EQ(linked.body.at("moved_from").at("name"), "赵俊杰");
  EXPECT_EQ(AuditCount(), audit_before + 1);
  EXPECT_TRUE(Call(Method::kGet, "/api/v1/inspectors/" + std::to_string(zhao))
                  .body.at("user_id")
                  .is_null());

  // The account now sees this person's assignments (none yet), and can be unlinked.
  LoginAs("zhifa", "Demo@2026");
  http::Response mine = Call(Method::kGet, "/api/v1/my/assignments");
  ASSERT_EQ(mine.status, 200) << json::serialize(mine.body);
  EXPECT_EQ(mine.body.at("inspector_id"), other);
  // An inspector cannot link accounts.
  EXPECT_EQ(Call(Method::kPut, path + "/account", json::object{{"user_id", nullptr}}).status, 403);
  LoginAs("yewu", "Demo@2026");
  http::Response unlinked =
      Call(Method::kPut, path + "/account", json::object{{"user_id", nullptr}});
  ASSERT_EQ(unlinked.status, 200);
  EXPECT_TRUE(unlinked.body.at("user_id").is_null());
  EXPECT_EQ(unlinked.body.at("account_username"), "");
}

TEST_P(InspectorRoutesTest, RoutesNeedTheirPermissions) {
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/inspectors").status, 403);
  EXPECT_EQ(Call(Method::kPost, "/api/v1/inspectors", Form("渝执T0003")).status, 403);
  EXPECT_EQ(Upload("/api/v1/inspectors/import", "姓名\r\n").status, 403);
}

SSJ_BOTH_BACKENDS(InspectorRoutesTest);

}  // namespace
}  // namespace ssj::inspectors

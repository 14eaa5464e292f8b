// The item list: the row rules (一般 needs a ratio cap, the exempt list never covers safety,
// environment, complaint or ordered items, the methods dictionary, departments) and the routes on
// both backends: a draft reaches the portal only when published, an edit of a published item is
// a draft that leaves the public version alone until it is published, permissions, import.
#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <set>

#include "importer/form.h"
#include "testing/api_test.h"

namespace ssj::catalog {
namespace {

using http::Method;
namespace json = boost::json;

// Cells in ItemColumns() order.
enum {
  kDomain,
  kName,
  kTarget,
  kDepartment,
  kCooperating,
  kRemark,
  kCode,
  kSubItem,
  kCategory,
  kRatio,
  kContent,
  kBasis,
  kMethodsCol,
  kFrequency,
  kTargetType,
  kPublication,
  kNoNotice,
  kSpecialty,
  kNature,
  kExemption,
  kCells
};

CheckContext Context() {
  CheckContext c;
  c.department = [](const std::string& key) -> std::optional<CheckContext::DepartmentRef> {
    if (key == "节能与综合利用处" || key == "CQJXW-JNZY" || key == "#4")
      return CheckContext::DepartmentRef{4, "CQJXW-JNZY", "节能与综合利用处"};
    if (key == "综合执法处" || key == "#2")
      return CheckContext::DepartmentRef{2, "CQJXW-ZHZF", "综合执法处"};
    if (key == "大足区经济和信息化委员会")
      return CheckContext::DepartmentRef{8, "DZ-JXW", "大足区经济和信息化委员会"};
    return std::nullopt;
  };
  c.specialties = {"节能监察", "安全生产"};
  return c;
}

Row EnergyItem() {
  Row row(kCells);
  row[kDomain] = "节能监察";
  row[kName] = "重点用能单位节能监察";
  row[kTarget] = "重点用能单位";
  row[kDepartment] = "节能与综合利用处";
  row[kCooperating] = "综合执法处";
  row[kCategory] = "一般";
  row[kRatio] = "5%";
  row[kContent] = "检查能源利用状况报告报送情况";
  row[kBasis] = "《中华人民共和国节约能源法》第五十三条";
  row[kMethodsCol] = "书面检查、现场检查";
  row[kFrequency] = "每年1次";
  row[kPublication] = "国家企业信用信息公示系统";
  row[kSpecialty] = "节能监察";
  return row;
}

const CellProblem* ErrorIn(const Checked& c, const std::string& column) {
  for (const auto& p : c.problems) {
    if (p.column == column && !p.warning) return &p;
  }
  return nullptr;
}

TEST(CatalogRulesTest, AGoodRowIsNormalised) {
  Checked c = CheckItem(EnergyItem(), Context());
  ASSERT_TRUE(c.ok()) << c.problems.front().column << c.problems.front().message;
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(c.input.ratio_cap, "0.05");
  EXPECT_EQ(c.input.department_id, 4);
  EXPECT_EQ(c.input.cooperating_ids, (std::vector<int64_t>{2}));
  EXPECT_EQ(c.input.target_type, "entity");
  EXPECT_EQ(c.input.nature, "常规");
  EXPECT_EQ(c.input.exemption, "适用");
  EXPECT_FALSE(c.input.no_advance_notice);
  EXPECT_EQ(c.department_code, "CQJXW-JNZY");
  EXPECT_TRUE(PublishProblems(c.input).empty());
}

TEST(CatalogRulesTest, AGeneralItemNeedsARatioCapAndAKeyItemHasNone) {
  Row general = EnergyItem();
  general[kRatio] = "";
  Checked missing = CheckItem(general, Context());
  EXPECT_FALSE(missing.ok());
  ASSERT_NE(ErrorIn(missing, "抽查比例上限"), nullptr);
  EXPECT_NE(ErrorIn(missing, "抽查比例上限")->message.find("一般检查事项"), std::string::npos);
  // Through the form, the error names the API field.
  Error e = importer::ProblemsError(missing.problems, ItemColumns(), ItemFieldNames());
  EXPECT_EQ(e.details.at("field"), "ratio_cap");

  Row key = EnergyItem();
  key[kCategory] = "重点检查事项";  // the long name is read as 重点
  Checked capped = CheckItem(key, Context());
  ASSERT_NE(ErrorIn(capped, "抽查比例上限"), nullptr);
  key[kRatio] = "";
  Checked ok = CheckItem(key, Context());
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.input.category, "重点");
  EXPECT_EQ(ok.input.ratio_cap, "");

  Row unclassified = EnergyItem();
  unclassified[kCategory] = "";
  EXPECT_NE(ErrorIn(CheckItem(unclassified, Context()), "事项类别"), nullptr);
}

TEST(CatalogRulesTest, RatioCapsAreReadAsPeopleWriteThem) {
  const std::pair<const char*, const char*> good[] = {
      {"5%", "0.05"},    {"５％", "0.05"},  {"12.5 %", "0.125"}, {"0.05", "0.05"},
      {"0.050", "0.05"}, {"100%", "1"},     {"1", "1"},          {"0.0001%", "0.000001"},
      {"30%", "0.3"},    {"2.50%", "0.025"}};
  for (const auto& [text, want] : good) {
    std::string why;
    auto got = ParseRatio(text, &why);
    ASSERT_TRUE(got.has_value()) << text << ": " << why;
    EXPECT_EQ(*got, want) << text;
  }
  for (const char* bad : {"", "0", "0%", "5", "150%", "abc", "-5%", "0.00001%", "5%%", "1.2.3"}) {
    std::string why;
    EXPECT_FALSE(ParseRatio(bad, &why).has_value()) << bad;
    EXPECT_FALSE(why.empty()) << bad;
  }
  EXPECT_EQ(RatioPercent("0.05"), "5%");
  EXPECT_EQ(RatioPercent("0.125"), "12.5%");
  EXPECT_EQ(RatioPercent("1"), "100%");
  EXPECT_EQ(RatioPercent(""), "");
}

TEST(CatalogRulesTest, TheExemptListNeverCoversSafetyEnvironmentComplaintsOrOrders) {
  for (const char* nature : {"安全生产", "生态环境", "投诉举报", "上级交办"}) {
    Row row = EnergyItem();
    row[kNature] = nature;
    row[kExemption] = "适用";
    Checked refused = CheckItem(row, Context());
    EXPECT_FALSE(refused.ok()) << nature;
    const CellProblem* p = ErrorIn(refused, "免检免扰");
    ASSERT_NE(p, nullptr) << nature;
    EXPECT_NE(p->message.find(nature), std::string::npos) << p->message;
    EXPECT_EQ(importer::ProblemsError(refused.problems, ItemColumns(), ItemFieldNames())
                  .details.at("field"),
              "exemption");

    row[kExemption] = "";  // left empty: follows from the nature
    Checked defaulted = CheckItem(row, Context());
    ASSERT_TRUE(defaulted.ok()) << nature;
    EXPECT_EQ(defaulted.input.exemption, "不适用");
  }
  Row ordinary = EnergyItem();
  ordinary[kExemption] = "不适用";  // an ordinary item may still opt out
  EXPECT_EQ(CheckItem(ordinary, Context()).input.exemption, "不适用");
}

TEST(CatalogRulesTest, MethodsComeFromTheDictionary) {
  Row row = EnergyItem();
  row[kMethodsCol] = "现场；书面检查，现场检查、检验检测";
  Checked c = CheckItem(row, Context());
  ASSERT_TRUE(c.ok());
  // Dictionary order, each once.
  EXPECT_EQ(c.input.methods, (std::vector<std::string>{"书面检查", "现场检查", "检验检测"}));
  row[kMethodsCol] = "现场检查、飞行检查";
  Checked bad = CheckItem(row, Context());
  const CellProblem* p = ErrorIn(bad, "检查方式");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->message.find("飞行检查"), std::string::npos);
  EXPECT_NE(p->message.find("专业机构核查"), std::string::npos);  // the choices are listed
}

TEST(CatalogRulesTest, BadDepartmentsAreNamed) {
  struct Case {
    const char* name;
    int cell;
    const char* value;
    const char* column;
  };
  const Case cases[] = {
      {"unknown initiating department", kDepartment, "经济运行处", "发起部门"},
      {"unknown cooperating department", kCooperating, "综合执法处、经济运行处", "配合部门"},
      {"initiating department as a cooperating one", kCooperating, "CQJXW-JNZY", "配合部门"},
  };
  for (const Case& c : cases) {
    Row row = EnergyItem();
    row[c.cell] = c.value;
    Checked checked = CheckItem(row, Context());
    EXPECT_FALSE(checked.ok()) << c.name;
    EXPECT_NE(ErrorIn(checked, c.column), nullptr) << c.name;
  }
}

TEST(CatalogRulesTest, OtherProblemsAreNamedByColumn) {
  struct Case {
    int cell;
    std::string value;
    const char* column;
  };
  const std::vector<Case> cases = {
      {kCode, "事项一", "事项编码"},
      {kCategory, "特别", "事项类别"},
      {kTargetType, "项目", "检查对象类型"},
      {kNoNotice, "也许", "不予提前告知"},
      {kSpecialty, "炼丹", "所需检查人员专长"},
      {kNature, "专项整治", "事项性质"},
      {kExemption, "部分适用", "免检免扰"},
      {kName, std::string(101, 'x'), "抽查事项"},
      {kDomain, "", "抽查领域"},
      {kTarget, "", "检查对象"},
  };
  for (const Case& c : cases) {
    Row row = EnergyItem();
    row[c.cell] = c.value;
    Checked checked = CheckItem(row, Context());
    EXPECT_NE(ErrorIn(checked, c.column), nullptr) << c.column << " = " << c.value;
    EXPECT_FALSE(checked.ok()) << c.column;
  }
  Row lower = EnergyItem();
  lower[kCode] = "cqjxw－jnzy-001";  // full-width hyphen, lower case
  EXPECT_EQ(CheckItem(lower, Context()).input.code, "CQJXW-JNZY-001");
}

TEST(CatalogRulesTest, ADraftMayLackWhatOnlyPublicationNeeds) {
  // Appendix A.1's columns alone.
  Row row(kCells);
  row[kDomain] = "无线电管理";
  row[kName] = "无线电台站设置使用情况检查";
  row[kTarget] = "设置、使用无线电台（站）的单位";
  row[kDepartment] = "综合执法处";
  Checked c = CheckItem(row, Context());
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_TRUE(c.problems[0].warning);
  EXPECT_EQ(c.problems[0].message,
            "发布前须补充：事项类别、检查内容、检查依据、检查方式、抽查频次、公示方式");
  std::set<std::string> missing;
  for (const CellProblem& p : PublishProblems(c.input)) missing.insert(p.column);
  EXPECT_EQ(missing, (std::set<std::string>{"事项类别", "检查内容", "检查依据", "检查方式",
                                            "抽查频次", "公示方式"}));
}

// ---------------------------------------------------------------------------------------------
// Routes, on both backends, with the demo loaded (13 items: 11 published, one of them with an
// edit pending, one draft, one retired).

using CatalogRoutesTest = testing::ApiTest;

json::value Form(std::string name, std::string content = "检查锅炉能效测试报告和节能措施落实情况") {
  return {{"domain", "节能监察"},
          {"name", std::move(name)},
          {"target", "在用工业锅炉使用单位"},
          {"cooperating_department_ids", json::array{}},
          {"category", "一般"},
          {"ratio_cap", "5%"},
          {"content", std::move(content)},
          {"basis", "《中华人民共和国节约能源法》第十六条；《锅炉节能环保技术规程》"},
          {"methods", json::array{"现场检查", "书面检查"}},
          {"frequency", "每年1次"},
          {"target_type", "entity"},
          {"publication", "国家企业信用信息公示系统、部门门户网站"},
          {"no_advance_notice", false},
          {"specialty", "节能监察"}};
}

std::string ItemPath(int64_t id, const std::string& action = "") {
  return "/api/v1/items/" + std::to_string(id) + (action.empty() ? "" : "/" + action);
}

TEST_P(CatalogRoutesTest,
       ADraftReachesThePortalOnlyWhenPublishedAndEditsWaitForTheNextPublication) {
  LoginAs("tongchou", "Demo@2026");
  const std::string name = "工业锅炉能效监督检查";
  auto public_list = [&] {
    http::Response r = Call(Method::kGet, "/api/v1/public/items", nullptr, false, {{"q", name}});
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    return r.body;
  };
  const int64_t audit_before = AuditCount();

  http::Response created = Call(Method::kPost, "/api/v1/items", Form(name));
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  const int64_t id = created.body.at("id").as_int64();
  EXPECT_EQ(created.body.at("status"), "草稿");
  EXPECT_EQ(created.body.at("version"), 1);
  EXPECT_EQ(created.body.at("ratio_cap"), "0.05");
  EXPECT_EQ(created.body.at("department_name"), "综合执法处");  // the caller's own
  // The demo numbers 综合执法处's items CQJXW-ZHZF-001 … 003.
  EXPECT_EQ(created.body.at("code"), "CQJXW-ZHZF-004");
  EXPECT_EQ(public_list().at("total"), 0);

  // A draft is edited in place.
  http::Response draft_edit = Call(Method::kPut, ItemPath(id), Form(name, "检查锅炉能效测试报告"));
  ASSERT_EQ(draft_edit.status, 200) << json::serialize(draft_edit.body);
  EXPECT_EQ(draft_edit.body.at("version"), 1);

  http::Response published = Call(Method::kPost, ItemPath(id, "publish"));
  ASSERT_EQ(published.status, 200) << json::serialize(published.body);
  EXPECT_EQ(published.body.at("status"), "已发布");
  EXPECT_EQ(published.body.at("published_version"), 1);
  EXPECT_EQ(published.body.at("draft_pending"), false);
  json::value listed = public_list();
  ASSERT_EQ(listed.at("total"), 1);
  const json::object& item = listed.at("items").at(0).as_object();
  EXPECT_EQ(item.at("content"), "检查锅炉能效测试报告");
  EXPECT_EQ(item.at("initiating_department"), "综合执法处");
  EXPECT_EQ(item.at("methods"), json::value(json::array{"书面检查", "现场检查"}));
  EXPECT_EQ(item.at("category"), "一般");
  for (const char* internal : {"id", "ratio_cap", "status", "nature", "exemption", "specialty",
                               "no_advance_notice", "department_id", "remark", "updated_by"}) {
    EXPECT_FALSE(item.contains(internal)) << internal;
  }

  // An edit of a published item is a new draft version; the portal keeps the published one.
  http::Response edited =
      Call(Method::kPut, ItemPath(id), Form(name, "检查锅炉能效测试报告和节能改造落实情况"));
  ASSERT_EQ(edited.status, 200) << json::serialize(edited.body);
  EXPECT_EQ(edited.body.at("version"), 2);
  EXPECT_EQ(edited.body.at("status"), "已发布");
  EXPECT_EQ(edited.body.at("draft_pending"), true);
  listed = public_list();
  EXPECT_EQ(listed.at("items").at(0).at("content"), "检查锅炉能效测试报告");
  EXPECT_EQ(listed.at("items").at(0).at("version"), 1);

  http::Response detail = Call(Method::kGet, ItemPath(id));
  ASSERT_EQ(detail.status, 200);
  const json::array& versions = detail.body.at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("status"), "草稿");
  EXPECT_EQ(versions[1].at("status"), "已发布");
  EXPECT_EQ(versions[1].at("published_by"), "周晓梅");
  EXPECT_EQ(versions[1].at("data").at("content"), "检查锅炉能效测试报告");

  ASSERT_EQ(Call(Method::kPost, ItemPath(id, "publish")).status, 200);
  listed = public_list();
  EXPECT_EQ(listed.at("items").at(0).at("content"), "检查锅炉能效测试报告和节能改造落实情况");
  EXPECT_EQ(listed.at("items").at(0).at("version"), 2);
  detail = Call(Method::kGet, ItemPath(id));
  EXPECT_EQ(detail.body.at("versions").at(0).at("status"), "已发布");
  EXPECT_EQ(detail.body.at("versions").at(1).at("status"), "已替代");

  // Nothing new to publish; an edit that changes nothing starts no version.
  http::Response again = Call(Method::kPost, ItemPath(id, "publish"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body.at("code"), "catalog.nothing_to_publish");
  http::Response same =
      Call(Method::kPut, ItemPath(id), Form(name, "检查锅炉能效测试报告和节能改造落实情况"));
  ASSERT_EQ(same.status, 200);
  EXPECT_EQ(same.body.at("version"), 2);
  EXPECT_EQ(same.body.at("draft_pending"), false);

  // Retired: off the portal; published again, it comes back as a new version.
  http::Response retired = Call(Method::kPost, ItemPath(id, "retire"), {{"reason", "职能调整"}});
  ASSERT_EQ(retired.status, 200) << json::serialize(retired.body);
  EXPECT_EQ(retired.body.at("status"), "已停用");
  EXPECT_EQ(public_list().at("total"), 0);
  EXPECT_EQ(Call(Method::kPost, ItemPath(id, "retire")).status, 409);
  http::Response restored = Call(Method::kPost, ItemPath(id, "publish"));
  ASSERT_EQ(restored.status, 200) << json::serialize(restored.body);
  EXPECT_EQ(restored.body.at("version"), 3);
  EXPECT_EQ(public_list().at("total"), 1);
  detail = Call(Method::kGet, ItemPath(id));
  EXPECT_EQ(detail.body.at("versions").at(0).at("action"), "restore");
  EXPECT_EQ(detail.body.at("versions").at(1).at("status"), "已停用");
  EXPECT_EQ(detail.body.at("versions").at(1).at("retire_reason"), "职能调整");

  // create, draft edit, publish, edit, publish, unchanged edit, retire, publish: one entry each.
  EXPECT_EQ(AuditCount(), audit_before + 8);
}

TEST_P(CatalogRoutesTest, BadFormsNameEveryFieldAndDuplicatesAreRefused) {
  LoginAs("tongchou", "Demo@2026");
  json::value bad = Form("民用爆炸物品储存库安全检查");
  bad.as_object()["ratio_cap"] = "";  // 一般 without a cap
  bad.as_object()["nature"] = "安全生产";
  bad.as_object()["exemption"] = "适用";
  bad.as_object()["methods"] = json::array{"飞行检查"};
  bad.as_object()["department_id"] = 999999;
  http::Response r = Call(Method::kPost, "/api/v1/items", bad);
  ASSERT_EQ(r.status, 400) << json::serialize(r.body);
  std::set<std::string> fields;
  for (const auto& p : r.body.at("details").at("problems").as_array())
    fields.insert(std::string(p.at("field").as_string()));
  EXPECT_EQ(fields, (std::set<std::string>{"ratio_cap", "exemption", "methods", "department_id"}))
      << json::serialize(r.body);

  ASSERT_EQ(Call(Method::kPost, "/api/v1/items", Form("工业锅炉能效监督检查")).status, 201);
  http::Response twice = Call(Method::kPost, "/api/v1/items", Form("工业锅炉能效监督检查"));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.body.at("details").at("field"), "name");
  json::value taken = Form("电机能效监督检查");
  taken.as_object()["code"] = "cqjxw-xfp-001";  // a demo item's code, typed in lower case
  http::Response code = Call(Method::kPost, "/api/v1/items", taken);
  EXPECT_EQ(code.status, 409);
  EXPECT_EQ(code.body.at("details").at("field"), "code");

  // A draft without what publication needs is saved, but not published.
  json::value sparse = {{"domain", "节能监察"},
                        {"name", "电机能效监督检查"},
                        {"target", "工业企业"},
                        {"department_id", nullptr}};
  http::Response draft = Call(Method::kPost, "/api/v1/items", sparse);
  ASSERT_EQ(draft.status, 201) << json::serialize(draft.body);
  EXPECT_EQ(draft.body.at("missing_for_publish").as_array().size(), 6u);
  http::Response refused = Call(Method::kPost, ItemPath(draft.body.at("id").as_int64(), "publish"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.body.at("code"), "catalog.incomplete");
  EXPECT_EQ(refused.body.at("details").at("problems").as_array().size(), 6u);
  EXPECT_EQ(refused.body.at("details").at("field"), "category");
}

TEST_P(CatalogRoutesTest, TheDemoListAndDataScope) {
  http::Response portal =
      Call(Method::kGet, "/api/v1/public/items", nullptr, false, {{"page_size", "100"}});
  ASSERT_EQ(portal.status, 200) << json::serialize(portal.body);
  EXPECT_EQ(portal.body.at("total"), 11);  // not the draft, not the retired item
  http::Response by_department =
      Call(Method::kGet, "/api/v1/public/items", nullptr, false, {{"department", "大足区"}});
  // 大足区 initiates one item and cooperates on another.
  EXPECT_EQ(by_department.body.at("total"), 2);
  http::Response by_domain =
      Call(Method::kGet, "/api/v1/public/items", nullptr, false, {{"domain", "节能监察"}});
  ASSERT_EQ(by_domain.body.at("total"), 2);

  LoginAs("tongchou", "Demo@2026");
  http::Response all = Call(Method::kGet, "/api/v1/items", nullptr, true, {{"page_size", "100"}});
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.body.at("total"), 13);
  http::Response pending =
      Call(Method::kGet, "/api/v1/items", nullptr, true, {{"q", "重点用能单位"}});
  ASSERT_EQ(pending.body.at("total"), 1);
  const json::value& energy = pending.body.at("items").at(0);
  EXPECT_EQ(energy.at("ratio_cap"), "0.08");  // the pending edit
  EXPECT_EQ(energy.at("draft_pending"), true);
  http::Response detail = Call(Method::kGet, ItemPath(energy.at("id").as_int64()));
  EXPECT_EQ(detail.body.at("versions").at(1).at("data").at("ratio_cap"), "0.05");
  EXPECT_EQ(
      Call(Method::kGet, "/api/v1/items", nullptr, true, {{"status", "已停用"}}).body.at("total"),
      1);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/items", nullptr, true, {{"status", "作废"}}).status, 400);

  // 大足区's staff see the one item their office initiates.
  LoginAs("dazu", "Demo@2026");
  http::Response own = Call(Method::kGet, "/api/v1/items");
  ASSERT_EQ(own.status, 200) << json::serialize(own.body);
  ASSERT_EQ(own.body.at("total"), 1);
  EXPECT_EQ(own.body.at("items").at(0).at("code"), "DZ-JXW-001");
  EXPECT_EQ(Call(Method::kGet, ItemPath(energy.at("id").as_int64())).status, 404);
}

TEST_P(CatalogRoutesTest, RoutesNeedTheirPermissions) {
  LoginAs("jiancha", "Demo@2026");  // an inspector
  EXPECT_EQ(Call(Method::kGet, "/api/v1/items").status, 403);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/items/options").status, 403);
  EXPECT_EQ(Call(Method::kPost, "/api/v1/items", Form("工业锅炉能效监督检查")).status, 403);
  EXPECT_EQ(Call(Method::kPost, ItemPath(1, "publish")).status, 403);
  EXPECT_EQ(Upload("/api/v1/items/import", "抽查领域\r\n").status, 403);
  // Business offices read the list but do not change it.
  LoginAs("yewu", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/items").status, 200);
  EXPECT_EQ(Call(Method::kPost, "/api/v1/items", Form("工业锅炉能效监督检查")).status, 403);
  EXPECT_EQ(Call(Method::kPost, ItemPath(1, "retire")).status, 403);
}

TEST_P(CatalogRoutesTest, AnImportWithErrorsReportsEveryBadRowAndWritesNothing) {
  LoginAs("tongchou", "Demo@2026");
  const std::string header =
      "序号,抽查领域,抽查事项,检查对象,发起部门,配合部门,备注,事项类别,抽查比例上限,检查方式,"
      "事项性质,免检免扰\r\n";
  const std::string good1 =
      "1,节能监察,工业锅炉能效监督检查,锅炉使用单位,节能与综合利用处,综合执法处,,一般,5%,现场检查,,"
      "\r\n";
  const std::string good2 = "2,电力,电力需求侧管理情况检查,电力用户,电力处,,,重点,,书面检查,,\r\n";
  std::string file =
      header + good1 + good2 +
      "3,节能监察,电机能效监督检查,工业企业,节能与综合利用处,,,一般,,现场检查,,\r\n"
      "4,电力,供电设施安全检查,供电企业,经济运行处,,,重点,,现场检查,,\r\n"
      "5,危险化学品,危险化学品生产企业检查,生产企业,综合执法处,,,重点,,现场检查,安全生产,适用\r\n";
  http::Response before = Call(Method::kGet, "/api/v1/items");
  const int64_t items_before = before.body.at("total").as_int64();
  const int64_t audit_before = AuditCount();

  http::Response report = Upload("/api/v1/items/import", file);
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("committed"), false);
  EXPECT_EQ(report.body.at("rows"), 5);
  EXPECT_EQ(report.body.at("invalid_rows"), 3);
  std::set<std::pair<int64_t, std::string>> errors;
  for (const auto& p : report.body.at("problems").as_array()) {
    if (p.at("level") == "error")
      errors.insert({p.at("line").to_number<int64_t>(), std::string(p.at("column").as_string())});
  }
  EXPECT_EQ(errors, (std::set<std::pair<int64_t, std::string>>{
                        {4, "抽查比例上限"}, {5, "发起部门"}, {6, "免检免扰"}}))
      << json::serialize(report.body);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/items").body.at("total"), items_before);
  EXPECT_EQ(AuditCount(), audit_before);

  // The good rows alone: two drafts, numbered by their departments, one audit entry.
  http::Response ok = Upload("/api/v1/items/import", header + good1 + good2);
  ASSERT_EQ(ok.status, 200) << json::serialize(ok.body);
  EXPECT_EQ(ok.body.at("committed"), true);
  EXPECT_EQ(ok.body.at("inserted"), 2);
  EXPECT_EQ(AuditCount(), audit_before + 1);
  http::Response drafts =
      Call(Method::kGet, "/api/v1/items", nullptr, true, {{"q", "工业锅炉能效监督检查"}});
  ASSERT_EQ(drafts.body.at("total"), 1);
  const json::value& boiler = drafts.body.at("items").at(0);
  EXPECT_EQ(boiler.at("status"), "草稿");
  EXPECT_EQ(boiler.at("code"), "CQJXW-JNZY-005");  // after the demo's 001 … 004
  EXPECT_EQ(boiler.at("cooperating_departments").at(0).at("name"), "综合执法处");

  // Again: the rows are now known, and are updated only when asked to.
  http::Response known = Upload("/api/v1/items/import", header + good1);
  EXPECT_EQ(known.body.at("committed"), false);
  std::set<std::string> known_errors;
  for (const auto& p : known.body.at("problems").as_array()) {
    if (p.at("level") == "error") known_errors.insert(std::string(p.at("column").as_string()));
  }
  EXPECT_EQ(known_errors, (std::set<std::string>{"抽查事项"})) << json::serialize(known.body);

  // Appendix A.1's columns alone: drafts, with a warning naming what publication needs.
  http::Response a1 = Upload("/api/v1/items/import",
                             "序号,抽查领域,抽查事项,检查对象,发起部门,配合部门,备注\r\n"
                             "1,无线电管理,无线电发射设备销售备案检查,无线电发射设备销售企业,"
                             "渝中区经济和信息化委员会,,\r\n");
  ASSERT_EQ(a1.status, 200) << json::serialize(a1.body);
  EXPECT_EQ(a1.body.at("inserted"), 1);
  EXPECT_EQ(a1.body.at("problems").at(0).at("level"), "warning");

  http::Response missing_header = Upload("/api/v1/items/import", "抽查领域,抽查事项\r\n");
  EXPECT_EQ(missing_header.status, 400);
  EXPECT_NE(std::string(missing_header.body.at("message").as_string()).find("检查对象"),
            std::string::npos);
}

TEST_P(CatalogRoutesTest, AnImportUpdateOfAPublishedItemIsADraftVersion) {
  LoginAs("tongchou", "Demo@2026");
  // The demo's published 高耗能落后机电设备 item, with a new ratio cap.
  const std::string file =
      "抽查领域,抽查事项,检查对象,发起部门,配合部门,备注,事项类别,抽查比例上限,检查内容,检查依据,"
      "检查方式,抽查频次,公示方式,所需检查人员专长\r\n"
      "节能监察,高耗能落后机电设备（产品）淘汰情况监察,工业企业,CQJXW-JNZY,,,一般,4%,"
      "检查企业是否使用国家明令淘汰的用能设备和生产工艺，淘汰计划执行情况。,"
      "《中华人民共和国节约能源法》第十七条,现场检查,每年1次,国家企业信用信息公示系统,节能监察\r\n";
  http::Response report = Upload("/api/v1/items/import", file, {{"update_existing", "true"}});
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("updated"), 1) << json::serialize(report.body);
  http::Response item = Call(Method::kGet, "/api/v1/items", nullptr, true, {{"q", "高耗能"}});
  const json::value& updated = item.body.at("items").at(0);
  EXPECT_EQ(updated.at("code"), "CQJXW-JNZY-002");  // kept
  EXPECT_EQ(updated.at("ratio_cap"), "0.04");
  EXPECT_EQ(updated.at("draft_pending"), true);
  EXPECT_EQ(updated.at("last_action"), "import");
  http::Response portal =
      Call(Method::kGet, "/api/v1/public/items", nullptr, false, {{"q", "高耗能"}});
  EXPECT_EQ(
      portal.body.at("items").at(0).at("basis"),
      "《中华人民共和国节约能源法》第十七条、第七十一条；《高耗能落后机电设备（产品）淘汰目录》");

  http::Response tmpl = Call(Method::kGet, "/api/v1/items/import/template");
  ASSERT_EQ(tmpl.status, 200);
  EXPECT_TRUE(tmpl.raw_body.starts_with("PK"));
  http::Response options = Call(Method::kGet, "/api/v1/items/options");
  ASSERT_EQ(options.status, 200);
  EXPECT_EQ(options.body.at("methods").as_array().size(), 5u);
}

SSJ_BOTH_BACKENDS(CatalogRoutesTest);

}  // namespace
}  // namespace ssj::catalog

// Reports and archives: the generated sections, HTML escaping, a zip whose manifest lists every
// file's SHA-256; and through the pipeline on both backends: a task's report (figures from the
// records, edited text, finalised only when every record is reviewed, exported), a target's
// archive whose manifest hashes match its files, and the year's summary.
#include "report/report.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <boost/json.hpp>
#include <map>

#include "common/crypto.h"
#include "testing/task_fixture.h"

namespace ssj::report {
namespace {

using http::Method;
namespace json = boost::json;

// The files of a zip, by path.
std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (!za) {
    if (src) zip_source_free(src);
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(za, i, 0);
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    out[st.name] = std::move(data);
  }
  zip_discard(za);
  return out;
}

TEST(ReportRules, SectionsAreWrittenFromTheFigures) {
  json::value figures = json::parse(R"({
    "task": {"code": "T2026-00001", "name": "节能监察", "department_name": "节能与综合利用处",
             "start_date": "2026-11-01", "end_date": "2026-11-30",
             "items": [{"code": "CQJXW-JNZY-001", "name": "重点用能单位节能监察"}]},
    "targets": 10, "inspected": 8, "problems": 2, "uninspectable": 1,
    "by_category": [{"code": "B", "text": "未按规定公示应当公示的信息", "count": 2}],
    "actions": [{"kind": "责令改正", "count": 2, "open": 1}]})");
  json::object s = DefaultSections(figures);
  EXPECT_NE(s.at("overview").as_string().find("随机抽取检查对象 10 户，已完成检查 8 户"),
            std::string::npos)
      << s.at("overview");
  EXPECT_NE(s.at("overview").as_string().find("无法开展检查"), std::string::npos);
  EXPECT_NE(s.at("findings").as_string().find("占已检查对象的 25%"), std::string::npos);
  EXPECT_NE(s.at("handling").as_string().find("尚未办结 1 件"), std::string::npos);
  EXPECT_EQ(s.at("opinions"), "");
  EXPECT_FALSE(CheckSections(json::parse(R"({"sections": {"secret": "x"}})")).ok());
  EXPECT_TRUE(CheckSections(json::parse(R"({"sections": {"opinions": "加强宣传"}})")).ok());
}

TEST(ReportRules, HtmlIsEscapedAndTheManifestHashesEveryFile) {
  EXPECT_EQ(Html("<b>\"A&B\"</b>"), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
  auto archive = Zip({{"证据/01-现场.jpg", "photo bytes"}, {"检查记录表.html", "<html></html>"}},
                     {{"record_id", 7}});
  ASSERT_TRUE(archive.ok());
  std::map<std::string, std::string> files = Unzip(archive->zip);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files.at("manifest.json"), archive->manifest);
  EXPECT_EQ(Sha256Hex(archive->manifest), archive->manifest_sha256);
  const json::value manifest = json::parse(archive->manifest);
  for (const json::value& f : manifest.at("files").as_array()) {
    const std::string path(f.at("path").as_string());
    EXPECT_EQ(f.at("sha256").as_string(), Sha256Hex(files.at(path))) << path;
  }
}

using ReportTest = testing::TaskTest;

TEST_P(ReportTest, TheReportTheArchiveAndTheYearSummary) {
  LoginAs("yewu", "Demo@2026");
  const int64_t task = InspectingTask("2026年节能监察（报告）", 2);
  json::value list = Call(Method::kGet, Path(task, "/inspections")).body;
  const int64_t first = list.at("items").at(0).at("id").as_int64();
  const int64_t second = list.at("items").at(1).at("id").as_int64();
  CompleteRecord(first);

  // The figures follow the records; the text is edited; finalising waits for every review.
  http::Response report = Call(Method::kGet, Path(task, "/report"));
  ASSERT_EQ(report.status, 200) << json::serialize(report.body);
  EXPECT_EQ(report.body.at("status"), "draft");
  EXPECT_EQ(report.body.at("figures").at("targets"), 2);
  EXPECT_EQ(report.body.at("figures").at("inspected"), 1);
  EXPECT_EQ(report.body.at("figures").at("problems"), 1);
  EXPECT_EQ(report.body.at("figures").at("by_category").at(0).at("text"),
            "未按规定公示应当公示的信息");
  EXPECT_NE(report.body.at("sections").at("findings").as_string().find("发现存在问题的 1 户"),
            std::string::npos);
  http::Response saved =
      Call(Method::kPut, Path(task, "/report"),
           {{"sections", {{"opinions", "加强重点用能单位能源利用状况报告的督促报送。"}}}});
  ASSERT_EQ(saved.status, 200) << json::serialize(saved.body);
  EXPECT_EQ(saved.body.at("updated_by_name"), "刘建国");
  http::Response early = Call(Method::kPost, Path(task, "/report/finalize"));
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.body.at("code"), "report.records_open");
  CompleteRecord(second);
  http::Response final = Call(Method::kPost, Path(task, "/report/finalize"));
  ASSERT_EQ(final.status, 200) << json::serialize(final.body);
  EXPECT_EQ(final.body.at("status"), "final");
  EXPECT_EQ(final.body.at("sections").at("opinions"),
            "加强重点用能单位能源利用状况报告的督促报送。");
  EXPECT_EQ(Call(Method::kPut, Path(task, "/report"), {{"sections", {{"opinions", "改"}}}}).status,
            409);
  http::Response xlsx = Call(Method::kGet, Path(task, "/report.xlsx"));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.raw_body.starts_with("PK"));

  // The archive: only once published; its manifest hashes match every file in it.
  EXPECT_EQ(Call(Method::kGet, Rec(first, "/archive.zip")).status, 409);
  ASSERT_EQ(Call(Method::kPost, Path(task, "/publish"), json::object{}).status, 200);
  http::Response zip = Call(Method::kGet, Rec(first, "/archive.zip"));
  ASSERT_EQ(zip.status, 200) << zip.raw_body.substr(0, 200);
  std::map<std::string, std::string> files = Unzip(zip.raw_body);
  ASSERT_TRUE(files.count("manifest.json"));
  EXPECT_TRUE(files.count("检查记录表.html"));
  EXPECT_TRUE(files.count("检查通知书.html"));
  EXPECT_TRUE(files.count("公示结果.json"));
  const json::value manifest = json::parse(files.at("manifest.json"));
  int checked = 0;
  for (const json::value& f : manifest.at("files").as_array()) {
    const std::string path(f.at("path").as_string());
    ASSERT_TRUE(files.count(path)) << path;
    EXPECT_EQ(f.at("sha256").as_string(), Sha256Hex(files.at(path))) << path;
    ++checked;
  }
  EXPECT_GE(checked, 4);
  EXPECT_NE(files.at("检查记录表.html").find("企业负责人拒绝签字"), std::string::npos);
  http::Response archived = Call(Method::kPost, Rec(first, "/archive"));
  ASSERT_EQ(archived.status, 200) << json::serialize(archived.body);
  EXPECT_EQ(archived.body.at("manifest_sha256").as_string(), Sha256Hex(files.at("manifest.json")));

  // The year: one department, two records inspected, both with a problem.
  http::Response summary =
      Call(Method::kGet, "/api/v1/reports/summary", nullptr, true, {{"year", "2026"}});
  ASSERT_EQ(summary.status, 200) << json::serialize(summary.body);
  const json::value& dept = summary.body.at("departments").at(0);
  EXPECT_EQ(dept.at("name"), "节能与综合利用处");
  EXPECT_EQ(dept.at("inspected"), 2);
  EXPECT_EQ(dept.at("problems"), 2);
  EXPECT_GT(dept.at("coverage").as_double(), 0.0);
  EXPECT_EQ(summary.body.at("by_item").at(0).at("rate").as_double(), 1.0);
  EXPECT_EQ(summary.body.at("by_district").at(0).at("name"), "重庆市渝中区");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/reports/summary", nullptr, true, {{"year", "26"}}).status,
            400);
  EXPECT_TRUE(Call(Method::kGet, "/api/v1/reports/summary.xlsx").raw_body.starts_with("PK"));
  // An inspector has none of this.
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/reports/summary").status, 403);
  EXPECT_EQ(Call(Method::kGet, Rec(first, "/archive.zip")).status, 403);
}

SSJ_BOTH_BACKENDS(ReportTest);

}  // namespace
}  // namespace ssj::report

// Exports: the two file formats (CSV bytes, XLSX cells as text read back by the importer's own
// reader), then the routes on both backends: a file imports back unchanged, the data scope and
// the filter are the list's, the permission is the kind's, a job is its owner's alone, and every
// export leaves an audit entry.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "codes/uscc.h"
#include "exporter/export_jobs.h"
#include "exporter/table_writer.h"
#include "importer/file_source.h"
#include "testing/api_test.h"

namespace ssj::exporter {
namespace {

using http::Method;
namespace fs = std::filesystem;
namespace json = boost::json;

// A directory of its own per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("ssj_export_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct ReadBack {
  std::vector<std::vector<std::string>> rows;  // the header first
  size_t issues = 0;                           // cells the reader found damaged
};

// Every record of a file through the importer's reader (CSV or XLSX, told by its bytes).
ReadBack ReadRecords(const std::string& path) {
  ReadBack out;
  auto source = importer::OpenFileSource(path);
  EXPECT_TRUE(source.ok()) << source.error().message;
  if (!source.ok()) return out;
  Status read = (*source)([&](size_t, const std::vector<std::string>& cells,
                              const std::vector<importer::CellIssue>& issues) -> Status {
    out.rows.push_back(cells);
    out.issues += issues.size();
    return OkStatus();
  });
  EXPECT_TRUE(read.ok());
  return out;
}

TEST(NeutraliseFormulaTest, OnlyFormulaLikeTextIsDefused) {
  const std::pair<std::string, std::string> cases[] = {
      {"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"-2+3+cmd", "'-2+3+cmd"},
      {"+86-23-63890001", "+86-23-63890001"},  // a phone number stays as it is
      {"-5", "-5"},
      {"023-63890001", "023-63890001"},
      {"重庆=市", "重庆=市"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NeutraliseFormula(in), want) << in;
}

TEST(TableWriterTest, CsvHasABomCrlfLinesAndQuotedCells) {
  TempDir dir;
  const std::string path = dir.file("t.csv");
  auto writer = TableWriter::Open(Format::kCsv, path, "表", dir.path().string());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Begin({{"名称"}, {"编码"}, {"说明"}}).ok());
  ASSERT_TRUE((*writer)->Row({"重庆,渝中", "500103199001011234", "他说\"好\"\n第二行"}).ok());
  ASSERT_TRUE((*writer)->Row({"只有一格"}).ok());
  ASSERT_TRUE((*writer)->Finish().ok());
  EXPECT_EQ((*writer)->rows(), 2);
  EXPECT_EQ(ReadFile(path),
            "\xEF\xBB\xBF名称,编码,说明\r\n"
            "\"重庆,渝中\",500103199001011234,\"他说\"\"好\"\"\n第二行\"\r\n"
            "只有一格,,\r\n");
  ReadBack back = ReadRecords(path);
  ASSERT_EQ(back.rows.size(), 3u);
  EXPECT_EQ(back.rows[1],
            (std::vector<std::string>{"重庆,渝中", "500103199001011234", "他说\"好\"\n第二行"}));
}

TEST(TableWriterTest, XlsxCellsAreTextThatReadsBackUnchanged) {
  TempDir dir;
  const std::string path = dir.file("t.xlsx");
  auto writer = TableWriter::Open(Format::kXlsx, path, "检查对象", dir.path().string());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Begin({{"行政相对人编码", 22}, {"行业大类"}, {"名称", 30}}).ok());
  // Written as numbers these would come back as 5.00103E+17 (an issue), "1" and "3.5".
  const std::vector<std::string> row = {"500103199001011234", "01", "3.50"};
  ASSERT_TRUE((*writer)->Row(row).ok());
  ASSERT_TRUE((*writer)->Row({"91500103MA60K3T26Y", "", "=1+1"}).ok());
  ASSERT_TRUE((*writer)->Finish().ok());
  EXPECT_EQ(importer::SniffFileFormat(ReadFile(path).substr(0, 4)), importer::FileFormat::kXlsx);
  ReadBack back = ReadRecords(path);
  EXPECT_EQ(back.issues, 0u);  // no number of 15+ digits, no formula
  ASSERT_EQ(back.rows.size(), 3u);
  EXPECT_EQ(back.rows[0], (std::vector<std::string>{"行政相对人编码", "行业大类", "名称"}));
  EXPECT_EQ(back.rows[1], row);
  EXPECT_EQ(back.rows[2], (std::vector<std::string>{"91500103MA60K3T26Y", "", "=1+1"}));
}

TEST(TableWriterTest, AnUnwritablePathIsAnError) {
  TempDir dir;
  for (Format format : {Format::kCsv, Format::kXlsx}) {
    const std::string path = dir.file("missing/t." + std::string(FormatName(format)));
    auto writer = TableWriter::Open(format, path, "表", dir.path().string());
    if (!writer.ok()) continue;  // CSV fails at once
    ASSERT_TRUE((*writer)->Begin({{"名称"}}).ok());
    EXPECT_FALSE((*writer)->Finish().ok());  // XLSX writes the file when it closes
  }
}

TEST(ExportKindsTest, ColumnsAreTheImportColumnsAndFiltersAreChecked) {
  const Kind* targets = FindKind("targets");
  ASSERT_NE(targets, nullptr);
  EXPECT_EQ(targets->columns().size(), 13u);
  EXPECT_EQ(OutputColumns(*targets).front().name, "行政相对人名称");
  ASSERT_NE(FindKind("places"), nullptr);
  EXPECT_EQ(OutputColumns(*FindKind("places")).front().name, "场地场所");
  ASSERT_NE(FindKind("products"), nullptr);
  EXPECT_EQ(OutputColumns(*FindKind("products")).front().name, "生产许可证编号");
  EXPECT_EQ(FindKind("parcels"), nullptr);
  const int64_t now = 1795000000000;
  EXPECT_TRUE(CheckFilter(*targets, {{"name", "精密"}, {"division", "500103"}}, now).ok());
  EXPECT_FALSE(CheckFilter(*targets, {{"division", "999999"}}, now).ok());
  EXPECT_FALSE(CheckFilter(*targets, {{"colour", "red"}}, now).ok());
  EXPECT_FALSE(CheckFilter(*targets, {{"department_id", "x1"}}, now).ok());
  EXPECT_FALSE(CheckFilter(*FindKind("experts"), {{"cert", "soon"}}, now).ok());
  EXPECT_FALSE(CheckFilter(*FindKind("exemptions"), {{"inspector_id", "3"}}, now).ok());
  EXPECT_EQ(FileName(*targets, Format::kXlsx, now), "检查对象-20261118.xlsx");
  EXPECT_EQ(AsciiFileName(*FindKind("conflicts"), Format::kCsv, now), "conflicts-20261118.csv");
}

// A valid USCC (GB 32100) for a running number, supervised-district prefix 500103.
std::string Uscc(int n) {
  std::string first17 = "91500103MA6" + std::to_string(100000 + n);
  return first17 + *codes::UsccCheckChar(first17);
}

class ExportTest : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    jobs_ = std::make_unique<ExportJobs>(database().url(), clock(), dir_.path() / "jobs");
    services().exports = jobs_.get();
  }
  void TearDown() override {
    jobs_.reset();  // joins the jobs before the database goes
    services().exports = nullptr;
    ApiTest::TearDown();
  }

  int64_t AddTarget(int n, const std::string& name, const std::string& division = "500103") {
    json::value body = {{"name", name},
                        {"code", Uscc(n)},
                        {"nature", "企业"},
                        {"division_code", division},
                        {"address", "解放碑" + std::to_string(n) + "号"},
                        {"phone", "023-6389000" + std::to_string(n % 10)},
                        {"credit_class", "B"},
                        {"industry_division", "36"},
                        {"tags", json::array{"投诉举报多", "经营异常名录"}}};
    http::Response r = Call(Method::kPost, "/api/v1/targets", body);
    EXPECT_EQ(r.status, 201) << json::serialize(r.body);
    return r.status == 201 ? r.body.at("id").as_int64() : 0;
  }

  http::Response Start(const std::string& kind, const std::string& format,
                       json::object filter = {}) {
    return Call(Method::kPost, "/api/v1/exports",
                {{"kind", kind}, {"format", format}, {"filter", std::move(filter)}});
  }

  // Polls the job until it is no longer running (bounded: a stuck job fails the test).
  json::value Wait(const std::string& id) {
    json::value status;
    for (int attempt = 0; attempt < 1200; ++attempt) {
      http::Response r = Call(Method::kGet, "/api/v1/exports/" + id);
      EXPECT_EQ(r.status, 200) << json::serialize(r.body);
      if (r.status != 200) return r.body;
      status = r.body;
      if (status.at("status") != "running") return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ADD_FAILURE() << "export " << id << " still running";
    return status;
  }

  // Starts an export, waits for it and returns the file (empty on failure).
  std::string Export(const std::string& kind, const std::string& format, json::object filter = {}) {
    http::Response started = Start(kind, format, std::move(filter));
    EXPECT_EQ(started.status, 202) << json::serialize(started.body);
    if (started.status != 202) return "";
    const std::string id(started.body.at("id").as_string());
    json::value done = Wait(id);
    EXPECT_EQ(done.at("status"), "done") << json::serialize(done);
    http::Response file = Call(Method::kGet, "/api/v1/exports/" + id + "/file");
    EXPECT_EQ(file.status, 200) << json::serialize(file.body);
    return file.raw_body;
  }

  // The data rows of an exported file, through the importer's reader.
  std::vector<std::vector<std::string>> Rows(const std::string& bytes, const std::string& ext) {
    const std::string path = dir_.file("read." + ext);
    std::ofstream(path, std::ios::binary) << bytes;
    ReadBack back = ReadRecords(path);
    EXPECT_EQ(back.issues, 0u);
    if (!back.rows.empty()) back.rows.erase(back.rows.begin());
    return back.rows;
  }

  // Imports a file back with "update existing" through the kind's import route.
  json::value ImportBack(const std::string& route, const std::string& bytes,
                         std::vector<std::pair<std::string, std::string>> query = {}) {
    query.emplace_back("update_existing", "true");
    http::Response r = Upload(route, bytes, std::move(query));
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    return r.body;
  }

  static size_t Errors(const json::value& report) {
    size_t errors = 0;
    for (const auto& p : report.at("problems").as_array()) errors += p.at("level") == "error";
    return errors;
  }

  TempDir dir_;
  std::unique_ptr<ExportJobs> jobs_;
};

TEST_P(ExportTest, ExportedTargetsImportBackUnchanged) {
  LoginAs("yewu", "Demo@2026");
  for (int n = 1; n <= 5; ++n) AddTarget(n, "重庆渝中精密机械" + std::to_string(n) + "有限公司");
  for (const std::string format : {"xlsx", "csv"}) {
    const std::string file = Export("targets", format);
    std::vector<std::vector<std::string>> rows = Rows(file, format);
    ASSERT_EQ(rows.size(), 5u) << format;
    // 标签 joined, 所属区县 by name, 监管部门 by name: what a person would type.
    EXPECT_EQ(rows[0][4], "渝中区");
    EXPECT_EQ(rows[0][11], "投诉举报多、经营异常名录");
    EXPECT_EQ(rows[0][12], "节能与综合利用处");
    const std::string ext = format;
    json::value report =
        ImportBack("/api/v1/targets/import", file, {{"file_name", "targets." + ext}});
    EXPECT_EQ(report.at("problems").as_array().size(), 0u) << json::serialize(report);
    EXPECT_EQ(report.at("inserted"), 0);
    EXPECT_EQ(report.at("updated"), 5);
    EXPECT_EQ(report.at("committed"), true);
  }
  // The re-imported targets are the same as before, field by field.
  json::value first = Call(Method::kGet, "/api/v1/targets", nullptr, true, {{"name", "精密机械1"}})
                          .body.at("items")
                          .at(0);
  EXPECT_EQ(first.at("tags"), (json::array{"投诉举报多", "经营异常名录"}));
  EXPECT_EQ(first.at("industry_section"), "C");
  EXPECT_EQ(first.at("phone"), "023-63890001");
}

TEST_P(ExportTest, EveryKindImportsBackWithoutErrors) {
  LoginAs("admin", "Admin@2026");
  AddTarget(1, "重庆渝中精密机械有限公司");
  AddTarget(2, "重庆渝中五金制品有限公司");
  std::string conflict;
  for (const std::string code : {Uscc(1), Uscc(2)}) {
    http::Response r =
        Call(Method::kPost, "/api/v1/conflicts",
             {{"inspector", "渝执50001101"}, {"target", code}, {"reason", "曾任职"}});
    ASSERT_EQ(r.status, 201) << json::serialize(r.body);
    conflict = std::to_string(r.body.at("id").as_int64());
    r = Call(Method::kPost, "/api/v1/exemptions",
             {{"target", code},
              {"valid_from", "2026-01-01"},
              {"valid_until", "2026-12-31"},
              {"source_document", "渝经信发〔2026〕12号"}});
    ASSERT_EQ(r.status, 201) << json::serialize(r.body);
  }
  // A revoked record stays out of an export unless asked for: the file has no status column,
  // and importing it would register it again.
  ASSERT_EQ(Call(Method::kPost, "/api/v1/conflicts/" + conflict + "/revoke", {{"reason", "已离职"}})
                .status,
            200);
  for (json::object target :
       {json::object{{"kind", "place"}, {"name", "储罐区"}, {"unit_code", Uscc(1)}},
        json::object{{"kind", "product"},
                     {"code", "XK16-204-01234"},
                     {"name", "重庆甲电缆有限公司"},
                     {"valid_until", "2030-03-14"}}}) {
    target["nature"] = "企业";
    target["division_code"] = "500103";
    http::Response r = Call(Method::kPost, "/api/v1/targets", target);
    ASSERT_EQ(r.status, 201) << json::serialize(r.body);
  }
  struct Case {
    std::string kind;
    std::string import_route;
    std::vector<std::pair<std::string, std::string>> query;
    json::object filter;
  };
  const Case cases[] = {
      {"targets", "/api/v1/targets/import", {}, {}},
      {"places", "/api/v1/places/import", {}, {}},
      {"products", "/api/v1/products/import", {}, {}},
      {"inspectors", "/api/v1/inspectors/import", {{"kind", "inspectors"}}, {}},
      {"experts", "/api/v1/inspectors/import", {{"kind", "experts"}}, {}},
      {"items", "/api/v1/items/import", {}, {}},
      {"conflicts", "/api/v1/conflicts/import", {}, {}},
      {"exemptions", "/api/v1/exemptions/import", {}, {}},
  };
  for (const Case& c : cases) {
    for (const std::string format : {"csv", "xlsx"}) {
      SCOPED_TRACE(c.kind + " " + format);
      const std::string file = Export(c.kind, format, c.filter);
      const size_t rows = Rows(file, format).size();
      EXPECT_GT(rows, 0u);  // the demo has some of each
      auto query = c.query;
      query.emplace_back("file_name", c.kind + "." + format);
      json::value report = ImportBack(c.import_route, file, query);
      EXPECT_EQ(Errors(report), 0u) << json::serialize(report);
      EXPECT_EQ(report.at("inserted"), 0);
      EXPECT_EQ(report.at("rows"), static_cast<int64_t>(rows));
      if (c.kind == "conflicts") EXPECT_EQ(rows, 1u);
    }
  }
}

TEST_P(ExportTest, DataScopeIsTheListsScope) {
  LoginAs("yewu", "Demo@2026");
  AddTarget(1, "重庆渝中精密机械有限公司");
  LoginAs("dazu", "Demo@2026");
  AddTarget(2, "重庆大足五金制品有限公司", "500111");
  const std::string file = Export("targets", "csv");
  std::vector<std::vector<std::string>> rows = Rows(file, "csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "重庆大足五金制品有限公司");
  EXPECT_EQ(rows[0][12], "大足区经济和信息化委员会");
  const std::vector<std::pair<std::string, std::string>> entities = {{"kind", "entity"}};
  EXPECT_EQ(Call(Method::kGet, "/api/v1/targets", nullptr, true, entities).body.at("total"), 1);

  LoginAs("yewu", "Demo@2026");
  rows = Rows(Export("targets", "xlsx"), "xlsx");
  std::set<std::string> names;
  for (const auto& row : rows) names.insert(row[0]);
  EXPECT_TRUE(names.count("重庆渝中精密机械有限公司"));
  EXPECT_FALSE(names.count("重庆大足五金制品有限公司"));
  EXPECT_EQ(
      static_cast<int64_t>(rows.size()),
      Call(Method::kGet, "/api/v1/targets", nullptr, true, entities).body.at("total").as_int64());
}

TEST_P(ExportTest, TheFilterIsApplied) {
  LoginAs("yewu", "Demo@2026");
  AddTarget(1, "重庆渝中精密机械有限公司");
  AddTarget(2, "重庆渝中五金制品有限公司");
  AddTarget(3, "重庆江北精密铸造有限公司", "500105");
  auto names = [&](json::object filter) {
    std::set<std::string> out;
    for (const auto& row : Rows(Export("targets", "csv", std::move(filter)), "csv"))
      out.insert(row[0]);
    return out;
  };
  EXPECT_EQ(names({{"name", "精密"}}),
            (std::set<std::string>{"重庆渝中精密机械有限公司", "重庆江北精密铸造有限公司"}));
  EXPECT_EQ(names({{"division", "500103"}}),
            (std::set<std::string>{"重庆渝中精密机械有限公司", "重庆渝中五金制品有限公司"}));
  EXPECT_EQ(names({{"name", "精密"}, {"division", "500105"}}),
            (std::set<std::string>{"重庆江北精密铸造有限公司"}));
  EXPECT_EQ(names({{"code", Uscc(2)}}), (std::set<std::string>{"重庆渝中五金制品有限公司"}));

  const int64_t audit_before = AuditCount();
  http::Response bad = Start("targets", "csv", {{"division", "999999"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.at("details").at("field"), "division");
  http::Response unknown = Start("targets", "csv", {{"colour", "red"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Start("targets", "pdf").status, 400);
  EXPECT_EQ(Start("parcels", "csv").status, 400);
  EXPECT_EQ(AuditCount(), audit_before);  // a refused export leaves no entry
}

TEST_P(ExportTest, TheKindsExportPermissionIsRequired) {
  LoginAs("tongchou", "Demo@2026");  // may list targets, may not export them; may export items
  http::Response denied = Start("targets", "xlsx");
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.body.at("code"), "auth.forbidden");
  EXPECT_EQ(denied.body.at("details").at("permission"), "directory:target:export");
  EXPECT_EQ(Start("items", "xlsx").status, 202);
  LoginAs("jiancha", "Demo@2026");
  EXPECT_EQ(Start("inspectors", "csv").status, 403);
  EXPECT_EQ(Start("conflicts", "csv").status, 403);
  // Without the CSRF token a session cookie alone starts nothing.
  EXPECT_EQ(Call(Method::kPost, "/api/v1/exports", {{"kind", "items"}}, /*with_csrf=*/false).status,
            403);
}

TEST_P(ExportTest, AJobRunsToDoneIsAuditedAndOnlyItsOwnerSeesIt) {
  LoginAs("yewu", "Demo@2026");
  for (int n = 1; n <= 3; ++n) AddTarget(n, "重庆渝中精密机械" + std::to_string(n) + "有限公司");
  const int64_t audit_before = AuditCount();
  http::Response started = Start("targets", "xlsx", {{"name", "精密"}});
  ASSERT_EQ(started.status, 202) << json::serialize(started.body);
  EXPECT_EQ(started.body.at("status"), "running");
  EXPECT_EQ(started.body.at("file_name"), "检查对象-20261118.xlsx");
  const std::string id(started.body.at("id").as_string());
  EXPECT_EQ(id.size(), 32u);

  json::value done = Wait(id);
  EXPECT_EQ(done.at("status"), "done");
  EXPECT_EQ(done.at("rows"), 3);
  http::Response file = Call(Method::kGet, "/api/v1/exports/" + id + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.content_type, http::kXlsxType);
  EXPECT_EQ(done.at("bytes").as_int64(), static_cast<int64_t>(file.raw_body.size()));
  bool named = false;
  for (const auto& [name, value] : file.headers)
    named |=
        name == "Content-Disposition" && value.find("targets-20261118.xlsx") != std::string::npos;
  EXPECT_TRUE(named);

  // One entry, naming the kind, the format and the filter (exports carry personal data).
  ASSERT_EQ(AuditCount(), audit_before + 1);
  {
    db::Lease sql = database().Acquire();
    audit::ListFilter filter;
    filter.object_type = "export";
    auto entries = audit::List(*sql, filter);
    ASSERT_EQ(entries.items.size(), 1u);
    EXPECT_EQ(entries.items[0].action, "directory:target:export");
    EXPECT_EQ(entries.items[0].object_id, id);
    EXPECT_EQ(entries.items[0].username, "yewu");
    json::value after = json::parse(*entries.items[0].after_json);
    EXPECT_EQ(after.at("kind"), "targets");
    EXPECT_EQ(after.at("format"), "xlsx");
    EXPECT_EQ(after.at("filter").at("name"), "精密");
  }

  // Someone else, even with the same permission, gets no answer about it.
  LoginAs("dazu", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/exports/" + id).status, 404);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/exports/" + id + "/file").status, 404);
  LoginAs("yewu", "Demo@2026");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/exports/" + id).status, 200);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/exports/not-a-job").status, 404);

  // An hour later the file is gone.
  const std::string path = (dir_.path() / "jobs" / (id + ".xlsx")).string();
  EXPECT_TRUE(fs::exists(path));
  clock().Advance(ExportJobs::kKeepMillis + 1000);
  LoginAs("yewu", "Demo@2026");  // the session has expired meanwhile
  EXPECT_EQ(Call(Method::kGet, "/api/v1/exports/" + id).status, 404);
  EXPECT_FALSE(fs::exists(path));
}

TEST_P(ExportTest, AThirdExportIsRefusedWhileTwoRun) {
  // Slots are taken from the start of Start: two jobs being recorded fill them, so the third
  // is refused however fast the first two would finish.
  ExportJobs jobs(database().url(), clock(), dir_.path() / "busy", 2);
  auto spec = [&] {
    JobSpec s;
    s.kind = FindKind("items");
    s.format = Format::kCsv;
    s.owner = 1;
    return s;
  };
  std::optional<Result<JobInfo>> third;
  auto second = jobs.Start(spec(), [&](const JobInfo&) -> Status {
    auto first = jobs.Start(spec(), [&](const JobInfo&) -> Status {
      third = jobs.Start(spec(), [](const JobInfo&) { return OkStatus(); });
      return OkStatus();
    });
    EXPECT_TRUE(first.ok());
    return OkStatus();
  });
  EXPECT_TRUE(second.ok());
  ASSERT_TRUE(third.has_value());
  ASSERT_FALSE(third->ok());
  EXPECT_EQ(third->error().code, "export.busy");
  EXPECT_EQ(http::StatusFor(third->error().kind), 429);

  // A start whose audit entry fails gives back its slot: nothing runs, nothing is left.
  ExportJobs one(database().url(), clock(), dir_.path() / "one", 1);
  auto refused = one.Start(spec(), [](const JobInfo&) -> Status { return Error::Internal("x"); });
  EXPECT_FALSE(refused.ok());
  EXPECT_TRUE(one.Start(spec(), [](const JobInfo&) { return OkStatus(); }).ok());
}

SSJ_BOTH_BACKENDS(ExportTest);

}  // namespace
}  // namespace ssj::exporter

// The target directory: row rules (pure), and import and search on both backends.
#include "directory/directory.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "audit/audit_repo.h"
#include "codes/uscc.h"
#include "db/migrate.h"
#include "directory/directory_repo.h"
#include "directory/import.h"
#include "directory/name_grams.h"
#include "directory/name_index.h"
#include "directory/template.h"
#include "org/admin.h"
#include "testing/test_db.h"

namespace ssj::directory {
namespace {

// Columns in EntityColumns() order.
Row EntityRow(std::string name, std::string code, std::string nature = "企业",
              std::string division = "500103") {
  return {name, code, "重庆市渝中区解放碑1号", "023-63891234", "", nature, division};
}

std::optional<int64_t> NoDepartment(const std::string&) { return std::nullopt; }

const CellProblem* ProblemIn(const Checked& c, const std::string& column) {
  for (const auto& p : c.problems) {
    if (p.column == column) return &p;
  }
  return nullptr;
}

TEST(EntityRulesTest, AValidRowIsNormalised) {
  Row row = EntityRow("重庆渝中精密机械有限公司", "９１５００１０３ma60k3t26y");
  row.resize(EntityColumns().size());
  row[8] = "b类";
  row[10] = "36";
  row[11] = "投诉举报多、经营异常名录";
  Checked c = CheckEntity(row, 7, NoDepartment);
  ASSERT_TRUE(c.ok()) << c.problems.front().message;
  EXPECT_EQ(c.input.code, "91500103MA60K3T26Y");  // full width and lower case normalised
  EXPECT_EQ(c.input.credit_class, "B");
  EXPECT_EQ(c.input.industry_section, "C");  // from the 大类
  EXPECT_EQ(c.input.industry_division, "36");
  EXPECT_EQ(c.input.tags, (std::vector<std::string>{"投诉举报多", "经营异常名录"}));  // bytes
  EXPECT_EQ(c.input.status, "存续");
  EXPECT_EQ(c.input.department_id, 7);
}

TEST(EntityRulesTest, EachBadCellIsNamed) {
  struct Case {
    int column;
    std::string value;
    std::string column_name;
    std::string says;
  };
  for (const Case& c :
       {Case{1, "91500103MA60K3T26X", "行政相对人编码", "校验位错误"},
        Case{1, "91500103MA60K3T2OY", "行政相对人编码", "不是允许的字符"},
        Case{6, "500199", "行政区划代码", "不是有效的行政区划代码"},
        Case{4, "江北区", "所属区县", "不符"}, Case{5, "事业单位", "行政相对人性质", "应为"},
        Case{3, "12ab", "检查联系电话", "联系电话"}, Case{0, "", "行政相对人名称", "必填项为空"}}) {
    Row row = EntityRow("某公司", "91500103MA60K3T26Y");
    row[c.column] = c.value;
    Checked checked = CheckEntity(row, 1, NoDepartment);
    const CellProblem* p = ProblemIn(checked, c.column_name);
    ASSERT_NE(p, nullptr) << c.value;
    EXPECT_NE(p->message.find(c.says), std::string::npos) << p->message;
    EXPECT_EQ(p->value, c.value);
  }
  // A check-character mismatch alone (early pilot codes) is a warning, not an error.
  Checked early =
      CheckEntity(EntityRow("试点公司", "91350100M0001TGQXM", "企业", "350102"), 1, NoDepartment);
  EXPECT_TRUE(early.ok());
  ASSERT_EQ(early.problems.size(), 1u);
  EXPECT_TRUE(early.problems[0].warning);
  EXPECT_FALSE(early.input.code_warning.empty());
}

TEST(EntityRulesTest, PersonsUseResidentIdNumbers) {
  Checked person = CheckEntity(EntityRow("张三", "11010519491231002x", "自然人"), 1, NoDepartment);
  EXPECT_TRUE(person.ok());
  EXPECT_EQ(person.input.code, "11010519491231002X");
  Checked old = CheckEntity(EntityRow("李四", "370303851231056", "自然人"), 1, NoDepartment);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(ProblemIn(old, "行政相对人编码")->message.find("15 位"), std::string::npos);
  // A USCC is not a person's number.
  EXPECT_FALSE(CheckEntity(EntityRow("王五", "91500103MA60K3T26Y", "个人"), 1, NoDepartment).ok());
}

TEST(EntityRulesTest, DivisionRangesCoverSubdivisions) {
  EXPECT_EQ(DivisionRange("500000")->first, "50");
  EXPECT_EQ(DivisionRange("500000")->second, "51");
  EXPECT_EQ(DivisionRange("370300")->first, "3703");
  EXPECT_EQ(DivisionRange("370300")->second, "3704");
  EXPECT_EQ(DivisionRange("500103")->second, "500104");
  EXPECT_FALSE(DivisionRange("999999").has_value());
}

TEST(EntityTemplateTest, WritesAWorkbook) {
  std::string path = ::testing::TempDir() + "/targets-template.xlsx";
  ASSERT_TRUE(WriteTargetTemplate(TargetKind::kEntity, path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string head(2, '\0');
  in.read(head.data(), 2);
  EXPECT_EQ(head, "PK");  // a zip container, as XLSX is
  EXPECT_FALSE(WriteTargetTemplate(TargetKind::kEntity, "/nonexistent-dir/x.xlsx").ok());
}

class DirectoryTest : public testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    sql_ = std::make_unique<db::Lease>(database().Acquire());
    root_ = Root();
    auto city = org::CreateDepartment(
        sql(), root_,
        {std::nullopt, "CQJXW", "重庆市经济和信息化委员会", "province", "500000", "agency", 0},
        Now());
    ASSERT_TRUE(city.ok());
    city_ = city->id;
    auto district = org::CreateDepartment(
        sql(), root_,
        {city_, "YZ-JXW", "渝中区经济和信息化委员会", "county", "500103", "agency", 0}, Now());
    ASSERT_TRUE(district.ok());
    district_ = district->id;
  }
  void TearDown() override {
    sql_.reset();
    DbTest::TearDown();
  }
  soci::session& sql() { return **sql_; }
  std::string Now() { return FormatIsoMillis(clock().NowMillis()); }

  // A source over in-memory rows (header first), as the CSV reader would give them.
  static RecordSource Rows(std::vector<std::vector<std::string>> rows) {
    return [rows](const RecordFn& fn) -> Status {
      for (size_t i = 0; i < rows.size(); ++i) SSJ_TRY(fn(i + 1, rows[i]));
      return OkStatus();
    };
  }
  static std::vector<std::string> Header() {
    return {"行政相对人名称", "行政相对人编码", "检查地址",    "检查联系电话",
            "所属区县",       "行政相对人性质", "行政区划代码"};
  }
  ImportOptions Options(bool skip = false, bool update = false) {
    ImportOptions o;
    o.skip_invalid = skip;
    o.update_existing = update;
    o.default_department = city_;
    o.actor = {std::nullopt, "tester", city_, "127.0.0.1"};
    o.now_millis = clock().NowMillis();
    o.file_name = "targets.csv";
    return o;
  }
  // `n` valid USCCs, in no particular order.
  static std::vector<std::string> Codes(int n) {
    std::vector<std::string> codes;
    for (int i = 0; i < n; ++i) {
      char first17[18];
      std::snprintf(first17, sizeof first17, "91500103MA%07d", 1000000 + i * 7);
      codes.push_back(std::string(first17) + *codes::UsccCheckChar(first17));
    }
    return codes;
  }
  int64_t Count(const char* table) {
    return db::Query(std::string("SELECT COUNT(*) FROM ") + table).ScalarInt(sql());
  }

  std::unique_ptr<db::Lease> sql_;
  org::Principal root_;
  int64_t city_ = 0, district_ = 0;
};

TEST_P(DirectoryTest, ABadRowStopsTheWholeImportUnlessSkipped) {
  auto rows = Rows({Header(),
                    {"重庆甲公司", "91500103MA60K3T26Y", "解放碑", "", "渝中区", "企业", "500103"},
                    {"重庆乙公司", "91500103MA60K3T26X", "解放碑", "", "", "企业", "500103"},
                    {"重庆丙公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"},
                    {"张三", "500103199001011232", "", "", "", "自然人", "500103"}});
  int64_t audit_before = Count("audit_log");
  auto report = ImportEntities(sql(), database().backend(), rows, Options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->committed);
  EXPECT_EQ(report->rows, 4);
  EXPECT_EQ(report->invalid_rows, 2);
  ASSERT_EQ(report->problems.size(), 2u);
  EXPECT_EQ(report->problems[0].line, 3u);
  EXPECT_EQ(report->problems[0].column, "行政相对人编码");
  EXPECT_EQ(report->problems[0].value, "91500103MA60K3T26X");
  EXPECT_FALSE(report->problems[0].warning);  // a plain typo in the check character
  EXPECT_EQ(report->problems[1].line, 4u);
  EXPECT_NE(report->problems[1].message.find("与第 2 行的行政相对人编码重复"), std::string::npos);
  EXPECT_EQ(Count("targets"), 0);
  EXPECT_EQ(Count("audit_log"), audit_before);

  auto skipped = ImportEntities(sql(), database().backend(), rows, Options(true));
  ASSERT_TRUE(skipped.ok());
  EXPECT_TRUE(skipped->committed);
  EXPECT_EQ(skipped->inserted, 2);
  EXPECT_EQ(Count("targets"), 2);
  EXPECT_EQ(Count("audit_log"), audit_before + 1);  // one entry for the whole import
}

TEST_P(DirectoryTest, ExistingCodesNeedTheUpdateOptionAndKeepHistory) {
  auto first = Rows({Header(), {"重庆甲公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"}});
  ASSERT_TRUE(ImportEntities(sql(), database().backend(), first, Options())->committed);
  auto again =
      Rows({Header(), {"重庆甲有限公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"}});
  auto refused = ImportEntities(sql(), database().backend(), again, Options());
  ASSERT_TRUE(refused.ok());
  EXPECT_FALSE(refused->committed);
  EXPECT_NE(refused->problems.at(0).message.find("更新已有对象"), std::string::npos);
  auto updated = ImportEntities(sql(), database().backend(), again, Options(false, true));
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->updated, 1);
  auto found = repo::Find(sql(), "entity", "91500103MA60K3T26Y");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->version, 2);
  auto history = repo::History(sql(), found->id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_NE(history[0].data.find("重庆甲有限公司"), std::string::npos);
  EXPECT_NE(history[1].data.find("重庆甲公司"), std::string::npos);
}

// A large import writes its rows many to a statement (on SQLite): each row still gets its own
// outcome, its tags and its place in the name queue, whether or not a code in its statement was
// stored already.
TEST_P(DirectoryTest, RowsWrittenManyAtATimeKeepTheirOwnOutcome) {
  const std::vector<std::string> codes = Codes(100);
  auto header = Header();
  header.push_back("标签");
  auto row = [&](int i, const std::string& name) {
    return std::vector<std::string>{
        name, codes[i], "", "", "", "企业", "500103", i % 9 == 0 ? "投诉举报多、行政处罚记录" : ""};
  };
  // Two codes stored beforehand: one in the file's first statement, one in its second.
  auto before = Rows({header, row(10, "原有十"), row(40, "原有四十")});
  ASSERT_TRUE(ImportEntities(sql(), database().backend(), before, Options())->committed);
  std::vector<std::vector<std::string>> rows = {header};
  for (int i = 0; i < 100; ++i) rows.push_back(row(i, "企业" + std::to_string(i)));
  auto report = ImportEntities(sql(), database().backend(), Rows(rows), Options(true));
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->inserted, 98);
  ASSERT_EQ(report->problems.size(), 2u);
  EXPECT_EQ(report->problems[0].line, 12u);  // row 10, after the header
  EXPECT_EQ(report->problems[1].line, 42u);
  EXPECT_NE(report->problems[1].message.find("名录库中已有"), std::string::npos);
  auto get = [&](int i) {
    return repo::Get(sql(), nullptr, repo::Find(sql(), "entity", codes[i])->id);
  };
  EXPECT_EQ(get(40)->name, "原有四十");  // left as it was
  for (int i : {0, 9, 31, 32, 63, 64, 95, 96, 99}) {
    auto found = get(i);
    ASSERT_TRUE(found.has_value()) << i;
    EXPECT_EQ(found->name, "企业" + std::to_string(i));
    EXPECT_EQ(found->tags.size(), i % 9 == 0 ? 2u : 0u) << i;
  }
  EXPECT_EQ(Count("targets"), 100);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM target_tags").ScalarInt(sql()), 2 * 12);
  // Every new name is found by fragment once the queue is indexed (a small import does that).
  auto page = repo::List(sql(), nullptr, [] {
    TargetFilter f;
    f.name = "企业9";
    return f;
  }());
  EXPECT_EQ(page.total, 11);  // 企业9 and 企业90–99
}

// A stored code stops the writing, but the rows written beside it in the same batch are not
// then taken for stored ones themselves: the report names that one row.
TEST_P(DirectoryTest, AStoredCodeIsTheOnlyProblemOfItsBatch) {
  const std::vector<std::string> codes = Codes(100);
  auto row = [&](int i) {
    return std::vector<std::string>{
        "企业" + std::to_string(i), codes[i], "", "", "", "企业", "500103"};
  };
  ASSERT_TRUE(
      ImportEntities(sql(), database().backend(), Rows({Header(), row(5)}), Options())->committed);
  std::vector<std::vector<std::string>> rows = {Header()};
  for (int i = 0; i < 100; ++i) rows.push_back(row(i));
  auto report = ImportEntities(sql(), database().backend(), Rows(rows), Options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->committed);
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].line, 7u);
  EXPECT_EQ(report->invalid_rows, 1);
  EXPECT_EQ(Count("targets"), 1);
}

// A large import into a small directory drops the unique (kind, code) index once it has written
// 20 000 rows, and builds it again after its last (SQLite; PostgreSQL keeps it). Codes stored
// before are refused all the same, before and after that point, while the import writes and
// after a bad row has stopped it; and the index is back afterwards, whether it committed or not.
TEST_P(DirectoryTest, ALargeImportIntoASmallDirectoryStillRefusesStoredCodes) {
  constexpr int kRows = 20500;
  const std::vector<std::string> codes = Codes(kRows + 1);
  auto row = [&](int i, const std::string& name, const std::string& division = "500103") {
    return std::vector<std::string>{name, codes[i], "", "", "", "企业", division};
  };
  // Stored beforehand: the codes of rows 5 and 20 400 (before and after the index goes).
  auto before = Rows({Header(), row(5, "原有五"), row(20400, "原有二万零四百")});
  ASSERT_TRUE(ImportEntities(sql(), database().backend(), before, Options())->committed);
  auto refused_by_the_index = [&](int i) {
    try {
      db::Query(
          "INSERT INTO targets (kind, code, name, nature, division_code, department_id, "
          "created_at, updated_at) VALUES ('entity', :code, '重复', '企业', '500103', :d, :t, :t)")
          .Bind("code", codes[i])
          .Bind("d", city_)
          .Bind("t", Now())
          .Exec(sql());
      return false;
    } catch (const std::exception&) {
      return true;
    }
  };
  auto file = [&](int bad_row, bool with_row_5) {
    std::vector<std::vector<std::string>> rows = {Header()};
    for (int i = 0; i < kRows; ++i) {
      auto r = row(i, "企业" + std::to_string(i), i == bad_row ? "999999" : "500103");
      if (i == 5 && !with_row_5) r[1] = codes[kRows];
      rows.push_back(r);
    }
    return Rows(rows);
  };

  // Without row 5's stored code, writing goes past 20 000 rows, then stops at the bad row
  // 20 300; the stored code of row 20 400 is still found.
  auto stopped = ImportEntities(sql(), database().backend(), file(20300, false), Options());
  ASSERT_TRUE(stopped.ok()) << stopped.error().message;
  EXPECT_FALSE(stopped->committed);
  ASSERT_EQ(stopped->problems.size(), 2u);
  EXPECT_EQ(stopped->problems[0].line, 20302u);  // row 20 300, after the header
  EXPECT_EQ(stopped->problems[0].column, "行政区划代码");
  EXPECT_EQ(stopped->problems[1].line, 20402u);
  EXPECT_NE(stopped->problems[1].message.find("名录库中已有"), std::string::npos);
  EXPECT_EQ(Count("targets"), 2);
  EXPECT_TRUE(refused_by_the_index(20400));

  auto report = ImportEntities(sql(), database().backend(), file(-1, true), Options(true));
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->inserted, kRows - 2);
  ASSERT_EQ(report->problems.size(), 2u);
  EXPECT_EQ(report->problems[0].line, 7u);
  EXPECT_NE(report->problems[0].message.find("名录库中已有"), std::string::npos);
  EXPECT_EQ(report->problems[1].line, 20402u);
  EXPECT_NE(report->problems[1].message.find("名录库中已有"), std::string::npos);
  EXPECT_EQ(Count("targets"), kRows);
  EXPECT_EQ(repo::Get(sql(), nullptr, repo::Find(sql(), "entity", codes[20400])->id)->name,
            "原有二万零四百");
  EXPECT_EQ(repo::Get(sql(), nullptr, repo::Find(sql(), "entity", codes[20499])->id)->name,
            "企业20499");
  EXPECT_TRUE(refused_by_the_index(5));
  EXPECT_TRUE(refused_by_the_index(20499));
  EXPECT_EQ(Count("targets"), kRows);
}

// Should a stored code get past the dropped index after all, building it again fails, and the
// import with it: nothing is written.
TEST_P(DirectoryTest, ACodeWrittenTwicePastTheDroppedIndexFailsTheImport) {
  if (database().backend() != db::Backend::kSqlite)
    GTEST_SKIP() << "the index is dropped on SQLite only";
  TargetInput in;
  in.kind = "entity";
  in.code = Codes(1)[0];
  in.name = "重庆甲公司";
  in.nature = "企业";
  in.division_code = "500103";
  in.department_id = city_;
  {
    db::Transaction tx(sql(), database().backend());
    repo::Writer writer(sql(), std::nullopt, Now(), "import");
    writer.DeferCodeIndex();
    EXPECT_TRUE(writer.Add(in));
    EXPECT_TRUE(writer.Add(in));  // nothing to refuse it now
    try {
      writer.Flush();
      ADD_FAILURE() << "the index was built over a repeated code";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("检查对象编码重复"), std::string::npos) << e.what();
    }
  }  // rolls back
  EXPECT_EQ(Count("targets"), 0);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM sqlite_master WHERE name = 'targets_kind_code'")
                .ScalarInt(sql()),
            1);
}

// `ssj import` with the database to itself writes with a rollback journal, and leaves the
// database in WAL mode; a process that opens the database meanwhile is told why it cannot. With
// another connection open (this fixture's pool), the import keeps the WAL.
TEST_P(DirectoryTest, AnImportAloneWithItsDatabaseWritesWithARollbackJournal) {
  if (database().backend() != db::Backend::kSqlite) GTEST_SKIP() << "SQLite's journal modes";
  const std::string path =
      ::testing::TempDir() + "/ssj_alone_" + std::to_string(::getpid()) + ".db";
  const db::DbUrl url = db::ParseDbUrl("sqlite:" + path).value();
  auto journal_mode = [](soci::session& s) {
    std::string mode;
    s << "PRAGMA journal_mode", soci::into(mode);
    return mode;
  };
  {
    auto alone = db::Database::Open(url, 1);
    ASSERT_TRUE(alone.ok()) << alone.error().message;
    ASSERT_TRUE(db::MigrateUp(**alone).ok());
    db::Lease lease = (*alone)->Acquire();
    auto city = org::CreateDepartment(
        *lease, root_,
        {std::nullopt, "CQJXW", "重庆市经济和信息化委员会", "province", "500000", "agency", 0},
        Now());
    ASSERT_TRUE(city.ok());
    ImportOptions options = Options();
    options.default_department = city->id;
    std::string during;
    std::string other;
    options.progress = [&](int phase, int64_t) {
      if (phase != 1 || !during.empty()) return;
      during = journal_mode(*lease);
      auto opened = db::Database::Open(url, 1);
      other = opened.ok() ? "opened" : opened.error().message;
    };
    auto rows =
        Rows({Header(), {"重庆甲公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"}});
    auto report = ImportEntities(*lease, db::Backend::kSqlite, rows, options);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_TRUE(report->committed);
    EXPECT_EQ(during, "delete");
    EXPECT_NE(other.find("正由另一个进程独占写入"), std::string::npos) << other;
    EXPECT_EQ(journal_mode(*lease), "wal");
    EXPECT_EQ(db::Query("PRAGMA synchronous").ScalarInt(*lease), 1);  // NORMAL again
  }
  EXPECT_TRUE(db::Database::Open(url, 1).ok());
  for (const char* ext : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + ext);

  std::string during;
  ImportOptions options = Options();
  options.progress = [&](int phase, int64_t) {
    if (phase == 1 && during.empty()) during = journal_mode(sql());
  };
  auto rows = Rows({Header(), {"重庆甲公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"}});
  ASSERT_TRUE(ImportEntities(sql(), database().backend(), rows, options)->committed);
  EXPECT_EQ(during, "wal");
}

// A targets import runs with SQLite's foreign-key checks off (it resolved the departments inside
// its transaction); the connection goes back to the pool with them on, whether the import
// committed or rolled back.
TEST_P(DirectoryTest, ForeignKeysAreCheckedAgainAfterAnImport) {
  auto orphan_tag = [&] {
    try {
      db::Query("INSERT INTO target_tags (target_id, tag) VALUES (999999, '投诉举报多')")
          .Exec(sql());
      return false;
    } catch (const std::exception&) {
      return true;  // refused: no such target
    }
  };
  auto good = Rows({Header(), {"重庆甲公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"}});
  ASSERT_TRUE(ImportEntities(sql(), database().backend(), good, Options())->committed);
  EXPECT_TRUE(orphan_tag());
  auto bad = Rows({Header(), {"重庆丁公司", "", "", "", "", "企业", "999999"}});
  ASSERT_FALSE(ImportEntities(sql(), database().backend(), bad, Options())->committed);
  EXPECT_TRUE(orphan_tag());
  if (database().backend() == db::Backend::kSqlite) {
    EXPECT_EQ(db::Query("PRAGMA foreign_keys").ScalarInt(sql()), 1);
    int violations = 0;
    db::Query("PRAGMA foreign_key_check").ForEach(sql(), [&](const soci::row&) { ++violations; });
    EXPECT_EQ(violations, 0);
  }
}

// Rows are written as they are checked and rolled back when one is bad: a stored code is still
// reported after writing has stopped, and nothing of the file stays.
TEST_P(DirectoryTest, EveryProblemIsReportedAndABadFileLeavesNoRow) {
  auto first = Rows({Header(), {"重庆甲公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"}});
  ASSERT_TRUE(ImportEntities(sql(), database().backend(), first, Options())->committed);
  auto mixed = Rows({Header(),
                     {"张三", "500103199001011232", "", "", "", "自然人", "500103"},
                     {"重庆乙公司", "91500103MA60K3T26X", "", "", "", "企业", "500103"},
                     {"重庆甲公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"},
                     {"重庆丁公司", "", "", "", "", "企业", "999999"}});
  auto report = ImportEntities(sql(), database().backend(), mixed, Options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->committed);
  EXPECT_EQ(report->inserted, 0);
  EXPECT_EQ(report->invalid_rows, 3);
  std::vector<size_t> lines;
  for (const auto& p : report->problems) lines.push_back(p.line);
  EXPECT_EQ(lines, (std::vector<size_t>{3, 4, 5, 5}));
  EXPECT_NE(report->problems[1].message.find("名录库中已有"), std::string::npos);
  EXPECT_EQ(Count("targets"), 1);  // 张三, written before the bad row, is gone with the rest
  EXPECT_FALSE(repo::Find(sql(), "entity", "500103199001011232").has_value());
}

TEST_P(DirectoryTest, HeadersNameWhatIsMissingOrUnknown) {
  auto missing = ImportEntities(sql(), database().backend(),
                                Rows({{"行政相对人名称", "行政相对人编码"}}), Options());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("行政区划代码"), std::string::npos);
  std::vector<std::string> header = Header();
  header.push_back("备注栏");
  auto unknown = ImportEntities(sql(), database().backend(), Rows({header}), Options());
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("备注栏"), std::string::npos);
}

TEST_P(DirectoryTest, SearchFiltersAndScope) {
  std::vector<std::vector<std::string>> rows = {Header()};
  rows[0].insert(rows[0].end(),
                 {"经营状态", "信用风险分类", "行业门类", "行业大类", "标签", "监管部门"});
  rows.push_back({"渝中精密机械有限公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103",
                  "存续", "A", "", "34", "投诉举报多", "YZ-JXW"});
  rows.push_back({"江北食品有限公司", "92370303MA3C7Q1N7N", "", "", "", "个体工商户", "370303",
                  "注销", "C", "C", "", "", ""});
  auto report = ImportEntities(sql(), database().backend(), Rows(rows), Options());
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->committed) << report->problems.at(0).message;

  TargetFilter f;
  EXPECT_EQ(repo::List(sql(), nullptr, f).total, 2);
  f.division = "500000";  // Chongqing and everything under it
  EXPECT_EQ(repo::List(sql(), nullptr, f).total, 1);
  f = {};
  f.division = "370300";  // 淄博市 covers 张店区 370303
  EXPECT_EQ(repo::List(sql(), nullptr, f).total, 1);
  f = {};
  f.name = "精密";
  auto page = repo::List(sql(), nullptr, f);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].district, "渝中区");
  EXPECT_EQ(page.items[0].tags, std::vector<std::string>{"投诉举报多"});
  f = {};
  f.tag = "投诉举报多";
  EXPECT_EQ(repo::List(sql(), nullptr, f).total, 1);
  f = {};
  f.credit_class = "C";
  f.status = "注销";
  EXPECT_EQ(repo::List(sql(), nullptr, f).total, 1);
  f = {};
  f.name = "%";  // taken literally
  EXPECT_EQ(repo::List(sql(), nullptr, f).total, 0);

  // A district user with scope "本部门" sees only the targets its department supervises.
  org::Principal district_user;
  district_user.user_id = 99;
  district_user.department_id = district_;
  district_user.scope = org::DataScope::kDept;
  EXPECT_EQ(repo::List(sql(), &district_user, {}).total, 1);
  // A tag walked through its index still meets the scope and the other filters.
  f = {};
  f.tag = "投诉举报多";
  EXPECT_EQ(repo::List(sql(), &district_user, f).total, 1);
  f.division = "370303";
  EXPECT_EQ(repo::List(sql(), nullptr, f).total, 0);
  f.division = "500103";
  f.name = "精密";
  auto tagged = repo::List(sql(), nullptr, f);
  ASSERT_EQ(tagged.total, 1);
  EXPECT_EQ(tagged.items.at(0).name, "渝中精密机械有限公司");
  auto other = repo::Find(sql(), "entity", "92370303MA3C7Q1N7N");
  EXPECT_FALSE(repo::Get(sql(), &district_user, other->id).has_value());
}

TEST_P(DirectoryTest, NameFragmentsAreFoundThroughTheNameIndex) {
  auto input = [&](std::string code, std::string name) {
    TargetInput t;
    t.code = std::move(code);
    t.name = std::move(name);
    t.nature = "企业";
    t.division_code = "500103";
    t.department_id = city_;
    return t;
  };
  auto names_of = [&](const std::string& fragment) {
    TargetFilter f;
    f.name = fragment;
    std::vector<std::string> found;
    for (const Target& t : repo::List(sql(), nullptr, f).items) found.push_back(t.name);
    return found;
  };
  using Names = std::vector<std::string>;
  // A bulk write queues the names: found (by reading the targets) before they are indexed.
  {
    repo::Writer writer(sql(), std::nullopt, Now(), "import");
    TargetInput a = input("91500103MA60K3T26Y", "渝中精密机械有限公司");
    TargetInput b = input("92370303MA3C7Q1N7N", "江北食品有限公司（渝北）");
    ASSERT_TRUE(writer.Add(a));
    ASSERT_TRUE(writer.Add(b));
    writer.Flush();
  }
  EXPECT_EQ(names::Pending(sql(), 100), 2);
  EXPECT_FALSE(names::RarestGram(sql(), "精密").has_value());  // queue not empty: read targets
  EXPECT_EQ(names_of("精密机械"), Names{"渝中精密机械有限公司"});

  EXPECT_EQ(names::IndexPending(sql(), database().backend(), 1), 1u);  // a batch of one
  EXPECT_EQ(names::IndexPending(sql(), database().backend(), 100), 1u);
  EXPECT_EQ(names::IndexPending(sql(), database().backend(), 100), 0u);
  EXPECT_EQ(names::Pending(sql(), 100), 0);
  EXPECT_EQ(Count("target_name_grams"), 9 + 11);  // 9 pairs in 渝中精密机械有限公司, 11 in 江北…

  // Now the rarest pair leads: 司（ (one name), not 公司 (both names, and the smaller key).
  auto choice = names::RarestGram(sql(), "公司（渝");
  ASSERT_TRUE(choice.has_value());
  EXPECT_EQ(choice->gram, NameGrams("司（").front());
  EXPECT_EQ(choice->names, 1);
  ASSERT_LT(NameGrams("公司").front(), choice->gram);
  EXPECT_EQ(names::RarestGram(sql(), "有限公司")->names, 2);
  EXPECT_EQ(names::RarestGram(sql(), "汽车")->names, 0);
  EXPECT_EQ(names_of("公司（渝"), Names{"江北食品有限公司（渝北）"});
  EXPECT_EQ(names_of("有限公司"), (Names{"江北食品有限公司（渝北）", "渝中精密机械有限公司"}));
  EXPECT_TRUE(names_of("机械食品").empty());  // every pair is stored, the fragment is not
  EXPECT_TRUE(names_of("汽车").empty());      // a pair no name has
  EXPECT_EQ(names_of("机"), Names{"渝中精密机械有限公司"});  // one character: read targets
  {
    TargetFilter f;
    f.name = "有限公司";
    f.division = "370303";
    EXPECT_EQ(repo::List(sql(), nullptr, f).total, 0);  // other filters still apply
  }

  // A form indexes at once; a rename replaces the pairs.
  int64_t id = repo::Insert(sql(), input("91500105MAJURQ285W", "重庆长安汽车股份有限公司"),
                            std::nullopt, Now(), "create");
  EXPECT_EQ(names::Pending(sql(), 100), 0);
  EXPECT_EQ(names_of("长安汽车"), Names{"重庆长安汽车股份有限公司"});
  repo::Update(sql(), id, input("91500105MAJURQ285W", "重庆长城电子有限公司"), std::nullopt, Now(),
               "update");
  EXPECT_TRUE(names_of("长安汽车").empty());
  EXPECT_EQ(names_of("长城电子"), Names{"重庆长城电子有限公司"});
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM target_name_grams WHERE target_id = :id")
                .Bind("id", id)
                .ScalarInt(sql()),
            static_cast<int64_t>(NameGrams("重庆长城电子有限公司").size()));
  EXPECT_EQ(db::Query("SELECT n FROM target_name_gram_counts WHERE gram = :g")
                .Bind("g", NameGrams("安汽").front())
                .ScalarInt(sql()),
            0);
}

TEST_P(DirectoryTest, AFragmentOfCommonPairsIsWalkedThroughTwoOfThem) {
  // 2 100 names share both pairs of 甲乙丙 (more than a walk takes before it checks a second
  // pair); 50 others have only 甲乙.
  {
    repo::Writer writer(sql(), std::nullopt, Now(), "import");
    for (int i = 0; i < 2150; ++i) {
      TargetInput t;
      t.kind = "place";
      t.code = "P" + std::to_string(i);
      t.name = (i < 2100 ? "甲乙丙" : "甲乙戊") + std::to_string(i) + "号";
      t.nature = "场所";
      t.division_code = "500103";
      t.department_id = city_;
      ASSERT_TRUE(writer.Add(t));
    }
    writer.Flush();
  }
  while (names::IndexPending(sql(), database().backend(), 1000) > 0) {
  }
  auto walk = names::SearchGram(sql(), "甲乙丙", true);
  ASSERT_TRUE(walk.has_value());
  ASSERT_TRUE(walk->also.has_value());  // both pairs, checked one after the other
  TargetFilter f;
  f.name = "甲乙丙";
  f.page_size = 20;
  auto page = repo::List(sql(), nullptr, f);
  EXPECT_EQ(page.total, 2100);
  ASSERT_EQ(page.items.size(), 20u);
  for (size_t i = 0; i < page.items.size(); ++i)  // the newest, once each, newest first
    EXPECT_EQ(page.items[i].name, "甲乙丙" + std::to_string(2099 - i) + "号");
  f.page = 105;  // the last page
  page = repo::List(sql(), nullptr, f);
  ASSERT_EQ(page.items.size(), 20u);
  EXPECT_EQ(page.items.back().name, "甲乙丙0号");
}

TEST_P(DirectoryTest, AOnePairOrATagAloneIsCountedFromItsIndex) {
  // 25 names with 甲乙 (the last 5 places, each of the others in the district's department,
  // tagged); 4 with 哈哈 of which 2 have 哈哈哈.
  {
    repo::Writer writer(sql(), std::nullopt, Now(), "import");
    for (int i = 0; i < 29; ++i) {
      TargetInput t;
      t.kind = i >= 20 && i < 25 ? "place" : "entity";
      t.code = "P" + std::to_string(i);
      t.name = i < 25 ? "甲乙" + std::to_string(i) + "号" : (i < 27 ? "哈哈哈" : "哈哈嘿");
      t.nature = "企业";
      t.division_code = "500103";
      t.department_id = i % 3 == 0 ? district_ : city_;
      if (i % 2 == 0) t.tags = {"严重违法失信"};
      ASSERT_TRUE(writer.Add(t));
    }
    writer.Flush();
  }
  while (names::IndexPending(sql(), database().backend(), 1000) > 0) {
  }
  auto list = [&](const org::Principal* who, TargetFilter f) { return repo::List(sql(), who, f); };
  TargetFilter pair;
  pair.name = "甲乙";
  auto page = list(nullptr, pair);
  EXPECT_EQ(page.total, 25);
  ASSERT_EQ(page.items.size(), 20u);
  EXPECT_EQ(page.items.front().name, "甲乙24号");  // newest first
  pair.page = 2;
  page = list(nullptr, pair);
  ASSERT_EQ(page.items.size(), 5u);
  EXPECT_EQ(page.items.back().name, "甲乙0号");
  pair.page = 1;
  // Anything beside the pair is checked target by target.
  TargetFilter entities = pair;
  entities.kind = "entity";
  page = list(nullptr, entities);
  EXPECT_EQ(page.total, 20);
  ASSERT_EQ(page.items.size(), 20u);
  EXPECT_EQ(page.items.front().name, "甲乙19号");  // 20–24 are places
  org::Principal district_user;
  district_user.user_id = 99;
  district_user.department_id = district_;
  district_user.scope = org::DataScope::kDept;
  EXPECT_EQ(list(&district_user, pair).total, 9);  // 0, 3, …, 24
  TargetFilter longer;
  longer.name = "哈哈哈";  // one pair, three characters
  EXPECT_EQ(list(nullptr, longer).total, 2);
  longer.name = "哈哈";
  EXPECT_EQ(list(nullptr, longer).total, 4);

  TargetFilter tag;
  tag.tag = "严重违法失信";
  page = list(nullptr, tag);
  EXPECT_EQ(page.total, 15);
  EXPECT_EQ(page.items.front().name, "哈哈嘿");  // 28, the newest tagged
  EXPECT_EQ(page.items.back().name, "甲乙0号");
  tag.kind = "place";
  EXPECT_EQ(list(nullptr, tag).total, 3);  // 20, 22, 24
  tag.kind = "entity";
  page = list(nullptr, tag);
  EXPECT_EQ(page.total, 12);
  EXPECT_EQ(page.items.at(1).name, "哈哈哈");  // 26; 24 is a place

  // A renamed target leaves the pair's count at once.
  auto renamed = repo::Find(sql(), "entity", "P0");
  TargetInput input;
  input.kind = "entity";
  input.code = "P0";
  input.name = "丙丁";
  input.nature = "企业";
  input.division_code = "500103";
  input.department_id = district_;
  repo::Update(sql(), renamed->id, input, std::nullopt, Now(), "update");
  EXPECT_EQ(list(nullptr, pair).total, 24);
}

TEST_P(DirectoryTest, ARenameThatRacesTheIndexerLeavesOnlyTheNewNamesPairs) {
  // Only PostgreSQL runs the two at once: SQLite's writers take turns.
  if (database().backend() != db::Backend::kPostgres) GTEST_SKIP() << "SQLite 的写入不会并发";
  TargetInput t;
  t.code = "91500103MA60K3T26Y";
  t.name = "甲乙丙有限公司";
  t.nature = "企业";
  t.division_code = "500103";
  t.department_id = city_;
  {
    repo::Writer writer(sql(), std::nullopt, Now(), "import");
    ASSERT_TRUE(writer.Add(t));
    writer.Flush();  // queued for the indexer
  }
  const int64_t id = repo::Find(sql(), "entity", t.code)->id;
  db::Lease renamer = database().Acquire();
  db::Transaction tx(*renamer, database().backend());
  t.name = "丁戊己有限公司";
  repo::Update(*renamer, id, t, std::nullopt, Now(), "update");
  // The indexer reads the old name (the rename is not committed), then waits for the rename.
  std::thread indexer([&] { names::IndexPending(sql(), database().backend(), 100); });
  db::Lease watcher = database().Acquire();
  for (int i = 0; i < 500; ++i) {
    if (db::Query("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            .ScalarInt(*watcher) > 0)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  tx.Commit();
  indexer.join();
  EXPECT_EQ(names::Pending(sql(), 10), 0);
  EXPECT_EQ(db::Query("SELECT COUNT(*) FROM target_name_grams WHERE target_id = :id")
                .Bind("id", id)
                .ScalarInt(sql()),
            static_cast<int64_t>(NameGrams("丁戊己有限公司").size()));
  TargetFilter old_pair;
  old_pair.name = "甲乙";  // one pair: counted from the index alone
  EXPECT_EQ(repo::List(sql(), nullptr, old_pair).total, 0);
}

TEST_P(DirectoryTest, ASmallImportIndexesItsNamesBeforeItCommits) {
  std::vector<std::vector<std::string>> rows = {Header()};
  rows.push_back({"渝中精密机械有限公司", "91500103MA60K3T26Y", "", "", "", "企业", "500103"});
  auto report = ImportEntities(sql(), database().backend(), Rows(rows), Options());
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->committed);
  EXPECT_EQ(names::Pending(sql(), 100), 0);
  EXPECT_TRUE(names::RarestGram(sql(), "精密").has_value());
}

TEST_P(DirectoryTest, AGbkCsvFromExcelImports) {
  // What Excel's "CSV" save writes in China: GBK, CRLF, a quoted cell with a comma.
  std::string csv =
      "\xd0\xd0\xd5\xfe\xcf\xe0\xb6\xd4\xc8\xcb\xc3\xfb\xb3\xc6,"  // 行政相对人名称
      "\xd0\xd0\xd5\xfe\xcf\xe0\xb6\xd4\xc8\xcb\xb1\xe0\xc2\xeb,"  // 行政相对人编码
      "\xbc\xec\xb2\xe9\xb5\xd8\xd6\xb7,"                          // 检查地址
      "\xbc\xec\xb2\xe9\xc1\xaa\xcf\xb5\xb5\xe7\xbb\xb0,"          // 检查联系电话
      "\xcb\xf9\xca\xf4\xc7\xf8\xcf\xd8,"                          // 所属区县
      "\xd0\xd0\xd5\xfe\xcf\xe0\xb6\xd4\xc8\xcb\xd0\xd4\xd6\xca,"  // 行政相对人性质
      "\xd0\xd0\xd5\xfe\xc7\xf8\xbb\xae\xb4\xfa\xc2\xeb\r\n"       // 行政区划代码
      "\"\xd6\xd8\xc7\xec\xbc\xd7,\xb9\xab\xcb\xbe\",91500103ma60k3t26y,,,"  // "重庆甲,公司"
      "\xd3\xe5\xd6\xd0\xc7\xf8,\xc6\xf3\xd2\xb5,500103\r\n";                // 渝中区,企业
  auto source = importer::CsvTextSource(csv);
  ASSERT_TRUE(source.ok()) << source.error().message;
  auto report = ImportEntities(sql(), database().backend(), *source, Options());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_TRUE(report->committed) << report->problems.at(0).message;
  TargetFilter f;
  f.code = "91500103MA60K3T26Y";
  auto page = repo::List(sql(), nullptr, f);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].name, "重庆甲,公司");
  EXPECT_EQ(page.items[0].district, "渝中区");
}

SSJ_BOTH_BACKENDS(DirectoryTest);

}  // namespace
}  // namespace ssj::directory

namespace ssj::directory {
namespace {

// B.2 and B.3 rows carry their appendix columns; what identifies them differs by kind.
TEST_P(DirectoryTest, PlacesAreKnownByTheirCodeOrTheirUnitAndName) {
  std::vector<std::string> header = {"场地场所",
                                     "所在地区",
                                     "行政区划",
                                     "责任单位",
                                     "责任单位统一社会信用代码",
                                     "责任人",
                                     "责任人证件类型",
                                     "责任人证件编码",
                                     "场所用途",
                                     "场所规模",
                                     "投入使用开始时间",
                                     "使用寿命",
                                     "检查地址",
                                     "检查联系电话",
                                     "所属区县",
                                     "行政相对人性质",
                                     "行政区划代码"};
  auto row = [](std::string name, std::string uscc, std::string id, std::string since) {
    return std::vector<std::string>{name,          "重庆市渝中区", "解放碑街道", "重庆甲公司",
                                    uscc,          "张三",         "",           id,
                                    "仓储",        "800 平方米",   since,        "30 年",
                                    "民族路 1 号", "023-63000000", "渝中区",     "企业",
                                    "500103"};
  };
  ImportOptions options = Options();
  options.kind = TargetKind::kPlace;
  auto bad =
      ImportTargets(sql(), database().backend(),
                    Rows({header, row("甲仓库", "", "500103199001011232", "2015-06-01"),
                          row("乙仓库", "91500103MA60K3T26Y", "500103199001011233", "2015-13-01")}),
                    options);
  ASSERT_TRUE(bad.ok()) << bad.error().message;
  EXPECT_FALSE(bad->committed);
  std::vector<std::string> columns;
  for (const auto& p : bad->problems) columns.push_back(p.column);
  EXPECT_EQ(columns, (std::vector<std::string>{"责任单位统一社会信用代码", "责任人证件编码",
                                               "投入使用开始时间"}));

  auto good = ImportTargets(
      sql(), database().backend(),
      Rows({header, row("甲仓库", "91500103MA60K3T26Y", "500103199001011232", "42156")}), options);
  ASSERT_TRUE(good.ok());
  ASSERT_TRUE(good->committed) << good->problems.at(0).message;
  auto found = repo::Find(sql(), "place", "91500103MA60K3T26Y/甲仓库");
  ASSERT_TRUE(found.has_value());
  auto target = repo::Get(sql(), nullptr, found->id);
  ASSERT_TRUE(target.has_value());
  EXPECT_NE(target->extra.find("\"in_use_since\":\"2015-06-01\""), std::string::npos);
  EXPECT_NE(target->extra.find("\"person_id_type\":\"居民身份证\""), std::string::npos);
  // Exported as a row of the same columns, it reads back as the same target.
  Row back = ToRow(*target);
  ASSERT_EQ(back.size(), TargetColumns(TargetKind::kPlace).size());
  EXPECT_EQ(back[0], "甲仓库");
  EXPECT_EQ(back[10], "2015-06-01");
  auto by_name = [&](const std::string& name) -> std::optional<int64_t> {
    if (name == target->department_name) return target->department_id;
    return std::nullopt;
  };
  Checked again = CheckTarget(TargetKind::kPlace, back, {0, by_name, ""});
  EXPECT_TRUE(again.ok());
  EXPECT_EQ(again.input.code, target->code);
  EXPECT_EQ(again.input.extra, target->extra);
}

TEST_P(DirectoryTest, ProductsAreKnownByTheirLicence) {
  std::vector<std::string> header = {
      "生产许可证编号", "企业名称", "统一社会信用代码", "发证日期",     "有效期至", "检查地址",
      "检查联系电话",   "所属区县", "行政相对人性质",   "行政区划代码", "产品名称"};
  ImportOptions options = Options();
  options.kind = TargetKind::kProduct;
  options.today = "2026-11-18";
  auto report =
      ImportTargets(sql(), database().backend(),
                    Rows({header,
                          {"xk16-204-01234", "重庆甲电缆有限公司", "91500103MA60K3T26Y",
                           "2021-03-15", "2026-03-14", "", "", "", "企业", "500103", "电线电缆"},
                          {"渝XK-2020-77", "重庆乙公司", "", "2024-01-01", "2029-01-01", "", "", "",
                           "企业", "500103", ""},
                          {"XK16-204-01235", "重庆丙公司", "", "2024-01-01", "2023-01-01", "", "",
                           "", "企业", "500103", ""}}),
                    options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->committed);  // the third row ends before it starts
  ASSERT_EQ(report->problems.size(), 3u);
  EXPECT_TRUE(report->problems[0].warning);  // row 2: expired
  EXPECT_NE(report->problems[0].message.find("2026-03-14 到期"), std::string::npos);
  EXPECT_TRUE(report->problems[1].warning);  // row 3: an unusual licence number
  EXPECT_EQ(report->problems[1].column, "生产许可证编号");
  EXPECT_FALSE(report->problems[2].warning);
  EXPECT_EQ(report->problems[2].line, 4u);
  EXPECT_EQ(report->invalid_rows, 1);

  options.skip_invalid = true;
  auto skipped = ImportTargets(sql(), database().backend(),
                               Rows({header,
                                     {"xk16-204-01234", "重庆甲电缆有限公司", "", "2021-03-15",
                                      "2026-03-14", "", "", "", "企业", "500103", "电线电缆"}}),
                               options);
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(skipped->inserted, 1);
  EXPECT_TRUE(repo::Find(sql(), "product", "XK16-204-01234").has_value());
  EXPECT_FALSE(repo::Find(sql(), "entity", "XK16-204-01234").has_value());
}

}  // namespace
}  // namespace ssj::directory

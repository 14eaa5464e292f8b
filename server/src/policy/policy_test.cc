// Policy profiles without a database: the five shipped profiles carry the numbers of their
// documents (30/20/20 working days to publish, caps 1 and 2, Zibo's 5 + 2, 60/20/7 and 30, two
// inspectors everywhere) with a citation for each, and an administrator's change is refused
// with a zh-CN reason naming the setting and the value.
#include "policy/policy.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "catalog/catalog_types.h"
#include "directory/directory_types.h"

namespace ssj::policy {
namespace {

namespace json = boost::json;

const PolicyProfile& Profile(std::string_view id) {
  const PolicyProfile* p = FindProfile(id);
  EXPECT_NE(p, nullptr) << id;
  static const PolicyProfile kNone;
  return p ? *p : kNone;
}

using Tags = std::vector<std::string>;

TEST(PolicyProfiles, FiveProfilesShipOnePerDocument) {
  std::vector<std::string> ids;
  std::vector<std::string> files;
  for (const PolicyProfile& p : ShippedProfiles()) {
    ids.push_back(p.id);
    files.push_back(p.document.file);
    EXPECT_FALSE(p.name.empty()) << p.id;
    EXPECT_FALSE(p.document.title.empty()) << p.id;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"miit", "cq-jxw", "cq-joint", "dazu", "zibo-gxj"}));
  EXPECT_EQ(files, (std::vector<std::string>{"001", "000", "003", "002", "004"}));
  EXPECT_EQ(DefaultProfile().id, "cq-joint");
  EXPECT_EQ(DefaultProfile().name, "重庆市部门联合抽查");
  EXPECT_EQ(FindProfile("nowhere"), nullptr);
}

TEST(PolicyProfiles, MiitPublishesIn30WorkingDaysWithCapOneAndQuarterlyExclusion) {
  const PolicyProfile& p = Profile("miit");
  EXPECT_EQ(p.name, "工业和信息化部");
  EXPECT_EQ(p.rules.publish_days, 30);
  EXPECT_EQ(p.citations.at("publish_days").source, "001 第十五条");
  EXPECT_EQ(p.rules.yearly_cap, 1);
  EXPECT_EQ(p.citations.at("yearly_cap").source, "001 第十条第一款");
  EXPECT_EQ(p.rules.cross_office_exclusion, "quarter");
  EXPECT_EQ(p.citations.at("cross_office_exclusion").source, "001 第十条第二款");
  EXPECT_EQ(p.rules.intensified_tags, (Tags{"严重违法失信", "投诉举报多", "行政处罚记录"}));
  EXPECT_EQ(p.rules.cap_waived_for_intensified, true);
  EXPECT_EQ(p.rules.plan_compile_by, "03-31");  // 每年第一季度
  EXPECT_EQ(p.rules.report_required, true);
  EXPECT_EQ(p.rules.inspector_substitute, "redraw");
  EXPECT_FALSE(p.rules.objection_window_days.has_value());
  EXPECT_FALSE(p.rules.exempt_list.has_value());
  EXPECT_EQ(PublicationDays(p.rules), 30);
}

TEST(PolicyProfiles, ChongqingJxwPublishesIn20WorkingDays) {
  const PolicyProfile& p = Profile("cq-jxw");
  EXPECT_EQ(p.document.number, "渝经信发〔2021〕6号");
  EXPECT_EQ(p.rules.publish_days, 20);
  EXPECT_EQ(p.citations.at("publish_days").source, "000 第十四条");
  EXPECT_EQ(p.rules.yearly_cap, 1);
  EXPECT_EQ(p.rules.general_item_ratio_cap, true);
  EXPECT_EQ(p.citations.at("general_item_ratio_cap").source, "000 第五条第一款");
  EXPECT_FALSE(p.rules.cross_office_exclusion.has_value());
  EXPECT_EQ(p.rules.intensified_tags->size(), 4u);
}

TEST(PolicyProfiles, ChongqingJointPublishesIn20DaysPlanBy31MarchChangesByTheHead) {
  const PolicyProfile& p = Profile("cq-joint");
  EXPECT_EQ(p.rules.publish_days, 20);
  EXPECT_EQ(p.citations.at("publish_days").source, "003「公示检查结果」");
  EXPECT_EQ(p.rules.plan_publish_by, "03-31");
  EXPECT_EQ(p.citations.at("plan_publish_by").source, "003「制定年度联合抽查工作计划」");
  EXPECT_EQ(p.rules.plan_public, true);
  EXPECT_EQ(p.rules.list_change_head_approval, true);
  EXPECT_EQ(p.rules.inspector_change_head_approval, true);
  EXPECT_EQ(p.rules.result_correction_head_approval, true);
  EXPECT_EQ(p.rules.team_leader, "initiating_department");
  EXPECT_EQ(p.rules.inspector_substitute, "appoint");
  // Silent on a yearly cap: not invented.
  EXPECT_FALSE(p.rules.yearly_cap.has_value());
  EXPECT_NE(p.citations.at("yearly_cap").note.find("未规定"), std::string::npos);
}

TEST(PolicyProfiles, DazuPublishesIn20WorkingDaysAndInspectsOnlyWhatIsPlanned) {
  const PolicyProfile& p = Profile("dazu");
  EXPECT_EQ(p.document.issuer, "重庆市大足区人民政府办公室");
  EXPECT_EQ(p.rules.publish_days, 20);
  EXPECT_EQ(p.citations.at("publish_days").source, "002 三（四）");
  EXPECT_EQ(p.rules.inspect_only_planned, true);
  EXPECT_EQ(p.rules.inspector_scope, "local_adjacent");
  EXPECT_FALSE(p.rules.yearly_cap.has_value());
}

TEST(PolicyProfiles, ZiboHasCapTwoReportFivePublishTwoObjections60_20_7Archive30) {
  const PolicyProfile& p = Profile("zibo-gxj");
  EXPECT_EQ(p.rules.yearly_cap, 2);
  EXPECT_EQ(p.citations.at("yearly_cap").source, "004 第十二条第一款");
  EXPECT_EQ(p.rules.report_days, 5);
  EXPECT_EQ(p.rules.publish_after_report_days, 2);
  EXPECT_EQ(p.citations.at("report_days").source, "004 第十五条第四款");
  EXPECT_FALSE(p.rules.publish_days.has_value());
  EXPECT_EQ(PublicationDays(p.rules), 7);
  EXPECT_EQ(p.rules.objection_window_days, 60);
  EXPECT_EQ(p.rules.objection_review_days, 20);
  EXPECT_EQ(p.rules.objection_notify_days, 7);
  EXPECT_EQ(p.citations.at("objection_review_days").source, "004 第十六条第二款");
  EXPECT_EQ(p.rules.archive_days, 30);
  EXPECT_EQ(p.citations.at("archive_days").source, "004 第十九条");
  EXPECT_EQ(p.rules.exempt_list, true);
  EXPECT_EQ(p.rules.exempt_redraw, true);
  EXPECT_EQ(p.rules.exempt_exceptions, (Tags{"安全生产", "生态环境", "投诉举报", "上级交办"}));
  EXPECT_EQ(p.rules.cross_office_exclusion, "task_period");
  EXPECT_EQ(p.rules.draw_witnesses, true);
  EXPECT_EQ(p.rules.draw_media_record, true);
  EXPECT_EQ(p.document.valid_until, "2025-06-05");
}

TEST(PolicyProfiles, EveryProfileNeedsTwoInspectorsPerTarget) {
  for (const PolicyProfile& p : ShippedProfiles()) {
    EXPECT_EQ(p.rules.min_inspectors, 2) << p.id;
    const Citation& c = p.citations.at("min_inspectors");
    EXPECT_FALSE(c.quote.empty()) << p.id;
    // 002 and 003 do not give the number: the national rule is applied, and said so.
    const bool silent = p.id == "dazu" || p.id == "cq-joint";
    EXPECT_EQ(c.national, silent) << p.id;
    EXPECT_EQ(c.source.starts_with(p.document.file), !silent) << p.id;
  }
}

TEST(PolicyProfiles, EveryValueCitesItsOwnDocumentAndEverySilenceSaysSo) {
  for (const PolicyProfile& p : ShippedProfiles()) {
    ASSERT_EQ(p.citations.size(), Specs().size()) << p.id;
    for (const SettingSpec& spec : Specs()) {
      const Citation& c = p.citations.at(spec.key);
      const bool has_value = !std::holds_alternative<std::monostate>(Get(p.rules, spec));
      if (has_value && !c.national) {
        // "001 第十五条"; 003 cites section headings: "003「公示检查结果」".
        EXPECT_TRUE(c.source.starts_with(p.document.file + " ") ||
                    c.source.starts_with(p.document.file + "「"))
            << p.id << " " << spec.key;
        EXPECT_FALSE(c.quote.empty()) << p.id << " " << spec.key;
      }
      if (!has_value) EXPECT_FALSE(c.note.empty()) << p.id << " " << spec.key;
      if (!c.source.empty() && !c.national) EXPECT_FALSE(c.quote.empty()) << p.id << spec.key;
    }
    EXPECT_TRUE(CheckRules(p.rules).ok()) << p.id;
  }
}

TEST(PolicyProfiles, OptionsAreTheDirectoryTagsAndTheItemNatures) {
  const SettingSpec* tags = FindSpec("intensified_tags");
  ASSERT_NE(tags, nullptr);
  std::set<std::string> expected(std::begin(directory::kTags), std::end(directory::kTags));
  std::set<std::string> got;
  for (const Option& o : tags->options) got.insert(o.code);
  EXPECT_EQ(got, expected);

  const SettingSpec* natures = FindSpec("exempt_exceptions");
  ASSERT_NE(natures, nullptr);
  expected = std::set<std::string>(std::begin(catalog::kNatures), std::end(catalog::kNatures));
  expected.erase("常规");  // the ordinary nature is the one the exempt list applies to
  got.clear();
  for (const Option& o : natures->options) got.insert(o.code);
  EXPECT_EQ(got, expected);
}

TEST(PolicyProfiles, SettingsHaveUniqueKeysAndSaneRanges) {
  std::set<std::string> keys;
  for (const SettingSpec& spec : Specs()) {
    EXPECT_TRUE(keys.insert(spec.key).second) << spec.key;
    EXPECT_FALSE(spec.label.empty()) << spec.key;
    if (spec.kind == Kind::kWorkingDays) {
      EXPECT_EQ(spec.min, 1) << spec.key;
      EXPECT_EQ(spec.max, 365) << spec.key;
    }
  }
  EXPECT_EQ(FindSpec("min_inspectors")->min, 2);
  EXPECT_TRUE(FindSpec("min_inspectors")->required);
}

TEST(PolicyValues, DescribeInWords) {
  EXPECT_EQ(Describe(*FindSpec("publish_days"), int64_t{30}), "30 个工作日");
  EXPECT_EQ(Describe(*FindSpec("yearly_cap"), std::monostate{}), "未规定");
  EXPECT_EQ(Describe(*FindSpec("plan_publish_by"), std::string("03-31")), "3 月 31 日");
  EXPECT_EQ(Describe(*FindSpec("exempt_list"), true), "是");
  EXPECT_EQ(Describe(*FindSpec("cross_office_exclusion"), std::string("quarter")), "同一季度内");
  EXPECT_EQ(Describe(*FindSpec("intensified_tags"), Tags{"投诉举报多", "经营异常名录"}),
            "投诉举报多、经营异常名录");
  EXPECT_EQ(Describe(*FindSpec("intensified_tags"), Tags{}), "无");
}

ChangeInput Input(std::string profile, json::object overrides,
                  std::string reason = "本局2026年第3次局长办公会议纪要") {
  ChangeInput in;
  in.profile_id = std::move(profile);
  for (const auto& [key, value] : overrides) in.overrides.emplace_back(std::string(key), value);
  in.reason = std::move(reason);
  return in;
}

TEST(PolicyChange, AdjustmentsEqualToTheProfileAreDroppedAndSetsAreOrdered) {
  auto change = CheckChange(Input("zibo-gxj", {{"yearly_cap", 1},
                                               {"archive_days", 30},  // as shipped
                                               {"publish_days", 20},
                                               {"intensified_tags", json::array{"投诉举报多"}},
                                               {"min_inspectors", 3}}));
  ASSERT_TRUE(change.ok()) << change.error().message;
  EXPECT_EQ(change->profile->id, "zibo-gxj");
  EXPECT_EQ(change->reason, "本局2026年第3次局长办公会议纪要");
  std::vector<std::string> keys;
  for (const auto& [key, value] : change->overrides) keys.push_back(key);
  // In Specs() order, without archive_days.
  EXPECT_EQ(keys, (std::vector<std::string>{"yearly_cap", "intensified_tags", "min_inspectors",
                                            "publish_days"}));
  EXPECT_EQ(change->rules.yearly_cap, 1);
  EXPECT_EQ(change->rules.min_inspectors, 3);
  EXPECT_EQ(change->rules.archive_days, 30);
  EXPECT_EQ(change->rules.intensified_tags, Tags{"投诉举报多"});
  EXPECT_EQ(PublicationDays(change->rules), 7);  // 5 + 2 is earlier than 20

  auto ordered =
      CheckChange(Input("cq-joint", {{"exempt_list", true},
                                     {"exempt_exceptions", json::array{"上级交办", "安全生产"}},
                                     {"yearly_cap", 2.0}}));  // a whole number written as a real
  ASSERT_TRUE(ordered.ok()) << ordered.error().message;
  EXPECT_EQ(ordered->rules.exempt_exceptions, (Tags{"安全生产", "上级交办"}));
  EXPECT_EQ(ordered->rules.yearly_cap, 2);

  auto none = CheckChange(Input("miit", {}));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->overrides.empty());
  EXPECT_EQ(none->rules, Profile("miit").rules);
}

TEST(PolicyChange, BadChangesAreRefusedNamingTheSettingAndTheValue) {
  struct Case {
    const char* what;
    ChangeInput input;
    const char* field;
    const char* value;         // details.value; "" when none is echoed
    const char* message_part;  // a part of the zh-CN message
  };
  const Case cases[] = {
      {"unknown profile", Input("beijing", {}), "profile_id", "beijing", "没有编号为“beijing”"},
      {"no reason", Input("miit", {}, "  "), "reason", "", "请填写调整依据"},
      {"long reason", Input("miit", {}, std::string(201, 'x')), "reason", "", "最多 200 个字"},
      {"unknown setting", Input("miit", {{"speed_limit", 3}}), "overrides", "speed_limit",
       "没有名为“speed_limit”的制度项"},
      {"one inspector", Input("miit", {{"min_inspectors", 1}}), "min_inspectors", "1",
       "不能少于 2 人"},
      {"no inspector rule", Input("miit", {{"min_inspectors", nullptr}}), "min_inspectors", "null",
       "不能为“未规定”"},
      {"zero days", Input("miit", {{"publish_days", 0}}), "publish_days", "0",
       "应在 1–365 个工作日之间，收到 0"},
      {"a year and a day", Input("miit", {{"publish_days", 366}}), "publish_days", "366",
       "收到 366"},
      {"days in words", Input("miit", {{"publish_days", "三十"}}), "publish_days", "\"三十\"",
       "应为 1–365 之间的整数"},
      {"half a day", Input("miit", {{"publish_days", 20.5}}), "publish_days", "",
       "应为 1–365 之间的整数"},
      {"rule removed", Input("miit", {{"publish_days", nullptr}}), "publish_days", "null",
       "不能调整为“未规定”"},
      {"cap 13", Input("zibo-gxj", {{"yearly_cap", 13}}), "yearly_cap", "13", "应在 1–12 次之间"},
      {"month day without zero", Input("cq-joint", {{"plan_publish_by", "3-31"}}),
       "plan_publish_by", "3-31", "应为 MM-DD 格式"},
      {"leap day", Input("cq-joint", {{"plan_publish_by", "02-29"}}), "plan_publish_by", "02-29",
       "平年没有这一天"},
      {"no such day", Input("cq-joint", {{"plan_publish_by", "04-31"}}), "plan_publish_by", "04-31",
       "收到 \"04-31\""},
      {"unknown window", Input("miit", {{"cross_office_exclusion", "year"}}),
       "cross_office_exclusion", "year", "quarter（同一季度内）"},
      {"unknown tag", Input("miit", {{"intensified_tags", json::array{"黑名单"}}}),
       "intensified_tags", "黑名单", "\"黑名单\" 不是可选值"},
      {"tag twice", Input("miit", {{"intensified_tags", json::array{"投诉举报多", "投诉举报多"}}}),
       "intensified_tags", "投诉举报多", "重复出现"},
      {"tags not a list", Input("miit", {{"intensified_tags", "投诉举报多"}}), "intensified_tags",
       "\"投诉举报多\"", "应为数组"},
      {"yes in words", Input("miit", {{"exempt_list", "是"}}), "exempt_list", "\"是\"",
       "应为 true（是）或 false（否）"},
      // Rules that hold settings together.
      {"redraw without the list", Input("miit", {{"exempt_redraw", true}}), "exempt_redraw", "true",
       "须同时开启“执行免检免扰名单”"},
      {"exceptions without the list",
       Input("zibo-gxj", {{"exempt_list", false}, {"exempt_redraw", false}}), "exempt_exceptions",
       "", "须同时开启"},
      {"one objection deadline", Input("miit", {{"objection_window_days", 60}}),
       "objection_review_days", "", "须一并规定"},
      {"publication after a report never made", Input("miit", {{"publish_after_report_days", 2}}),
       "publish_after_report_days", "2", "须同时规定"},
      {"report after publication", Input("miit", {{"report_days", 40}}), "report_days", "40",
       "晚于“检查结束后公示抽查结果的期限”（publish_days）的 30 个工作日"},
      {"plan public before it is made", Input("miit", {{"plan_publish_by", "03-01"}}),
       "plan_publish_by", "03-01", "早于“年度抽查工作计划编制完成的期限”"},
      {"waiver without tags", Input("cq-joint", {{"cap_waived_for_intensified", true}}),
       "cap_waived_for_intensified", "true", "须先规定“应加大抽查力度的检查对象（名录库标签）”"},
  };
  for (const Case& k : cases) {
    auto change = CheckChange(k.input);
    ASSERT_FALSE(change.ok()) << k.what;
    const Error& e = change.error();
    EXPECT_EQ(e.kind, ErrorKind::kInvalidArgument) << k.what;
    EXPECT_EQ(e.details.at("field"), k.field) << k.what << ": " << e.message;
    if (*k.value) {
      ASSERT_TRUE(e.details.contains("value")) << k.what << ": " << e.message;
      EXPECT_EQ(e.details.at("value"), k.value) << k.what << ": " << e.message;
    }
    EXPECT_NE(e.message.find(k.message_part), std::string::npos) << k.what << ": " << e.message;
  }
}

TEST(PolicyChange, ASettingErrorNamesItsLabel) {
  auto change = CheckChange(Input("cq-joint", {{"min_inspectors", 1}}));
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(
      change.error().message,
      "“每个检查对象的执法检查人员不少于”（min_inspectors）不能少于 2 人：执法检查人员不得少于"
      "两人（001 第十三条、000 第十三条、004 第九条，《中华人民共和国行政处罚法》第四十二条），"
      "收到 1");
}

TEST(PolicyChange, ApplyIgnoresUnknownSettings) {
  Rules base = Profile("miit").rules;
  Rules applied = Apply(base, {{"publish_days", int64_t{25}}, {"no_such", int64_t{1}}});
  EXPECT_EQ(applied.publish_days, 25);
  applied.publish_days = 30;
  EXPECT_EQ(applied, base);
}

}  // namespace
}  // namespace ssj::policy

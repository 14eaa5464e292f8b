#include "demo/demo_targets.h"

#include <boost/json.hpp>
#include <cstdio>
#include <random>
#include <string>

#include "audit/audit_repo.h"
#include "codes/divisions.h"
#include "codes/resident_id.h"
#include "codes/uscc.h"
#include "common/clock.h"
#include "db/database.h"
#include "directory/directory.h"
#include "directory/directory_repo.h"
#include "org/org_repo.h"

namespace ssj::demo {
namespace {

struct Industry {
  const char* word;      // in the firm's name
  const char* division;  // GB/T 4754 大类
};
constexpr Industry kIndustries[] = {
    {"机械制造", "34"}, {"电子科技", "39"}, {"食品", "14"},     {"化工", "26"},
    {"建材", "30"},     {"汽车配件", "36"}, {"能源", "44"},     {"医药", "27"},
    {"纺织", "17"},     {"家具", "21"},     {"印刷", "23"},     {"金属制品", "33"},
    {"塑料制品", "29"}, {"电气设备", "38"}, {"软件信息", "65"}, {"仪器仪表", "40"}};
constexpr const char* kBrands[] = {"华宇", "鑫达", "渝丰", "长江", "金桥", "山城", "嘉陵", "天府",
                                   "巴渝", "宏远", "恒通", "瑞丰", "联创", "兴隆", "博纳", "科锐",
                                   "云海", "凯源", "德润", "正阳", "明轩", "锦程", "中信", "川渝"};
constexpr const char* kStreets[] = {"解放碑街道", "石桥铺", "观音桥", "南坪", "杨家坪", "龙头寺",
                                    "大学城",     "西永",   "两路",   "鱼洞", "双桥",   "龙水镇"};
// Chongqing's districts and counties, weighted toward the main urban area.
constexpr const char* kDivisions[] = {
    "500103", "500103", "500103", "500104", "500105", "500105", "500106", "500106", "500107",
    "500107", "500108", "500108", "500109", "500112", "500112", "500113", "500111", "500111",
    "500110", "500115", "500116", "500117", "500118", "500120", "500151", "500152", "500153",
    "500101", "500102", "500154", "500155", "500231", "500233", "500235", "500236", "500241"};
constexpr const char* kOrgChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// A valid USCC: 9 (工商) + 1 企业 or 2 个体工商户, the division, "MA" + 6 characters + the
// organisation-code check character, then the USCC check character.
std::string Uscc(std::mt19937_64& rng, char category, const std::string& division) {
  std::string body = "MA";
  for (int i = 0; i < 6; ++i) body += kOrgChars[rng() % 31];
  std::string code = std::string("9") + category + division + body + *codes::OrgCodeCheckChar(body);
  return code + *codes::UsccCheckChar(code);
}

directory::TargetInput Make(int64_t index, int64_t default_department,
                            const std::map<std::string, int64_t>& district_departments) {
  std::mt19937_64 rng(0x5353'4A00ULL + static_cast<uint64_t>(index));  // target i is fixed
  auto pick = [&](auto& list) -> const auto& { return list[rng() % std::size(list)]; };
  directory::TargetInput t;
  t.division_code = pick(kDivisions);
  const codes::Division* division = codes::FindDivision(t.division_code);
  std::string district = division->name;
  std::string short_district = district.substr(0, district.size() - 3);  // without 区/县
  // Brand pair and industry come from the index, so names never repeat below 24 × 24 × 16:
  // for one brand pair p, the k-th use gets industry (7p + k) mod 16, a different one each time,
  // while neighbouring indices still get varied industries.
  const size_t brands = std::size(kBrands);
  const size_t pair = static_cast<size_t>(index) % (brands * brands);
  const size_t round = static_cast<size_t>(index) / (brands * brands);
  const Industry& industry = kIndustries[(7 * pair + round) % std::size(kIndustries)];
  std::string brand = std::string(kBrands[index % brands]) + kBrands[(index / brands) % brands];
  if (index % brands == (index / brands) % brands) brand = kBrands[index % brands];
  bool sole_trader = rng() % 10 == 0;
  t.nature = sole_trader ? "个体工商户" : "企业";
  t.code = Uscc(rng, sole_trader ? '2' : '1', t.division_code);
  if (sole_trader) {
    t.name = short_district + brand + industry.word + "经营部";
  } else {
    t.name = "重庆" + brand + industry.word + (rng() % 3 == 0 ? "股份有限公司" : "有限公司");
  }
  const int64_t unique_names = static_cast<int64_t>(brands * brands * std::size(kIndustries));
  if (index >= unique_names) t.name += "（" + std::to_string(index / unique_names + 1) + "）";
  t.address = division->full_name + pick(kStreets) + std::to_string(1 + rng() % 300) + "号";
  t.phone = "023-" + std::to_string(60000000 + rng() % 9999999);
  t.industry_division = industry.division;
  t.industry_section = t.industry_division == "44" ? "D" : t.industry_division == "65" ? "I" : "C";
  int roll = static_cast<int>(rng() % 100);
  t.credit_class = roll < 20 ? "A" : roll < 70 ? "B" : roll < 90 ? "C" : "D";
  roll = static_cast<int>(rng() % 100);
  t.status = roll < 88   ? "存续"
             : roll < 93 ? "在业"
             : roll < 96 ? "注销"
             : roll < 97 ? "吊销"
             : roll < 98 ? "迁出"
                         : "停业清算";
  if (rng() % 100 < 8) t.tags.push_back("投诉举报多");
  if (rng() % 100 < 3) t.tags.push_back("经营异常名录");
  if (rng() % 100 < 2) t.tags.push_back("行政处罚记录");
  if (rng() % 100 < 1) t.tags.push_back("严重违法失信");
  std::sort(t.tags.begin(), t.tags.end());
  auto district_department = district_departments.find(t.division_code);
  t.department_id = district_department != district_departments.end() ? district_department->second
                                                                      : default_department;
  return t;
}

constexpr const char* kPlaceWords[][3] = {
    {"危险化学品仓库", "储存", "占地 1200 平方米"},  {"锅炉房", "供热", "4 吨/小时燃气锅炉 2 台"},
    {"生产厂区", "生产", "占地 3.5 公顷"},           {"配电房", "供配电", "10 千伏"},
    {"储罐区", "储存", "储罐 6 个，共 3000 立方米"}, {"员工宿舍", "住宿", "建筑面积 4000 平方米"}};
constexpr const char* kPeople[] = {"张伟", "王芳", "李强", "刘洋", "陈静", "杨军", "赵磊", "黄敏"};
constexpr const char* kProducts[] = {
    "电线电缆",    "危险化学品", "化肥", "水泥", "建筑用钢筋", "燃气器具", "危险化学品包装物及容器",
    "食品相关产品"};

// Rows in each kind's import columns, checked by the same rules as an import.
directory::Row PlaceRow(const directory::TargetInput& unit, int64_t i, std::mt19937_64& rng) {
  const auto& words = kPlaceWords[i % std::size(kPlaceWords)];
  const codes::Division* division = codes::FindDivision(unit.division_code);
  std::string id = unit.division_code + std::to_string(1965 + rng() % 35) + "0" +
                   std::to_string(1 + rng() % 9) + std::to_string(10 + rng() % 18) +
                   std::to_string(100 + rng() % 900);
  id += *codes::ResidentIdCheckChar(id);
  return {unit.name + words[0],
          division->full_name,
          "",
          unit.name,
          unit.code,
          kPeople[i % std::size(kPeople)],
          "居民身份证",
          id,
          words[1],
          words[2],
          std::to_string(2005 + rng() % 18) + "-0" + std::to_string(1 + rng() % 9) + "-15",
          i % 2 ? "30 年" : "",
          unit.address,
          unit.phone,
          "",
          unit.nature,
          unit.division_code,
          unit.status,
          unit.credit_class,
          "",
          "",
          "",
          "",
          ""};
}

directory::Row ProductRow(const directory::TargetInput& unit, int64_t i, std::mt19937_64& rng) {
  char licence[32];
  std::snprintf(licence, sizeof licence, "XK%02d-%03d-%05d", 6 + static_cast<int>(rng() % 20),
                static_cast<int>(rng() % 1000), static_cast<int>(rng() % 100000));
  const int issued = 2019 + static_cast<int>(i % 6);  // licences last five years: some expired
  return {licence,
          unit.name,
          unit.code,
          std::to_string(issued) + "-04-01",
          std::to_string(issued + 5) + "-03-31",
          unit.address,
          unit.phone,
          "",
          unit.nature,
          unit.division_code,
          unit.status,
          unit.credit_class,
          "",
          "",
          "",
          "",
          kProducts[i % std::size(kProducts)]};
}

}  // namespace

Result<int64_t> AddPlacesAndProducts(soci::session& sql, db::Backend backend, int64_t now_ms,
                                     int64_t count) {
  auto office = org::repo::GetDepartmentByCode(sql, "CQJXW-JNZY");
  if (!office) return Error::NotFound("演示部门 CQJXW-JNZY（请先运行 ssj demo）");
  const std::string now = FormatIsoMillis(now_ms);
  db::Transaction tx(sql, backend);
  int64_t added = 0;
  for (int64_t i = 0; i < count; ++i) {
    std::mt19937_64 rng(0x504C'4143ULL + static_cast<uint64_t>(i));
    // The firms among the first demo targets run the places and hold the licences.
    const directory::TargetInput unit = Make(i * 7, office->id, {});
    for (auto kind : {directory::TargetKind::kPlace, directory::TargetKind::kProduct}) {
      directory::Row row =
          kind == directory::TargetKind::kPlace ? PlaceRow(unit, i, rng) : ProductRow(unit, i, rng);
      directory::Checked checked = directory::CheckTarget(
          kind, row, {office->id, [](const std::string&) { return std::nullopt; }, ""});
      if (!checked.ok()) {
        return Error::Internal("demo " + std::string(directory::Info(kind).kind) + " " +
                               checked.problems.front().column + ": " +
                               checked.problems.front().message);
      }
      if (directory::repo::Find(sql, checked.input.kind, checked.input.code)) continue;
      directory::repo::Insert(sql, checked.input, std::nullopt, now, "import");
      ++added;
    }
  }
  tx.Commit();
  return added;
}

Result<int64_t> AddTargets(soci::session& sql, db::Backend backend, int64_t now_ms, int64_t count,
                           const std::function<void(int64_t)>& progress) {
  auto office = org::repo::GetDepartmentByCode(sql, "CQJXW-JNZY");
  if (!office) return Error::NotFound("演示部门 CQJXW-JNZY（请先运行 ssj demo）");
  std::map<std::string, int64_t> district_departments;
  for (const auto& [code, division] : {std::pair{"YZ-JXW", "500103"}, {"DZ-JXW", "500111"}}) {
    if (auto d = org::repo::GetDepartmentByCode(sql, code)) district_departments[division] = d->id;
  }
  const std::string now = FormatIsoMillis(now_ms);
  int64_t added = 0;
  constexpr int64_t kBatch = 20000;  // one transaction per batch keeps the WAL small
  for (int64_t from = 0; from < count; from += kBatch) {
    db::Transaction tx(sql, backend);
    directory::repo::Writer writer(sql, std::nullopt, now, "import");
    int64_t batch_added = 0;
    for (int64_t index = from; index < std::min(count, from + kBatch); ++index) {
      // Add skips a code already stored (a demo loaded before keeps its targets).
      directory::TargetInput input = Make(index, office->id, district_departments);
      if (writer.Add(input)) ++batch_added;
    }
    writer.Flush();
    if (batch_added > 0) {
      audit::Append(sql, audit::Actor{std::nullopt, "system:demo", std::nullopt, "127.0.0.1"},
                    {"directory:target:import", "target_import", "demo", nullptr,
                     boost::json::object{{"file", "demo"}, {"inserted", batch_added}}},
                    now_ms);
    }
    tx.Commit();
    added += batch_added;
    if (progress) progress(std::min(count, from + kBatch));
  }
  return added;
}

}  // namespace ssj::demo

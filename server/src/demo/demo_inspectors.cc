#include "demo/demo_inspectors.h"

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "audit/audit_repo.h"
#include "codes/resident_id.h"
#include "codes/uscc.h"
#include "common/clock.h"
#include "inspectors/inspector_repo.h"
#include "inspectors/inspectors.h"
#include "org/org_repo.h"

namespace ssj::demo {
namespace {

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
                                     "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林"};
constexpr const char* kGiven[] = {"建国", "晓梅", "志强", "丽娟", "海涛", "静", "伟",   "敏",
                                  "俊杰", "雪",   "国华", "婷婷", "明",   "芳", "勇",   "秀英",
                                  "磊",   "欣怡", "波",   "红梅", "涛",   "倩", "浩然", "玉兰"};
// Given names above that are usually women's, for a plausible 性别.
constexpr bool kFemale[] = {false, true, false, true, false, true, false, true,
                            false, true, false, true, false, true, false, true,
                            false, true, false, true, false, true, false, true};
constexpr const char* kPosts[] = {"科员",         "副科长",   "科长",
                                  "执法大队队员", "主任科员", "四级调研员"};

struct Office {
  const char* department;
  const char* division;
  const char* cert_prefix;
  std::vector<const char*> specialties;
};

const std::vector<Office>& Offices() {
  static const std::vector<Office> offices = {
      {"CQJXW-ZHZF", "500103", "渝执50000", {"行政执法综合", "工业产品生产许可", "安全生产"}},
      {"CQJXW-JNZY", "500103", "渝执50001", {"节能监察", "清洁生产", "资源综合利用"}},
      {"CQJXW-XFP", "500103", "渝执50002", {"工业产品生产许可", "电子信息产品", "检验检测"}},
      {"CQJXW-DL", "500103", "渝执50003", {"安全生产", "节能监察", "新能源汽车"}},
      {"YZ-JXW", "500103", "渝执50103", {"工业产品生产许可", "无线电管理", "软件和信息技术服务"}},
      {"DZ-JXW", "500111", "渝执50111", {"民用爆炸物品", "危险化学品", "安全生产"}},
  };
  return offices;
}

std::string WithCheck(std::string first17, bool uscc) {
  auto check = uscc ? codes::UsccCheckChar(first17) : codes::ResidentIdCheckChar(first17);
  return first17 + *check;
}

// Person n's ID number: born 1970–1995 in the office's district, gender from the given name.
std::string IdNumber(int n, const char* division, bool female) {
  char body[18];
  int seq = 100 + (n * 7) % 800;
  if ((seq % 2 == 1) == female) ++seq;  // the 17th digit: odd for men, even for women
  std::snprintf(body, sizeof body, "%s%04d%02d%02d%03d", division, 1970 + n % 26, 1 + n % 12,
                1 + n % 28, seq);
  return WithCheck(body, false);
}

std::vector<inspectors::InspectorInput> People(const std::vector<int64_t>& department_ids) {
  std::vector<inspectors::InspectorInput> out;
  const auto& offices = Offices();
  for (int n = 0; n < 60; ++n) {
    const size_t o = static_cast<size_t>(n) % offices.size();
    const Office& office = offices[o];
    inspectors::InspectorInput p;
    p.category = "执法人员";
    const size_t given = static_cast<size_t>(n * 5 + 3) % std::size(kGiven);
    p.name =
        std::string(kSurnames[static_cast<size_t>(n * 7) % std::size(kSurnames)]) + kGiven[given];
    p.gender = kFemale[given] ? "女" : "男";
    p.phone = "1398300" + std::to_string(1000 + n);
    p.cert_no = office.cert_prefix + std::to_string(100 + n);
    // One in eight certificates has lapsed, to show the flag and the draw exclusion.
    p.cert_valid_until = n % 8 == 5 ? "2025-0" + std::to_string(1 + n % 9) + "-28"
                                    : std::to_string(2027 + n % 4) + "-12-31";
    p.post = kPosts[static_cast<size_t>(n) % std::size(kPosts)];
    p.department_id = department_ids[o];
    p.division_code = office.division;
    p.status = n % 20 == 19 ? "离岗" : "在岗";
    // One to three of the office's specialties, varying within the office (i counts its people),
    // so that a task asking for any of them finds people with it.
    const size_t i = static_cast<size_t>(n) / offices.size();
    for (size_t s = 0; s < 1 + i % 3; ++s) p.specialties.push_back(office.specialties[(s + i) % 3]);
    std::sort(p.specialties.begin(), p.specialties.end());
    p.code = p.cert_no;
    out.push_back(std::move(p));
  }
  // The demo inspector account's own record (王磊 of 渝中区).
  out[4].name = "王磊";
  out[4].gender = "男";
  struct Expert {
    const char* category;
    const char* name;
    const char* organisation;
    const char* title;
    const char* specialty;
  };
  const Expert experts[] = {
      {"专家", "陈立新", "重庆大学", "教授", "节能监察"},
      {"专家", "刘雅琴", "重庆市计量质量检测研究院", "高级工程师", "检验检测"},
      {"专家", "赵志远", "中国汽车工程研究院", "研究员", "新能源汽车"},
      {"专家", "孙丽华", "重庆市化工研究院", "高级工程师", "危险化学品"},
      {"专家", "周文斌", "西南政法大学", "副教授", "法律"},
      {"辅助人员", "郭敏", "", "助理工程师", "资源综合利用"},
      {"辅助人员", "何俊", "", "", "无线电管理"},
      {"第三方机构", "重庆市节能技术服务中心", "", "", "节能监察"},
      {"第三方机构", "重庆信安检测技术有限公司", "", "", "检验检测"},
  };
  for (size_t e = 0; e < std::size(experts); ++e) {
    inspectors::InspectorInput p;
    p.category = experts[e].category;
    p.name = experts[e].name;
    p.organisation = experts[e].organisation;
    p.title = experts[e].title;
    p.specialties = {experts[e].specialty};
    p.department_id = department_ids[1];
    p.division_code = "500103";
    if (p.category == "第三方机构") {
      char body[18];
      std::snprintf(body, sizeof body, "91500103MA5U%04zuX", 3000 + e * 17);
      p.id_number = WithCheck(body, true);
    } else {
      const bool female = e == 1 || e == 3 || e == 5;
      p.gender = female ? "女" : "男";
      p.id_number = IdNumber(static_cast<int>(e) + 61, "500103", female);
      p.phone = "1362300" + std::to_string(2000 + e);
    }
    p.code = p.id_number;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Result<int64_t> AddInspectors(soci::session& sql, db::Backend backend, int64_t now_ms) {
  std::vector<int64_t> department_ids;
  for (const Office& office : Offices()) {
    auto d = org::repo::GetDepartmentByCode(sql, office.department);
    if (!d) return Error::NotFound(std::string("演示部门 ") + office.department);
    department_ids.push_back(d->id);
  }
  const std::string now = FormatIsoMillis(now_ms);
  db::Transaction tx(sql, backend);
  int64_t added = 0;
  for (const inspectors::InspectorInput& p : People(department_ids)) {
    if (inspectors::repo::FindByCode(sql, p.code)) continue;
    const int64_t id = inspectors::repo::Insert(sql, p, std::nullopt, now, "import");
    ++added;
    // The demo inspector accounts: 王磊 of 渝中区, and 赵俊杰 of 节能与综合利用处, who is on
    // the teams of the demo's tasks.
    for (auto [name, username] : {std::pair{"王磊", "jiancha"}, std::pair{"赵俊杰", "zhifa"}}) {
      if (p.name != name) continue;
      const int64_t user = db::Query("SELECT id FROM users WHERE username = :u")
                               .Bind("u", std::string(username))
                               .ScalarInt(sql);
      if (user) inspectors::repo::SetAccount(sql, id, user);
    }
  }
  if (added > 0) {
    audit::Append(sql, audit::Actor{std::nullopt, "system:demo", std::nullopt, "127.0.0.1"},
                  {"directory:inspector:import", "inspector_import", "demo", nullptr,
                   boost::json::object{{"file", "demo"}, {"inserted", added}}},
                  now_ms);
  }
  tx.Commit();
  return added;
}

}  // namespace ssj::demo

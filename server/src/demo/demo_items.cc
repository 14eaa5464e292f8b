#include "demo/demo_items.h"

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "audit/audit_repo.h"
#include "catalog/catalog.h"
#include "catalog/catalog_repo.h"
#include "common/clock.h"

namespace ssj::demo {
namespace {

enum class State { kDraft, kPublished, kPendingEdit, kRetired };

struct DemoItem {
  const char* code;
  const char* domain;
  const char* name;
  const char* sub_item;
  const char* target;
  const char* department;
  const char* cooperating;
  const char* category;
  const char* ratio;
  const char* content;
  const char* basis;
  const char* methods;
  const char* frequency;
  const char* target_type;
  const char* no_notice;
  const char* specialty;
  const char* nature;
  State state;
  const char* note = "";  // the pending edit's new ratio cap, or the reason for retiring
};

constexpr const char* kPublication =
    "国家企业信用信息公示系统（重庆）、重庆市经济和信息化委员会门户网站";

const std::vector<DemoItem>& Items() {
  static const std::vector<DemoItem> items = {
      {"CQJXW-XFP-001", "工业产品生产许可", "工业产品生产许可证获证企业监督检查",
       "获证企业持续满足生产许可条件情况", "取得工业产品生产许可证的生产企业", "CQJXW-XFP",
       "CQJXW-ZHZF", "重点", "",
       "检查企业是否持续保持生产许可条件，许可证是否在有效期内，是否在产品、包装或说明书上标注"
       "生产许可证标志和编号，是否存在超范围生产、出租出借许可证等行为。",
       "《中华人民共和国工业产品生产许可证管理条例》第三十七条、第三十八条；《中华人民共和国工业"
       "产品生产许可证管理条例实施办法》第四十二条",
       "书面检查、现场检查", "每年1次", "行政相对人", "否", "工业产品生产许可", "常规",
       State::kPublished},
      {"CQJXW-XFP-002", "工业产品质量", "电线电缆产品质量抽查", "", "电线电缆生产企业及其产品",
       "CQJXW-XFP", "CQJXW-ZHZF", "重点", "",
       "按照相关国家标准抽样检验电线电缆产品的导体电阻、绝缘厚度、绝缘机械性能等项目，核查企业"
       "原材料进货查验和出厂检验记录。",
       "《中华人民共和国产品质量法》第十五条；《产品质量监督抽查管理暂行办法》",
       "检验检测、现场检查", "每年1次", "产品", "是", "检验检测", "常规", State::kPublished},
      {"CQJXW-XFP-003", "新能源汽车", "新能源汽车生产企业及产品一致性监督检查", "",
       "列入《道路机动车辆生产企业及产品公告》的新能源汽车生产企业", "CQJXW-XFP", "", "重点", "",
       "检查生产企业准入条件保持情况、产品生产一致性、新能源汽车安全监测平台接入及动力蓄电池溯源"
       "管理情况。",
       "《新能源汽车生产企业及产品准入管理规定》（工业和信息化部令第39号）第二十一条、第二十九条",
       "现场检查、检验检测、网络监测", "每年1次", "行政相对人", "否", "新能源汽车", "常规",
       State::kPublished},
      {"CQJXW-JNZY-001", "节能监察", "重点用能单位节能监察",
       "能源利用状况报告及能源管理制度执行情况", "年综合能源消费量一万吨标准煤以上的重点用能单位",
       "CQJXW-JNZY", "CQJXW-ZHZF", "一般", "5%",
       "检查能源利用状况报告报送、能源管理岗位设立和能源管理负责人备案、能源计量器具配备、单位产品"
       "能耗限额标准执行情况。",
       "《中华人民共和国节约能源法》第五十二条、第五十三条、第五十五条；《重点用能单位节能管理办法"
       "》"
       "；《工业节能监察办法》（工业和信息化部令第33号）",
       "书面检查、现场检查", "每年1次", "行政相对人", "否", "节能监察", "常规", State::kPendingEdit,
       "8%"},
      {"CQJXW-JNZY-002", "节能监察", "高耗能落后机电设备（产品）淘汰情况监察", "", "工业企业",
       "CQJXW-JNZY", "", "一般", "3%",
       "检查企业是否使用国家明令淘汰的用能设备和生产工艺，淘汰计划执行情况。",
       "《中华人民共和国节约能源法》第十七条、第七十一条；《高耗能落后机电设备（产品）淘汰目录》",
       "现场检查", "每年1次", "行政相对人", "否", "节能监察", "常规", State::kPublished},
      {"CQJXW-JNZY-003", "清洁生产", "强制性清洁生产审核实施情况检查", "",
       "列入强制性清洁生产审核名单的企业", "CQJXW-JNZY", "", "一般", "10%",
       "检查企业是否按规定开展清洁生产审核、报送审核报告，中高费方案实施情况。",
       "《中华人民共和国清洁生产促进法》第二十七条、第三十六条；《清洁生产审核办法》",
       "书面检查、现场检查", "每年1次", "行政相对人", "否", "清洁生产", "生态环境", State::kDraft},
      {"CQJXW-JNZY-004", "资源综合利用", "资源综合利用产品认定企业情况核查", "",
       "享受资源综合利用增值税优惠政策的企业", "CQJXW-JNZY", "", "一般", "10%",
       "核查企业资源综合利用产品及原料来源、综合利用比例和技术标准执行情况。",
       "《资源综合利用产品和劳务增值税优惠目录》；《重庆市资源综合利用认定管理办法》",
       "书面检查、专业机构核查", "每两年1次", "行政相对人", "否", "资源综合利用", "常规",
       State::kPublished},
      {"CQJXW-ZHZF-001", "民用爆炸物品", "民用爆炸物品生产企业安全检查",
       "生产许可条件及安全生产管理情况", "民用爆炸物品生产企业", "CQJXW-ZHZF", "DZ-JXW", "重点", "",
       "检查民用爆炸物品生产许可证有效情况、生产作业场所安全距离、安全生产责任制和安全管理制度落实"
       "、从业人员培训持证、产品流向信息登记等情况。",
       "《民用爆炸物品安全管理条例》第十条、第十三条、第四十四条；《民用爆炸物品生产、销售企业安全"
       "管理规程》（GB 28263）",
       "现场检查、书面检查", "每年1次", "行政相对人", "是", "民用爆炸物品", "安全生产",
       State::kPublished},
      {"CQJXW-ZHZF-002", "危险化学品", "监控化学品生产经营企业监督检查", "",
       "第二类、第三类监控化学品生产企业和经营单位", "CQJXW-ZHZF", "", "重点", "",
       "检查监控化学品生产特别许可、经营备案、生产和流向记录、年度数据申报情况。",
       "《中华人民共和国监控化学品管理条例》第八条、第十九条；《〈中华人民共和国监控化学品管理条例"
       "〉"
       "实施细则》",
       "现场检查、书面检查", "每年1次", "行政相对人", "否", "危险化学品", "常规",
       State::kPublished},
      {"CQJXW-ZHZF-003", "墙体材料", "新型墙体材料专项基金征收使用情况检查", "",
       "新建、扩建、改建建设项目的建设单位", "CQJXW-ZHZF", "", "一般", "5%",
       "检查建设单位专项基金缴纳、返退及使用情况。",
       "《新型墙体材料专项基金征收使用管理办法》（财综〔2007〕77号）", "书面检查", "每年1次",
       "行政相对人", "否", "财务审计", "常规", State::kRetired,
       "新型墙体材料专项基金已取消（财税〔2017〕18号），本事项停止执行"},
      {"CQJXW-DL-001", "电力", "电力设施保护及安全生产情况检查", "", "发电企业和重要电力用户",
       "CQJXW-DL", "CQJXW-ZHZF", "重点", "",
       "检查电力设施保护区内违章作业、电力设施安全隐患排查治理、应急预案制定和演练情况。",
       "《电力设施保护条例》第十条、第二十四条；《重庆市电力设施保护条例》", "现场检查", "每年1次",
       "场地场所", "否", "安全生产", "安全生产", State::kPublished},
      {"YZ-JXW-001", "无线电管理", "无线电台站设置使用情况检查", "台站执照及核定技术参数执行情况",
       "设置、使用无线电台（站）的单位和个人", "YZ-JXW", "", "一般", "5%",
       "检查无线电台（站）是否取得电台执照，是否按照核定的频率、功率、发射方式和天线位置等技术参数"
       "使用，是否产生有害干扰。",
       "《中华人民共和国无线电管理条例》第二十七条、第三十七条、第六十一条；《无线电台执照管理规定"
       "》",
       "现场检查、网络监测、检验检测", "每年1次", "场地场所", "否", "无线电管理", "常规",
       State::kPublished},
      {"DZ-JXW-001", "民用爆炸物品", "民用爆炸物品销售企业安全检查", "", "民用爆炸物品销售企业",
       "DZ-JXW", "CQJXW-ZHZF", "重点", "",
       "检查民用爆炸物品销售许可证有效情况、储存库房安全条件、购销台账和流向登记情况。",
       "《民用爆炸物品安全管理条例》第十八条、第二十一条、第四十一条", "现场检查", "每年1次",
       "行政相对人", "是", "民用爆炸物品", "安全生产", State::kPublished},
  };
  return items;
}

catalog::Row RowOf(const DemoItem& d) {
  // In catalog::ItemColumns() order.
  return {d.domain,     d.name,      d.target,    d.department, d.cooperating,
          "",           d.code,      d.sub_item,  d.category,   d.ratio,
          d.content,    d.basis,     d.methods,   d.frequency,  d.target_type,
          kPublication, d.no_notice, d.specialty, d.nature,     ""};
}

}  // namespace

Result<int64_t> AddItems(soci::session& sql, db::Backend backend, int64_t now_ms) {
  const std::string now = FormatIsoMillis(now_ms);
  catalog::CheckContext context;
  context.department = [&sql](const std::string& key) {
    return catalog::repo::FindDepartment(sql, key);
  };
  for (std::string& s : catalog::repo::Specialties(sql)) context.specialties.insert(std::move(s));

  db::Transaction tx(sql, backend);
  int64_t added = 0;
  for (const DemoItem& d : Items()) {
    if (catalog::repo::FindByCode(sql, d.code)) continue;
    catalog::Row row = RowOf(d);
    catalog::Checked checked = catalog::CheckItem(row, context);
    if (!checked.ok()) {
      const auto& p = checked.problems.front();
      return Error::Internal(std::string("演示事项 ") + d.code + " 有误：" + p.column + "：" +
                             p.message);
    }
    const int64_t id = catalog::repo::Insert(sql, checked.input, std::nullopt, now, "import");
    ++added;
    if (d.state == State::kDraft) continue;
    catalog::repo::Publish(sql, id, std::nullopt, now);
    if (d.state == State::kRetired) catalog::repo::Retire(sql, id, std::nullopt, now, d.note);
    if (d.state == State::kPendingEdit) {
      row[9] = d.note;  // 抽查比例上限
      catalog::Checked edit = catalog::CheckItem(row, context);
      if (!edit.ok()) return Error::Internal(std::string("演示事项 ") + d.code + " 的修改有误");
      catalog::repo::Update(sql, id, edit.input, std::nullopt, now, "update");
    }
  }
  if (added > 0) {
    audit::Append(sql, audit::Actor{std::nullopt, "system:demo", std::nullopt, "127.0.0.1"},
                  {"catalog:item:import", "catalog_item_import", "demo", nullptr,
                   boost::json::object{{"file", "demo"}, {"inserted", added}}},
                  now_ms);
  }
  tx.Commit();
  return added;
}

}  // namespace ssj::demo

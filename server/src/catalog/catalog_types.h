// Plain types of the item list (抽查事项清单): DB50/T appendix A.1's columns, the contents 001
// Art. 5 and 000 Art. 5 ask for, and Zibo's exempt-list rule (004 Art. 9). An item is versioned:
// its newest version may be a draft while an earlier one is the public one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ssj::catalog {

// 重点 items have no ratio cap; 一般 items must have one (000 Art. 5, 004 Art. 5).
inline constexpr const char* kCategories[] = {"重点", "一般"};
inline constexpr const char* kMethods[] = {"书面检查", "现场检查", "网络监测", "检验检测",
                                           "专业机构核查"};
// Codes as the target directory names its kinds, with their appendix names.
inline constexpr const char* kTargetTypes[] = {"entity", "place", "product"};
inline constexpr const char* kTargetTypeNames[] = {"行政相对人", "场地场所", "产品"};
// 事项性质: every value but 常规 keeps the exempt list (免检免扰) from applying (004 Art. 9).
inline constexpr const char* kNatures[] = {"常规", "安全生产", "生态环境", "投诉举报", "上级交办"};
inline constexpr const char* kExemptions[] = {"适用", "不适用"};
inline constexpr const char* kStatuses[] = {"草稿", "已发布", "已停用"};
// The states of one version: 已替代 is a published version that a later one replaced.
inline constexpr const char* kVersionStatuses[] = {"草稿", "已发布", "已替代", "已停用"};
// Suggestions for 公示方式 (the field is free text).
inline constexpr const char* kPublications[] = {"国家企业信用信息公示系统", "部门门户网站",
                                                "信用中国", "“双随机、一公开”监管平台"};

// What a user enters or a file row holds, after normalisation.
struct ItemInput {
  std::string code;  // 事项编码; empty until one is generated
  std::string domain;
  std::string name;
  std::string sub_item;
  std::string category;   // 重点 | 一般 | "" (a draft not yet classified)
  std::string ratio_cap;  // 一般: a decimal fraction, "0.05"; otherwise ""
  std::string content;
  std::string basis;
  std::vector<std::string> methods;  // in kMethods order, unique
  std::string frequency;
  std::string target;  // 检查对象 as A.1 words it
  std::string target_type = "entity";
  int64_t department_id = 0;             // 发起部门
  std::vector<int64_t> cooperating_ids;  // 配合部门, sorted, without the initiating one
  std::string publication;
  bool no_advance_notice = false;
  std::string specialty;
  std::string nature = "常规";
  std::string exemption = "适用";
  std::string remark;

  bool operator==(const ItemInput&) const = default;
};

struct DepartmentName {
  int64_t id = 0;
  std::string name;
};

struct Item : ItemInput {
  int64_t id = 0;
  std::string department_name;
  std::vector<DepartmentName> cooperating;  // in cooperating_ids order
  std::string status = "草稿";
  int64_t version = 1;
  std::optional<int64_t> published_version;
  std::string last_action = "create";
  std::optional<int64_t> created_by;
  std::optional<int64_t> updated_by;
  std::string updated_by_name;
  std::string created_at;
  std::string updated_at;

  // Whether the newest version is not the public one (a draft, or an edit not yet published).
  bool Pending() const { return !published_version || version > *published_version; }
};

struct ItemVersion {
  int64_t version = 0;
  std::string status;  // kVersionStatuses
  std::string action;  // create | update | import | restore
  std::string data;    // JSON
  std::string changed_by_name;
  std::string changed_at;
  std::string published_by_name;
  std::string published_at;
  std::string retired_by_name;
  std::string retired_at;
  std::string retire_reason;
};

struct ItemFilter {
  std::string q;  // substring of the name, the sub-item or the code
  std::string domain;
  std::string category;
  std::string status;
  int64_t department_id = 0;  // 发起部门; 0: any (within the caller's scope)
  int64_t page = 1;
  int64_t page_size = 20;
};

// An item as the portal shows it: its published version, without internal fields.
struct PublicItem {
  std::string code;
  std::string domain;
  std::string name;
  std::string sub_item;
  std::string category;
  std::string content;
  std::string basis;
  std::vector<std::string> methods;
  std::string frequency;
  std::string target;
  std::string target_type;
  std::string department_name;
  std::vector<std::string> cooperating_names;
  std::string publication;
  int64_t version = 0;
  std::string published_at;
  int64_t item_id = 0;  // for attaching the cooperating departments; never shown
};

}  // namespace ssj::catalog

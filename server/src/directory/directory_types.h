// Plain types of the target directory (检查对象名录库, DB50/T appendix B).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/history.h"
#include "importer/import_engine.h"

namespace ssj::directory {

// B.1 行政相对人 (organisations and persons), B.2 场地场所, B.3 产品.
inline constexpr const char* kKinds[] = {"entity", "place", "product"};

// 行政相对人性质: the appendix's categories and the 双公示 ones.
inline constexpr const char* kNatures[] = {"企业",     "个体工商户", "农民专业合作社",
                                           "其他组织", "自然人",     "法人及非法人组织"};
inline constexpr const char* kStatuses[] = {"存续", "在业", "注销",    "吊销",
                                            "撤销", "迁出", "停业清算"};
inline constexpr const char* kClasses[] = {"A", "B", "C", "D"};
inline constexpr const char* kTags[] = {"经营异常名录", "严重违法失信", "投诉举报多",
                                        "行政处罚记录"};

// What a user enters or a file row holds, after normalisation.
struct TargetInput {
  std::string kind = "entity";
  std::string code;
  std::string name;
  std::string nature;
  std::string division_code;
  std::string address;
  std::string phone;
  std::string industry_section;
  std::string industry_division;
  std::string status = "存续";
  std::string credit_class;
  std::vector<std::string> tags;  // sorted, unique
  int64_t department_id = 0;
  std::string extra = "{}";
  std::string code_warning;
};

struct Target : TargetInput {
  int64_t id = 0;
  std::string district;  // the division's name, for display
  std::string department_name;
  int64_t version = 1;
  std::string last_action = "create";  // how this version came about: create | update | import
  std::optional<int64_t> updated_by;
  std::string updated_by_name;
  std::optional<int64_t> created_by;
  std::string created_at;
  std::string updated_at;
};

// The fields a task's pool reads of a target (task/pool.cc), without the joins a page needs.
struct TargetBrief {
  int64_t id = 0;
  std::string kind;
  std::string code;
  std::string name;
  std::string division_code;
  std::string status;
  std::string credit_class;
  int64_t department_id = 0;
  std::vector<std::string> tags;
};

struct TargetFilter {
  std::string kind;
  std::string name;      // substring
  std::string code;      // exact (normalised)
  std::string division;  // a division and everything under it
  std::string industry_section;
  std::string industry_division;
  std::string status;
  std::string credit_class;
  std::string tag;
  int64_t department_id = 0;  // 0: any (within the caller's scope)
  int64_t page = 1;
  int64_t page_size = 20;
  bool operator==(const TargetFilter&) const = default;
};

using db::HistoryEntry;

using importer::CellProblem;

}  // namespace ssj::directory

// Plain types of what keeps a person or a target out of a draw: conflicts of interest
// (利害关系, inspector ↔ target) and exemptions (免检免扰, a target for a scope and a period).
#pragma once

#include <cstdint>
#include <string>

namespace ssj::restrictions {

inline constexpr const char* kSources[] = {"自行申报", "工作人员登记"};
inline constexpr const char* kStatuses[] = {"有效", "已撤销"};

struct ConflictInput {
  int64_t inspector_id = 0;
  int64_t target_id = 0;
  std::string reason;
  std::string source = "工作人员登记";
  std::string valid_from;   // YYYY-MM-DD
  std::string valid_until;  // "" = open-ended
};

struct Conflict : ConflictInput {
  int64_t id = 0;
  std::string inspector_name;
  std::string inspector_code;  // 执法证号 or 证件号码
  std::string inspector_department;
  std::string target_name;
  std::string target_code;
  std::string status = "有效";
  std::string revoke_reason;
  std::string created_at;
  std::string updated_at;
};

struct ExemptionInput {
  int64_t target_id = 0;
  std::string scope = "全部事项";
  std::string valid_from;
  std::string valid_until;
  std::string source_document;
};

struct Exemption : ExemptionInput {
  int64_t id = 0;
  std::string target_name;
  std::string target_code;
  std::string department_name;  // the target's supervising department
  std::string status = "有效";
  std::string revoke_reason;
  std::string created_at;
  std::string updated_at;
};

struct Filter {
  std::string q;         // a name or code (inspector's or target's), substring
  std::string status;    // 有效 | 已撤销 | ""
  bool current = false;  // only records in force on `today`
  std::string today;
  int64_t inspector_id = 0;
  int64_t target_id = 0;
  int64_t page = 1;
  int64_t page_size = 20;
};

}  // namespace ssj::restrictions

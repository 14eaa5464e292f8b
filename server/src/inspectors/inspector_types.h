// Plain types of the inspector directory (执法检查人员名录库, DB50/T appendix C.1 and Zibo's
// fields) and the expert and auxiliary library, which share one table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ssj::inspectors {

inline constexpr const char* kCategories[] = {"执法人员", "辅助人员", "专家", "第三方机构"};
inline constexpr const char* kGenders[] = {"男", "女"};
inline constexpr const char* kStatuses[] = {"在岗", "离岗", "停用"};

// Which list a file or a page is about: the inspectors (执法人员, and the 辅助人员 of C.1) or the
// experts and institutions.
enum class Group { kInspectors, kExperts };

struct InspectorInput {
  std::string category;
  std::string code;  // the key: cert_no for 执法人员, else id_number
  std::string name;
  std::string gender;
  std::string phone;
  std::string id_number;
  std::string cert_no;
  std::string cert_valid_until;  // YYYY-MM-DD or ""
  std::string organisation;
  std::string title;
  std::string post;
  int64_t department_id = 0;
  std::string division_code;
  std::string status = "在岗";
  std::vector<std::string> specialties;  // sorted, unique
};

struct Inspector : InspectorInput {
  int64_t id = 0;
  std::string department_name;
  std::string district;
  std::optional<int64_t> user_id;  // the login account linked to this person, if any
  std::string account_username;
  std::string account_name;
  int64_t version = 1;
  std::string last_action = "create";
  std::optional<int64_t> updated_by;
  std::string updated_by_name;
  std::string created_at;
  std::string updated_at;
};

// A login account of a person's department, offered for linking, with the person it is linked
// to now (an account links to one person at most).
struct Account {
  int64_t user_id = 0;
  std::string username;
  std::string name;
  std::optional<int64_t> inspector_id;
  std::string inspector_name;
};

struct InspectorFilter {
  std::string name;      // substring
  std::string category;  // exact
  std::optional<Group> group;
  std::string division;  // a division and everything under it
  std::string specialty;
  std::string status;
  std::string cert;   // valid | expired | ""
  std::string today;  // YYYY-MM-DD, for `cert`
  int64_t department_id = 0;
  int64_t page = 1;
  int64_t page_size = 20;
};

// The public directory: 执法人员 on duty, without phone or ID numbers.
struct PublicInspector {
  std::string name;
  std::string gender;
  std::string post;
  std::string cert_no;
  std::string cert_valid_until;
  std::string department_name;
};

}  // namespace ssj::inspectors

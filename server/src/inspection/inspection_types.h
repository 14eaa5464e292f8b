// The nouns of inspection records (检查记录, 表 F.1 of DB50 file 003): one record per drawn target
// of a task, its item rows, follow-up actions, evidence, the firm's signature or refusal, the
// team's sign-offs and the office's reviews.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ssj::inspection {

enum class State { kPending, kSubmitted, kReturned, kReviewed, kPublished };

// A result category (抽查检查结果) of the dictionary.
struct Category {
  std::string code;
  std::string text;
  std::optional<std::string> parent;
  bool problem = false;        // a problem was found
  bool uninspectable = false;  // the team could not inspect (file 004 Art. 17)
  bool active = true;
};

struct Header {
  std::string subject_name;  // 主体名称
  std::string uscc;          // 统一社会信用代码
  std::string district;      // 所属区县
  std::string licence_no;    // 证件（照）号码
  std::string legal_rep;     // 法定代表人
  std::string address;       // 检查地址
  std::string phone;         // 联系电话
};

struct ItemInput {
  std::string method;
  std::string checked;   // 检查内容
  std::string findings;  // 发现的问题
  std::vector<std::string> result_codes;
  std::string handling;  // 处理情况
};

struct RecordItem : ItemInput {
  int64_t item_id = 0;
  std::string code;
  std::string name;
  std::vector<std::string> methods;  // the item's own methods (catalog)
  int64_t department_id = 0;         // the department that records this row
  std::string department_name;
  std::string recorded_by_name;
  std::string recorded_at;
};

struct ActionInput {
  std::string client_id;
  std::string kind;
  std::string detail;
  std::string deadline;  // YYYY-MM-DD, or ""
};

struct Action : ActionInput {
  int64_t id = 0;
  std::string status;  // open | closed
  std::string created_by_name;
  std::string created_at;
};

struct Member {
  int64_t inspector_id = 0;
  std::string name;
  int64_t department_id = 0;
  std::string department_name;
  int64_t slot = 0;  // 0: the leader (组长)
  std::optional<int64_t> user_id;
  std::string signed_at;  // "" until they confirm
};

struct AttachmentInfo {
  int64_t id = 0;
  std::string kind;  // evidence | signature
  std::string name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string created_by_name;
  std::string created_at;
};

struct Review {
  std::string decision;  // approve | return
  std::string comment;
  std::string by_name;
  std::string at;
};

struct Firm {
  std::string state = "none";  // none | signed | refused
  std::string signer;
  std::optional<int64_t> signature_id;
  std::string at;
  std::string refusal_reason;
  std::string refusal_witness;
};

struct Record {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string task_code;
  std::string task_name;
  std::string task_status;
  std::string start_date;
  std::string end_date;
  int64_t department_id = 0;  // the task's initiating department
  std::string department_name;
  int64_t target_id = 0;
  std::string target_code;
  State status = State::kPending;
  int64_t version = 1;
  std::string verify_code;  // on the firm's notice: with its USCC, it files an objection
  Header header;
  Firm firm;
  std::optional<std::string> uninspectable;  // a category code
  std::string uninspectable_note;
  std::vector<RecordItem> items;
  std::vector<Action> actions;
  std::vector<Member> team;
  std::vector<AttachmentInfo> attachments;
  std::vector<Review> reviews;
  std::string submitted_at;
  std::string reviewed_at;
  std::string updated_at;
  std::string archived_at;     // when its archive was made (一对象一档案), or ""
  std::string archive_sha256;  // that archive's manifest hash
};

// A line of a record list (mine, or a task's).
struct RecordRow {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string task_code;
  std::string task_name;
  std::string start_date;
  std::string end_date;
  int64_t target_id = 0;
  std::string target_code;
  std::string target_name;
  std::string address;
  int64_t slot = -1;  // the caller's slot in /my/inspections
  std::string leader_name;
  std::string verify_code;
  State status = State::kPending;
  std::string updated_at;
};

}  // namespace ssj::inspection

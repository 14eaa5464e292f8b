// The rules of inspection records, as plain functions: what each field accepts, which result
// categories go together, who may do what in which state, and what still blocks a submission.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "inspection/inspection_types.h"

namespace ssj::inspection {

// A record item's result codes as stored ("B,E").
std::vector<std::string> SplitCodes(const std::string& text);

std::string_view StateCode(State state);
std::string_view StateName(State state);  // 待录入, 待审核, 退回, 已审核, 已公示
std::optional<State> ParseState(std::string_view code);

// 后续处置 kinds; 责令改正 needs a deadline.
const std::vector<std::string>& ActionKinds();
inline constexpr std::string_view kRectify = "责令改正";
// 检查方式, as the item list names them.
const std::vector<std::string>& Methods();

inline constexpr size_t kMaxEvidenceBytes = size_t{20} << 20;
inline constexpr size_t kMaxSignatureBytes = size_t{2} << 20;
inline constexpr int64_t kMaxAttachmentsPerRecord = 30;

// Trims and checks the 表 F.1 header; an 18-character USCC is upper-cased.
Status CheckHeader(Header& header);
// Trims and checks an item row against the item's methods and the dictionary: known, active
// codes, each once, never a category with one of its ancestors, 未发现问题 alone.
Status CheckItem(ItemInput& input, const RecordItem& row, const std::vector<Category>& categories);
// A client id names one request of a phone (8–64 of [A-Za-z0-9_-]); retries reuse it.
Status CheckClientId(const std::string& client_id);
Status CheckAction(ActionInput& input, const std::string& today);
Status CheckRefusal(std::string& reason, std::string& witness);
Status CheckSigner(std::string& signer);
Status CheckUninspectable(const std::string& code, std::string& note,
                          const std::vector<Category>& categories);

// Whether the team may still change the record: the task is inspecting and the record is
// 待录入 or 退回.
bool Editable(const Record& record);
// The department that records `item_department` in a task of `task_departments` (initiating
// first): the item's own when it takes part, else the initiating one.
int64_t RecorderDepartment(int64_t item_department, const std::vector<int64_t>& task_departments);

// What still blocks the leader's submission, in zh-CN, in the record's order.
std::vector<std::string> Missing(const Record& record, const std::vector<Category>& categories);

// What the caller may do with a record.
struct Access {
  std::optional<Member> me;  // the caller's place in the team, if any
  bool staff = false;        // inspection:record:list over the task's department
  bool reviewer = false;     // inspection:record:review over it
};
bool CanEditItem(const Record& record, const Access& access, const RecordItem& item);

// The record as the API shows it, with the caller's rights and what is missing.
boost::json::value RecordJson(const Record& record, const Access& access,
                              const std::vector<Category>& categories);
boost::json::value RowJson(const RecordRow& row);
// What the audit log keeps of a record: its content and state, without files.
boost::json::value AuditJson(const Record& record);
boost::json::value CategoryJson(const Category& category);

}  // namespace ssj::inspection

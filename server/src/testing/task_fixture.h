// The fixture of route tests that need tasks: 220 targets of 节能与综合利用处 (department 4) in
// four classes, 10 deregistered, 10 of another department; a joint task body with 消费品工业处
// (department 5); and the steps of the ceremony, down to a task whose teams have set out.
#pragma once

#include <string>
#include <vector>

#include "testing/api_test.h"

namespace ssj::testing {

class TaskTest : public ApiTest {
 protected:
  void SetUp() override;

  int64_t ItemId(const std::string& code);
  json::value TaskBody(const std::string& name, std::string start = "2026-11-19",
                       std::string end = "2026-12-20");
  int64_t Create(const json::value& body);
  std::string Path(int64_t id, const std::string& tail = "");
  // Commits; returns the secret.
  std::string Commit(int64_t id, const std::string& at = "2026-11-18 15:00");
  json::value DrawBody(const std::string& secret, const std::string& dice);
  // As the logged-in user (yewu): creates, commits, draws, confirms and starts a task with
  // `count` targets; returns its id.
  int64_t InspectingTask(const std::string& name, int64_t count);

  // "/api/v1/inspections/{id}" + tail.
  std::string Rec(int64_t id, const std::string& tail = "");
  // Links `username` to the inspector: the account then acts as that team member.
  void Link(const std::string& username, int64_t inspector_id);
  // Through the record's team (its leader as zhifa, its member as jiancha): one item with a
  // problem found (未按规定公示, 责令限期报送), the firm refusing to sign before a witness, both
  // sign-offs and the submission; then the office (yewu) approves. Leaves yewu logged in and
  // returns the item's id.
  int64_t CompleteRecord(int64_t id);

  std::vector<int64_t> ids_;  // the targets, in insertion order
};

}  // namespace ssj::testing

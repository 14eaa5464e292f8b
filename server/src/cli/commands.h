// The `ssj` subcommands as functions returning an exit code: 0 success, 1 the command ran
// and found a problem (a broken audit chain, invalid input), 2 configuration or database
// unreachable. Messages go to stdout (results) and stderr (errors), in zh-CN.
#pragma once

#include <string>
#include <vector>

#include "http/server.h"

namespace ssj::cli {

int Migrate(const std::string& db_url);
int Serve(const std::string& db_url, const http::ServerOptions& options, bool secure_cookie);
struct UserAdd {
  std::string username;
  std::string name;
  std::string department;
  std::vector<std::string> roles;
  std::string phone;
};
int AddUser(const std::string& db_url, const UserAdd& input, const std::string& password);
int Demo(const std::string& db_url, int targets);
// Builds the name index for every queued target now (directory/name_index.h), with progress.
int IndexNames(const std::string& db_url);
int AuditVerify(const std::string& db_url);
int Backup(const std::string& db_url, const std::string& out);

}  // namespace ssj::cli

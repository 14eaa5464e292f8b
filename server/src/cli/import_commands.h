// `ssj import KIND FILE`: bulk import into the directories, with a progress bar on stderr and an
// optional error report file.
#pragma once

#include <string>

namespace ssj::cli {

struct ImportArgs {
  std::string kind;  // targets (B.1), inspectors (C.1), experts
  std::string file;
  bool skip_invalid = false;
  bool update_existing = false;
  std::string errors_out;  // .xlsx, .csv (UTF-8 with BOM, for Excel) or .json
  std::string department;  // code of the default supervising department
};
int Import(const std::string& db_url, const ImportArgs& args);
// `ssj template KIND --out FILE.xlsx`: the import template.
int Template(const std::string& db_url, const std::string& kind, const std::string& out);

}  // namespace ssj::cli

// `ssj export KIND --format xlsx|csv --out FILE [filters]`: a directory exported synchronously
// with the server's exporter (exporter/export_kinds.h), without a data scope, like `ssj import`.
#pragma once

#include <string>

namespace ssj::cli {

struct ExportArgs {
  std::string kind;    // targets, inspectors, experts, items, conflicts, exemptions
  std::string format;  // xlsx | csv; empty: told by --out's extension, else xlsx
  std::string out;
  // Filters, as the web lists offer them; a filter the kind does not have is an error.
  std::string name;      // targets and people: name; items, conflicts, exemptions: q
  std::string code;      // targets: exact code
  std::string division;  // a division code and everything under it
  std::string status;
  std::string credit_class;
  std::string tag;
  std::string industry;    // a 门类 letter (A–T) or a 大类 of two digits
  std::string department;  // a department id or code
};
int Export(const std::string& db_url, const ExportArgs& args);

}  // namespace ssj::cli

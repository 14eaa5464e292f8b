// Import templates (XLSX): a data sheet whose header is the kind's columns (required ones in
// red, every column typed as text so Excel keeps codes and leading zeros), dropdowns from the
// dictionaries, an instructions sheet and a dictionary sheet.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "importer/import_engine.h"

namespace ssj::importer {

struct TemplateList {
  std::string title;  // the dictionary sheet's column header
  std::vector<std::string> items;
  int data_column = -1;  // the data sheet column that gets a dropdown; -1: listed only
};

struct TemplateSpec {
  std::string sheet;  // the data sheet's name
  const std::vector<Column>* columns = nullptr;
  std::vector<int> wide_columns;  // names and addresses
  std::vector<TemplateList> lists;
  std::vector<std::string> notes;  // under the column rules on the instructions sheet
};

Status WriteTemplate(const std::string& path, const TemplateSpec& spec);
// The template as bytes, for a download.
Result<std::string> TemplateBytes(const TemplateSpec& spec);

// Dictionary entries as strings.
template <size_t N>
std::vector<std::string> Strings(const char* const (&items)[N]) {
  return {std::begin(items), std::end(items)};
}

}  // namespace ssj::importer

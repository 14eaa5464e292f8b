// The import template for B.1 targets as an XLSX workbook: the appendix's column names in the
// header, code columns typed as text (so Excel keeps 18-digit codes and leading zeros), dropdowns
// from the dictionaries, and a sheet of instructions.
#pragma once

#include <string>

#include "common/error.h"

namespace ssj::directory {

Status WriteEntityTemplate(const std::string& path);

}  // namespace ssj::directory

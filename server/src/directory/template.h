// The import template for B.1 targets (see importer/template.h): the appendix's column names,
// dropdowns for nature, status, class, industry section and division.
#pragma once

#include <string>

#include "common/error.h"
#include "importer/template.h"

namespace ssj::directory {

importer::TemplateSpec EntityTemplate();
Status WriteEntityTemplate(const std::string& path);

}  // namespace ssj::directory

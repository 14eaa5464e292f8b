// The import templates for targets of each kind (see importer/template.h): the appendix's column
// names, dropdowns for nature, status, class, industry section and division.
#pragma once

#include <string>

#include "common/error.h"
#include "directory/directory.h"
#include "importer/template.h"

namespace ssj::directory {

importer::TemplateSpec TargetTemplate(TargetKind kind);
Status WriteTargetTemplate(TargetKind kind, const std::string& path);

}  // namespace ssj::directory

// HTTP routes of annual plans (年度抽查工作计划, docs/api.md): list and read in the caller's data
// scope with each plan's publish-by flag, drafts, submission, approval by someone other than the
// submitter, publication on the portal, adjustment as a new version, and merge suggestions.
#pragma once

#include "http/api.h"

namespace ssj::plan {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::plan

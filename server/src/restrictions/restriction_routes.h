// HTTP routes of conflicts (利害关系) and exemptions (免检免扰), docs/api.md.
#pragma once

#include "http/api.h"

namespace ssj::restrictions {

void RegisterRoutes(http::Router& router);

}  // namespace ssj::restrictions

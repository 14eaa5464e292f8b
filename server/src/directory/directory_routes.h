// HTTP binding of the target directory. Handlers only decode, call directory/ and encode.
#pragma once

#include "http/api.h"

namespace ssj::directory {
void RegisterRoutes(http::Router& router);
}

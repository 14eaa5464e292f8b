// Builds the one route table of the server from every module's registrations.
#pragma once

#include <memory>

#include "http/api.h"

namespace ssj::http {
// Throws std::logic_error if a route names a permission the catalogue does not know.
std::unique_ptr<Router> BuildRouter();
}  // namespace ssj::http

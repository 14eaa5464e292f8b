// Files people upload as evidence (ceremony photos, inspection evidence): the type is read from
// the first bytes, never trusted from the name or the Content-Type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"

namespace ssj::upload {

// image/jpeg | image/png | video/mp4 | application/pdf, or nullopt.
std::optional<std::string> SniffType(std::string_view bytes);

// Checks the name (1–100 characters, no path), the size (at most `max_bytes`, named
// `max_label` in the message) and the type; returns the type.
Result<std::string> CheckFile(const std::string& name, const std::string& bytes, size_t max_bytes,
                              const std::string& max_label);

}  // namespace ssj::upload

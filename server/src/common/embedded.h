// Files compiled into the executable by server/embed.cmake: "migrations/0001_x.sql",
// "data/divisions-cn.csv". Keys are "<folder>/<file name>", in the build's glob order.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace ssj::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& Files();
}  // namespace ssj::embedded

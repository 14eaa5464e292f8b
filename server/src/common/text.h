// Small text helpers shared by the modules' rules.
#pragma once

#include <cstddef>
#include <string_view>

namespace ssj {

// The number of characters (code points) of UTF-8 text: limits such as "1–100 个字" count
// characters as people see them, not bytes.
inline size_t Utf8Chars(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace ssj

// Small text helpers shared by the modules' rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.h"

namespace ssj {

// The number of characters (code points) of UTF-8 text: limits such as "1–100 个字" count
// characters as people see them, not bytes.
inline size_t Utf8Chars(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// `text` without leading and trailing spaces: ASCII whitespace and the full-width space U+3000
// that a phone keyboard in Chinese mode types.
inline std::string Trim(std::string_view text) {
  constexpr std::string_view kIdeographic = "\u3000";
  for (bool changed = true; changed && !text.empty();) {
    changed = false;
    if (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
        text.front() == '\n') {
      text.remove_prefix(1);
      changed = true;
    } else if (text.substr(0, 3) == kIdeographic) {
      text.remove_prefix(3);
      changed = true;
    }
    if (text.empty()) break;
    if (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n') {
      text.remove_suffix(1);
      changed = true;
    } else if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographic) {
      text.remove_suffix(3);
      changed = true;
    }
  }
  return std::string(text);
}

// Trims `value` in place and checks its length in characters: an error naming `field` ("请填写
// <label>" when required and empty; "<label>最多 N 个字" when longer than `max`).
inline Status CheckText(std::string& value, const std::string& field, const std::string& label,
                        size_t max, bool required) {
  value = Trim(value);
  if (required && value.empty()) return Error::InvalidField(field, "请填写" + label);
  if (Utf8Chars(value) > max)
    return Error::InvalidField(field, label + "最多 " + std::to_string(max) + " 个字",
                               value.substr(0, 64));
  return OkStatus();
}

}  // namespace ssj

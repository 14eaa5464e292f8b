#include "directory/name_grams.h"

#include <algorithm>

namespace ssj::directory {
namespace {

// The code point starting at text[pos], advancing pos past it.
uint32_t NextCodePoint(std::string_view text, size_t& pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  size_t len = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xE  ? 3
               : (lead >> 3) == 0x1E ? 4
                                     : 0;
  if (len == 0 || pos + len > text.size()) {
    ++pos;
    return lead;
  }
  uint32_t cp = len == 1 ? lead : lead & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return lead;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  pos += len;
  return cp;
}

}  // namespace

std::vector<int64_t> NameGrams(std::string_view name) {
  std::vector<int64_t> grams;
  uint32_t previous = 0;
  bool first = true;
  for (size_t pos = 0; pos < name.size();) {
    uint32_t cp = NextCodePoint(name, pos);
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (!first) grams.push_back((static_cast<int64_t>(previous) << 21) | cp);
    previous = cp;
    first = false;
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

bool IsOnePair(std::string_view fragment) {
  int characters = 0;
  for (size_t pos = 0; pos < fragment.size(); ++characters) {
    const size_t start = pos;
    const uint32_t cp = NextCodePoint(fragment, pos);
    if (cp >= 0x80 && pos - start == 1) return false;  // not UTF-8
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return false;
  }
  return characters == 2;
}

}  // namespace ssj::directory

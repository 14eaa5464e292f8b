// The low-level SHA256_* calls are deprecated in OpenSSL 3 but avoid EVP's per-call context
// allocation, which matters at millions of tickets per second.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "draw/encoding.h"

#include <cstring>

#include "draw/sha256_block.h"

namespace ssj::draw {

Hasher::Hasher() { SHA256_Init(&ctx_); }

Hasher& Hasher::U8(uint8_t v) {
  SHA256_Update(&ctx_, &v, 1);
  return *this;
}

Hasher& Hasher::U32(uint32_t v) {
  uint8_t b[4] = {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)};
  SHA256_Update(&ctx_, b, 4);
  return *this;
}

Hasher& Hasher::U64(uint64_t v) {
  uint8_t b[8];
  for (int byte_idx = 0; byte_idx < 8; ++byte_idx) b[byte_idx] = uint8_t(v >> (56 - 8 * byte_idx));
  SHA256_Update(&ctx_, b, 8);
  return *this;
}

Hasher& Hasher::Str(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  SHA256_Update(&ctx_, s.data(), s.size());
  return *this;
}

Hasher& Hasher::OptStr(const std::optional<std::string>& s) {
  if (!s) return U8(0);
  U8(1);
  return Str(*s);
}

Hasher& Hasher::Tag(std::string_view name) {
  static constexpr std::string_view kPrefix = "ssj-draw-v1/";
  U32(static_cast<uint32_t>(kPrefix.size() + name.size()));
  SHA256_Update(&ctx_, kPrefix.data(), kPrefix.size());
  SHA256_Update(&ctx_, name.data(), name.size());
  return *this;
}

TicketHasher::TicketHasher(const Digest& seed, std::string_view stratum) {
  Digest stratum_seed = Hasher().Tag("target").Raw(seed).Str(stratum).Finish();
  prefix_.assign(reinterpret_cast<const char*>(stratum_seed.data()), stratum_seed.size());
}

Digest TicketHasher::Ticket(std::string_view code) const {
  // stratum_seed ‖ str(code): one 64-byte SHA-256 block for codes of up to 19 bytes.
  unsigned char buffer[256];
  size_t size = prefix_.size();
  std::memcpy(buffer, prefix_.data(), size);
  uint32_t n = static_cast<uint32_t>(code.size());
  buffer[size++] = static_cast<unsigned char>(n >> 24);
  buffer[size++] = static_cast<unsigned char>(n >> 16);
  buffer[size++] = static_cast<unsigned char>(n >> 8);
  buffer[size++] = static_cast<unsigned char>(n);
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  if (size + code.size() <= sizeof buffer) {
    std::memcpy(buffer + size, code.data(), code.size());
    SHA256_Update(&ctx, buffer, size + code.size());
  } else {  // longer than any valid request allows; still the same bytes
    SHA256_Update(&ctx, buffer, size);
    SHA256_Update(&ctx, code.data(), code.size());
  }
  Digest out{};
  SHA256_Final(out.data(), &ctx);
  return out;
}

void TicketHasher::Prefixes(const std::string_view* codes, size_t n, uint64_t* out) const {
  constexpr size_t kOneBlock = 55 - 32 - 4;  // message bytes left for the code in one block

  size_t idx = 0;
  if (sha256::Available()) {
    unsigned char message[2][64], block[2][64], digest[2][32];
    for (auto& m : message) std::memcpy(m, prefix_.data(), prefix_.size());
    while (idx + 1 < n && codes[idx].size() <= kOneBlock && codes[idx + 1].size() <= kOneBlock) {
      for (int m = 0; m < 2; ++m) {
        const std::string_view code = codes[idx + m];
        const uint32_t size = static_cast<uint32_t>(code.size());
        unsigned char* p = message[m] + prefix_.size();
        p[0] = static_cast<unsigned char>(size >> 24);
        p[1] = static_cast<unsigned char>(size >> 16);
        p[2] = static_cast<unsigned char>(size >> 8);
        p[3] = static_cast<unsigned char>(size);
        std::memcpy(p + 4, code.data(), code.size());
        sha256::Pad(message[m], prefix_.size() + 4 + code.size(), block[m]);
      }
      sha256::CompressTwo(block[0], block[1], digest[0], digest[1]);
      out[idx] = Prefix64(digest[0]);
      out[idx + 1] = Prefix64(digest[1]);
      idx += 2;
      // A long code breaks the pairs: hash it alone, then pair again.
      if (idx < n && codes[idx].size() > kOneBlock) {
        out[idx] = Prefix64(Ticket(codes[idx]));
        ++idx;
      }
    }
  }
  for (; idx < n; ++idx) out[idx] = Prefix64(Ticket(codes[idx]));
}

Hasher& Hasher::Bytes(std::string_view raw) {
  SHA256_Update(&ctx_, raw.data(), raw.size());
  return *this;
}

Hasher& Hasher::Raw(const Digest& d) {
  SHA256_Update(&ctx_, d.data(), d.size());
  return *this;
}

Digest Hasher::Finish() {
  Digest out{};
  SHA256_Final(out.data(), &ctx_);
  return out;
}

std::string Hex(const Digest& d) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(64, '0');
  for (size_t byte_idx = 0; byte_idx < 32; ++byte_idx) {
    out[2 * byte_idx] = kDigits[d[byte_idx] >> 4];
    out[2 * byte_idx + 1] = kDigits[d[byte_idx] & 0xf];
  }
  return out;
}

bool ParseHex32(std::string_view hex, Digest* out) {
  if (hex.size() != 64) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t byte_idx = 0; byte_idx < 32; ++byte_idx) {
    int hi = nibble(hex[2 * byte_idx]), lo = nibble(hex[2 * byte_idx + 1]);
    if (hi < 0 || lo < 0) return false;
    (*out)[byte_idx] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  // ASCII without NUL, eight bytes at a time (codes are nearly always ASCII).
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & kHigh) break;
    if ((w - kOnes) & ~w & kHigh) return false;  // a zero byte
  }
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c == 0) return false;
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    }
    // Overlong forms and surrogates are not valid UTF-8.
    if (len == 2 && c < 0xc2) return false;
    if (len == 3) {
      unsigned char c1 = s[i + 1];
      if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0)) return false;
    }
    if (len == 4) {
      unsigned char c1 = s[i + 1];
      if ((c == 0xf0 && c1 < 0x90) || c > 0xf4 || (c == 0xf4 && c1 >= 0x90)) return false;
    }
    i += len;
  }
  return true;
}

uint64_t Prefix64(const unsigned char* digest) {
  uint64_t v = 0;
  for (int byte_idx = 0; byte_idx < 8; ++byte_idx) v = v << 8 | digest[byte_idx];
  return v;
}

}  // namespace ssj::draw

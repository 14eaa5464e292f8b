// Canonical byte encodings of the draw protocol (§2): big-endian integers, length-prefixed UTF-8
// strings and domain-separation tags, accumulated into SHA-256. Nothing else is ever hashed.
#pragma once

#include <openssl/sha.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "draw/draw_types.h"

namespace ssj::draw {

// Streams canonical values into a SHA-256 computation.
class Hasher {
 public:
  Hasher();
  Hasher& U8(uint8_t v);
  Hasher& U32(uint32_t v);
  Hasher& U64(uint64_t v);
  Hasher& Str(std::string_view s);
  Hasher& OptStr(const std::optional<std::string>& s);
  Hasher& Tag(std::string_view name);  // str("ssj-draw-v1/" + name)
  Hasher& Raw(const Digest& d);
  Hasher& Bytes(std::string_view raw);  // already encoded bytes, appended as they are
  Digest Finish();

 private:
  SHA256_CTX ctx_;
};

// Tickets of one stratum (§6): stratum_seed = H(tag("target") ‖ seed ‖ str(stratum)) once, then
// H(stratum_seed ‖ str(code)) per target from one contiguous buffer.
class TicketHasher {
 public:
  TicketHasher(const Digest& seed, std::string_view stratum);
  Digest Ticket(std::string_view code) const;
  // The first 64 bits of the tickets of codes[0 … n−1] (§6 ranks by them first). Codes of up to
  // 19 bytes fit one SHA-256 block; with the SHA extensions they are hashed two at a time.
  void Prefixes(const std::string_view* codes, size_t n, uint64_t* out) const;

 private:
  std::string prefix_;
};

std::string Hex(const Digest& d);
bool ParseHex32(std::string_view hex, Digest* out);
bool ValidUtf8(std::string_view s);
// The first 8 bytes of a digest as a big-endian integer.
uint64_t Prefix64(const unsigned char* digest);
inline uint64_t Prefix64(const Digest& d) { return Prefix64(d.data()); }

}  // namespace ssj::draw

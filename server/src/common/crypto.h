// Hashing and randomness: SHA-256 (OpenSSL EVP), hex, secure random tokens (libsodium) and
// argon2id password hashes. Thread-safe; no global state beyond libsodium's one-time init.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ssj {

using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest Sha256(std::string_view bytes);
std::string ToHex(const uint8_t* data, size_t size);
inline std::string ToHex(const Sha256Digest& d) { return ToHex(d.data(), d.size()); }
std::string Sha256Hex(std::string_view bytes);

// `bytes` random bytes from the OS CSPRNG, hex-encoded (2 * bytes characters).
std::string RandomHex(size_t bytes);

// argon2id with libsodium's INTERACTIVE limits (about 90 ms). Returns the encoded string.
std::string HashPassword(std::string_view password);
bool VerifyPassword(const std::string& encoded, std::string_view password);

// Standard base64 with padding (libsodium), for binary content kept in a text column.
std::string Base64(std::string_view bytes);
// The bytes of a base64 text; false when it is not base64.
bool FromBase64(std::string_view text, std::string* out);

// Constant-time comparison of two strings (used for CSRF tokens).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace ssj

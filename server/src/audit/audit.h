// The rules of the audit chain, free of storage: the canonical bytes of an entry (docs/audit.md),
// its hash, and the redaction of secret fields before anything is stored.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "audit/audit_types.h"

namespace ssj::audit {

inline constexpr char kGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The exact bytes that are hashed for an entry, excluding prev_hash and hash themselves.
std::string CanonicalBytes(const Entry& entry);

// hex(SHA-256(raw prev_hash (32 bytes) ‖ CanonicalBytes(entry))).
std::string ComputeHash(const std::string& prev_hash_hex, const Entry& entry);

// A copy of `value` with every secret-looking field replaced by "***": keys ending in
// "password", "password_hash", "token", or equal to / ending in "secret" ("_secret").
boost::json::value Redact(const boost::json::value& value);
// Whether a field of that name holds a secret (the keys Redact replaces).
bool IsSecretKey(std::string_view key);

}  // namespace ssj::audit

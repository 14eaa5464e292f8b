// The draw ceremony (抽取仪式), its rules pure: witnesses, the public input, the secret revealed
// against the commitment, and what a record says about who and what was drawn. No I/O.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "draw/draw_types.h"

namespace ssj::ceremony {

inline constexpr const char* kWitnessRoles[] = {"监督人",   "企业代表", "群众代表",
                                                "法律顾问", "媒体记者", "其他"};
inline constexpr size_t kMinDiceDigits = 20;
inline constexpr size_t kMaxDiceDigits = 256;

struct WitnessInput {
  std::string name;
  std::string unit;
  std::string role;
};
struct Witness : WitnessInput {
  int64_t id = 0;
  std::string created_at;
};

// Name 1–50 characters, unit 1–100, role from kWitnessRoles.
Status CheckWitness(const WitnessInput& input);

// The dice digits: kMinDiceDigits–kMaxDiceDigits characters 0–9 (spaces between groups are
// removed first, as people read dice out in groups). Returns the digits.
Result<std::string> CheckDice(std::string_view value);

// The secret typed at the ceremony: 64 hex digits whose commitment is `commitment` (hex).
// ceremony.bad_secret (400) for anything but 64 hex digits, ceremony.wrong_secret (409) when it
// does not match.
Result<draw::Digest> CheckSecret(std::string_view secret_hex, std::string_view commitment_hex);

// A fresh 32-byte secret and its commitment, hex.
struct SecretPair {
  std::string secret;
  std::string commitment;
};
SecretPair NewSecret();

}  // namespace ssj::ceremony

// Unified social credit codes (统一社会信用代码, GB 32100-2015) and their embedded organisation
// codes (GB 11714-1997): check characters and validation. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ssj::codes {

// The 18th character for the first 17, or nullopt when they contain a character outside the
// 31-character set (no I, O, S, V, Z).
std::optional<char> UsccCheckChar(std::string_view first17);
// The 9th character of an organisation code for its first 8 (digits and A–Z).
std::optional<char> OrgCodeCheckChar(std::string_view body8);
// Structure and the final check character (the embedded organisation-code check is reported
// separately because legally issued early codes sometimes fail it).
bool IsValidUscc(std::string_view code);

// How an imported USCC stands: kInvalid (wrong length, characters or check character; refused),
// kCheckMismatch (the check character differs, but the code has the "M000" numbering of the
// 2015 pilots, some of whose legally issued codes fail the check: a warning), or kValid.
enum class UsccStatus { kValid, kCheckMismatch, kInvalid };
struct UsccCheck {
  UsccStatus status = UsccStatus::kInvalid;
  std::string message;  // zh-CN, empty when valid
};
UsccCheck CheckUscc(std::string_view code);

}  // namespace ssj::codes

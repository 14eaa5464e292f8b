// Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit division, birth date, 3-digit
// sequence, and a MOD 11-2 check character. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ssj::codes {

// The check character (0–9 or X) for the first 17 digits, or nullopt when they are not digits.
std::optional<char> ResidentIdCheckChar(std::string_view first17);

// Why a number is not a valid 18-digit resident ID (zh-CN), or nullopt when it is. A lower-case
// x is accepted; callers normalise it. The 15-digit numbers of 1989 are refused with their own
// message: they have no check digit, and every holder has been issued an 18-digit number since.
std::optional<std::string> ResidentIdProblem(std::string_view id);

}  // namespace ssj::codes

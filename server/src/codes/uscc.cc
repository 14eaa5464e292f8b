#include "codes/uscc.h"

namespace ssj::codes {
namespace {
constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
}  // namespace

std::optional<char> UsccCheckChar(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (size_t pos = 0; pos < 17; ++pos) {
    size_t value = kCharset.find(first17[pos]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kWeights[pos];
  }
  return kCharset[(31 - sum % 31) % 31];
}

std::optional<char> OrgCodeCheckChar(std::string_view body8) {
  static constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  if (body8.size() != 8) return std::nullopt;
  int sum = 0;
  for (size_t pos = 0; pos < 8; ++pos) {
    char c = body8[pos];
    int value = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
    if (value < 0) return std::nullopt;
    sum += value * kOrgWeights[pos];
  }
  int r = 11 - sum % 11;
  return r == 10 ? 'X' : r == 11 ? '0' : static_cast<char>('0' + r);
}

bool IsValidUscc(std::string_view code) {
  if (code.size() != 18) return false;
  for (size_t pos = 2; pos < 8; ++pos) {
    if (code[pos] < '0' || code[pos] > '9') return false;
  }
  auto check = UsccCheckChar(code.substr(0, 17));
  return check && *check == code[17];
}

UsccCheck CheckUscc(std::string_view code) {
  if (code.size() != 18) {
    return {UsccStatus::kInvalid,
            "统一社会信用代码应为 18 位（当前 " + std::to_string(code.size()) + " 位）"};
  }
  for (size_t pos = 0; pos < 18; ++pos) {
    if (kCharset.find(code[pos]) == std::string_view::npos) {
      return {UsccStatus::kInvalid, "统一社会信用代码第 " + std::to_string(pos + 1) + " 位“" +
                                        std::string(1, code[pos]) +
                                        "”不是允许的字符（不使用 I、O、S、V、Z）"};
    }
  }
  for (size_t pos = 2; pos < 8; ++pos) {
    if (code[pos] < '0' || code[pos] > '9')
      return {UsccStatus::kInvalid, "统一社会信用代码第 3–8 位应为行政区划代码（数字）"};
  }
  char check = *UsccCheckChar(code.substr(0, 17));
  if (check != code[17]) {
    // The codes legally issued in the 2015 pilots that fail the check share one numbering: a
    // subject identifier of "M000…" (code-checks.json). Only those are let through, with a
    // warning; any other mismatch is a typo.
    if (code.substr(8, 4) == "M000") {
      return {UsccStatus::kCheckMismatch,
              std::string("统一社会信用代码校验位不符（按 GB 32100 应为 ") + check +
                  "）；2015 年试点期间发放的部分代码如此，已接受，请核对"};
    }
    return {UsccStatus::kInvalid,
            std::string("统一社会信用代码校验位错误（按 GB 32100 应为 ") + check + "），请核对"};
  }
  return {UsccStatus::kValid, ""};
}

}  // namespace ssj::codes

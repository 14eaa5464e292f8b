#include "ceremony/ceremony.h"

#include "common/crypto.h"
#include "common/text.h"
#include "directory/directory.h"
#include "draw/draw.h"
#include "draw/encoding.h"

namespace ssj::ceremony {
namespace {}  // namespace

Status CheckWitness(const WitnessInput& in) {
  if (in.name.empty() || Utf8Chars(in.name) > 50)
    return Error::InvalidField("name", "见证人姓名应为 1–50 个字", in.name.substr(0, 64));
  if (in.unit.empty() || Utf8Chars(in.unit) > 100)
    return Error::InvalidField("unit", "见证人单位应为 1–100 个字", in.unit.substr(0, 64));
  if (!directory::OneOf(in.role, kWitnessRoles)) {
    return Error::InvalidField("role",
                               "身份应为 监督人、企业代表、群众代表、法律顾问、媒体记者 或 其他",
                               in.role.substr(0, 32));
  }
  return OkStatus();
}

Result<std::string> CheckDice(std::string_view value) {
  std::string digits;
  for (char c : value) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9') {
      return Error::InvalidField("public_input.value", "公开随机数只能由数字 0–9 组成",
                                 std::string(value.substr(0, 64)));
    }
    digits += c;
  }
  if (digits.size() < kMinDiceDigits) {
    Error e = Error::InvalidField("public_input.value",
                                  "公开随机数至少 " + std::to_string(kMinDiceDigits) +
                                      " 位数字，当前只有 " + std::to_string(digits.size()) + " 位",
                                  digits);
    e.code = "ceremony.dice_too_short";
    return e;
  }
  if (digits.size() > kMaxDiceDigits) {
    return Error::InvalidField("public_input.value",
                               "公开随机数最多 " + std::to_string(kMaxDiceDigits) + " 位数字",
                               digits.substr(0, 64));
  }
  return digits;
}

Result<draw::Digest> CheckSecret(std::string_view secret_hex, std::string_view commitment_hex) {
  draw::Digest secret{};
  if (!draw::ParseHex32(secret_hex, &secret)) {
    Error e =
        Error::InvalidField("secret", "部门密钥应为 64 位十六进制数字（冻结时生成并密封保存）");
    e.code = "ceremony.bad_secret";
    return e;
  }
  if (draw::Hex(draw::Commitment(secret)) != commitment_hex) {
    // The value typed is not echoed: a near miss of a secret is still a secret.
    return Error{ErrorKind::kConflict,
                 "ceremony.wrong_secret",
                 "部门密钥与事先公布的承诺值不符，不能揭示。请核对密封保存的密钥",
                 {}};
  }
  return secret;
}

SecretPair NewSecret() {
  draw::Digest secret{};
  const std::string hex = RandomHex(32);
  draw::ParseHex32(hex, &secret);
  return SecretPair{hex, draw::Hex(draw::Commitment(secret))};
}

}  // namespace ssj::ceremony

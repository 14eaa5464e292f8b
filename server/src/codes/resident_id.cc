#include "codes/resident_id.h"

namespace ssj::codes {

std::optional<char> ResidentIdCheckChar(std::string_view first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (size_t pos = 0; pos < 17; ++pos) {
    if (first17[pos] < '0' || first17[pos] > '9') return std::nullopt;
    sum += (first17[pos] - '0') * kWeights[pos];
  }
  int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

std::optional<std::string> ResidentIdProblem(std::string_view id) {
  if (id.size() == 15 && id.find_first_not_of("0123456789") == std::string_view::npos)
    return "15 位旧身份证号码已停止使用，请填写 18 位公民身份号码";
  if (id.size() != 18) return "公民身份号码应为 18 位";
  auto check = ResidentIdCheckChar(id.substr(0, 17));
  if (!check) return "公民身份号码前 17 位应为数字";
  char last = id[17] == 'x' ? 'X' : id[17];
  if (last != *check && !(last >= '0' && last <= '9') && last != 'X')
    return "公民身份号码最后一位应为数字或 X";
  auto number = [&](size_t pos, size_t len) { return std::stoi(std::string(id.substr(pos, len))); };
  int year = number(6, 4), month = number(10, 2), day = number(12, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (year < 1800 || month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) {
    return "公民身份号码中的出生日期 " + std::string(id.substr(6, 8)) + " 不存在";
  }
  if (last != *check) return std::string("公民身份号码校验码错误（应为 ") + *check + "）";
  return std::nullopt;
}

}  // namespace ssj::codes

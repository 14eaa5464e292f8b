#include "audit/audit.h"

#include <boost/json/object.hpp>
#include <stdexcept>

#include "common/crypto.h"

namespace ssj::audit {
namespace {

void PutU32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void PutI64(std::string& out, int64_t signed_v) {
  auto v = static_cast<uint64_t>(signed_v);
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void PutStr(std::string& out, const std::string& s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

void PutOptInt(std::string& out, const std::optional<int64_t>& v) {
  out.push_back(v ? '\x01' : '\x00');
  if (v) PutI64(out, *v);
}

void PutOptStr(std::string& out, const std::optional<std::string>& v) {
  out.push_back(v ? '\x01' : '\x00');
  if (v) PutStr(out, *v);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

uint8_t HexNibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  throw std::invalid_argument("not lower-case hex");
}

}  // namespace

bool IsSecretKey(std::string_view key) {
  return EndsWith(key, "password") || EndsWith(key, "password_hash") || EndsWith(key, "token") ||
         key == "secret" || EndsWith(key, "_secret");
}

std::string CanonicalBytes(const Entry& entry) {
  std::string out;
  out.reserve(256);
  PutStr(out, "ssj-audit-v1");
  PutI64(out, entry.seq);
  PutStr(out, entry.at);
  PutOptInt(out, entry.user_id);
  PutStr(out, entry.username);
  PutOptInt(out, entry.department_id);
  PutStr(out, entry.ip);
  PutStr(out, entry.action);
  PutStr(out, entry.object_type);
  PutStr(out, entry.object_id);
  PutOptStr(out, entry.before_json);
  PutOptStr(out, entry.after_json);
  return out;
}

std::string ComputeHash(const std::string& prev_hash_hex, const Entry& entry) {
  if (prev_hash_hex.size() != 64) throw std::invalid_argument("prev_hash must be 64 hex digits");
  std::string input;
  for (size_t byte_idx = 0; byte_idx < 32; ++byte_idx) {
    input.push_back(static_cast<char>(HexNibble(prev_hash_hex[2 * byte_idx]) << 4 |
                                      HexNibble(prev_hash_hex[2 * byte_idx + 1])));
  }
  input += CanonicalBytes(entry);
  return Sha256Hex(input);
}

boost::json::value Redact(const boost::json::value& value) {
  if (value.is_object()) {
    boost::json::object out;
    for (const auto& [key, child] : value.get_object()) {
      if (IsSecretKey(key)) {
        out[key] = "***";
      } else {
        out[key] = Redact(child);
      }
    }
    return out;
  }
  if (value.is_array()) {
    boost::json::array out;
    for (const auto& child : value.get_array()) out.push_back(Redact(child));
    return out;
  }
  return value;
}

}  // namespace ssj::audit

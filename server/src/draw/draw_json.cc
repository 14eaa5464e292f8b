#include "draw/draw_json.h"

#include <boost/json.hpp>
#include <cstdio>
#include <set>
#include <tuple>

#include "codes/uscc.h"
#include "draw/draw.h"
#include "draw/encoding.h"

namespace ssj::draw {
namespace {

namespace json = boost::json;

Status OnlyKnown(const json::object& o, std::initializer_list<std::string_view> known,
                 const std::string& where) {
  for (const auto& [key, value] : o) {
    if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end()) {
      return Error::InvalidField(where + std::string(key), "未知字段（拼写错误？）",
                                 std::string(key));
    }
  }
  return OkStatus();
}

Result<const json::object*> Obj(const json::value& v, const std::string& field) {
  if (!v.is_object()) return Error::InvalidField(field, "应为 JSON 对象");
  return &v.get_object();
}

Result<std::string> Text(const json::object& o, std::string_view key, const std::string& field,
                         bool required = true) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return Error::InvalidField(field, "缺少字段");
    return std::string();
  }
  if (!v->is_string()) return Error::InvalidField(field, "应为字符串");
  return std::string(v->get_string());
}

Result<std::optional<std::string>> OptText(const json::object& o, std::string_view key,
                                           const std::string& field) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return Error::InvalidField(field, "应为字符串或 null");
  return std::optional<std::string>(std::string(v->get_string()));
}

Result<uint32_t> Uint(const json::object& o, std::string_view key, const std::string& field,
                      uint32_t max) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return Error::InvalidField(field, "缺少字段");
  int64_t n = -1;
  if (v->is_int64()) n = v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= INT64_MAX) n = static_cast<int64_t>(v->get_uint64());
  if (n < 0 || n > max)
    return Error::InvalidField(field, "应为 0–" + std::to_string(max) + " 的整数",
                               json::serialize(*v).substr(0, 32));
  return static_cast<uint32_t>(n);
}

Result<const json::array*> Arr(const json::object& o, std::string_view key,
                               const std::string& field, bool required) {
  static const json::array kEmpty;
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return Error::InvalidField(field, "缺少字段");
    return &kEmpty;
  }
  if (!v->is_array()) return Error::InvalidField(field, "应为数组");
  return &v->get_array();
}

std::string At(const std::string& list, size_t idx) {
  return list + "[" + std::to_string(idx) + "].";
}

Result<PublicInput> ParsePublicInput(const json::value& value, const std::string& field) {
  SSJ_ASSIGN(const json::object* p, Obj(value, field));
  SSJ_TRY(OnlyKnown(*p, {"kind", "source", "round", "value"}, field + "."));
  PublicInput out;
  SSJ_ASSIGN(out.kind, Text(*p, "kind", field + ".kind"));
  SSJ_ASSIGN(out.source, Text(*p, "source", field + ".source", false));
  SSJ_ASSIGN(out.round, Text(*p, "round", field + ".round", false));
  SSJ_ASSIGN(out.value, Text(*p, "value", field + ".value"));
  return out;
}

json::value PublicInputJson(const PublicInput& p) {
  json::object o{{"kind", p.kind}};
  if (p.kind != "dice") {
    o["source"] = p.source;
    o["round"] = p.round;
  }
  o["value"] = p.value;
  return o;
}

json::value PickJson(const Pick& p) { return {{"code", p.code}, {"ticket", Hex(p.ticket)}}; }

}  // namespace

Status CheckNoDuplicateKeys(std::string_view text) {
  // A structural scan: strings (with escapes) are skipped as tokens; inside an object, the string
  // after '{' or ',' is a key. Each open object keeps the set of its decoded keys.
  struct Frame {
    bool is_object;
    bool expect_key;
    std::set<std::string> keys;
  };
  std::vector<Frame> stack;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '"') {
      size_t end = pos + 1;
      while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
      if (end >= text.size()) return OkStatus();  // malformed: the JSON parser reports it
      if (!stack.empty() && stack.back().is_object && stack.back().expect_key) {
        boost::system::error_code ec;
        json::value key = json::parse(text.substr(pos, end - pos + 1), ec);
        if (!ec && key.is_string() &&
            !stack.back().keys.insert(std::string(key.get_string())).second) {
          return Error::InvalidField(std::string(key.get_string()),
                                     "JSON 对象中键重复（协议第 3 节不允许）",
                                     std::string(key.get_string()));
        }
        stack.back().expect_key = false;
      }
      pos = end;
    } else if (c == '{') {
      stack.push_back({true, true, {}});
    } else if (c == '[') {
      stack.push_back({false, false, {}});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',' && !stack.empty() && stack.back().is_object) {
      stack.back().expect_key = true;
    }
  }
  return OkStatus();
}

Result<TargetPool> ParseTargetsCsv(std::string_view text) {
  TargetPool out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // The codes never take more than the text; untouched reserved pages cost no memory.
  out.Reserve(text.size() / 16);
  size_t pos = 0;
  size_t line_no = 0;
  bool header = true;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (!ValidUtf8(line))
      return Error::InvalidField("targets_csv",
                                 "第 " + std::to_string(line_no) + " 行含有无效的 UTF-8 字符");
    size_t c1 = line.find(','), c2 = c1 == std::string_view::npos ? c1 : line.find(',', c1 + 1);
    if (c2 == std::string_view::npos || line.find(',', c2 + 1) != std::string_view::npos) {
      return Error::InvalidField(
          "targets_csv", "第 " + std::to_string(line_no) + " 行应为 code,stratum,region 三列",
          std::string(line.substr(0, 80)));
    }
    if (header) {
      if (line != "code,stratum,region") {
        return Error::InvalidField("targets_csv", "第 1 行应为表头 code,stratum,region",
                                   std::string(line.substr(0, 80)));
      }
      header = false;
      continue;
    }
    out.Add(line.substr(0, c1), line.substr(c1 + 1, c2 - c1 - 1), line.substr(c2 + 1));
  }
  return out;
}

Result<Request> ParseRequest(const json::value& value, const std::string* csv_text) {
  SSJ_ASSIGN(const json::object* o, Obj(value, "request"));
  SSJ_TRY(OnlyKnown(
      *o,
      {"protocol", "task_id", "draw_date", "strata", "targets", "targets_csv", "team", "inspectors",
       "conflicts", "commitment", "secret", "public_input", "replacements", "recusals"},
      ""));
  SSJ_ASSIGN(std::string protocol, Text(*o, "protocol", "protocol"));
  if (protocol != kProtocol)
    return Error::InvalidField("protocol", "不支持的协议版本（应为 ssj-draw/1）",
                               protocol.substr(0, 32));
  Request r;
  SSJ_ASSIGN(r.task_id, Text(*o, "task_id", "task_id"));
  SSJ_ASSIGN(r.draw_date, Text(*o, "draw_date", "draw_date"));

  SSJ_ASSIGN(const json::array* strata, Arr(*o, "strata", "strata", true));
  for (size_t idx = 0; idx < strata->size(); ++idx) {
    std::string at = At("strata", idx);
    SSJ_ASSIGN(const json::object* s, Obj((*strata)[idx], at.substr(0, at.size() - 1)));
    SSJ_TRY(OnlyKnown(*s, {"id", "ratio", "count"}, at));
    Stratum stratum;
    SSJ_ASSIGN(stratum.id, Text(*s, "id", at + "id"));
    SSJ_ASSIGN(stratum.ratio, OptText(*s, "ratio", at + "ratio"));
    if (s->contains("count") && !s->at("count").is_null()) {
      SSJ_ASSIGN(uint32_t count, Uint(*s, "count", at + "count", 100000000));
      stratum.count = count;
    }
    r.strata.push_back(std::move(stratum));
  }

  SSJ_ASSIGN(r.targets_csv, OptText(*o, "targets_csv", "targets_csv"));
  if (r.targets_csv) {
    if (o->contains("targets") && !o->at("targets").is_null()) {
      return Error::InvalidField("targets", "targets 与 targets_csv 只能给出其一");
    }
    if (!csv_text) return Error::InvalidField("targets_csv", "未提供 CSV 文件内容", *r.targets_csv);
    SSJ_ASSIGN(r.targets, ParseTargetsCsv(*csv_text));
  } else {
    SSJ_ASSIGN(const json::array* targets, Arr(*o, "targets", "targets", true));
    for (size_t idx = 0; idx < targets->size(); ++idx) {
      std::string at = At("targets", idx);
      SSJ_ASSIGN(const json::object* t, Obj((*targets)[idx], at.substr(0, at.size() - 1)));
      SSJ_TRY(OnlyKnown(*t, {"code", "stratum", "region"}, at));
      Target target;
      SSJ_ASSIGN(target.code, Text(*t, "code", at + "code"));
      SSJ_ASSIGN(target.stratum, Text(*t, "stratum", at + "stratum"));
      SSJ_ASSIGN(target.region, Text(*t, "region", at + "region", false));
      r.targets.push_back(target);
    }
  }

  if (const json::value* team_value = o->if_contains("team");
      team_value && !team_value->is_null()) {
    SSJ_ASSIGN(const json::object* t, Obj(*team_value, "team"));
    SSJ_TRY(OnlyKnown(*t, {"size", "lead_department", "departments", "region_rule"}, "team."));
    Team team;
    SSJ_ASSIGN(team.size, Uint(*t, "size", "team.size", 1000));
    SSJ_ASSIGN(team.lead_department, Text(*t, "lead_department", "team.lead_department"));
    SSJ_ASSIGN(team.region_rule, Text(*t, "region_rule", "team.region_rule"));
    SSJ_ASSIGN(const json::array* departments, Arr(*t, "departments", "team.departments", true));
    for (size_t idx = 0; idx < departments->size(); ++idx) {
      std::string at = At("team.departments", idx);
      SSJ_ASSIGN(const json::object* d, Obj((*departments)[idx], at.substr(0, at.size() - 1)));
      SSJ_TRY(OnlyKnown(*d, {"code", "specialty"}, at));
      TeamDepartment department;
      SSJ_ASSIGN(department.code, Text(*d, "code", at + "code"));
      SSJ_ASSIGN(department.specialty, OptText(*d, "specialty", at + "specialty"));
      team.departments.push_back(std::move(department));
    }
    r.team = std::move(team);
  }

  SSJ_ASSIGN(const json::array* inspectors, Arr(*o, "inspectors", "inspectors", false));
  for (size_t idx = 0; idx < inspectors->size(); ++idx) {
    std::string at = At("inspectors", idx);
    SSJ_ASSIGN(const json::object* i, Obj((*inspectors)[idx], at.substr(0, at.size() - 1)));
    SSJ_TRY(OnlyKnown(*i,
                      {"id", "name", "department", "region", "specialties",
                       "certificate_valid_until", "capacity"},
                      at));
    Inspector inspector;
    SSJ_ASSIGN(inspector.id, Text(*i, "id", at + "id"));
    SSJ_ASSIGN(inspector.name, Text(*i, "name", at + "name", false));
    SSJ_ASSIGN(inspector.department, Text(*i, "department", at + "department"));
    SSJ_ASSIGN(inspector.region, Text(*i, "region", at + "region", false));
    SSJ_ASSIGN(inspector.certificate_valid_until,
               Text(*i, "certificate_valid_until", at + "certificate_valid_until"));
    SSJ_ASSIGN(inspector.capacity, Uint(*i, "capacity", at + "capacity", 1000000));
    SSJ_ASSIGN(const json::array* specialties, Arr(*i, "specialties", at + "specialties", false));
    for (const auto& s : *specialties) {
      if (!s.is_string()) return Error::InvalidField(at + "specialties", "应为字符串数组");
      inspector.specialties.emplace_back(s.get_string());
    }
    r.inspectors.push_back(std::move(inspector));
  }

  SSJ_ASSIGN(const json::array* conflicts, Arr(*o, "conflicts", "conflicts", false));
  for (size_t idx = 0; idx < conflicts->size(); ++idx) {
    std::string at = At("conflicts", idx);
    SSJ_ASSIGN(const json::object* c, Obj((*conflicts)[idx], at.substr(0, at.size() - 1)));
    SSJ_TRY(OnlyKnown(*c, {"inspector", "target", "reason"}, at));
    Conflict conflict;
    SSJ_ASSIGN(conflict.inspector, Text(*c, "inspector", at + "inspector"));
    SSJ_ASSIGN(conflict.target, Text(*c, "target", at + "target"));
    SSJ_ASSIGN(conflict.reason, Text(*c, "reason", at + "reason", false));
    r.conflicts.push_back(std::move(conflict));
  }

  SSJ_ASSIGN(std::string commitment, Text(*o, "commitment", "commitment"));
  if (!ParseHex32(commitment, &r.commitment))
    return Error::InvalidField("commitment", "承诺值应为 64 位十六进制", commitment.substr(0, 80));
  SSJ_ASSIGN(std::string secret, Text(*o, "secret", "secret"));
  if (!ParseHex32(secret, &r.secret))
    return Error::InvalidField("secret", "部门密钥应为 64 位十六进制（32 字节）");

  const json::value* public_value = o->if_contains("public_input");
  if (!public_value) return Error::InvalidField("public_input", "缺少字段");
  SSJ_ASSIGN(r.public_input, ParsePublicInput(*public_value, "public_input"));

  SSJ_ASSIGN(const json::array* replacements, Arr(*o, "replacements", "replacements", false));
  for (size_t idx = 0; idx < replacements->size(); ++idx) {
    std::string at = At("replacements", idx);
    SSJ_ASSIGN(const json::object* rep, Obj((*replacements)[idx], at.substr(0, at.size() - 1)));
    SSJ_TRY(OnlyKnown(*rep, {"target", "reason"}, at));
    Replacement replacement;
    SSJ_ASSIGN(replacement.target, Text(*rep, "target", at + "target"));
    SSJ_ASSIGN(replacement.reason, Text(*rep, "reason", at + "reason"));
    r.replacements.push_back(std::move(replacement));
  }
  SSJ_ASSIGN(const json::array* recusals, Arr(*o, "recusals", "recusals", false));
  for (size_t idx = 0; idx < recusals->size(); ++idx) {
    std::string at = At("recusals", idx);
    SSJ_ASSIGN(const json::object* rc, Obj((*recusals)[idx], at.substr(0, at.size() - 1)));
    Recusal recusal;
    SSJ_ASSIGN(recusal.kind, Text(*rc, "kind", at + "kind"));
    if (recusal.kind == "swap") {
      SSJ_TRY(OnlyKnown(
          *rc, {"kind", "inspector", "target", "with_inspector", "with_target", "reason"}, at));
      SSJ_ASSIGN(recusal.target, Text(*rc, "target", at + "target"));
      SSJ_ASSIGN(recusal.with_inspector, Text(*rc, "with_inspector", at + "with_inspector"));
      SSJ_ASSIGN(recusal.with_target, Text(*rc, "with_target", at + "with_target"));
    } else {
      SSJ_TRY(OnlyKnown(*rc, {"kind", "inspector", "reason", "public_input"}, at));
      const json::value* pi = rc->if_contains("public_input");
      if (!pi) return Error::InvalidField(at + "public_input", "退出检查须提供新的现场公开随机数");
      SSJ_ASSIGN(recusal.public_input, ParsePublicInput(*pi, at + "public_input"));
    }
    SSJ_ASSIGN(recusal.inspector, Text(*rc, "inspector", at + "inspector"));
    SSJ_ASSIGN(recusal.reason, Text(*rc, "reason", at + "reason"));
    r.recusals.push_back(std::move(recusal));
  }
  return r;
}

json::value RecordJson(const json::value& request_json, const Outcome& out,
                       const std::string& pool_sha256, const std::string& engine) {
  json::object record;
  record["protocol"] = kProtocol;
  record["engine"] = engine;
  record["request"] = request_json;
  if (!pool_sha256.empty()) record["pool_sha256"] = pool_sha256;
  record["pool_digest"] = Hex(out.pool_digest);
  record["commitment"] = Hex(out.commitment);
  record["seed"] = Hex(out.seed);
  json::array strata;
  for (const StratumResult& s : out.strata) {
    json::array selected, reserves;
    for (const Pick& p : s.selected) selected.push_back(PickJson(p));
    for (const Pick& p : s.reserves) reserves.push_back(PickJson(p));
    strata.push_back({{"id", s.id},
                      {"population", s.population},
                      {"k", s.k},
                      {"selected", std::move(selected)},
                      {"reserves", std::move(reserves)}});
  }
  record["strata"] = std::move(strata);
  json::array replacements;
  for (const ReplacementResult& rep : out.replacements) {
    replacements.push_back({{"target", rep.target},
                            {"reason", rep.reason},
                            {"stratum", rep.stratum},
                            {"replacement", rep.replacement}});
  }
  record["replacements"] = std::move(replacements);
  json::array recusals;
  for (const RecusalResult& rr : out.recusals) {
    const Recusal& rec = rr.recusal;
    json::object o{{"kind", rec.kind}, {"inspector", rec.inspector}};
    if (rec.kind == "swap") {
      o["target"] = rec.target;
      o["with_inspector"] = rec.with_inspector;
      o["with_target"] = rec.with_target;
      o["reason"] = rec.reason;
    } else {
      o["reason"] = rec.reason;
      o["public_input"] = PublicInputJson(rec.public_input);
      o["wseed"] = Hex(rr.wseed);
      json::array refilled;
      for (const RefilledSlot& slot : rr.refilled) {
        refilled.push_back(
            {{"target", slot.target}, {"slot", slot.slot}, {"inspector", slot.inspector}});
      }
      o["refilled"] = std::move(refilled);
    }
    recusals.push_back(std::move(o));
  }
  record["recusals"] = std::move(recusals);
  json::array teams;
  for (const TeamResult& t : out.teams) {
    json::array members;
    for (const Member& m : t.members) {
      members.push_back({{"slot", m.slot}, {"class", m.slot_class}, {"inspector", m.inspector}});
    }
    teams.push_back({{"target", t.target},
                     {"stratum", t.stratum},
                     {"region", t.region},
                     {"members", std::move(members)}});
  }
  record["teams"] = std::move(teams);
  json::object loads;
  for (const auto& [id, load] : out.loads) loads[id] = load;
  record["loads"] = std::move(loads);
  return record;
}

namespace {

std::string Describe(const json::value& v) {
  std::string s = json::serialize(v);
  return s.size() > 120 ? s.substr(0, 117) + "..." : s;
}

std::string Diff(const json::value& want, const json::value& got, const std::string& path) {
  if (want.kind() != got.kind() && !(want.is_number() && got.is_number())) {
    return path + ": 期望 " + Describe(want) + "，实际 " + Describe(got);
  }
  if (want.is_object()) {
    for (const auto& [key, value] : want.get_object()) {
      const json::value* other = got.get_object().if_contains(key);
      std::string child = path.empty() ? std::string(key) : path + "." + std::string(key);
      if (!other) return child + ": 记录中缺少此项";
      std::string d = Diff(value, *other, child);
      if (!d.empty()) return d;
    }
    for (const auto& [key, value] : got.get_object()) {
      if (!want.get_object().contains(key))
        return (path.empty() ? "" : path + ".") + std::string(key) + ": 记录中多出此项";
    }
    return {};
  }
  if (want.is_array()) {
    const auto& a = want.get_array();
    const auto& b = got.get_array();
    for (size_t idx = 0; idx < std::min(a.size(), b.size()); ++idx) {
      std::string d = Diff(a[idx], b[idx], path + "[" + std::to_string(idx) + "]");
      if (!d.empty()) return d;
    }
    if (a.size() != b.size()) {
      return path + ": 期望 " + std::to_string(a.size()) + " 项，实际 " + std::to_string(b.size()) +
             " 项";
    }
    return {};
  }
  if (want != got) return path + ": 期望 " + Describe(want) + "，实际 " + Describe(got);
  return {};
}

}  // namespace

std::string FirstDifference(const json::value& record, const json::value& recomputed) {
  // "engine" names the program that wrote the record; any conforming engine may verify it.
  json::value want = recomputed;
  json::value got = record;
  if (want.is_object()) want.get_object().erase("engine");
  if (got.is_object()) got.get_object().erase("engine");
  return Diff(want, got, "");
}

}  // namespace ssj::draw

namespace ssj::draw {
namespace {

// A deterministic pseudo-random stream for the example (not part of the protocol).
class ExampleRng {
 public:
  explicit ExampleRng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

std::string ExampleUscc(ExampleRng& rng, const std::string& division) {
  static constexpr std::string_view kBody = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string body = "MA";
  while (body.size() < 8) body += kBody[rng.Below(kBody.size())];
  std::string first17 = "91" + division + body + *codes::OrgCodeCheckChar(body);
  return first17 + *codes::UsccCheckChar(first17);
}

}  // namespace

boost::json::value ExampleRequest() {
  namespace json = boost::json;
  ExampleRng rng(20261122);
  const std::vector<std::pair<std::string, std::string>> regions = {
      {"500103", "渝中"}, {"500105", "江北"}, {"500111", "大足"}};
  // Credit and risk classes with the differentiated ratios regulators use.
  const std::vector<std::tuple<std::string, std::string, int>> strata = {
      {"A", "0.03", 300}, {"B", "0.04", 180}, {"C", "0.05", 90}, {"D", "0.06", 30}};
  json::array strata_json, targets;
  for (const auto& [id, ratio, count] : strata) {
    strata_json.push_back({{"id", id}, {"ratio", ratio}});
    for (int n = 0; n < count; ++n) {
      const auto& region = regions[rng.Below(regions.size())].first;
      targets.push_back({{"code", ExampleUscc(rng, region)}, {"stratum", id}, {"region", region}});
    }
  }
  static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄",
                                    "赵", "周", "吴", "徐", "孙", "马", "胡"};
  static const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "磊", "强", "军",
                                 "洋", "勇", "艳", "杰", "涛", "明", "超", "霞"};
  json::array inspectors;
  int serial = 0;
  auto add = [&](const std::string& department, const std::string& prefix,
                 const std::string& region, json::array specialties,
                 const std::string& valid_until) {
    ++serial;
    std::string name = std::string(kSurnames[rng.Below(14)]) + kGiven[rng.Below(16)] +
                       (rng.Below(2) ? kGiven[rng.Below(16)] : "");
    char id[32];
    std::snprintf(id, sizeof id, "%s-%04d", prefix.c_str(), serial);
    inspectors.push_back({{"id", id},
                          {"name", name},
                          {"department", department},
                          {"region", region},
                          {"specialties", std::move(specialties)},
                          {"certificate_valid_until", valid_until},
                          {"capacity", 5}});
  };
  for (const auto& [region, name] : regions) {
    for (int n = 0; n < 6; ++n)
      add("CQJXW-JNZY", "JN", region, {"节能监察", "工业节能"},
          n == 5 ? "2026-06-30" : "2028-12-31");
    add("CQJXW-JNZY", "JN", region, {"电力安全"}, "2028-12-31");  // lacks the required specialty
    for (int n = 0; n < 5; ++n) add("CQSCJ-ZD", "SC", region, {"产品质量"}, "2027-12-31");
  }
  json::array conflicts;
  for (int n = 0; n < 3; ++n) {
    conflicts.push_back({{"inspector", inspectors[n * 4].at("id")},
                         {"target", targets[n * 7].at("code")},
                         {"reason", n == 0   ? "近亲属在该企业任职"
                                    : n == 1 ? "曾在该企业工作未满两年"
                                             : "本人申报的其他利害关系"}});
  }
  Digest secret = Hasher().Tag("example-secret").Str("CQJXW-2026-031").Finish();
  json::object request;
  request["protocol"] = kProtocol;
  request["task_id"] = "CQJXW-2026-031";
  request["draw_date"] = "2026-11-22";
  request["strata"] = std::move(strata_json);
  request["targets"] = std::move(targets);
  request["team"] = {
      {"size", 2},
      {"lead_department", "CQJXW-JNZY"},
      {"departments", json::array{json::object{{"code", "CQJXW-JNZY"}, {"specialty", "节能监察"}},
                                  json::object{{"code", "CQSCJ-ZD"}, {"specialty", nullptr}}}},
      {"region_rule", "same_region"}};
  request["inspectors"] = std::move(inspectors);
  request["conflicts"] = std::move(conflicts);
  request["commitment"] = Hex(Commitment(secret));
  request["secret"] = Hex(secret);
  request["public_input"] = {{"kind", "dice"}, {"value", "52341265314256314625"}};
  request["replacements"] = json::array{};
  request["recusals"] = json::array{};
  return request;
}

}  // namespace ssj::draw

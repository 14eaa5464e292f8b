// The published test vectors (docs/draw-test-vectors.json) must match the engine. Regenerate
// them after a deliberate protocol change with:
//   SSJ_WRITE_VECTORS=1 build/ssj_tests --gtest_filter='DrawVectorsTest.*'
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "common/crypto.h"
#include "draw/draw.h"
#include "draw/draw_json.h"
#include "draw/encoding.h"

namespace ssj::draw {
namespace {

namespace json = boost::json;
const std::string kPath = std::string(SSJ_SOURCE_DIR) + "/docs/draw-test-vectors.json";

std::string HexBytes(const std::string& bytes) {
  return ssj::ToHex(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

json::object Secretive(const std::string& task, json::object request) {
  Digest secret = Hasher().Tag("vector-secret").Str(task).Finish();
  request["commitment"] = Hex(Commitment(secret));
  request["secret"] = Hex(secret);
  return request;
}

// A joint task whose greedy pass leaves slots that only augmenting paths can fill.
json::object Phase2Request() {
  for (uint32_t attempt = 0;; ++attempt) {
    std::mt19937 rng(attempt);
    json::array targets, inspectors;
    for (int n = 0; n < 6; ++n)
      targets.push_back(
          {{"code", "P" + std::to_string(n)}, {"stratum", "A"}, {"region", "500103"}});
    for (int n = 0; n < 6; ++n) {
      inspectors.push_back({{"id", "I" + std::to_string(n)},
                            {"name", "检查员" + std::to_string(n)},
                            {"department", n < 3 ? "LEAD" : "OTHER"},
                            {"region", "500103"},
                            {"specialties", json::array{}},
                            {"certificate_valid_until", "2027-12-31"},
                            {"capacity", 1 + rng() % 3}});
    }
    json::array conflicts;
    for (int n = 0; n < 3; ++n) {
      conflicts.push_back({{"inspector", "I" + std::to_string(rng() % 6)},
                           {"target", "P" + std::to_string(rng() % 6)},
                           {"reason", "亲属"}});
    }
    json::object request{
        {"protocol", kProtocol},
        {"task_id", "V-PHASE2-" + std::to_string(attempt)},
        {"draw_date", "2026-11-22"},
        {"strata", json::array{json::object{{"id", "A"}, {"count", 4}}}},
        {"targets", targets},
        {"team",
         {{"size", 3},
          {"lead_department", "LEAD"},
          {"departments", json::array{json::object{{"code", "LEAD"}, {"specialty", nullptr}},
                                      json::object{{"code", "OTHER"}, {"specialty", nullptr}}}},
          {"region_rule", "same_region"}}},
        {"inspectors", inspectors},
        {"conflicts", conflicts},
        {"public_input", {{"kind", "dice"}, {"value", "11223344556611223344"}}}};
    request = Secretive(std::string(request["task_id"].as_string()), request);
    auto parsed = ParseRequest(request);
    if (!parsed.ok()) continue;
    auto out = Draw(*parsed);
    if (out.ok() && out->phase2_slots > 0) return request;
  }
}

// A swap and a withdrawal on top of a team draw: chosen from the draw's own teams so that they
// are valid, the swap first, then a withdrawal with fresh dice.
json::object RecusalRequest(json::object request) {
  request["task_id"] = "V-RECUSAL";
  request = Secretive("V-RECUSAL", request);
  auto parsed_first = ParseRequest(request);
  auto first = Draw(parsed_first.value());
  const auto& teams = first->teams;
  for (size_t a = 0; a < teams.size(); ++a) {
    for (size_t b = a + 1; b < teams.size(); ++b) {
      json::object candidate = request;
      // The last team's target is found exempt after the draw (§8), before the recusals.
      if (teams.size() > 2 && b + 1 < teams.size()) {
        candidate["replacements"] = json::array{
            json::object{{"target", teams.back().target}, {"reason", "已列入免检免扰名单"}}};
      }
      candidate["recusals"] = json::array{
          json::object{{"kind", "swap"},
                       {"inspector", teams[a].members[1].inspector},
                       {"target", teams[a].target},
                       {"with_inspector", teams[b].members[1].inspector},
                       {"with_target", teams[b].target},
                       {"reason", "与检查对象负责人系同学"}},
          json::object{{"kind", "withdraw"},
                       {"inspector", teams[a].members[0].inspector},
                       {"reason", "病假"},
                       {"public_input", {{"kind", "dice"}, {"value", "62145363214561234512"}}}}};
      auto parsed = ParseRequest(candidate);
      if (parsed.ok() && Draw(*parsed).ok()) return candidate;
    }
  }
  ADD_FAILURE() << "no valid recusal found";
  return request;
}

json::array Requests() {
  json::array out;
  json::array small_targets;
  const char* codes[] = {"91500103MA60K3T26Y", "92370303MA3C7Q1N7N", "91110000600037341L",
                         "91310115MA1K3BTP2B", "92340602MA2PBQAH7E", "121200004013590816",
                         "91620105L015101280", "中文代码-1"};
  for (int n = 0; n < 8; ++n) {
    small_targets.push_back({{"code", codes[n]},
                             {"stratum", n < 5 ? "A" : "B"},
                             {"region", n % 2 ? "500103" : "500111"}});
  }
  out.push_back(Secretive(
      "V-TARGETS", {{"protocol", kProtocol},
                    {"task_id", "V-TARGETS"},
                    {"draw_date", "2026-11-22"},
                    {"strata", json::array{json::object{{"id", "A"}, {"ratio", "0.30"}},
                                           json::object{{"id", "B"}, {"count", 1}}}},
                    {"targets", small_targets},
                    {"public_input", {{"kind", "dice"}, {"value", "31415926535897932384"}}}}));
  json::array inspectors;
  for (int n = 0; n < 5; ++n) {
    inspectors.push_back({{"id", "ZF-" + std::to_string(n)},
                          {"name", "执法员" + std::to_string(n)},
                          {"department", "CQJXW-ZHZF"},
                          {"region", n % 2 ? "500103" : "500111"},
                          {"specialties", json::array{"节能监察", "节能监察"}},
                          {"certificate_valid_until", n == 4 ? "2026-11-21" : "2026-11-22"},
                          {"capacity", 4}});
  }
  out.push_back(Secretive(
      "V-BEACON", {{"protocol", kProtocol},
                   {"task_id", "V-BEACON"},
                   {"draw_date", "2026-11-22"},
                   {"strata", json::array{json::object{{"id", "A"}, {"ratio", "0.5"}},
                                          json::object{{"id", "B"}, {"ratio", "1"}}}},
                   {"targets", small_targets},
                   {"team",
                    {{"size", 2},
                     {"lead_department", "CQJXW-ZHZF"},
                     {"departments",
                      json::array{json::object{{"code", "CQJXW-ZHZF"}, {"specialty", "节能监察"}}}},
                     {"region_rule", "any"}}},
                   {"inspectors", inspectors},
                   {"conflicts", json::array{json::object{{"inspector", "ZF-1"},
                                                          {"target", codes[0]},
                                                          {"reason", "曾在该企业任职"}}}},
                   {"public_input",
                    {{"kind", "beacon"},
                     {"source", "示例公共随机信标"},
                     {"round", "2026-11-22T10:00:00+08:00"},
                     {"value", "9f86d081884c7d659a2feaa0c55ad015"}}}}));
  out.push_back(Phase2Request());
  out.push_back(RecusalRequest(out[1].as_object()));
  return out;
}

json::object Build() {
  json::object doc;
  doc["protocol"] = kProtocol;
  doc["note"] =
      "Generated by server/src/draw/vectors_test.cc; every record below is what `ssj draw` writes "
      "for its request.";
  doc["encodings"] = json::array{
      json::object{{"what", "str(\"ab\")"},
                   {"hex", HexBytes(std::string("\0\0\0\x02"
                                                "ab",
                                                6))}},
      json::object{{"what", "str(\"中\")"},
                   {"hex", HexBytes(std::string("\0\0\0\x03\xe4\xb8\xad", 7))}},
      json::object{{"what", "tag(\"pool\")"},
                   {"hex", HexBytes(std::string("\0\0\0\x10ssj-draw-v1/pool", 20))}},
      json::object{{"what", "u32(1)"}, {"hex", "00000001"}},
      json::object{{"what", "optstr(null)"}, {"hex", "00"}},
      json::object{{"what", "commitment of secret 00…00 (32 zero bytes)"},
                   {"hex", Hex(Commitment(Digest{}))}},
      json::object{{"what", "canonical ratio of \"0.030\""}, {"text", *CanonicalRatio("0.030")}},
      json::object{{"what", "k for ratio 0.03 and N = 101"},
                   {"value", SampleSize({"A", "0.03", std::nullopt}, 101)}},
  };
  json::array cases;
  for (const json::value& request : Requests()) {
    auto parsed = ParseRequest(request);
    EXPECT_TRUE(parsed.ok());
    auto out = Draw(*parsed);
    if (!out.ok()) {
      ADD_FAILURE() << out.error().message;
      continue;
    }
    json::value record = RecordJson(request, *out, "", "ssj (test vectors)");
    cases.push_back(
        {{"name", request.at("task_id")}, {"phase2_slots", out->phase2_slots}, {"record", record}});
  }
  doc["cases"] = std::move(cases);
  return doc;
}

TEST(DrawVectorsTest, PublishedVectorsMatchTheEngine) {
  json::object built = Build();
  if (std::getenv("SSJ_WRITE_VECTORS")) {
    std::ofstream(kPath) << json::serialize(built) << "\n";
    GTEST_SKIP() << "wrote " << kPath;
  }
  std::ifstream in(kPath);
  ASSERT_TRUE(in) << "missing " << kPath;
  std::stringstream text;
  text << in.rdbuf();
  json::value published = json::parse(text.str());
  EXPECT_EQ(published, json::value(built))
      << "the engine no longer reproduces the published vectors";
  // At least one vector exercises phase 2 (augmenting paths).
  bool phase2 = false;
  for (const auto& c : built["cases"].as_array())
    phase2 = phase2 || c.at("phase2_slots").to_number<uint64_t>() > 0;
  EXPECT_TRUE(phase2);
}

}  // namespace
}  // namespace ssj::draw

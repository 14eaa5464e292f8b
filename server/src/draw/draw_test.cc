// The draw engine: byte encodings, rounding, request errors, determinism, hard constraints over
// random instances (checked against exhaustive search on small ones), infeasibility messages and
// the uniformity of selection. Every random instance comes from a fixed seed: nothing flakes.
#include "draw/draw.h"

#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "common/crypto.h"
#include "draw/draw_json.h"
#include "draw/encoding.h"
#include "draw/sha256_block.h"

namespace ssj::draw {
namespace {

Digest DigestOf(std::string_view bytes) {
  Sha256Digest d = Sha256(bytes);
  Digest out;
  std::copy(d.begin(), d.end(), out.begin());
  return out;
}

// Rewrites a request's pool as plain values.
void Edit(Request& r, const std::function<void(std::vector<Target>&)>& edit) {
  std::vector<Target> targets = r.targets.ToVector();
  edit(targets);
  r.targets = TargetPool(targets);
}

Request Base(int targets_per_stratum = 50) {
  Request r;
  r.task_id = "T-1";
  r.draw_date = "2026-11-22";
  r.strata = {{"A", "0.1", std::nullopt}, {"B", std::nullopt, 3}};
  for (int n = 0; n < targets_per_stratum; ++n) {
    r.targets.push_back({"A" + std::to_string(1000 + n), "A", n % 2 ? "500103" : "500111"});
    r.targets.push_back({"B" + std::to_string(1000 + n), "B", n % 2 ? "500103" : "500111"});
  }
  r.secret = DigestOf("secret");
  r.commitment = Commitment(r.secret);
  r.public_input = {"dice", "", "", "12345612345612345612"};
  return r;
}

TEST(EncodingTest, StringsAndIntegersAreLengthPrefixedBigEndian) {
  EXPECT_EQ(Hasher().Str("ab").Finish(), DigestOf(std::string("\0\0\0\x02"
                                                              "ab",
                                                              6)));
  EXPECT_EQ(Hasher().U32(0x01020304).Finish(), DigestOf("\x01\x02\x03\x04"));
  EXPECT_EQ(Hasher().OptStr(std::nullopt).Finish(), DigestOf(std::string("\0", 1)));
  EXPECT_EQ(Hasher().Tag("x").Finish(), DigestOf(std::string("\0\0\0\x0dssj-draw-v1/x", 17)));
  EXPECT_EQ(Hasher().Str("中").Finish(), DigestOf(std::string("\0\0\0\x03\xe4\xb8\xad", 7)));
}

TEST(RatioTest, CanonicalFormAndCeiling) {
  EXPECT_EQ(CanonicalRatio("0.030").value(), "0.03");
  EXPECT_EQ(CanonicalRatio("1.000").value(), "1");
  EXPECT_EQ(CanonicalRatio("1").value(), "1");
  for (const char* bad : {"0", "0.0", "1.5", "3%", ".03", "0.0000001", "-0.1", "0.03 "}) {
    EXPECT_FALSE(CanonicalRatio(bad).has_value()) << bad;
  }
  auto k = [](const char* ratio, uint64_t n) {
    return SampleSize({"A", std::string(ratio), std::nullopt}, n);
  };
  EXPECT_EQ(k("0.03", 100), 3u);
  EXPECT_EQ(k("0.03", 101), 4u);  // 3.03 rounds up
  EXPECT_EQ(k("0.03", 1), 1u);    // a non-empty stratum is always inspected
  EXPECT_EQ(k("0.06", 30), 2u);   // 1.8 -> 2
  EXPECT_EQ(k("1", 7), 7u);
  EXPECT_EQ(k("1.000", 7), 7u);  // regression: the written form "1.000" once gave k = 0
  EXPECT_EQ(k("0.500000", 7), 4u);
  EXPECT_EQ(k("0.000001", 10000000), 10u);
}

TEST(RequestErrorTest, EachBadRequestNamesItsField) {
  struct Case {
    const char* name;
    std::function<void(Request&)> spoil;
    const char* field;
  };
  const std::vector<Case> cases = {
      {"duplicate code", [](Request& r) { Edit(r, [](auto& t) { t[2].code = t[0].code; }); },
       "targets[2].code"},
      {"unknown stratum", [](Request& r) { Edit(r, [](auto& t) { t[5].stratum = "Z"; }); },
       "targets[5].stratum"},
      {"empty stratum",
       [](Request& r) {
         r.strata.push_back({"C", "0.1", std::nullopt});
       },
       "strata[2].id"},
      {"k > N", [](Request& r) { r.strata[1].count = 51; }, "strata[1].count"},
      {"non-UTF-8", [](Request& r) { Edit(r, [](auto& t) { t[3].code = "A\xff"; }); },
       "targets[3].code"},
      {"NUL in a code",
       [](Request& r) { Edit(r, [](auto& t) { t[4].code = std::string("A\0B", 3); }); },
       "targets[4].code"},
      {"duplicate long code",
       [](Request& r) {
         Edit(r, [](auto& t) { t[1].code = t[7].code = "91500000000000000X-branch-0001"; });
       },
       "targets[7].code"},
      {"wrong secret", [](Request& r) { r.secret[0] ^= 1; }, "secret"},
      {"19 dice digits", [](Request& r) { r.public_input.value = "1234561234561234561"; },
       "public_input.value"},
      {"ratio and count", [](Request& r) { r.strata[0].count = 2; }, "strata[0].ratio"},
      {"bad date", [](Request& r) { r.draw_date = "2026-02-30"; }, "draw_date"},
  };
  for (const Case& c : cases) {
    Request r = Base();
    c.spoil(r);
    auto result = Draw(r);
    ASSERT_FALSE(result.ok()) << c.name;
    EXPECT_EQ(result.error().details.at("field"), c.field)
        << c.name << ": " << result.error().message;
  }
}

TEST(TargetPoolTest, CodesOfEverySizeComeBackWhole) {
  // Codes up to 24 bytes live in the record; longer ones, and any with a NUL, are kept whole.
  const std::vector<std::string> codes = {"9",
                                          std::string(23, 'a'),
                                          std::string(24, 'b'),
                                          std::string(25, 'c'),
                                          std::string(64, 'd'),
                                          std::string("N\0L", 3),
                                          "统一社会信用代码之外的编号"};
  TargetPool pool;
  for (size_t i = 0; i < codes.size(); ++i)
    pool.Add(codes[i], "S" + std::to_string(i % 2), i % 2 ? "500103" : "500105");
  ASSERT_EQ(pool.size(), codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(pool.code(i), codes[i]) << i;
    EXPECT_EQ(pool.region(i), i % 2 ? "500103" : "500105") << i;
    EXPECT_EQ(pool.stratum(i), "S" + std::to_string(i % 2)) << i;
  }
  EXPECT_EQ(pool.region_names().size(), 2u);
}

TEST(JsonTest, DuplicateKeysAreRefusedAfterUnescaping) {
  EXPECT_TRUE(CheckNoDuplicateKeys(R"({"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]})").ok());
  auto dup = CheckNoDuplicateKeys(R"({"task_id":"x","strata":[],"task_id":"y"})");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().details.at("field"), "task_id");
  EXPECT_FALSE(CheckNoDuplicateKeys(R"({"a":1,"\u0061":2})").ok());
  EXPECT_TRUE(
      CheckNoDuplicateKeys(R"({"s":"a,\"b\":{","b":1})").ok());  // commas and quotes in values
  EXPECT_FALSE(CheckNoDuplicateKeys(R"({"x":{"k":1,"k":2}})").ok());
}

TEST(DrawTest, SameInputsSameRecordWhateverTheListOrder) {
  Request r = Base();
  auto a = Draw(r);
  ASSERT_TRUE(a.ok()) << a.error().message;
  std::mt19937 rng(7);
  Edit(r, [&](auto& t) { std::shuffle(t.begin(), t.end(), rng); });
  auto b = Draw(r);
  ASSERT_TRUE(b.ok());
  boost::json::value request = nullptr;
  EXPECT_EQ(boost::json::serialize(RecordJson(request, *a, "", "x")),
            boost::json::serialize(RecordJson(request, *b, "", "x")));
  EXPECT_EQ(a->strata[0].k, 5u);  // ceil(50 × 0.1)
  EXPECT_EQ(a->strata[1].k, 3u);
  EXPECT_EQ(a->strata[0].reserves.size(), 10u);
  // Another public input gives another draw.
  r.public_input.value = "65432165432165432165";
  auto c = Draw(r);
  EXPECT_NE(a->seed, c->seed);
}

TEST(DrawTest, APoolInCodeOrderDrawsAsAnyOther) {
  // A pool in code order takes the engine's shortcut (no sort); the record must not change.
  for (int variant = 0; variant < 3; ++variant) {
    Request shuffled = Base(300);
    std::mt19937 rng(variant);
    Edit(shuffled, [&](auto& t) {
      if (variant == 2) {  // codes that share their first 24 bytes
        t.push_back({"A-0-with-a-code-longer-than-24-bytes", "B", "500103"});
        t.push_back({"A-0-with-a-code-longer-than-24-bytes-2", "A", "500111"});
      }
      std::shuffle(t.begin(), t.end(), rng);
    });
    Request ordered = shuffled;
    Edit(ordered, [](auto& t) {
      std::sort(t.begin(), t.end(),
                [](const Target& a, const Target& b) { return a.code < b.code; });
    });
    auto a = Draw(shuffled);
    auto b = Draw(ordered);
    ASSERT_TRUE(a.ok() && b.ok());
    boost::json::value request = nullptr;
    EXPECT_EQ(boost::json::serialize(RecordJson(request, *a, "", "x")),
              boost::json::serialize(RecordJson(request, *b, "", "x")));
    // A duplicate in an ordered pool is still found, at its second row.
    Request dup = ordered;
    Edit(dup, [](auto& t) { t.insert(t.begin() + 5, t[4]); });
    auto status = Validate(dup);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().details.at("field"), "targets[5].code");
  }
}

TEST(DrawTest, ADuplicateIsNamedAtItsSecondRowWhereverItFalls) {
  // The sorted pool is merged in two parallel parts: a duplicate may fall within either part or
  // straddle their boundary, and there may be several; the smallest duplicated code is named, at
  // its second row in input order.
  std::mt19937 rng(11);
  for (int trial = 0; trial < 300; ++trial) {
    Request r = Base(3 + static_cast<int>(rng() % 40));
    std::vector<Target> t = r.targets.ToVector();
    std::shuffle(t.begin(), t.end(), rng);
    const size_t copies = 1 + rng() % 3;
    for (size_t c = 0; c < copies; ++c) {
      Target copy = t[rng() % t.size()];
      t.insert(t.begin() + static_cast<long>(rng() % (t.size() + 1)), copy);
    }
    std::string smallest;
    size_t expected = SIZE_MAX;
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < t.size(); ++i) {
      if (seen[t[i].code]++ == 1 && (expected == SIZE_MAX || t[i].code < smallest)) {
        smallest = t[i].code;
        expected = i;
      }
    }
    r.targets = TargetPool(t);
    auto status = Validate(r);
    ASSERT_FALSE(status.ok()) << trial;
    EXPECT_EQ(status.error().details.at("field").as_string(),
              "targets[" + std::to_string(expected) + "].code")
        << trial;
  }
}

TEST(TicketTest, BatchedPrefixesMatchFullTickets) {
  // Prefixes() pairs codes of up to 19 bytes for the two-way SHA-256 path and hashes longer
  // ones alone; every prefix must equal the first 64 bits of the ticket from §6.
  std::mt19937 rng(11);
  std::vector<std::string> codes;
  for (int n = 0; n < 2000; ++n) {
    std::string code(rng() % 41, 'x');
    for (char& c : code) c = static_cast<char>('0' + rng() % 43);
    codes.push_back(code);
  }
  Digest seed = DigestOf("ticket seed");
  TicketHasher hasher(seed, "A类");
  std::vector<std::string_view> views(codes.begin(), codes.end());
  std::vector<uint64_t> prefixes(codes.size());
  hasher.Prefixes(views.data(), views.size(), prefixes.data());
  for (size_t idx = 0; idx < codes.size(); ++idx)
    ASSERT_EQ(prefixes[idx], Prefix64(TargetTicket(seed, "A类", codes[idx]))) << codes[idx];
}

TEST(TicketTest, TwoWaySha256MatchesOpenSsl) {
  if (!sha256::Available()) GTEST_SKIP() << "this CPU has no SHA extensions";
  std::mt19937 rng(12);
  for (int round = 0; round < 20000; ++round) {
    unsigned char message[2][55], block[2][64], digest[2][32];
    size_t size[2];
    for (int m = 0; m < 2; ++m) {
      size[m] = rng() % 56;
      for (auto& byte : message[m]) byte = static_cast<unsigned char>(rng());
      sha256::Pad(message[m], size[m], block[m]);
    }
    sha256::CompressTwo(block[0], block[1], digest[0], digest[1]);
    for (int m = 0; m < 2; ++m) {
      unsigned char expected[32];
      SHA256(message[m], size[m], expected);
      ASSERT_EQ(0, std::memcmp(expected, digest[m], 32)) << "size " << size[m];
    }
  }
}

TEST(DrawTest, SelectionIsTheSmallestTickets) {
  Request r = Base(200);
  auto out = Draw(r);
  ASSERT_TRUE(out.ok());
  const StratumResult& a = out->strata[0];
  std::vector<std::pair<Digest, std::string>> all;
  for (const Target& t : r.targets.ToVector()) {
    if (t.stratum == "A") all.emplace_back(TargetTicket(out->seed, "A", t.code), t.code);
  }
  std::sort(all.begin(), all.end());
  for (size_t rank = 0; rank < a.selected.size(); ++rank)
    EXPECT_EQ(a.selected[rank].code, all[rank].second);
  for (size_t rank = 0; rank < a.reserves.size(); ++rank)
    EXPECT_EQ(a.reserves[rank].code, all[a.k + rank].second);
}

TEST(DrawTest, ReplacementsTakeTheNextReserve) {
  Request r = Base();
  auto first = Draw(r);
  ASSERT_TRUE(first.ok());
  r.replacements = {{first->strata[0].selected[1].code, "已列入免检名单"},
                    {first->strata[0].selected[3].code, "已注销"}};
  auto out = Draw(r);
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->replacements.size(), 2u);
  EXPECT_EQ(out->replacements[0].replacement, first->strata[0].reserves[0].code);
  EXPECT_EQ(out->replacements[1].replacement, first->strata[0].reserves[1].code);
  r.replacements = {{"A1000-not-selected", "x"}};
  EXPECT_FALSE(Draw(r).ok());
}

// --- teams ---

struct Instance {
  Request request;
};

// A random joint-task instance; `scarce` makes inspectors few so that phase 2 and infeasibility
// are exercised.
Request RandomTeamRequest(uint32_t seed, bool scarce) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  Request r;
  r.task_id = "P-" + std::to_string(seed);
  r.draw_date = "2026-11-22";
  const std::vector<std::string> regions = {"500103", "500105", "500111"};
  int strata = 1 + pick(3);
  for (int s = 0; s < strata; ++s)
    r.strata.push_back({"S" + std::to_string(s), std::nullopt, static_cast<uint32_t>(1 + pick(4))});
  for (int s = 0; s < strata; ++s) {
    int n = 4 + pick(8);
    for (int t = 0; t < n; ++t)
      r.targets.push_back({"C" + std::to_string(s) + "-" + std::to_string(t),
                           "S" + std::to_string(s), regions[pick(3)]});
  }
  Team team;
  team.size = 2 + pick(2);
  int departments = 1 + pick(std::min<int>(team.size, 3));
  for (int d = 0; d < departments; ++d) {
    team.departments.push_back(
        {"D" + std::to_string(d),
         pick(3) == 0 ? std::optional<std::string>("专业" + std::to_string(d)) : std::nullopt});
  }
  team.lead_department = team.departments[pick(departments)].code;
  team.region_rule = pick(2) ? "same_region" : "any";
  r.team = team;
  int inspectors = scarce ? 3 + pick(6) : 12 + pick(20);
  for (int i = 0; i < inspectors; ++i) {
    Inspector in;
    in.id = "I" + std::to_string(i);
    in.name = "检查员" + std::to_string(i);
    in.department = "D" + std::to_string(pick(departments));
    in.region = regions[pick(3)];
    if (pick(4)) in.specialties.push_back("专业" + in.department.substr(1));
    in.certificate_valid_until = pick(8) ? "2027-12-31" : "2026-01-31";
    in.capacity = static_cast<uint32_t>(1 + pick(scarce ? 3 : 6));
    r.inspectors.push_back(in);
  }
  for (int c = 0; c < static_cast<int>(r.targets.size()) / 3; ++c) {
    r.conflicts.push_back({r.inspectors[pick(inspectors)].id,
                           std::string(r.targets.code(pick(static_cast<int>(r.targets.size())))),
                           "亲属"});
  }
  r.secret = DigestOf("s" + std::to_string(seed));
  r.commitment = Commitment(r.secret);
  r.public_input = {"dice", "", "", "1234561234561234561" + std::to_string(seed % 10)};
  return r;
}

// Independent checks of every hard rule of §7.
void CheckTeams(const Request& r, const Outcome& out) {
  std::map<std::string, const Inspector*> inspectors;
  for (const auto& i : r.inspectors) inspectors[i.id] = &i;
  std::map<std::string, Target> targets;
  for (const auto& t : r.targets.ToVector()) targets[t.code] = t;
  std::set<std::pair<std::string, std::string>> conflicts;
  for (const auto& c : r.conflicts) conflicts.emplace(c.inspector, c.target);
  std::map<std::string, std::string> specialty;
  for (const auto& d : r.team->departments) specialty[d.code] = d.specialty.value_or("");
  std::map<std::string, uint32_t> load;
  size_t selected = 0;
  for (const auto& s : out.strata) selected += s.selected.size();
  ASSERT_EQ(out.teams.size(), selected);
  for (const TeamResult& team : out.teams) {
    const Target& t = targets.at(team.target);
    ASSERT_EQ(team.members.size(), r.team->size);
    std::set<std::string> ids, departments;
    for (const Member& m : team.members) {
      const Inspector& i = *inspectors.at(m.inspector);
      EXPECT_TRUE(ids.insert(i.id).second) << "duplicate member in " << team.target;
      departments.insert(i.department);
      EXPECT_TRUE(specialty.count(i.department)) << "not a team department";
      if (!specialty[i.department].empty()) {
        EXPECT_NE(std::find(i.specialties.begin(), i.specialties.end(), specialty[i.department]),
                  i.specialties.end());
      }
      EXPECT_GE(i.certificate_valid_until, r.draw_date);
      if (r.team->region_rule == "same_region") EXPECT_EQ(i.region, t.region);
      EXPECT_FALSE(conflicts.count({i.id, t.code})) << "conflicted inspector assigned";
      ++load[i.id];
    }
    EXPECT_EQ(inspectors.at(team.members[0].inspector)->department, r.team->lead_department);
    EXPECT_EQ(departments.size() >= r.team->departments.size(), true) << "a department is missing";
  }
  for (const auto& [id, n] : load) EXPECT_LE(n, inspectors.at(id)->capacity) << id;
}

// The selected targets of a request, computed from §6 directly with the request's own seed.
std::vector<Target> Selected(const Request& r) {
  Digest seed = Seed(r, PoolDigest(r));
  std::vector<Target> out;
  for (const Stratum& s : r.strata) {
    std::vector<std::pair<Digest, Target>> ranked;
    for (const Target& t : r.targets.ToVector()) {
      if (t.stratum == s.id) ranked.emplace_back(TargetTicket(seed, s.id, t.code), t);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    uint64_t k = SampleSize(s, ranked.size());
    for (uint64_t rank = 0; rank < k; ++rank) out.push_back(ranked[rank].second);
  }
  return out;
}

// Exhaustive search: does any valid assignment exist? Only for small instances.
bool Feasible(const Request& r) {
  std::vector<Target> targets = Selected(r);
  std::set<std::pair<std::string, std::string>> conflicts;
  for (const auto& c : r.conflicts) conflicts.emplace(c.inspector, c.target);
  std::map<std::string, std::optional<std::string>> specialty;
  for (const auto& d : r.team->departments) specialty[d.code] = d.specialty;
  std::vector<const Inspector*> available;
  for (const auto& i : r.inspectors) {
    if (!specialty.count(i.department) || i.capacity < 1 || i.certificate_valid_until < r.draw_date)
      continue;
    const auto& sp = specialty[i.department];
    if (sp && std::find(i.specialties.begin(), i.specialties.end(), *sp) == i.specialties.end())
      continue;
    available.push_back(&i);
  }
  std::vector<uint32_t> load(available.size(), 0);
  const uint32_t size = r.team->size;
  // Per target, choose a set of `size` distinct inspectors (as a sorted index list) satisfying
  // the composition rules; the lead slot can be any member of the lead department.
  std::function<bool(size_t)> solve = [&](size_t target_idx) -> bool {
    if (target_idx == targets.size()) return true;
    const Target& t = targets[target_idx];
    std::vector<int> chosen;
    std::function<bool(size_t)> choose = [&](size_t from) -> bool {
      if (chosen.size() == size) {
        std::set<std::string> departments;
        for (int c : chosen) departments.insert(available[c]->department);
        if (!departments.count(r.team->lead_department) ||
            departments.size() < r.team->departments.size())
          return false;
        for (int c : chosen) ++load[c];
        bool ok = solve(target_idx + 1);
        for (int c : chosen) --load[c];
        return ok;
      }
      for (size_t c = from; c < available.size(); ++c) {
        const Inspector& i = *available[c];
        if (load[c] >= i.capacity) continue;
        if (r.team->region_rule == "same_region" && i.region != t.region) continue;
        if (conflicts.count({i.id, t.code})) continue;
        chosen.push_back(static_cast<int>(c));
        if (choose(c + 1)) return true;
        chosen.pop_back();
      }
      return false;
    };
    return choose(0);
  };
  return solve(0);
}

TEST(TeamPropertyTest, HardConstraintsHoldOnRandomInstances) {
  int assigned = 0;
  for (uint32_t seed = 1; seed <= 400; ++seed) {
    Request r = RandomTeamRequest(seed, false);
    auto out = Draw(r);
    if (!out.ok()) {
      ASSERT_EQ(out.error().code, "draw.infeasible") << seed << ": " << out.error().message;
      continue;
    }
    ++assigned;
    CheckTeams(r, *out);
    if (HasFailure()) FAIL() << "seed " << seed;
  }
  EXPECT_GT(assigned, 200);  // most generous instances are feasible
}

TEST(TeamPropertyTest, FindsAnAssignmentWheneverOneExists) {
  int feasible = 0, infeasible = 0;
  for (uint32_t seed = 1000; seed < 4000; ++seed) {
    Request r = RandomTeamRequest(seed, true);
    if (r.targets.size() > 40) continue;
    size_t selected = Selected(r).size();
    if (selected > 6 || r.inspectors.size() > 9) continue;  // keep the exhaustive search small
    bool exists = Feasible(r);
    auto out = Draw(r);
    EXPECT_EQ(out.ok(), exists) << "seed " << seed << (out.ok() ? "" : ": " + out.error().message);
    if (out.ok()) CheckTeams(r, *out);
    (exists ? feasible : infeasible)++;
  }
  // Both outcomes must have been exercised for the comparison to mean anything.
  EXPECT_GT(feasible, 20);
  EXPECT_GT(infeasible, 20);
}

TEST(TeamTest, ShortfallIsExplainedPrecisely) {
  Request r = Base(10);
  r.strata = {{"A", std::nullopt, 3}};
  r.targets = {};
  for (int n = 0; n < 10; ++n) r.targets.push_back({"T" + std::to_string(n), "A", "500103"});
  r.team =
      Team{2, "LEAD", {{"LEAD", std::string("节能监察")}, {"OTHER", std::nullopt}}, "same_region"};
  r.inspectors = {
      {"L1", "张伟", "LEAD", "500103", {"节能监察"}, "2027-12-31", 1},
      {"L2", "李强", "LEAD", "500103", {}, "2027-12-31", 5},            // lacks the specialty
      {"L3", "王芳", "LEAD", "500103", {"节能监察"}, "2025-12-31", 5},  // certificate expired
      {"O1", "刘洋", "OTHER", "500103", {}, "2027-12-31", 5},
  };
  std::vector<Shortfall> shortfalls;
  auto out = Draw(r, &shortfalls);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, "draw.infeasible");
  ASSERT_EQ(shortfalls.size(), 1u);
  const Shortfall& s = shortfalls[0];
  EXPECT_EQ(s.slot_class, "lead");
  EXPECT_EQ(s.eligible_inspectors, 1u);
  EXPECT_EQ(s.eligible_capacity, 1u);
  EXPECT_EQ(s.targets, 3u);
  EXPECT_EQ(s.slots_unfilled, 2u);
  EXPECT_NE(s.message.find("重庆市渝中区"), std::string::npos) << s.message;
  EXPECT_NE(s.message.find("节能监察"), std::string::npos) << s.message;
  EXPECT_NE(s.message.find("符合条件的检查人员 1 名"), std::string::npos) << s.message;
}

TEST(TeamTest, LoadsStayWithinTheSoftCapWhenThereIsRoom) {
  Request r = Base(200);
  r.strata = {{"A", "0.2", std::nullopt}};
  Edit(r, [](auto& t) {
    std::erase_if(t, [](const Target& target) { return target.stratum != "A"; });
  });
  r.team = Team{2, "D", {{"D", std::nullopt}}, "any"};
  for (int i = 0; i < 20; ++i)
    r.inspectors.push_back({"I" + std::to_string(i), "", "D", "", {}, "2027-01-01", 10});
  auto out = Draw(r);
  ASSERT_TRUE(out.ok()) << out.error().message;
  // 40 targets × 2 = 80 slots over 20 inspectors, a fair share of 4 each. The soft cap keeps
  // everyone within one of it (the last teams may find only one under-cap inspector not
  // already in the team), far below the capacity of 10.
  ASSERT_EQ(out->loads.size(), 20u);
  uint32_t total = 0;
  for (const auto& [id, load] : out->loads) {
    EXPECT_GE(load, 3u) << id;
    EXPECT_LE(load, 5u) << id;
    total += load;
  }
  EXPECT_EQ(total, 80u);
}

TEST(RecusalTest, WithdrawalRefillsWithoutTheInspectorAndSwapsExchange) {
  Request r = Base(30);
  r.strata = {{"A", std::nullopt, 6}};
  Edit(r, [](auto& t) {
    std::erase_if(t, [](const Target& target) { return target.stratum != "A"; });
  });
  r.team = Team{2, "D", {{"D", std::nullopt}}, "any"};
  for (int i = 0; i < 6; ++i)
    r.inspectors.push_back({"I" + std::to_string(i), "", "D", "", {}, "2027-01-01", 4});
  auto first = Draw(r);
  ASSERT_TRUE(first.ok()) << first.error().message;
  const std::string leaving = first->teams[0].members[0].inspector;
  r.recusals = {
      {"withdraw", leaving, "", "", "", "病假", {"dice", "", "", "66554433221166554433"}}};
  auto after = Draw(r);
  ASSERT_TRUE(after.ok()) << after.error().message;
  for (const TeamResult& team : after->teams) {
    for (const Member& m : team.members) EXPECT_NE(m.inspector, leaving);
  }
  ASSERT_EQ(after->recusals.size(), 1u);
  EXPECT_FALSE(after->recusals[0].refilled.empty());
  CheckTeams(r, *after);
  // Other dice, other substitutes possible; the same dice, the same record.
  auto again = Draw(r);
  EXPECT_EQ(again->teams.size(), after->teams.size());
  for (size_t t = 0; t < again->teams.size(); ++t) {
    for (size_t m = 0; m < again->teams[t].members.size(); ++m) {
      EXPECT_EQ(again->teams[t].members[m].inspector, after->teams[t].members[m].inspector);
    }
  }
  // A swap exchanges two inspectors' slots; an impossible one is refused.
  const TeamResult& t0 = first->teams[0];
  const TeamResult& t1 = first->teams[1];
  r.recusals = {{"swap",
                 t0.members[1].inspector,
                 t0.target,
                 t1.members[1].inspector,
                 t1.target,
                 "交换检查对象",
                 {}}};
  auto swapped = Draw(r);
  bool valid_swap = t0.members[0].inspector != t1.members[1].inspector &&
                    t1.members[0].inspector != t0.members[1].inspector;
  if (valid_swap) {
    ASSERT_TRUE(swapped.ok()) << swapped.error().message;
    EXPECT_EQ(swapped->teams[0].members[1].inspector, t1.members[1].inspector);
    EXPECT_EQ(swapped->teams[1].members[1].inspector, t0.members[1].inspector);
  }
  r.recusals = {
      {"swap", t0.members[1].inspector, t1.target, t1.members[1].inspector, t0.target, "x", {}}};
  EXPECT_FALSE(Draw(r).ok());  // the inspector is not in that team
  r.recusals = {{"withdraw", leaving, "", "", "", "病假", {"dice", "", "", "123"}}};
  auto short_dice = Draw(r);
  ASSERT_FALSE(short_dice.ok());
  EXPECT_EQ(short_dice.error().details.at("field"), "recusals[0].public_input.value");
}

// Realised ratios: k/N is never below the requested ratio and exceeds it by less than one
// target, over every population from 1 to 3000 and the ratios regulators use.
TEST(StatisticsTest, RealisedRatiosMatchTheRequestedOnes) {
  for (const char* ratio : {"0.03", "0.04", "0.05", "0.06", "0.1", "0.333333", "1"}) {
    double requested = std::stod(ratio);
    for (uint64_t n = 1; n <= 3000; ++n) {
      uint64_t k = SampleSize({"A", std::string(ratio), std::nullopt}, n);
      ASSERT_GE(static_cast<double>(k) + 1e-9, requested * n) << ratio << " N=" << n;
      ASSERT_LT(static_cast<double>(k) - 1.0, requested * n) << ratio << " N=" << n;
      ASSERT_LE(k, n);
    }
  }
}

// Inclusion frequency within a stratum is uniform: 4000 draws (public inputs 0…3999) of 5 out of
// 20. Chi-square with 19 degrees of freedom at significance 0.001 has critical value 43.82.
// The seeds are fixed, so the statistic is a constant of the code: it cannot flake.
TEST(StatisticsTest, InclusionIsUniformWithinAStratum) {
  Request r;
  r.task_id = "STAT";
  r.draw_date = "2026-11-22";
  r.strata = {{"A", std::nullopt, 5}};
  for (int n = 0; n < 20; ++n) r.targets.push_back({"X" + std::to_string(n), "A", ""});
  r.secret = DigestOf("stat");
  r.commitment = Commitment(r.secret);
  std::map<std::string, int> hits;
  const int kDraws = 4000;
  for (int draw = 0; draw < kDraws; ++draw) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%020d", draw);
    r.public_input = {"dice", "", "", digits};
    auto out = Draw(r);
    ASSERT_TRUE(out.ok());
    for (const Pick& p : out->strata[0].selected) ++hits[p.code];
  }
  const double expected = kDraws * 5.0 / 20.0;
  double chi2 = 0;
  for (const auto& t : r.targets.ToVector())
    chi2 += (hits[t.code] - expected) * (hits[t.code] - expected) / expected;
  EXPECT_LT(chi2, 43.82) << "chi-square " << chi2;
}

}  // namespace
}  // namespace ssj::draw

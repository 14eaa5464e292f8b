// Plain types of the draw engine (docs/draw-protocol.md): the request it takes and the record it
// produces. No storage, clock or I/O anywhere in draw/.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "draw/target_pool.h"

namespace ssj::draw {

inline constexpr char kProtocol[] = "ssj-draw/1";

using Digest = std::array<uint8_t, 32>;

struct Stratum {
  std::string id;
  std::optional<std::string> ratio;  // canonical decimal text, e.g. "0.03"
  std::optional<uint32_t> count;
};

struct TeamDepartment {
  std::string code;
  std::optional<std::string> specialty;
};

struct Team {
  uint32_t size = 2;
  std::string lead_department;
  std::vector<TeamDepartment> departments;
  std::string region_rule = "same_region";  // or "any"
};

struct Inspector {
  std::string id;
  std::string name;
  std::string department;
  std::string region;
  std::vector<std::string> specialties;
  std::string certificate_valid_until;  // YYYY-MM-DD
  uint32_t capacity = 0;
};

struct Conflict {
  std::string inspector;
  std::string target;
  std::string reason;  // recorded, not hashed
};

struct PublicInput {
  std::string kind;  // "dice" | "beacon"
  std::string source;
  std::string round;
  std::string value;
};

struct Replacement {
  std::string target;
  std::string reason;
};

// §9: one recusal (回避), applied in order after the teams exist.
struct Recusal {
  std::string kind;  // "swap" | "withdraw"
  std::string inspector;
  std::string target;          // swap
  std::string with_inspector;  // swap
  std::string with_target;     // swap
  std::string reason;
  PublicInput public_input;  // withdraw
};

struct Request {
  std::string task_id;
  std::string draw_date;
  std::vector<Stratum> strata;
  TargetPool targets;
  std::optional<std::string> targets_csv;  // kept as a reference in the record
  std::optional<Team> team;
  std::vector<Inspector> inspectors;
  std::vector<Conflict> conflicts;
  Digest commitment{};
  Digest secret{};
  PublicInput public_input;
  std::vector<Replacement> replacements;
  std::vector<Recusal> recusals;
};

struct Pick {
  std::string code;
  Digest ticket{};
};

struct StratumResult {
  std::string id;
  uint64_t population = 0;
  uint64_t k = 0;
  std::vector<Pick> selected;  // ticket order
  std::vector<Pick> reserves;  // ticket order
};

struct Member {
  uint32_t slot = 0;
  std::string slot_class;  // "lead" | "dept:<code>" | "any"
  std::string inspector;
};

struct TeamResult {
  std::string target;
  std::string stratum;
  std::string region;
  std::vector<Member> members;  // slot order
};

struct RefilledSlot {
  std::string target;
  uint32_t slot = 0;
  std::string inspector;
};

struct RecusalResult {
  Recusal recusal;
  Digest wseed{};                      // withdraw
  std::vector<RefilledSlot> refilled;  // withdraw
};

struct ReplacementResult {
  std::string target;
  std::string reason;
  std::string stratum;
  std::string replacement;  // the reserve taken
};

struct Outcome {
  Digest pool_digest{};
  Digest commitment{};
  Digest seed{};
  std::vector<StratumResult> strata;                    // canonical order
  std::vector<TeamResult> teams;                        // target order
  std::vector<std::pair<std::string, uint32_t>> loads;  // byte order of inspector id
  std::vector<ReplacementResult> replacements;
  std::vector<RecusalResult> recusals;
  uint64_t phase2_slots = 0;  // slots filled by augmenting paths (informational, not recorded)
};

// Why no team assignment exists: one line per group of unfillable slots (zh-CN).
struct Shortfall {
  std::string region;
  std::string slot_class;
  uint64_t eligible_inspectors = 0;
  uint64_t eligible_capacity = 0;
  uint64_t targets = 0;
  uint64_t slots_needed = 0;
  uint64_t slots_unfilled = 0;
  std::string message;
};

}  // namespace ssj::draw

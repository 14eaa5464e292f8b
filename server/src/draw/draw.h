// The draw engine (docs/draw-protocol.md), pure: plain data in, plain data out, deterministic.
// Validate() checks a request; Draw() runs the whole protocol; the step functions are exposed
// for tests, test vectors and benchmarks.
#pragma once

#include <vector>

#include "common/error.h"
#include "draw/canonical.h"
#include "draw/draw_types.h"

namespace ssj::draw {

// §3: the largest pool a request may hold.
inline constexpr size_t kMaxTargets = 100000000;

// §3. Every rule of the request; the error names the field ("targets[12].code") and value.
Status Validate(const Request& request);
// The rules that need no canonical order (everything except duplicate codes).
Status CheckFields(const Request& request);

// §4–§5.
Digest PoolDigest(const Request& request);
Digest PoolDigest(const Request& request, const CanonicalPool& pool);
Digest Commitment(const Digest& secret);
Digest Seed(const Request& request, const Digest& pool_digest);

// §6. k for a stratum of `population`; "0.03" → ceil(population × 3 / 100).
uint64_t SampleSize(const Stratum& stratum, uint64_t population);
Digest TargetTicket(const Digest& seed, const std::string& stratum, const std::string& code);
// Canonical form of a ratio text, or nullopt when it is not a valid ratio in (0, 1].
std::optional<std::string> CanonicalRatio(const std::string& text);

// Runs the protocol. On an infeasible team assignment, returns kConflict with
// details.shortfalls listing what is short (and fills `shortfalls` when given).
Result<Outcome> Draw(const Request& request, std::vector<Shortfall>* shortfalls = nullptr);

}  // namespace ssj::draw

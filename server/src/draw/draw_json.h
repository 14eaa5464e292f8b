// JSON forms of the draw protocol: strict request parsing (unknown fields are errors, every
// error names its field), CSV pools, the record (§10), and comparing a record with a re-run.
// Pure: file contents come in as strings; reading files is the caller's job.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "common/error.h"
#include "draw/draw_types.h"

namespace ssj::draw {

// §3: "An object must not repeat a key." Boost.JSON keeps the last duplicate silently, so the
// text is scanned first; keys are compared after unescaping ("a" equals "\u0061").
Status CheckNoDuplicateKeys(std::string_view json_text);

// Parses a request. When it names targets_csv, `csv_text` must hold that file's contents.
Result<Request> ParseRequest(const boost::json::value& json, const std::string* csv_text = nullptr);
// "code,stratum,region" with a header; errors name the line.
Result<TargetPool> ParseTargetsCsv(std::string_view text);

boost::json::value RecordJson(const boost::json::value& request_json, const Outcome& outcome,
                              const std::string& pool_sha256, const std::string& engine);

// Compares a stored record with a fresh outcome; empty when equal, else the first difference
// as "field: 期望 … 实际 …".
std::string FirstDifference(const boost::json::value& record, const boost::json::value& recomputed);

// The example request printed by `ssj draw --example`: several strata, a joint task with two
// departments, specialties, conflicts and an expired certificate. Deterministic.
boost::json::value ExampleRequest();

}  // namespace ssj::draw

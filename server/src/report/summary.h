// The year's summary of inspections in the caller's scope: per department (tasks, targets drawn
// and inspected, problems, coverage of the directory), and problem rates by item, district and
// industry (GB/T 4754 门类). Counts records handed in (submitted, reviewed, published).
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>

#include "org/org_types.h"

namespace ssj::report {

boost::json::value YearSummary(soci::session& sql, const org::Principal& who, int64_t year);

}  // namespace ssj::report

// HTTP binding of exports: start a background export of a directory (XLSX or CSV, of a filter),
// ask how it is going, fetch the file. Handlers only decode, check and encode; the work is in
// export_jobs.h and export_kinds.h.
#pragma once

#include "http/api.h"

namespace ssj::exporter {
void RegisterRoutes(http::Router& router);
}

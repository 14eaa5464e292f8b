// What every import route shares: the options in the query (?skip_invalid=&update_existing=
// &file_name=), the importing user as the actor, the uploaded body as a record source, and the
// caller's data scope as a department check.
#pragma once

#include <soci/soci.h>

#include <functional>

#include "common/error.h"
#include "http/api.h"
#include "importer/file_source.h"
#include "importer/import_engine.h"

namespace ssj::importer {

// Fills skip_invalid, update_existing, file_name, actor and now_millis from the request.
Status ReadUploadOptions(const http::Request& req, ImportOptions* options);

// The request's body (the file) as records: CSV in UTF-8 or GBK, or an XLSX workbook's first
// sheet (told by the first bytes).
Result<RecordSource> UploadSource(http::Request& req);

// Whether a department is inside the caller's data scope (each department looked up once).
std::function<bool(int64_t)> ScopeCheck(soci::session& sql, const org::Principal& who);

// Registers `POST {base}/import` (the file as the raw body, up to `upload_limit` bytes; the
// handler runs its own transaction) and `GET {base}/import/template`, both under `permission`.
void AddImportRoutes(http::Router& router, const std::string& base, const std::string& permission,
                     const std::string& what, const std::string& group, http::Handler import,
                     http::Handler template_download, size_t upload_limit);

// POST /api/v1/imports/report.xlsx: a report the client holds (the JSON an import answered),
// sent back as the XLSX problem workbook. Stateless: the server keeps no report.
void RegisterRoutes(http::Router& router);

}  // namespace ssj::importer

// `ssj draw` and `ssj verify`: file handling around the pure engine in draw/.
#pragma once

#include <string>

namespace ssj::cli {

// Writes the record to `out` only when the whole draw succeeds (exit 0); 1 for an invalid or
// infeasible request; 2 when a file cannot be read or written.
int DrawCommand(const std::string& request_path, const std::string& out);
int DrawExample();
// 0 when every part of the record reproduces; 1 with the first difference otherwise.
int VerifyCommand(const std::string& record_path);

}  // namespace ssj::cli

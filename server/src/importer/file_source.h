// A file to import, read as records: the encoding is detected once (BOM, strict UTF-8, else
// GB18030), then every pass converts and parses the file in 1 MiB chunks, so a million-row file
// never sits in memory. Cells come trimmed (NormalizeCell).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/error.h"
#include "importer/csv_reader.h"

namespace ssj::importer {

// Receives each record with its 1-based line number.
using RecordFn = std::function<Status(size_t line, const std::vector<std::string>& cells)>;
// Runs a whole pass over the records; may be called again for another pass.
using RecordSource = std::function<Status(const RecordFn& fn)>;

// Opens a CSV file and checks its encoding. Errors name the file (and the line, for mixed
// encodings). `progress`, when given, is called with the bytes read so far in each pass.
Result<RecordSource> CsvFileSource(const std::string& path,
                                   std::function<void(size_t)> progress = {});

// The same over text already in memory (an upload).
Result<RecordSource> CsvTextSource(std::string text);

}  // namespace ssj::importer

#include "importer/file_source.h"

#include <fstream>
#include <memory>

#include "importer/xlsx_reader.h"

namespace ssj::importer {
namespace {

constexpr size_t kChunk = 1 << 20;

// Reads `path` in chunks; `fn` gets each chunk and whether it is the last.
Status ForEachChunk(const std::string& path,
                    const std::function<Status(std::string_view, bool)>& fn,
                    const std::function<void(size_t)>& progress) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::InvalidField("file", "无法打开文件", path);
  std::string buffer(kChunk, '\0');
  size_t total = 0;
  while (true) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    size_t got = static_cast<size_t>(in.gcount());
    total += got;
    bool last = got < buffer.size();
    SSJ_TRY(fn(std::string_view(buffer.data(), got), last));
    if (progress) progress(total);
    if (last) break;
  }
  if (in.bad()) return Error::InvalidField("file", "读取文件时出错", path);
  return OkStatus();
}

// One pass: convert to UTF-8, parse, normalise the cells and hand each record to `fn`.
Status ParseWith(
    Encoding encoding, const RecordFn& fn,
    const std::function<Status(const std::function<Status(std::string_view, bool)>&)>& chunks) {
  ToUtf8 convert(encoding);
  std::vector<std::string> cells;
  CsvReader reader([&](const CsvRecord& record) -> Status {
    cells.clear();
    for (const std::string& field : record.fields) cells.push_back(NormalizeCell(field));
    return fn(record.line, cells);
  });
  SSJ_TRY(chunks([&](std::string_view chunk, bool last) -> Status {
    SSJ_ASSIGN(std::string text, convert.Convert(chunk, last));
    SSJ_TRY(reader.Feed(text));
    return last ? reader.Finish() : OkStatus();
  }));
  return OkStatus();
}

// The encoding of the whole file, or why no single one fits.
Result<Encoding> SniffWhole(const std::string& path) {
  EncodingSniffer sniffer;
  SSJ_TRY(ForEachChunk(path,
                       [&](std::string_view chunk, bool) {
                         sniffer.Feed(chunk);
                         return OkStatus();
                       },
                       {}));
  SSJ_TRY(sniffer.Check());
  return sniffer.Result();
}

}  // namespace

Result<RecordSource> CsvFileSource(const std::string& path, std::function<void(size_t)> progress) {
  // Sniffing a large file is a pass of its own before the parse (half a second for a million
  // rows, on the thread that writes). Its first megabyte almost always decides: a header of
  // Chinese column names in UTF-8 means a UTF-8 file, or a refused one.
  {
    std::ifstream in(path, std::ios::binary);
    std::string head(kChunk, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    EncodingSniffer sniffer;
    sniffer.Feed(head);
    if (head.size() == kChunk && sniffer.BeginsAsUtf8()) {
      return RecordSource([path, progress](const RecordFn& fn) -> Status {
        Status parsed = ParseWith(Encoding::kUtf8, fn, [&](const auto& consume) {
          return ForEachChunk(path, consume, progress);
        });
        if (parsed.ok()) return parsed;
        // A line that is not UTF-8 after all (or a CSV error): the whole-file sniff names the
        // lines of a mixed file, as it would have before the parse.
        SSJ_TRY(SniffWhole(path));
        return parsed;
      });
    }
  }
  SSJ_ASSIGN(const Encoding encoding, SniffWhole(path));
  return RecordSource([path, encoding, progress](const RecordFn& fn) -> Status {
    return ParseWith(encoding, fn,
                     [&](const auto& consume) { return ForEachChunk(path, consume, progress); });
  });
}

Result<RecordSource> CsvTextSource(std::string text) {
  EncodingSniffer sniffer;
  sniffer.Feed(text);
  SSJ_TRY(sniffer.Check());
  const Encoding encoding = sniffer.Result();
  auto shared = std::make_shared<const std::string>(std::move(text));
  return RecordSource([shared, encoding](const RecordFn& fn) -> Status {
    return ParseWith(encoding, fn, [&](const auto& consume) { return consume(*shared, true); });
  });
}

Result<RecordSource> XlsxFileSource(const std::string& path, std::function<void(size_t)> progress) {
  SSJ_ASSIGN(XlsxReader reader, XlsxReader::OpenFile(path));
  return RecordSource([reader = std::move(reader), progress](const RecordFn& fn) -> Status {
    return reader.ForEachRow(fn, progress);
  });
}

Result<RecordSource> XlsxBufferSource(std::string data, std::string name) {
  SSJ_ASSIGN(XlsxReader reader, XlsxReader::OpenBuffer(std::move(data), std::move(name)));
  return RecordSource(
      [reader = std::move(reader)](const RecordFn& fn) -> Status { return reader.ForEachRow(fn); });
}

FileFormat SniffFileFormat(std::string_view head) {
  if (head.starts_with(std::string_view("PK\x03\x04", 4))) return FileFormat::kXlsx;
  if (head.starts_with("\xD0\xCF\x11\xE0")) return FileFormat::kOle;
  return FileFormat::kCsv;
}

Result<RecordSource> OpenFileSource(const std::string& path, std::function<void(size_t)> progress) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::InvalidField("file", "无法打开文件", path);
  char head[4] = {};
  in.read(head, sizeof head);
  switch (SniffFileFormat(std::string_view(head, static_cast<size_t>(in.gcount())))) {
    case FileFormat::kXlsx:
      return XlsxFileSource(path, std::move(progress));
    case FileFormat::kOle:
      return XlsxFileSource(path);  // refuses it, naming the file
    case FileFormat::kCsv:
      break;
  }
  return CsvFileSource(path, std::move(progress));
}

Result<RecordSource> OpenBufferSource(std::string data, std::string name) {
  if (SniffFileFormat(data) == FileFormat::kCsv) return CsvTextSource(std::move(data));
  return XlsxBufferSource(std::move(data), std::move(name));
}

}  // namespace ssj::importer

#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ssj::http {
namespace fs = std::filesystem;

std::string MimeType(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".pdf", "application/pdf"},
      {".py", "text/x-python; charset=utf-8"},
  };
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(c));
  for (const auto& [suffix, type] : kTypes) {
    if (ext == suffix) return type;
  }
  return "application/octet-stream";
}

std::optional<StaticFile> LoadStatic(const std::string& web_root, const std::string& path) {
  if (web_root.empty()) return std::nullopt;
  // Refuse anything that could climb out of the root; the SPA never produces such paths.
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos) {
    return std::nullopt;
  }
  fs::path root(web_root);
  std::string relative = path == "/" ? "index.html" : path.substr(1);
  fs::path file = root / relative;
  std::error_code ec;
  bool is_asset = true;
  if (!fs::is_regular_file(file, ec)) {
    if (fs::path(relative).has_extension()) return std::nullopt;
    file = root / "index.html";
    is_asset = false;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  StaticFile out;
  out.body = buffer.str();
  out.content_type = MimeType(file.string());
  auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
  std::ostringstream etag;
  etag << '"' << std::hex << out.body.size() << '-' << mtime << '"';
  out.etag = etag.str();
  if (is_asset && relative.starts_with("assets/")) {
    out.cache_control = "public, max-age=31536000, immutable";  // file names carry a content hash
  } else if (out.content_type.starts_with("text/html")) {
    out.cache_control = "no-cache";  // always revalidate, so a deploy shows at once
  } else {
    out.cache_control = "public, max-age=3600";
  }
  return out;
}

}  // namespace ssj::http

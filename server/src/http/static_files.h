// Serving the built web app: file lookup confined to the web root, MIME types, caching
// headers and the single-page-app fallback to index.html. No Beast here.
#pragma once

#include <optional>
#include <string>

namespace ssj::http {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string cache_control;
  std::string etag;
};

// `path` is the decoded URL path. Returns nullopt when nothing should be served (a missing
// asset with an extension); extension-less paths fall back to index.html for the SPA router.
std::optional<StaticFile> LoadStatic(const std::string& web_root, const std::string& path);
std::string MimeType(const std::string& path);

}  // namespace ssj::http

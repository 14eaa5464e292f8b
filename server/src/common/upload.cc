#include "common/upload.h"

#include "common/text.h"

namespace ssj::upload {

std::optional<std::string> SniffType(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return "video/mp4";
  if (b.size() >= 5 && b.substr(0, 5) == "%PDF-") return "application/pdf";
  return std::nullopt;
}

Result<std::string> CheckFile(const std::string& name, const std::string& bytes, size_t max_bytes,
                              const std::string& max_label) {
  if (name.empty() || Utf8Chars(name) > 100 || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos) {
    return Error::InvalidField("file_name", "文件名应为 1–100 个字，不含路径", name.substr(0, 64));
  }
  if (bytes.empty()) return Error::InvalidField("file", "没有收到文件内容");
  if (bytes.size() > max_bytes) {
    return Error::InvalidField("file", "单个文件不能超过 " + max_label,
                               std::to_string(bytes.size()));
  }
  auto type = SniffType(bytes);
  if (!type) {
    return Error::InvalidField("file",
                               "只能上传 JPEG、PNG 照片，MP4 录像或 PDF 文件（按文件内容识别）",
                               name.substr(0, 64));
  }
  return *type;
}

}  // namespace ssj::upload

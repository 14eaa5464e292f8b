#include "importer/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <pugixml.hpp>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "importer/csv_reader.h"

namespace ssj::importer {

struct XlsxReader::State {
  std::string display_name;
  std::string path;                           // empty for a workbook in memory
  std::shared_ptr<const std::string> buffer;  // the workbook in memory
  uint64_t file_size = 0;                     // of the stored (compressed) file
  XlsxLimits limits;
  std::string sheet_name;
  std::string sheet_part;  // e.g. "xl/worksheets/sheet1.xml"
  bool date1904 = false;
  std::vector<bool> date_styles;  // by cellXfs index: the style shows a date
  std::string strings;            // the shared-string table, back to back
  std::vector<uint64_t> string_ends;
};

namespace {

constexpr size_t kReadChunk = 256 * 1024;
constexpr size_t kBatchBytes = 256 * 1024;  // sheet XML parsed at once
constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_ws_pcdata_single;

std::string Mb(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 20))
    return std::to_string((bytes + (uint64_t{1} << 19)) >> 20) + " MB";
  return std::to_string(bytes) + " 字节";
}

Error XlsxError(const std::string& name, const std::string& reason, const std::string& message) {
  Error e{ErrorKind::kInvalidArgument, "import.xlsx_" + reason, "文件“" + name + "”" + message, {}};
  e.details["file"] = name;
  return e;
}

Error Corrupt(const std::string& name, const std::string& detail = {}) {
  return XlsxError(name, "corrupt",
                   "不是有效的 XLSX（可能已损坏或被截断）" + (detail.empty() ? "" : "：" + detail));
}

Error Encrypted(const std::string& name) {
  return XlsxError(name, "encrypted", "已加密或是旧版 .xls 格式，请另存为 .xlsx 或 CSV");
}

Error MissingPart(const std::string& name, const std::string& part) {
  Error e = XlsxError(name, "missing_part", "缺少 " + part + "，不是完整的 XLSX 工作簿");
  e.details["part"] = part;
  return e;
}

std::string_view Local(const char* qualified) {
  std::string_view name(qualified);
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node child : node.children())
    if (child.type() == pugi::node_element && Local(child.name()) == local) return child;
  return {};
}

// An unprefixed attribute by its name (attributes without a prefix have no namespace).
pugi::xml_attribute Attr(pugi::xml_node node, const char* name) { return node.attribute(name); }

// The relationship id of <sheet r:id="…">, whatever the prefix is called.
pugi::xml_attribute RelId(pugi::xml_node node) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view name(a.name());
    if (name.find(':') != std::string_view::npos && Local(a.name()) == "id") return a;
  }
  return {};
}

bool ParseSize(std::string_view text, size_t* out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

// "C5" -> column 2 (0-based). The row digits, when present, are not checked here.
bool ParseColumn(std::string_view ref, size_t* column) {
  size_t letters = 0, value = 0;
  while (letters < ref.size() && letters < 4) {
    char c = ref[letters];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    value = value * 26 + static_cast<size_t>(c - 'A' + 1);
    ++letters;
  }
  if (letters == 0 || letters > 3) return false;
  for (size_t i = letters; i < ref.size(); ++i)
    if (ref[i] < '0' || ref[i] > '9') return false;
  *column = value - 1;
  return true;
}

std::string ColumnName(size_t column) {
  std::string name;
  for (size_t n = column + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string CellRef(size_t column, size_t row) { return ColumnName(column) + std::to_string(row); }

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::optional<uint32_t> EscapedUnit(std::string_view text, size_t at) {
  // _xHHHH_
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_')
    return std::nullopt;
  uint32_t unit = 0;
  auto [end, ec] = std::from_chars(text.data() + at + 2, text.data() + at + 6, unit, 16);
  if (ec != std::errc() || end != text.data() + at + 6) return std::nullopt;
  return unit;
}

// OOXML strings escape characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_, a
// literal "_x" sequence is written _x005F_x…).
void AppendXstring(std::string* out, std::string_view text) {
  if (text.find("_x") == std::string_view::npos) {
    out->append(text);
    return;
  }
  for (size_t i = 0; i < text.size();) {
    std::optional<uint32_t> unit = EscapedUnit(text, i);
    if (!unit) {
      out->push_back(text[i++]);
      continue;
    }
    uint32_t cp = *unit;
    size_t used = 7;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::optional<uint32_t> low = EscapedUnit(text, i + 7);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
        used = 14;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate
    AppendUtf8(out, cp);
    i += used;
  }
}

// The text of a shared string <si> or an inline string <is>: a plain <t>, or rich-text runs
// <r><t>. Phonetic guides (<rPh>) are not part of the text.
void AppendRichText(std::string* out, pugi::xml_node node) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view local = Local(child.name());
    if (local == "t") {
      AppendXstring(out, child.text().get());
    } else if (local == "r") {
      for (pugi::xml_node run_part : child.children())
        if (Local(run_part.name()) == "t") AppendXstring(out, run_part.text().get());
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The archive

struct Entry {
  zip_uint64_t index = 0;
  uint64_t size = 0;  // declared uncompressed size
  uint64_t compressed = 0;
};

class Archive {
 public:
  Archive() = default;
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  Archive(Archive&& other) noexcept : za_(std::exchange(other.za_, nullptr)) {}
  ~Archive() {
    if (za_) zip_discard(za_);
  }

  static Result<Archive> Open(const XlsxReader::State& s) {
    int code = 0;
    zip_t* za = nullptr;
    if (s.buffer) {
      zip_error_t error;
      zip_error_init(&error);
      zip_source_t* source =
          zip_source_buffer_create(s.buffer->data(), s.buffer->size(), 0, &error);
      if (source) {
        za = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!za) zip_source_free(source);
      }
      code = zip_error_code_zip(&error);
      zip_error_fini(&error);
    } else {
      za = zip_open(s.path.c_str(), ZIP_RDONLY, &code);
    }
    Archive archive;
    archive.za_ = za;
    if (za) return archive;
    if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_MEMORY)
      return XlsxError(s.display_name, "open", "无法打开");
    return Corrupt(s.display_name);
  }

  // The entry named `part` (OPC part names ignore case), with its sizes checked against the
  // limits before a byte of it is inflated; nullopt when there is no such entry. `declared`
  // accumulates the declared sizes of everything read.
  Result<std::optional<Entry>> Find(const XlsxReader::State& s, const std::string& part,
                                    uint64_t max_bytes, uint64_t* declared) const {
    const zip_int64_t index = zip_name_locate(za_, part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::optional<Entry>();
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za_, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
        (st.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) {
      return Corrupt(s.display_name, part + " 的文件头无法读取");
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return Encrypted(s.display_name);
    const XlsxLimits& limits = s.limits;
    const uint64_t cap = std::min(max_bytes, limits.max_uncompressed_bytes);
    const bool part_too_large = st.size > cap;
    if (part_too_large || *declared + st.size > limits.max_uncompressed_bytes) {
      const std::string what = part_too_large ? part + " 为 " + Mb(st.size) + "，上限 " + Mb(cap)
                                              : "各部分合计 " + Mb(*declared + st.size) +
                                                    "，上限 " + Mb(limits.max_uncompressed_bytes);
      Error e = XlsxError(
          s.display_name, "too_large",
          "解压后过大（" + what + "），疑似压缩炸弹，未解压；如确为大文件，请分成几个文件导入");
      e.details["part"] = part;
      return e;
    }
    if (st.size > limits.ratio_floor_bytes &&
        st.size / std::max<uint64_t>(st.comp_size, 1) > limits.max_ratio) {
      Error e = XlsxError(s.display_name, "zip_bomb",
                          "的压缩比异常（" + part + " 压缩比 " +
                              std::to_string(st.size / std::max<uint64_t>(st.comp_size, 1)) +
                              ":1，上限 " + std::to_string(limits.max_ratio) +
                              ":1），疑似压缩炸弹，未解压");
      e.details["part"] = part;
      return e;
    }
    *declared += st.size;
    return std::optional<Entry>(Entry{static_cast<zip_uint64_t>(index), st.size, st.comp_size});
  }

  // Inflates an entry in chunks. Stops as soon as it gives more than its declared size (a forged
  // header), and refuses one that gives less (truncated data).
  Status Read(const XlsxReader::State& s, const std::string& part, const Entry& entry,
              const std::function<Status(std::string_view)>& sink) const {
    zip_file_t* file = zip_fopen_index(za_, entry.index, 0);
    if (!file) {
      const int code = zip_error_code_zip(zip_get_error(za_));
      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        return Encrypted(s.display_name);
      return Corrupt(s.display_name, part + " 无法解压");
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
    std::string buffer(kReadChunk, '\0');
    uint64_t total = 0;
    while (true) {
      const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
      if (got < 0) return Corrupt(s.display_name, part + " 的数据已损坏");
      if (got == 0) break;
      total += static_cast<uint64_t>(got);
      if (total > entry.size) {
        Error e = XlsxError(s.display_name, "zip_bomb",
                            "中 " + part + " 解压出的数据超过了文件头声明的 " + Mb(entry.size) +
                                "，文件可能被篡改（疑似压缩炸弹），已停止解压");
        e.details["part"] = part;
        return e;
      }
      SSJ_TRY(sink(std::string_view(buffer.data(), static_cast<size_t>(got))));
    }
    if (total != entry.size) return Corrupt(s.display_name, part + " 的数据不完整");
    return OkStatus();
  }

  Result<std::string> ReadAll(const XlsxReader::State& s, const std::string& part,
                              const Entry& entry) const {
    std::string out;
    out.reserve(static_cast<size_t>(entry.size));
    SSJ_TRY(Read(s, part, entry, [&](std::string_view chunk) {
      out.append(chunk);
      return OkStatus();
    }));
    return out;
  }

 private:
  zip_t* za_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Streaming XML: hands over each child element of a container, parsing a batch at a time

// Feeds the bytes of a part and calls `on_element` with every child element named `element`
// (local name) of the first element named `container`. The XML is cut just before an element's
// start tag, where every element before the cut is complete (in SpreadsheetML, '<' occurs in
// content only as &lt;), and parsed about kBatchBytes at a time.
class ElementStream {
 public:
  ElementStream(std::string container, std::string element, size_t max_element_bytes,
                std::function<Status(pugi::xml_node)> on_element,
                std::function<Error(std::string)> corrupt)
      : container_(std::move(container)),
        element_(std::move(element)),
        max_element_bytes_(max_element_bytes),
        on_element_(std::move(on_element)),
        corrupt_(std::move(corrupt)) {}

  Status Feed(std::string_view bytes) {
    if (state_ == kDone) return OkStatus();
    buffer_.append(bytes);
    if (state_ == kBefore) {
      SSJ_TRY(FindContainer());
      if (state_ != kInside) return OkStatus();
    }
    if (buffer_.size() < kBatchBytes) return OkStatus();
    return Cut(false);
  }

  Status Finish() {
    if (state_ == kInside) SSJ_TRY(Cut(true));
    if (state_ != kDone) return corrupt_("缺少 <" + container_ + "> 或 XML 不完整");
    return OkStatus();
  }

 private:
  enum State { kBefore, kInside, kDone };

  // Looks for the container's start tag; drops everything before it.
  Status FindContainer() {
    size_t pos = 0;
    while (true) {
      const size_t lt = buffer_.find('<', pos);
      if (lt == std::string::npos) {
        buffer_.clear();
        return OkStatus();
      }
      const size_t name_end = buffer_.find_first_of(" \t\r\n/>", lt + 1);
      if (name_end == std::string::npos) break;
      const std::string_view name(buffer_.data() + lt + 1, name_end - lt - 1);
      const size_t colon = name.find(':');
      const std::string_view local =
          colon == std::string_view::npos ? name : name.substr(colon + 1);
      if (local == container_) {
        const size_t gt = buffer_.find('>', name_end);
        if (gt == std::string::npos) break;
        const std::string prefix(name.substr(0, name.size() - local.size()));
        start_tag_ = "<" + prefix + element_;
        end_tag_ = "</" + prefix + container_;
        if (buffer_[gt - 1] == '/') {  // <sheetData/>: no rows at all
          state_ = kDone;
          buffer_.clear();
          return OkStatus();
        }
        buffer_.erase(0, gt + 1);
        state_ = kInside;
        return OkStatus();
      }
      pos = name_end;
    }
    // An incomplete tag at the end: keep it for the next chunk.
    const size_t lt = buffer_.rfind('<');
    buffer_.erase(0, lt);
    if (buffer_.size() > max_element_bytes_) return corrupt_("XML 标签过长");
    return OkStatus();
  }

  bool IsStart(size_t at, const std::string& tag) const {
    const size_t next = at + tag.size();
    if (next >= buffer_.size()) return false;
    const char c = buffer_[next];
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
  }

  Status Cut(bool last) {
    // The container's end tag ends the stream.
    size_t end = buffer_.find(end_tag_, end_scanned_);
    while (end != std::string::npos && !IsStart(end, end_tag_) &&
           end + end_tag_.size() < buffer_.size())
      end = buffer_.find(end_tag_, end + 1);
    if (end != std::string::npos && IsStart(end, end_tag_)) {
      SSJ_TRY(Parse(std::string_view(buffer_.data(), end)));
      buffer_.clear();
      state_ = kDone;
      return OkStatus();
    }
    if (last) return corrupt_("<" + container_ + "> 没有结束（XML 不完整）");
    end_scanned_ = buffer_.size() > end_tag_.size() ? buffer_.size() - end_tag_.size() : 0;
    // Otherwise parse up to the last element start seen, and keep that element for later.
    const size_t lower = std::max<size_t>(start_scanned_, 1);
    size_t cut = std::string::npos;
    if (buffer_.size() > lower) {
      std::string_view tail(buffer_.data() + lower, buffer_.size() - lower);
      size_t at = tail.rfind(start_tag_);
      while (at != std::string_view::npos && !IsStart(lower + at, start_tag_))
        at = at == 0 ? std::string_view::npos : tail.rfind(start_tag_, at - 1);
      if (at != std::string_view::npos) cut = lower + at;
    }
    if (cut == std::string::npos) {
      if (buffer_.size() > max_element_bytes_)
        return corrupt_("单个 <" + element_ + "> 超过 " + Mb(max_element_bytes_));
      start_scanned_ = buffer_.size() > start_tag_.size() ? buffer_.size() - start_tag_.size() : 0;
      return OkStatus();
    }
    SSJ_TRY(Parse(std::string_view(buffer_.data(), cut)));
    buffer_.erase(0, cut);
    start_scanned_ = 0;
    end_scanned_ = 0;
    return OkStatus();
  }

  Status Parse(std::string_view xml) {
    text_.assign("<b>");
    text_.append(xml);
    text_.append("</b>");
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer_inplace(text_.data(), text_.size(), kParseFlags, pugi::encoding_utf8);
    if (!parsed) return corrupt_(std::string("XML 格式错误（") + parsed.description() + "）");
    for (pugi::xml_node node : doc.first_child().children()) {
      if (node.type() == pugi::node_element && Local(node.name()) == element_)
        SSJ_TRY(on_element_(node));
    }
    return OkStatus();
  }

  const std::string container_, element_;
  const size_t max_element_bytes_;
  std::function<Status(pugi::xml_node)> on_element_;
  std::function<Error(std::string)> corrupt_;
  State state_ = kBefore;
  std::string buffer_;
  std::string text_;  // the batch being parsed; pugixml parses it in place
  std::string start_tag_, end_tag_;
  size_t start_scanned_ = 0;  // buffer_ before this holds no element start (but at 0)
  size_t end_scanned_ = 0;    // buffer_ before this holds no end tag
};

// ---------------------------------------------------------------------------------------------
// Workbook structure

std::string Directory(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// Resolves a relationship target against the folder of the part that holds the relationship.
std::string ResolveTarget(const std::string& base_dir, std::string_view target) {
  std::string joined =
      target.starts_with("/") ? std::string(target.substr(1)) : base_dir + std::string(target);
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& segment : segments) out += (out.empty() ? "" : "/") + segment;
  return out;
}

struct Relationship {
  std::string type;  // the last segment of the Type URI: "worksheet", "styles", …
  std::string part;
};

Result<std::unordered_map<std::string, Relationship>> ParseRelationships(
    const XlsxReader::State& s, const std::string& rels_part, const std::string& xml,
    const std::string& base_dir) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), kParseFlags, pugi::encoding_utf8))
    return Corrupt(s.display_name, rels_part + " 不是有效的 XML");
  std::unordered_map<std::string, Relationship> out;
  for (pugi::xml_node rel : doc.document_element().children()) {
    if (Local(rel.name()) != "Relationship") continue;
    if (std::string_view(Attr(rel, "TargetMode").as_string()) == "External") continue;
    std::string_view type = Attr(rel, "Type").as_string();
    type = type.substr(type.rfind('/') + 1);
    out[Attr(rel, "Id").as_string()] =
        Relationship{std::string(type), ResolveTarget(base_dir, Attr(rel, "Target").as_string())};
  }
  return out;
}

bool IsBuiltinDate(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
         (id >= 50 && id <= 54) || id == 57 || id == 58;
}

Status LoadStyles(XlsxReader::State* s, const std::string& part, const std::string& xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), kParseFlags, pugi::encoding_utf8))
    return Corrupt(s->display_name, part + " 不是有效的 XML");
  const pugi::xml_node root = doc.document_element();
  std::unordered_map<int, std::string> codes;
  for (pugi::xml_node fmt : Child(root, "numFmts").children()) {
    if (Local(fmt.name()) == "numFmt")
      codes[Attr(fmt, "numFmtId").as_int(-1)] = Attr(fmt, "formatCode").as_string();
  }
  for (pugi::xml_node xf : Child(root, "cellXfs").children()) {
    if (Local(xf.name()) != "xf") continue;
    const int id = Attr(xf, "numFmtId").as_int(0);
    auto it = codes.find(id);
    s->date_styles.push_back(IsDateFormat(id, it == codes.end() ? "" : it->second));
  }
  return OkStatus();
}

Status LoadSharedStrings(XlsxReader::State* s, const Archive& archive, const std::string& part,
                         const Entry& entry) {
  const std::string& name = s->display_name;
  ElementStream stream(
      "sst", "si", s->limits.max_row_xml_bytes,
      [&](pugi::xml_node si) -> Status {
        AppendRichText(&s->strings, si);
        if (s->strings.size() > s->limits.max_shared_string_bytes) {
          return XlsxError(name, "too_large",
                           "的共享字符串表超过 " + Mb(s->limits.max_shared_string_bytes) +
                               "，无法导入，请分成几个文件或另存为 CSV");
        }
        s->string_ends.push_back(s->strings.size());
        return OkStatus();
      },
      [&](std::string detail) { return Corrupt(name, part + " " + detail); });
  SSJ_TRY(
      archive.Read(*s, part, entry, [&](std::string_view chunk) { return stream.Feed(chunk); }));
  SSJ_TRY(stream.Finish());
  s->strings.shrink_to_fit();
  s->string_ends.shrink_to_fit();
  return OkStatus();
}

Result<std::shared_ptr<const XlsxReader::State>> Load(std::shared_ptr<XlsxReader::State> s) {
  const std::string& name = s->display_name;
  // Look at the first bytes before libzip does: an encrypted workbook is an OLE file.
  std::string head;
  if (s->buffer) {
    head = s->buffer->substr(0, 8);
  } else {
    std::ifstream in(s->path, std::ios::binary);
    if (!in) return XlsxError(name, "open", "无法打开");
    head.resize(8);
    in.read(head.data(), 8);
    head.resize(static_cast<size_t>(in.gcount()));
  }
  if (SniffFileFormat(head) == FileFormat::kOle) return Encrypted(name);
  if (SniffFileFormat(head) != FileFormat::kXlsx) return Corrupt(name);

  SSJ_ASSIGN(Archive archive, Archive::Open(*s));
  const XlsxLimits& limits = s->limits;
  uint64_t declared = 0;
  auto read_small = [&](const std::string& part) -> Result<std::optional<std::string>> {
    SSJ_ASSIGN(std::optional<Entry> entry,
               archive.Find(*s, part, limits.max_small_part_bytes, &declared));
    if (!entry) return std::optional<std::string>();
    SSJ_ASSIGN(std::string xml, archive.ReadAll(*s, part, *entry));
    return std::optional<std::string>(std::move(xml));
  };

  // The workbook part, through the package relationships when they name it.
  std::string workbook_part = "xl/workbook.xml";
  SSJ_ASSIGN(std::optional<std::string> package_rels, read_small("_rels/.rels"));
  if (package_rels) {
    SSJ_ASSIGN(auto rels, ParseRelationships(*s, "_rels/.rels", *package_rels, ""));
    for (const auto& [id, rel] : rels)
      if (rel.type == "officeDocument") workbook_part = rel.part;
  }
  SSJ_ASSIGN(std::optional<std::string> workbook_xml, read_small(workbook_part));
  if (!workbook_xml) return MissingPart(name, workbook_part);
  pugi::xml_document workbook;
  if (!workbook.load_buffer(workbook_xml->data(), workbook_xml->size(), kParseFlags,
                            pugi::encoding_utf8)) {
    return Corrupt(name, workbook_part + " 不是有效的 XML");
  }
  const pugi::xml_node root = workbook.document_element();
  const std::string_view date1904 = Attr(Child(root, "workbookPr"), "date1904").as_string();
  s->date1904 = date1904 == "1" || date1904 == "true";

  const std::string rels_part = Directory(workbook_part) + "_rels/" +
                                workbook_part.substr(Directory(workbook_part).size()) + ".rels";
  SSJ_ASSIGN(std::optional<std::string> rels_xml, read_small(rels_part));
  if (!rels_xml) return MissingPart(name, rels_part);
  SSJ_ASSIGN(auto rels, ParseRelationships(*s, rels_part, *rels_xml, Directory(workbook_part)));

  // The first worksheet in tab order (chart sheets are not worksheets).
  for (pugi::xml_node sheet : Child(root, "sheets").children()) {
    if (Local(sheet.name()) != "sheet") continue;
    auto it = rels.find(RelId(sheet).as_string());
    if (it == rels.end() || it->second.type != "worksheet") continue;
    s->sheet_name = Attr(sheet, "name").as_string();
    s->sheet_part = it->second.part;
    break;
  }
  if (s->sheet_part.empty()) {
    return XlsxError(name, "missing_part",
                     "中没有工作表（" + workbook_part + " 未列出任何工作表）");
  }
  SSJ_ASSIGN(std::optional<Entry> sheet,
             archive.Find(*s, s->sheet_part, limits.max_uncompressed_bytes, &declared));
  if (!sheet) return MissingPart(name, s->sheet_part);

  std::string styles_part = "xl/styles.xml", strings_part = "xl/sharedStrings.xml";
  for (const auto& [id, rel] : rels) {
    if (rel.type == "styles") styles_part = rel.part;
    if (rel.type == "sharedStrings") strings_part = rel.part;
  }
  SSJ_ASSIGN(std::optional<std::string> styles_xml, read_small(styles_part));
  if (styles_xml) SSJ_TRY(LoadStyles(s.get(), styles_part, *styles_xml));
  SSJ_ASSIGN(std::optional<Entry> strings,
             archive.Find(*s, strings_part, limits.max_uncompressed_bytes, &declared));
  if (strings) SSJ_TRY(LoadSharedStrings(s.get(), archive, strings_part, *strings));
  return std::shared_ptr<const XlsxReader::State>(std::move(s));
}

// ---------------------------------------------------------------------------------------------
// Rows

class SheetWalker {
 public:
  SheetWalker(const XlsxReader::State& s, const RecordFn& fn) : s_(s), fn_(fn) {}

  Status Row(pugi::xml_node row) {
    size_t number = last_row_ + 1;
    if (pugi::xml_attribute r = Attr(row, "r")) {
      if (!ParseSize(r.value(), &number) || number == 0)
        return Corrupt(s_.display_name, "行号“" + std::string(r.value()) + "”无效");
    }
    if (number <= last_row_) {
      return Corrupt(s_.display_name, "第 " + std::to_string(number) + " 行出现在第 " +
                                          std::to_string(last_row_) + " 行之后");
    }
    if (number > s_.limits.max_rows) {
      Error e =
          XlsxError(s_.display_name, "too_many_rows",
                    "的工作表“" + s_.sheet_name + "”超过 " + std::to_string(s_.limits.max_rows) +
                        " 行（第 " + std::to_string(number) + " 行），请分成几个文件导入");
      e.details["line"] = number;
      return e;
    }
    last_row_ = number;
    cells_.clear();
    issues_.clear();
    size_t next_column = 0;
    for (pugi::xml_node c : row.children()) {
      if (Local(c.name()) != "c") continue;
      size_t column = next_column;
      if (pugi::xml_attribute r = Attr(c, "r")) {
        if (!ParseColumn(r.value(), &column))
          return Corrupt(s_.display_name, "单元格引用“" + std::string(r.value()) + "”无效");
      }
      next_column = column + 1;
      SSJ_TRY(Cell(c, number, column));
    }
    return fn_(number, cells_, issues_);
  }

 private:
  Status Cell(pugi::xml_node c, size_t row, size_t column) {
    const std::string_view type = Attr(c, "t").as_string("n");
    const pugi::xml_node v = Child(c, "v");
    const std::string_view v_text = v.text().get();
    const size_t issues_before = issues_.size();
    std::string value;
    if (Child(c, "f")) {
      AddIssue(column, row, "公式单元格 " + CellRef(column, row) + "：请粘贴为数值后再导入");
    }
    if (type == "s") {
      size_t index = 0;
      if (!v_text.empty()) {
        if (!ParseSize(v_text, &index) || index >= s_.string_ends.size()) {
          return Corrupt(s_.display_name,
                         "单元格 " + CellRef(column, row) + " 引用的共享字符串不存在");
        }
        const uint64_t begin = index == 0 ? 0 : s_.string_ends[index - 1];
        value = NormalizeCell(
            std::string_view(s_.strings).substr(begin, s_.string_ends[index] - begin));
      }
    } else if (type == "inlineStr") {
      std::string text;
      AppendRichText(&text, Child(c, "is"));
      value = NormalizeCell(text);
    } else if (type == "str") {
      std::string text;
      AppendXstring(&text, v_text);
      value = NormalizeCell(text);
    } else if (type == "b") {
      if (!v_text.empty()) value = v_text == "0" ? "FALSE" : "TRUE";
    } else if (type == "e") {
      value = NormalizeCell(v_text);
    } else if (type == "d") {  // ISO 8601, rare outside Strict files
      const std::string text = NormalizeCell(v_text);
      const std::optional<std::string> date = ExcelDate(std::string_view(text).substr(0, 10));
      value = date ? *date : text;
    } else if (!v_text.empty()) {
      value = Number(v_text, row, column, Attr(c, "s").as_uint(0));
    }
    if (value.empty() && issues_.size() == issues_before) return OkStatus();
    if (column >= s_.limits.max_columns) {
      Error e = XlsxError(s_.display_name, "too_many_columns",
                          "第 " + std::to_string(row) + " 行的单元格 " + CellRef(column, row) +
                              " 超出了 " + std::to_string(s_.limits.max_columns) +
                              " 列的上限，请删除多余的列后再导入");
      e.details["line"] = row;
      return e;
    }
    if (cells_.size() <= column) cells_.resize(column + 1);
    cells_[column] = std::move(value);
    return OkStatus();
  }

  std::string Number(std::string_view stored, size_t row, size_t column, unsigned style) {
    const std::string text = NormalizeCell(stored);
    if (style < s_.date_styles.size() && s_.date_styles[style]) {
      double serial = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
      if (ec == std::errc() && end == text.data() + text.size() && serial >= 0 && serial < 3e6) {
        // The 1904 date system (old Mac workbooks) counts from 1904-01-01, 1462 days later.
        const int64_t days = static_cast<int64_t>(std::floor(serial)) + (s_.date1904 ? 1462 : 0);
        if (std::optional<std::string> date = ExcelDate(std::to_string(days))) return *date;
      }
      bool unused = false;
      std::string shown = XlsxNumberText(text, &unused);
      AddIssue(
          column, row,
          "单元格 " + CellRef(column, row) + " 设为日期格式，但其值 " + shown + " 不是有效日期");
      return shown;
    }
    bool long_number = false;
    std::string shown = XlsxNumberText(text, &long_number);
    if (long_number) {
      AddIssue(column, row,
               "单元格 " + CellRef(column, row) +
                   " 数字过长，已被 Excel 改写为科学计数法，请把该列设为文本后重新填写");
    }
    return shown;
  }

  void AddIssue(size_t column, size_t row, std::string message) {
    issues_.push_back(CellIssue{column, CellRef(column, row), std::move(message)});
  }

  const XlsxReader::State& s_;
  const RecordFn& fn_;
  size_t last_row_ = 0;
  std::vector<std::string> cells_;
  std::vector<CellIssue> issues_;
};

// A decimal as digits × 10^exponent, the digits without leading zeros ("0" for zero).
struct Decimal {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

std::optional<Decimal> ParseDecimal(std::string_view text) {
  Decimal d;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  size_t fraction = 0;
  bool any = false, point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      any = true;
      if (!(d.digits.empty() && c == '0')) d.digits.push_back(c);
      if (point) ++fraction;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && text[i] == '+') ++i;
    auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), exponent);
    if (ec != std::errc() || end == text.data() + i) return std::nullopt;
    i = static_cast<size_t>(end - text.data());
  }
  if (i != text.size() || exponent > 400 || exponent < -400) return std::nullopt;
  // Leading zeros of the fraction were dropped from the digits but still count in its length.
  d.exponent = exponent - static_cast<int>(fraction);
  if (d.digits.empty()) {
    d.digits = "0";
    d.exponent = 0;
    d.negative = false;
  }
  return d;
}

std::string Plain(Decimal d) {
  while (d.exponent < 0 && d.digits.size() > 1 && d.digits.back() == '0') {
    d.digits.pop_back();
    ++d.exponent;
  }
  if (d.digits == "0") return "0";
  std::string out = d.negative ? "-" : "";
  if (d.exponent >= 0) return out + d.digits + std::string(static_cast<size_t>(d.exponent), '0');
  const int point = static_cast<int>(d.digits.size()) + d.exponent;
  if (point > 0) {
    return out + d.digits.substr(0, static_cast<size_t>(point)) + "." +
           d.digits.substr(static_cast<size_t>(point));
  }
  return out + "0." + std::string(static_cast<size_t>(-point), '0') + d.digits;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string XlsxNumberText(std::string_view stored, bool* long_number) {
  *long_number = false;
  // The common case, an integer stored as plain digits, is shown as stored.
  const std::string_view digits = stored.starts_with('-') ? stored.substr(1) : stored;
  if (!digits.empty() && digits.size() <= 15 && (digits[0] != '0' || stored == "0") &&
      digits.find_first_not_of("0123456789") == std::string_view::npos) {
    return std::string(stored);
  }
  double value = 0;
  const char* first = stored.data();
  const char* last = stored.data() + stored.size();
  if (first != last && *first == '+') ++first;
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end != last || !std::isfinite(value)) return std::string(stored);
  if (std::fabs(value) >= 1e15) {
    *long_number = true;
    std::optional<Decimal> exact = ParseDecimal(stored);
    return exact ? Plain(*exact) : std::string(stored);
  }
  char buffer[64];
  auto rounded = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific,
                               14);  // 15 significant digits
  std::optional<Decimal> shown = ParseDecimal(std::string_view(buffer, rounded.ptr - buffer));
  return shown ? Plain(*shown) : std::string(stored);
}

bool IsDateFormat(int num_fmt_id, std::string_view format_code) {
  if (format_code.empty()) return IsBuiltinDate(num_fmt_id);
  bool year_or_day = false, month_or_minute = false, time = false;
  for (size_t i = 0; i < format_code.size(); ++i) {
    const char c = format_code[i];
    if (c == '"') {
      const size_t close = format_code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      const size_t close = format_code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      year_or_day = true;
    } else if (c == 'm' || c == 'M') {
      month_or_minute = true;
    } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
      time = true;
    }
  }
  // With hours or seconds around, a lone m means minutes.
  return year_or_day || (month_or_minute && !time);
}

Result<XlsxReader> XlsxReader::OpenFile(const std::string& path, XlsxLimits limits) {
  auto s = std::make_shared<State>();
  s->display_name = std::filesystem::path(path).filename().string();
  s->path = path;
  s->limits = limits;
  std::error_code ec;
  s->file_size = std::filesystem::file_size(path, ec);
  if (ec) return XlsxError(s->display_name, "open", "无法打开");
  SSJ_ASSIGN(std::shared_ptr<const State> state, Load(std::move(s)));
  return XlsxReader(std::move(state));
}

Result<XlsxReader> XlsxReader::OpenBuffer(std::string data, std::string name, XlsxLimits limits) {
  auto s = std::make_shared<State>();
  s->display_name = std::move(name);
  s->file_size = data.size();
  s->buffer = std::make_shared<const std::string>(std::move(data));
  s->limits = limits;
  SSJ_ASSIGN(std::shared_ptr<const State> state, Load(std::move(s)));
  return XlsxReader(std::move(state));
}

Status XlsxReader::ForEachRow(const RecordFn& fn,
                              const std::function<void(size_t)>& progress) const {
  const State& s = *state_;
  SSJ_ASSIGN(Archive archive, Archive::Open(s));
  uint64_t declared = 0;
  SSJ_ASSIGN(std::optional<Entry> entry,
             archive.Find(s, s.sheet_part, s.limits.max_uncompressed_bytes, &declared));
  if (!entry) return MissingPart(s.display_name, s.sheet_part);  // the file changed
  SheetWalker walker(s, fn);
  ElementStream stream(
      "sheetData", "row", s.limits.max_row_xml_bytes,
      [&](pugi::xml_node row) { return walker.Row(row); },
      [&](std::string detail) { return Corrupt(s.display_name, s.sheet_part + " " + detail); });
  uint64_t inflated = 0;
  SSJ_TRY(archive.Read(s, s.sheet_part, *entry, [&](std::string_view chunk) -> Status {
    SSJ_TRY(stream.Feed(chunk));
    inflated += chunk.size();
    if (progress) {
      progress(
          static_cast<size_t>(static_cast<double>(s.file_size) * static_cast<double>(inflated) /
                              static_cast<double>(std::max<uint64_t>(entry->size, 1))));
    }
    return OkStatus();
  }));
  return stream.Finish();
}

const std::string& XlsxReader::sheet_name() const { return state_->sheet_name; }
const std::string& XlsxReader::display_name() const { return state_->display_name; }

}  // namespace ssj::importer

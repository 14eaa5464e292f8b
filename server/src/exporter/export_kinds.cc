#include "exporter/export_kinds.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "catalog/catalog_repo.h"
#include "catalog/export.h"
#include "common/clock.h"
#include "directory/directory_repo.h"
#include "inspectors/export.h"
#include "inspectors/inspector_repo.h"
#include "restrictions/export.h"
#include "restrictions/restriction_repo.h"

namespace ssj::exporter {
namespace {

using directory::DepartmentLabel;

// Departments as the 部门 columns name them: by name, which people read, unless another
// department has the same name (or uses it as its code) — then by code, so that the import finds
// this one and not the other. Read once per export: there are hundreds, not millions.
DepartmentLabel DepartmentLabels(soci::session& sql) {
  struct Department {
    int64_t id;
    std::string code;
    std::string name;
  };
  std::vector<Department> all;
  std::unordered_map<std::string, int> uses;
  db::Query("SELECT id, code, name FROM departments").ForEach(sql, [&](const soci::row& row) {
    all.push_back({db::RowInt(row, 0), db::RowText(row, 1), db::RowText(row, 2)});
    ++uses[all.back().code];
    if (all.back().name != all.back().code) ++uses[all.back().name];
  });
  auto labels = std::make_shared<std::unordered_map<int64_t, std::string>>();
  for (Department& d : all)
    (*labels)[d.id] = uses[d.name] == 1 ? std::move(d.name) : std::move(d.code);
  return [labels](int64_t id) {
    auto it = labels->find(id);
    return it == labels->end() ? std::to_string(id) : it->second;
  };
}

std::string Today(int64_t now_millis) { return ChinaDate(now_millis); }

// One kind of target (B.1 entities, B.2 places, B.3 products): the list's
// filter with the kind fixed, the rows through directory::repo::ForEach.
Kind TargetKind(std::string name, std::string title, std::string target_kind,
                const std::vector<importer::Column>& (*columns)(),
                importer::Row (*row)(const directory::Target&, const DepartmentLabel&)) {
  Kind kind;
  kind.name = std::move(name);
  kind.title = std::move(title);
  kind.permission = "directory:target:export";
  kind.columns = columns;
  kind.filter_keys = directory::ExportFilterKeys();
  kind.check = [target_kind](const Params& filter, int64_t) -> Status {
    SSJ_TRY(directory::ExportFilter(filter, target_kind));
    return OkStatus();
  };
  kind.for_each = [target_kind, row](const Context& c, const Params& filter,
                                     const RowFn& fn) -> Status {
    SSJ_ASSIGN(directory::TargetFilter f, directory::ExportFilter(filter, target_kind));
    const DepartmentLabel department = DepartmentLabels(c.sql);
    directory::repo::ForEach(c.sql, c.who, f,
                             [&](const directory::Target& t) { fn(row(t, department)); });
    return OkStatus();
  };
  return kind;
}

Kind PeopleKind(std::string name, std::string title, inspectors::Group group) {
  Kind kind;
  kind.name = std::move(name);
  kind.title = std::move(title);
  // Inspectors and experts share one table and one permission.
  kind.permission = "directory:inspector:export";
  kind.columns = [group]() -> const std::vector<importer::Column>& {
    return inspectors::InspectorColumns(group);
  };
  kind.filter_keys = inspectors::ExportFilterKeys();
  kind.check = [group](const Params& filter, int64_t now) -> Status {
    SSJ_TRY(inspectors::ExportFilter(filter, group, Today(now)));
    return OkStatus();
  };
  kind.for_each = [group](const Context& c, const Params& filter, const RowFn& fn) -> Status {
    SSJ_ASSIGN(inspectors::InspectorFilter f,
               inspectors::ExportFilter(filter, group, Today(c.now_millis)));
    const DepartmentLabel department = DepartmentLabels(c.sql);
    inspectors::repo::ForEach(c.sql, c.who, f, [&](const inspectors::Inspector& p) {
      fn(inspectors::InspectorRow(p, department));
    });
    return OkStatus();
  };
  return kind;
}

Kind ItemKind() {
  Kind kind;
  kind.name = "items";
  kind.title = "抽查事项清单";
  kind.permission = "catalog:item:export";
  kind.columns = catalog::ItemColumns;
  kind.filter_keys = catalog::ExportFilterKeys();
  kind.check = [](const Params& filter, int64_t) -> Status {
    SSJ_TRY(catalog::ExportFilter(filter));
    return OkStatus();
  };
  kind.for_each = [](const Context& c, const Params& filter, const RowFn& fn) -> Status {
    SSJ_ASSIGN(catalog::ItemFilter f, catalog::ExportFilter(filter));
    const DepartmentLabel department = DepartmentLabels(c.sql);
    catalog::repo::ForEach(c.sql, c.who, f, [&](const catalog::Item& item) {
      fn(catalog::ItemRow(item, department));
    });
    return OkStatus();
  };
  return kind;
}

// Conflicts and exemptions: the same filter, each through its own ForEach and row.
template <class Record>
Kind RestrictionKind(std::string name, std::string title, std::string permission,
                     const std::vector<importer::Column>& (*columns)(),
                     const std::vector<std::string>& filter_keys,
                     void (*for_each)(soci::session&, const org::Principal*,
                                      const restrictions::Filter&,
                                      const std::function<void(const Record&)>&),
                     importer::Row (*row)(const Record&)) {
  Kind kind;
  kind.name = std::move(name);
  kind.title = std::move(title);
  kind.permission = std::move(permission);
  kind.columns = columns;
  kind.filter_keys = filter_keys;
  kind.check = [](const Params& filter, int64_t now) -> Status {
    SSJ_TRY(restrictions::ExportFilter(filter, Today(now)));
    return OkStatus();
  };
  kind.for_each = [for_each, row](const Context& c, const Params& filter,
                                  const RowFn& fn) -> Status {
    SSJ_ASSIGN(restrictions::Filter f, restrictions::ExportFilter(filter, Today(c.now_millis)));
    for_each(c.sql, c.who, f, [&](const Record& r) { fn(row(r)); });
    return OkStatus();
  };
  return kind;
}

// Display width in Excel's units: a CJK character is about two of them.
double TextWidth(const std::string& text) {
  double width = 0;
  for (unsigned char c : text) {
    if (c < 0x80) {
      width += 1;
    } else if (c >= 0xC0) {
      width += 2;
    }
  }
  return width;
}

// Whether a column holds codes or numbers that Excel would turn into numbers when typed.
bool IsCodeColumn(const std::string& name) {
  for (const char* word : {"编码", "号码", "证号", "电话", "代码", "大类"}) {
    if (name.find(word) != std::string::npos) return true;
  }
  return false;
}

double ColumnWidth(const std::string& name) {
  auto has = [&](const char* word) { return name.find(word) != std::string::npos; };
  // Free text and names are long; codes and ID numbers are 18–20 characters.
  if (IsCodeColumn(name) && !has("大类")) return std::max(22.0, TextWidth(name) + 2);
  for (const char* word : {"名称", "地址", "内容", "依据", "说明", "检查对象", "抽查事项",
                           "工作单位", "范围", "部门", "专长"}) {
    if (has(word)) return std::max(30.0, TextWidth(name) + 2);
  }
  return std::clamp(TextWidth(name) + 4, 10.0, 40.0);
}

// Stops a streaming callback: ForEach takes void callbacks, so an error or a stop request
// travels as an exception to WriteExport, which turns it back into a value. Without an error of
// its own it means the writer stopped (and holds the error).
struct Abort {
  Error error = Error::Internal("");
  bool from_writer = false;
};

// Batches of rows from the reading thread to the writing one, at most kMaxBatches waiting (a
// few megabytes), so a slow disk slows the reading instead of filling memory. Written batches go
// back to the reading thread to be freed there: its strings were allocated there, and freeing
// them on the writing thread took the allocator's slow cross-thread path on every string.
class RowPipe {
 public:
  static constexpr size_t kBatchRows = 1000;
  static constexpr size_t kMaxBatches = 8;

  // False when the writer has stopped: the batch is dropped.
  bool Push(std::vector<importer::Row> batch) {
    std::vector<std::vector<importer::Row>> spent;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return queue_.size() < kMaxBatches || aborted_; });
      if (aborted_) return false;
      queue_.push_back(std::move(batch));
      spent.swap(spent_);
      cv_.notify_all();
    }
    return true;  // `spent` is freed here, on this thread
  }
  // False when there is nothing more to write (closed and drained, or aborted).
  // `batch` holds the batch written before, if any: it goes back to the reader.
  bool Pop(std::vector<importer::Row>* batch) {
    std::unique_lock lock(mu_);
    if (!batch->empty()) spent_.push_back(std::move(*batch));
    batch->clear();
    cv_.wait(lock, [&] { return !queue_.empty() || closed_ || aborted_; });
    if (aborted_ || queue_.empty()) return false;
    *batch = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return true;
  }
  void Close() { Set(&closed_); }
  void Abort() { Set(&aborted_); }

 private:
  void Set(bool* flag) {
    std::lock_guard lock(mu_);
    *flag = true;
    cv_.notify_all();
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<importer::Row>> queue_;
  std::vector<std::vector<importer::Row>> spent_;
  bool closed_ = false;
  bool aborted_ = false;
};

// Nothing was written: rolling back only ends the snapshot. A broken connection has ended it
// already.
void EndSnapshot(soci::session& sql) {
  try {
    sql << "ROLLBACK";
  } catch (...) {
  }
}

}  // namespace

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      TargetKind("targets", "检查对象", "entity", directory::EntityColumns, directory::TargetRow),
      TargetKind(
          "places", "场地场所", "place",
          []() -> const auto& { return directory::TargetColumns(directory::TargetKind::kPlace); },
          directory::TargetRow),
      TargetKind(
          "products", "产品", "product",
          []() -> const auto& { return directory::TargetColumns(directory::TargetKind::kProduct); },
          directory::TargetRow),
      PeopleKind("inspectors", "执法检查人员", inspectors::Group::kInspectors),
      PeopleKind("experts", "专家和辅助人员", inspectors::Group::kExperts),
      ItemKind(),
      RestrictionKind<restrictions::Conflict>(
          "conflicts", "利害关系", "directory:conflict:export", restrictions::ConflictColumns,
          restrictions::ConflictFilterKeys(), restrictions::repo::ForEachConflict,
          restrictions::ConflictRow),
      RestrictionKind<restrictions::Exemption>(
          "exemptions", "免检免扰名单", "directory:exemption:export",
          restrictions::ExemptionColumns, restrictions::ExemptionFilterKeys(),
          restrictions::repo::ForEachExemption, restrictions::ExemptionRow),
  };
  return kinds;
}

const Kind* FindKind(std::string_view name) {
  for (const Kind& kind : Kinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

std::string KindNames() {
  std::string out;
  for (const Kind& kind : Kinds())
    out += (out.empty() ? "" : "、") + kind.name + "（" + kind.title + "）";
  return out;
}

Status CheckFilter(const Kind& kind, const Params& filter, int64_t now_millis) {
  for (const auto& [key, value] : filter) {
    if (std::find(kind.filter_keys.begin(), kind.filter_keys.end(), key) ==
        kind.filter_keys.end()) {
      std::string known;
      for (const std::string& k : kind.filter_keys) known += (known.empty() ? "" : "、") + k;
      Error e = Error::InvalidField("filter", "不支持按“" + key.substr(0, 40) + "”筛选" +
                                                  kind.title + "，可用的筛选条件：" + known);
      e.details["key"] = key.substr(0, 40);
      return e;
    }
  }
  return kind.check(filter, now_millis);
}

std::string FileName(const Kind& kind, Format format, int64_t now_millis) {
  std::string date = ChinaDate(now_millis);
  std::erase(date, '-');
  return kind.title + "-" + date + "." + std::string(FormatName(format));
}

std::string AsciiFileName(const Kind& kind, Format format, int64_t now_millis) {
  std::string date = ChinaDate(now_millis);
  std::erase(date, '-');
  return kind.name + "-" + date + "." + std::string(FormatName(format));
}

std::vector<OutputColumn> OutputColumns(const Kind& kind) {
  std::vector<OutputColumn> out;
  for (const importer::Column& c : kind.columns())
    out.push_back({c.name, ColumnWidth(c.name), IsCodeColumn(c.name)});
  return out;
}

Result<int64_t> WriteExport(const Context& c, const Kind& kind, Format format, const Params& filter,
                            const std::string& path, const ExportOptions& options) {
  auto remove_partial = [&] {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  };
  SSJ_ASSIGN(std::unique_ptr<TableWriter> writer,
             TableWriter::Open(format, path, kind.title, options.tmpdir));
  Status written = writer->Begin(OutputColumns(kind));
  if (!written.ok()) {
    writer.reset();
    remove_partial();
    return written.take_error();
  }

  // Reading rows (the database, building cells) and writing them (libxlsxwriter's XML) take
  // about the same time in a big export: the writer gets a thread of its own, so the two overlap.
  RowPipe pipe;
  std::thread writing([&] {
    std::vector<importer::Row> batch;
    while (pipe.Pop(&batch)) {
      for (const importer::Row& row : batch) {
        written = writer->Row(row);
        if (!written.ok()) return pipe.Abort();
        if (options.progress) options.progress(writer->rows());
      }
    }
  });

  // One snapshot for every batch. Read-only: on SQLite a deferred BEGIN takes no write lock
  // (BEGIN IMMEDIATE, as db::Transaction does, would block every writer for the whole export).
  Status streamed = OkStatus();
  try {
    c.sql << (c.backend == db::Backend::kSqlite
                  ? "BEGIN"
                  : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    std::vector<importer::Row> batch;
    streamed = kind.for_each(c, filter, [&](importer::Row&& row) {
      if (options.stop && options.stop->load(std::memory_order_relaxed)) {
        throw Abort{Error{ErrorKind::kUnavailable,
                          "export.cancelled",
                          "服务正在停止，导出已中止，请稍后重新导出",
                          {}}};
      }
      batch.push_back(std::move(row));
      if (batch.size() < RowPipe::kBatchRows) return;
      if (!pipe.Push(std::move(batch))) throw Abort{Error::Internal(""), /*from_writer=*/true};
      batch.clear();
      batch.reserve(RowPipe::kBatchRows);
    });
    if (streamed.ok() && !batch.empty()) pipe.Push(std::move(batch));
  } catch (Abort& abort) {
    if (!abort.from_writer) streamed = std::move(abort.error);  // else `written` says why
  } catch (...) {
    // A database failure: stop the writer, clean up, and let the caller log it.
    pipe.Abort();
    writing.join();
    EndSnapshot(c.sql);
    writer.reset();
    remove_partial();
    throw;
  }
  if (streamed.ok()) {
    pipe.Close();
  } else {
    pipe.Abort();
  }
  writing.join();
  EndSnapshot(c.sql);
  if (streamed.ok()) streamed = std::move(written);  // the writer's error, if it stopped
  if (streamed.ok()) streamed = writer->Finish();
  if (!streamed.ok()) {
    writer.reset();
    remove_partial();
    return streamed.take_error();
  }
  return writer->rows();
}

}  // namespace ssj::exporter

#include "directory/name_indexer.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>

#include "directory/name_index.h"

namespace ssj::directory {
namespace {

// Small batches: in SQLite each holds the one write lock while it runs (about a tenth of a
// second), and forms and imports wait for it.
constexpr size_t kBatch = 5000;
constexpr int kIdleMs = 2000;
constexpr int kRetryMs = 30000;

}  // namespace

NameIndexer::NameIndexer(db::DbUrl url) : url_(std::move(url)), thread_([this] { Run(); }) {}

NameIndexer::~NameIndexer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool NameIndexer::Wait(int ms) {
  std::unique_lock lock(mu_);
  return !wake_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stop_; });
}

void NameIndexer::Run() {
  auto db = db::Database::Open(url_, 1);
  if (!db.ok()) {
    spdlog::error("名称检索索引：无法连接数据库，检索将不使用索引: {}", db.error().message);
    return;
  }
  int64_t done = 0;
  do {
    try {
      db::Lease sql = (*db)->Acquire();
      while (size_t taken = names::IndexPending(*sql, (*db)->backend(), kBatch)) {
        done += static_cast<int64_t>(taken);
        std::lock_guard lock(mu_);
        if (stop_) return;
      }
      if (done >= static_cast<int64_t>(kBatch))
        spdlog::info("名称检索索引：已为 {} 个检查对象建立索引", done);
      done = 0;
    } catch (const std::exception& e) {
      // A busy SQLite database or a lost PostgreSQL connection: try again later.
      spdlog::warn("名称检索索引：本批未完成，稍后重试: {}", e.what());
      if (!Wait(kRetryMs)) return;
    }
  } while (Wait(kIdleMs));
}

}  // namespace ssj::directory

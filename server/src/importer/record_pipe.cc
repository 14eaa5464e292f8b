#include "importer/record_pipe.h"

namespace ssj::importer {

RecordPipe::RecordPipe(const RecordSource& source, Prepare prepare) {
  reader_ = std::thread([this, source, prepare = std::move(prepare)] {
    std::vector<PipedRecord> batch;
    batch.reserve(kBatch);
    Status status = source([&](size_t line, const std::vector<std::string>& cells,
                               const std::vector<CellIssue>& issues) -> Status {
      batch.push_back({line, cells, issues, {}, std::nullopt, 0});
      if (prepare && !prepare(batch.back())) {
        Push(std::move(batch));
        return Error::Internal("import stopped");
      }
      if (batch.size() == kBatch) {
        Push(std::move(batch));
        batch = {};
        batch.reserve(kBatch);
      }
      std::lock_guard lock(mu_);
      if (cancelled_) return Error::Internal("import cancelled");
      return OkStatus();
    });
    if (status.ok() && !batch.empty()) Push(std::move(batch));
    std::lock_guard lock(mu_);
    status_ = std::move(status);
    done_ = true;
    changed_.notify_all();
  });
}

RecordPipe::~RecordPipe() {
  {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    changed_.notify_all();
  }
  reader_.join();
}

void RecordPipe::Push(std::vector<PipedRecord> batch) {
  std::vector<std::vector<PipedRecord>> spent;
  {
    std::lock_guard lock(mu_);
    spent.swap(spent_);
  }
  spent.clear();  // outside the lock
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return queue_.size() < kMaxBatches || cancelled_; });
  if (cancelled_) return;
  queue_.push_back(std::move(batch));
  changed_.notify_all();
}

std::vector<PipedRecord> RecordPipe::Next() {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return !queue_.empty() || done_; });
  if (queue_.empty()) return {};
  std::vector<PipedRecord> batch = std::move(queue_.front());
  queue_.pop_front();
  changed_.notify_all();
  return batch;
}

void RecordPipe::Recycle(std::vector<PipedRecord> batch) {
  std::lock_guard lock(mu_);
  if (!done_) spent_.push_back(std::move(batch));
}

Status RecordPipe::Finish() {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return done_; });
  return status_;
}

}  // namespace ssj::importer

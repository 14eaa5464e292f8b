#include "importer/record_pipe.h"

#include <algorithm>
#include <numeric>

namespace ssj::importer {

RecordPipe::RecordPipe(const RecordSource& source, Prepare prepare, OrderKey order) {
  if (order) max_batches_ = kRun / kBatch + kMaxBatches;
  reader_ = std::thread([this, source, prepare = std::move(prepare), order = std::move(order)] {
    // In file order, `batch` goes on when full; in key order it grows to a run first.
    const size_t size = order ? kRun : kBatch;
    const size_t max_bytes = order ? kRunBytes : kBatchBytes;
    std::vector<PipedRecord> batch;
    batch.reserve(size);
    size_t bytes = 0;
    auto push = [&] {
      bytes = 0;
      if (order) {
        PushRun(batch, order);
      } else {
        Push(std::move(batch));
        batch = {};
      }
      batch.reserve(size);
    };
    Status status = source([&](size_t line, const std::vector<std::string>& cells,
                               const std::vector<CellIssue>& issues) -> Status {
      batch.push_back({line, cells, issues, {}, std::nullopt, 0});
      for (const std::string& cell : cells) bytes += cell.size();
      if (prepare && !prepare(batch.back())) {
        push();
        return Error::Internal("import stopped");
      }
      if (batch.size() == size || bytes >= max_bytes) push();
      std::lock_guard lock(mu_);
      if (cancelled_) return Error::Internal("import cancelled");
      return OkStatus();
    });
    if (status.ok() && !batch.empty()) push();
    std::unique_lock lock(mu_);
    status_ = std::move(status);
    done_ = true;
    changed_.notify_all();
    // Read to the end, but a run or more may still be on its way to be written: stay to free
    // what comes back, as before, until the consumer is done with the pipe.
    while (!cancelled_) {
      changed_.wait(lock, [&] { return !spent_.empty() || cancelled_; });
      std::vector<std::vector<PipedRecord>> spent;
      spent.swap(spent_);
      lock.unlock();
      spent.clear();
      lock.lock();
    }
    spent_.clear();
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
  changed_.wait(lock, [&] { return queue_.size() < max_batches_ || cancelled_; });
  if (cancelled_) return;
  queue_.push_back(std::move(batch));
  changed_.notify_all();
}

void RecordPipe::PushRun(std::vector<PipedRecord>& run, const OrderKey& order) {
  std::vector<size_t> place(run.size());
  std::iota(place.begin(), place.end(), 0);
  if (ordered_) {
    std::stable_sort(place.begin(), place.end(),
                     [&](size_t a, size_t b) { return order(run[a]) < order(run[b]); });
  }
  for (size_t from = 0; from < place.size(); from += kBatch) {
    const size_t end = std::min(place.size(), from + kBatch);
    std::vector<PipedRecord> batch;
    batch.reserve(end - from);
    for (size_t i = from; i < end; ++i) batch.push_back(std::move(run[place[i]]));
    Push(std::move(batch));
  }
  run.clear();
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
  spent_.push_back(std::move(batch));
  changed_.notify_all();
}

Status RecordPipe::Finish() {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return done_; });
  return status_;
}

}  // namespace ssj::importer

// Reads a RecordSource on its own thread, so decoding and parsing a file overlaps with checking
// and writing its rows on the caller's: an import of a million rows is bound by whichever of the
// two is slower instead of by their sum. Records travel in batches through a bounded queue, so
// memory stays at a few runs of rows (and a few tens of megabytes of cells) whatever the file.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/error.h"
#include "importer/file_source.h"
#include "importer/import_engine.h"

namespace ssj::importer {

struct PipedRecord {
  size_t line = 0;
  std::vector<std::string> cells;
  std::vector<CellIssue> issues;
  // Filled by the consumer's Prepare: the row in the kind's columns and its check.
  Row row;
  std::optional<CheckedRow> checked;
  size_t duplicate_of = 0;  // the line that had the same key first, if any
};

class RecordPipe {
 public:
  // Run on the reader's thread on each record, in file order, when given; false stops reading.
  using Prepare = std::function<bool(PipedRecord&)>;
  // A prepared record's place in the order it is handed on, when given (see kRun).
  using OrderKey = std::function<std::string_view(const PipedRecord&)>;
  // Starts reading `source` at once.
  RecordPipe(const RecordSource& source, Prepare prepare, OrderKey order = {});
  // Stops the reader (when the consumer gave up early) and waits for it.
  ~RecordPipe();
  RecordPipe(const RecordPipe&) = delete;
  RecordPipe& operator=(const RecordPipe&) = delete;

  // The next batch of records, in file order or, with an OrderKey, in key order within each run
  // of kRun records; empty once the source is done. Then Finish() tells whether it ended well.
  std::vector<PipedRecord> Next();
  // Hands a consumed batch back: the reader frees it, on its own thread. Its strings were
  // allocated there, and freeing them on the consumer's thread cost it a fifth of its time in
  // the allocator's cross-thread path.
  void Recycle(std::vector<PipedRecord> batch);
  // From the next run on, hands records on in file order: the consumer no longer gains from
  // the OrderKey's order, and sorting each run was a tenth of the reader's time.
  void KeepFileOrder() { ordered_ = false; }
  Status Finish();

 private:
  static constexpr size_t kBatch = 1024;
  static constexpr size_t kMaxBatches = 8;
  // With an OrderKey, records are handed on in runs of this many, each sorted by its key. A
  // million targets written to SQLite in runs of 16 384 sorted by code cost about two thirds of
  // the same writes in file order: consecutive inserts into the unique (kind, code) index land
  // near each other instead of anywhere in it. The queue holds a whole run, so the reader goes
  // on with the next one while this one is written. A large import into a small directory
  // builds that index after its rows instead, and stops the sorting (KeepFileOrder).
  static constexpr size_t kRun = 16384;
  // A batch or a run also goes on once its cells hold this many bytes, so that a file of large
  // cells (a CSV record may have a megabyte) cannot fill the memory before the count is reached.
  static constexpr size_t kBatchBytes = 4 << 20;
  static constexpr size_t kRunBytes = 32 << 20;

  void Push(std::vector<PipedRecord> batch);
  // Sorts `run` by `order` and pushes it in batches; leaves it empty.
  void PushRun(std::vector<PipedRecord>& run, const OrderKey& order);

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::vector<PipedRecord>> queue_;
  std::vector<std::vector<PipedRecord>> spent_;
  size_t max_batches_ = kMaxBatches;
  std::atomic<bool> ordered_ = true;
  bool done_ = false;
  bool cancelled_ = false;
  Status status_ = OkStatus();
  std::thread reader_;
};

}  // namespace ssj::importer

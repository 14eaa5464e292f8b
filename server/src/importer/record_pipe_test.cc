#include "importer/record_pipe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ssj::importer {
namespace {

// `n` records whose key is their number, zero-padded, counting down: the reverse of key order.
RecordSource Countdown(size_t n, size_t cell_bytes = 0) {
  return [n, cell_bytes](const RecordFn& fn) -> Status {
    for (size_t i = 0; i < n; ++i) {
      char key[16];
      std::snprintf(key, sizeof key, "%08zu", n - i);
      SSJ_TRY(fn(i + 1, {key, std::string(cell_bytes, 'x')}));
    }
    return OkStatus();
  };
}

RecordPipe::Prepare KeyFromFirstCell() {
  return [](PipedRecord& r) {
    r.checked = CheckedRow{r.cells[0], {}, {}};
    return true;
  };
}

std::string_view Key(const PipedRecord& r) { return r.checked->key; }

// Every record once, as read: the lines of all batches, in the order they came.
std::vector<size_t> Drain(RecordPipe& pipe, std::vector<std::vector<std::string>>* keys = nullptr) {
  std::vector<size_t> lines;
  for (auto batch = pipe.Next(); !batch.empty(); batch = pipe.Next()) {
    if (keys) keys->emplace_back();
    for (const PipedRecord& r : batch) {
      lines.push_back(r.line);
      if (keys) keys->back().push_back(r.checked->key);
    }
    pipe.Recycle(std::move(batch));
  }
  EXPECT_TRUE(pipe.Finish().ok());
  return lines;
}

TEST(RecordPipeTest, WithoutAnOrderRecordsComeInFileOrder) {
  RecordPipe pipe(Countdown(5000), KeyFromFirstCell());
  std::vector<size_t> lines = Drain(pipe);
  ASSERT_EQ(lines.size(), 5000u);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
}

TEST(RecordPipeTest, WithAnOrderEachRunComesSortedByKey) {
  const size_t n = 40000;  // two full runs and part of a third
  RecordPipe pipe(Countdown(n), KeyFromFirstCell(), Key);
  std::vector<std::vector<std::string>> batches;
  std::vector<size_t> lines = Drain(pipe, &batches);
  std::vector<size_t> sorted = lines;
  std::sort(sorted.begin(), sorted.end());
  ASSERT_EQ(sorted.size(), n);
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(sorted[i], i + 1);  // each record exactly once
  std::vector<std::string> keys;
  for (const auto& b : batches) {
    EXPECT_LE(b.size(), 1024u);
    keys.insert(keys.end(), b.begin(), b.end());
  }
  // The file counts down; within each run of 16 384 records the keys go up.
  for (size_t start = 0; start < n; start += 16384) {
    const size_t end = std::min(n, start + 16384);
    EXPECT_TRUE(std::is_sorted(keys.begin() + start, keys.begin() + end)) << start;
    if (end < n) EXPECT_GT(keys[end - 1], keys[end]);  // runs are not merged
  }
}

TEST(RecordPipeTest, LargeCellsEndARunEarly) {
  // Records of 1 MB: a run goes on at 32 MB of cells, long before 16 384 records.
  RecordPipe pipe(Countdown(100, 1 << 20), KeyFromFirstCell(), Key);
  std::vector<std::vector<std::string>> batches;
  Drain(pipe, &batches);
  std::vector<std::string> keys;
  for (const auto& b : batches) keys.insert(keys.end(), b.begin(), b.end());
  ASSERT_EQ(keys.size(), 100u);
  EXPECT_FALSE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.begin() + 32));
  EXPECT_GT(keys[31], keys[32]);
}

}  // namespace
}  // namespace ssj::importer

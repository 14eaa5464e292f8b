// The server's background indexer of target names (directory/name_index.h): empties the queue
// that bulk writes leave, a batch per transaction, on its own thread and database connection.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "db/database.h"

namespace ssj::directory {

class NameIndexer {
 public:
  // Starts at once; looks at the queue every few seconds.
  explicit NameIndexer(db::DbUrl url);
  // Stops after the batch in progress.
  ~NameIndexer();
  NameIndexer(const NameIndexer&) = delete;
  NameIndexer& operator=(const NameIndexer&) = delete;

 private:
  void Run();
  // Waits `ms` unless stopped meanwhile; false once stopped.
  bool Wait(int ms);

  db::DbUrl url_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace ssj::directory

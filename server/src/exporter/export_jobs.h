// Exports as background jobs: the server's in-process registry of them. Each job runs on its own
// thread with its own database connection (a long export never holds a pooled one) and writes
// its file under one private directory; a finished file is kept an hour for its owner to fetch,
// then removed. At most `max_running` jobs run at once per server. Thread-safe: the HTTP workers
// call Start and Get concurrently; Shutdown (or the destructor) stops every job and waits.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/error.h"
#include "db/database.h"
#include "exporter/export_kinds.h"
#include "org/org_types.h"

namespace ssj::exporter {

enum class JobState { kRunning, kDone, kFailed };
std::string_view StateName(JobState state);  // running | done | failed

struct JobSpec {
  const Kind* kind = nullptr;
  Format format = Format::kXlsx;
  Params filter;  // checked (CheckFilter) by the caller
  // The data scope to apply: a copy, since the request that started the job ends first. Empty:
  // no scope.
  std::optional<org::Principal> principal;
  int64_t owner = 0;  // the user who may read the job and fetch its file
};

struct JobInfo {
  std::string id;  // 32 hex characters (16 random bytes)
  std::string kind;
  Format format = Format::kXlsx;
  JobState state = JobState::kRunning;
  int64_t rows = 0;        // written so far
  std::string error;       // zh-CN, when failed
  std::string file_name;   // "检查对象-20261122.xlsx"
  std::string ascii_name;  // "targets-20261122.xlsx"
  std::string path;        // the finished file, when done
  int64_t bytes = 0;       // its size, when done
  int64_t owner = 0;
  int64_t created_at = 0;   // millis
  int64_t finished_at = 0;  // millis; 0 while running
};

class ExportJobs {
 public:
  static constexpr int64_t kKeepMillis = 60LL * 60 * 1000;  // a finished file stays an hour
  static constexpr size_t kMaxRunning = 2;                  // the machine has two cores

  // `url` is opened once per job (db::Database::Open(url, 1)). `dir` is created if missing and
  // must be private to this user (mode 0700, no symlink): the files hold personal data. Files
  // left there by an earlier server are removed once older than kKeepMillis.
  ExportJobs(db::DbUrl url, const Clock& clock, std::filesystem::path dir,
             size_t max_running = kMaxRunning);
  ~ExportJobs();
  ExportJobs(const ExportJobs&) = delete;
  ExportJobs& operator=(const ExportJobs&) = delete;

  // <temp dir>/ssj-exports-<uid>: one directory per system user, so that two users' servers
  // never share (or can plant) one.
  static std::filesystem::path DefaultDir();

  // Starts a job. `record` runs first, with the job's id and names, before anything is read (the
  // caller's audit entry): its error is returned and no job starts. Errors: export.busy
  // (kTooManyRequests) while max_running jobs run; export.unavailable when the directory is
  // unusable or the server is stopping.
  Result<JobInfo> Start(JobSpec spec, const std::function<Status(const JobInfo&)>& record);

  // The job, if it exists and `owner` started it: someone else's job is answered as no job.
  // Also removes the files of jobs finished more than kKeepMillis ago.
  std::optional<JobInfo> Get(const std::string& id, int64_t owner);

  // Stops the running jobs at their next row, waits for them and removes every file. Start is
  // refused afterwards. Called by the destructor; safe to call twice.
  void Shutdown();

 private:
  struct Job;
  void Run(Job* job, JobSpec spec);
  void SweepLocked(int64_t now);  // mu_ held

  db::DbUrl url_;
  const Clock& clock_;
  std::filesystem::path dir_;
  std::optional<Error> dir_error_;
  size_t max_running_;

  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Job>> jobs_;  // guarded by mu_
  size_t running_ = 0;                                // guarded by mu_; includes reservations
  bool stopped_ = false;                              // guarded by mu_
  std::atomic<bool> stop_{false};                     // read by the jobs between rows
};

}  // namespace ssj::exporter

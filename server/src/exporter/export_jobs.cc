#include "exporter/export_jobs.h"

#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <system_error>
#include <thread>
#include <vector>

#include "common/crypto.h"

namespace ssj::exporter {
namespace {

namespace fs = std::filesystem;

Error Unavailable(std::string message) {
  return Error{ErrorKind::kUnavailable, "export.unavailable", std::move(message), {}};
}

// The directory must be ours alone: in a shared /tmp another user could otherwise create it
// first (or a symlink in its place) and read every export.
std::optional<Error> PrepareDir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  struct stat st {};
  if (ec || ::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() ||
      ::chmod(dir.c_str(), 0700) != 0) {
    spdlog::error("export directory {} is unusable (missing, not a directory or not ours)",
                  dir.string());
    return Unavailable("导出目录不可用，请联系管理员");
  }
  return std::nullopt;
}

bool IsJobFile(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 33 && name.find_first_not_of("0123456789abcdef") == 32 && name[32] == '.';
}

// What a database error says without the statement and its bound values (a name searched for
// is personal data and has no place in the log).
std::string Cause(const std::exception& e) {
  std::string what = e.what();
  if (auto at = what.find(" while "); at != std::string::npos) what.resize(at);
  if (auto nl = what.find('\n'); nl != std::string::npos) what.resize(nl);
  return what.substr(0, 300);
}

}  // namespace

struct ExportJobs::Job {
  JobInfo info;  // guarded by mu_, except rows
  std::atomic<int64_t> rows{0};
  std::thread thread;
};

std::string_view StateName(JobState state) {
  switch (state) {
    case JobState::kRunning:
      return "running";
    case JobState::kDone:
      return "done";
    case JobState::kFailed:
      return "failed";
  }
  return "failed";
}

ExportJobs::ExportJobs(db::DbUrl url, const Clock& clock, fs::path dir, size_t max_running)
    : url_(std::move(url)), clock_(clock), dir_(std::move(dir)), max_running_(max_running) {
  dir_error_ = PrepareDir(dir_);
  if (dir_error_) return;
  // Files of an earlier server: nobody can ask for them any more once they are an hour old.
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::milliseconds(kKeepMillis);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::error_code ignored;
    if (IsJobFile(entry.path()) && entry.last_write_time(ignored) < cutoff)
      fs::remove(entry.path(), ignored);
  }
}

ExportJobs::~ExportJobs() { Shutdown(); }

fs::path ExportJobs::DefaultDir() {
  return fs::temp_directory_path() / ("ssj-exports-" + std::to_string(::geteuid()));
}

Result<JobInfo> ExportJobs::Start(JobSpec spec,
                                  const std::function<Status(const JobInfo&)>& record) {
  const int64_t now = clock_.NowMillis();
  {
    std::lock_guard lock(mu_);
    SweepLocked(now);
    if (dir_error_) return *dir_error_;
    if (stopped_) return Unavailable("服务正在停止，请稍后重新导出");
    if (running_ >= max_running_) {
      Error busy{ErrorKind::kTooManyRequests,
                 "export.busy",
                 "当前已有 " + std::to_string(max_running_) +
                     " 个导出任务正在进行，请等其中一个完成后再导出",
                 {}};
      busy.details["retry_after_seconds"] = 30;
      return busy;
    }
    ++running_;  // the slot is ours while the caller records the job
  }
  JobInfo info;
  info.id = RandomHex(16);
  info.kind = spec.kind->name;
  info.format = spec.format;
  info.file_name = FileName(*spec.kind, spec.format, now);
  info.ascii_name = AsciiFileName(*spec.kind, spec.format, now);
  info.path = (dir_ / (info.id + "." + std::string(FormatName(spec.format)))).string();
  info.owner = spec.owner;
  info.created_at = now;
  auto release = [&] {
    std::lock_guard lock(mu_);
    --running_;
  };
  if (Status recorded = record(info); !recorded.ok()) {
    release();
    return recorded.take_error();
  }
  auto job = std::make_unique<Job>();
  job->info = info;
  Job* raw = job.get();
  std::lock_guard lock(mu_);
  try {
    job->thread = std::thread(&ExportJobs::Run, this, raw, std::move(spec));
  } catch (const std::system_error& e) {
    --running_;
    spdlog::error("export {}: cannot start a thread: {}", info.id, e.what());
    return Unavailable("服务器繁忙，导出未能开始，请稍后重试");
  }
  jobs_.emplace(info.id, std::move(job));
  return info;
}

void ExportJobs::Run(Job* job, JobSpec spec) {
  const std::string part = job->info.path + ".part";
  Result<int64_t> result = Error::Internal("");
  try {
    auto db = db::Database::Open(url_, 1);
    if (!db.ok()) {
      spdlog::error("export {}: database unavailable: {}", job->info.id, db.error().message);
      result = Unavailable("数据库暂时不可用，导出失败，请稍后重新导出");
    } else {
      db::Lease sql = (*db)->Acquire();
      const Context context{*sql, (*db)->backend(), spec.principal ? &*spec.principal : nullptr,
                            job->info.created_at};
      ExportOptions options;
      options.tmpdir = dir_.string();
      options.progress = [job](int64_t rows) { job->rows.store(rows, std::memory_order_relaxed); };
      options.stop = &stop_;
      result = WriteExport(context, *spec.kind, spec.format, spec.filter, part, options);
    }
  } catch (const std::exception& e) {
    spdlog::error("export {} ({}) failed: {}", job->info.id, job->info.kind, Cause(e));
    result = Error::Internal("导出失败：服务器内部错误，请联系管理员");
  }
  int64_t bytes = 0;
  if (result.ok()) {
    std::error_code ec;
    fs::rename(part, job->info.path, ec);
    if (!ec) bytes = static_cast<int64_t>(fs::file_size(job->info.path, ec));
    if (ec) result = Error::Internal("导出失败：无法保存导出文件，请联系管理员");
  }
  if (!result.ok()) {
    std::error_code ignored;
    fs::remove(part, ignored);
  }
  std::lock_guard lock(mu_);
  JobInfo& info = job->info;
  info.finished_at = clock_.NowMillis();
  if (result.ok()) {
    info.state = JobState::kDone;
    info.rows = *result;
    info.bytes = bytes;
    spdlog::info("export {} done: {} {} rows, {} bytes, user {}", info.id, info.kind, info.rows,
                 bytes, info.owner);
  } else {
    info.state = JobState::kFailed;
    info.rows = job->rows.load();
    info.error = result.error().message;
  }
  --running_;
}

void ExportJobs::SweepLocked(int64_t now) {
  if (stopped_) return;  // Shutdown joins the threads and removes the files
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    Job& job = *it->second;
    if (job.info.state == JobState::kRunning) {
      ++it;
      continue;
    }
    // The thread set the state as its last step: joining returns at once.
    if (job.thread.joinable()) job.thread.join();
    if (now - job.info.finished_at < kKeepMillis) {
      ++it;
      continue;
    }
    std::error_code ignored;
    fs::remove(job.info.path, ignored);
    it = jobs_.erase(it);
  }
}

std::optional<JobInfo> ExportJobs::Get(const std::string& id, int64_t owner) {
  std::lock_guard lock(mu_);
  if (stopped_) return std::nullopt;
  SweepLocked(clock_.NowMillis());
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->info.owner != owner) return std::nullopt;
  JobInfo info = it->second->info;
  if (info.state == JobState::kRunning) info.rows = it->second->rows.load();
  return info;
}

void ExportJobs::Shutdown() {
  std::vector<std::thread*> threads;
  {
    std::lock_guard lock(mu_);
    if (stopped_) return;
    stopped_ = true;
    stop_ = true;
    for (auto& [id, job] : jobs_) {
      if (job->thread.joinable()) threads.push_back(&job->thread);
    }
  }
  // Outside the lock: a job takes it to record how it ended.
  for (std::thread* thread : threads) thread->join();
  std::lock_guard lock(mu_);
  for (auto& [id, job] : jobs_) {
    std::error_code ignored;
    fs::remove(job->info.path, ignored);
  }
  jobs_.clear();
}

}  // namespace ssj::exporter

// Storage access for every module: the database URL, a pool of SOCI sessions, transactions and
// small helpers that hide the few type differences between SQLite and PostgreSQL results.
// A Database is shared by all threads; each Lease is used by one thread at a time.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace ssj::db {

enum class Backend { kSqlite, kPostgres };

struct DbUrl {
  Backend backend = Backend::kSqlite;
  std::string connect;    // SOCI connection string
  std::string path;       // SQLite file path; empty for PostgreSQL
  std::string display;    // the URL with any password masked, safe to log
  std::string pg_schema;  // PostgreSQL: search_path for every pooled connection (tests)
};

// Accepts "sqlite:PATH" and "postgresql://user[:pass]@host[:port]/dbname[?params]" (also
// "postgres://"). Anything else is an error naming the expected forms.
Result<DbUrl> ParseDbUrl(std::string_view url);

std::string_view BackendName(Backend backend);  // "sqlite" | "postgresql"

class Database;

// A pooled session, returned to the pool on destruction.
class Lease {
 public:
  Lease(Database* db, size_t pos);
  Lease(Lease&& other) noexcept;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  ~Lease();
  soci::session& operator*() const;
  soci::session* operator->() const;

 private:
  Database* db_;
  size_t pos_;
};

class Database {
 public:
  // Opens `pool_size` connections and applies the per-connection settings (SQLite: WAL,
  // foreign_keys=ON, busy timeout 5 s). An unreachable database gives kUnavailable.
  static Result<std::unique_ptr<Database>> Open(const DbUrl& url, size_t pool_size);
  ~Database();

  Backend backend() const { return url_.backend; }
  const DbUrl& url() const { return url_; }
  Lease Acquire();

 private:
  friend class Lease;
  explicit Database(DbUrl url, size_t pool_size);
  DbUrl url_;
  soci::connection_pool pool_;
};

// A transaction. SQLite takes the write lock at BEGIN (IMMEDIATE), so two writers never
// deadlock on a lock upgrade; PostgreSQL uses READ COMMITTED with row locks. Rolls back in the
// destructor unless committed.
class Transaction {
 public:
  Transaction(soci::session& sql, Backend backend);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void Commit();

 private:
  soci::session& sql_;
  bool done_ = false;
};

// Reads a column of a soci::row whatever integer width or text type the backend reported.
int64_t RowInt(const soci::row& row, size_t col, int64_t if_null = 0);
std::string RowText(const soci::row& row, size_t col, std::string if_null = {});
// A LIKE pattern that matches `text` anywhere, taken literally (use with ESCAPE '\\').
std::string LikeContains(const std::string& text);
// `count` copies of `group` separated by commas, each with {i} replaced by its position: the
// rows of a multi-row VALUES list, each with parameters of its own ("(:a{i}, :b{i})").
std::string RepeatedGroups(const std::string& group, size_t count);

// One page of a list and the number of rows the filter matches.
template <class T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  bool capped = false;  // more rows match than were counted: `total` is a lower bound
};
std::optional<int64_t> RowOptInt(const soci::row& row, size_t col);
std::optional<std::string> RowOptText(const soci::row& row, size_t col);

// A statement assembled at run time (optional filters), with named parameters bound by value.
// The same text runs on both backends.
class Query {
 public:
  explicit Query(std::string text = {}) : text_(std::move(text)) {}
  Query& Append(std::string_view text);
  Query& Bind(std::string name, std::string value);
  Query& Bind(std::string name, int64_t value);
  Query& BindNull(std::string name);
  // The value, or SQL NULL when it is empty.
  Query& BindOptional(std::string name, const std::optional<int64_t>& value);
  Query& BindOptional(std::string name, const std::optional<std::string>& value);
  const std::string& text() const { return text_; }
  // A copy with `before` and `after` around this text and the same parameters: one filter
  // serves both the COUNT(*) and the page query.
  Query Wrapped(std::string_view before, std::string_view after = {}) const;

  void ForEach(soci::session& sql, const std::function<void(const soci::row&)>& fn) const;
  int64_t ScalarInt(soci::session& sql) const;  // first column of the first row; 0 if none
  void Exec(soci::session& sql) const;

 private:
  struct Param {
    std::string name;
    bool is_int = false;
    std::string text;
    long long integer = 0;
    soci::indicator ind = soci::i_ok;
  };
  template <class Stmt>
  void BindAll(Stmt& stmt) const;
  std::string text_;
  mutable std::deque<Param> params_;  // deque: stable addresses for SOCI's bound references
};

// True for errors that mean "the row already exists" on either backend.
bool IsUniqueViolation(const std::exception& e);

}  // namespace ssj::db

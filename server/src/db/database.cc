#include "db/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <filesystem>
#include <mutex>

namespace ssj::db {
namespace {

Error Unavailable(const std::string& message) {
  return Error{ErrorKind::kUnavailable, "db.unavailable", message, {}};
}

}  // namespace

std::string_view BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgresql";
}

Result<DbUrl> ParseDbUrl(std::string_view url) {
  const std::string expected = "数据库地址应为 sqlite:文件路径 或 postgresql://用户@主机:端口/库名";
  DbUrl out;
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.starts_with("//")) path = path.substr(2);  // tolerate sqlite://path
    if (path.empty()) return Error::InvalidField("db", expected, std::string(url));
    // SOCI's connection string splits on spaces and knows no quoting.
    if (path.find_first_of(" '\"\t") != std::string::npos) {
      return Error::InvalidField("db", "SQLite 文件路径不能包含空格或引号", path);
    }
    out.backend = Backend::kSqlite;
    out.path = path;
    out.connect = "db=" + path + " timeout=5";
    out.display = "sqlite:" + path;
    return out;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->encoded_host().empty()) {
      return Error::InvalidField("db", expected, std::string(url));
    }
    std::string path(parsed->path());
    if (path.size() < 2) return Error::InvalidField("db", "PostgreSQL 地址缺少数据库名", "");
    out.backend = Backend::kPostgres;
    // SOCI 4.0 parses its connection string as key=value pairs and garbles libpq's URI form,
    // so the URL is translated into libpq keywords.
    auto quote = [](std::string_view value) {
      std::string q = "'";
      for (char c : value) {
        if (c == '\\' || c == '\'') q += '\\';
        q += c;
      }
      return q + "'";
    };
    std::string connect = "host=" + quote(parsed->host());
    if (parsed->has_port()) connect += " port=" + quote(parsed->port());
    connect += " dbname=" + quote(path.substr(1));
    if (parsed->has_userinfo() && !parsed->user().empty())
      connect += " user=" + quote(parsed->user());
    if (parsed->has_password()) connect += " password=" + quote(parsed->password());
    for (auto param : parsed->params())
      connect += " " + std::string(param.key) + "=" + quote(param.value);
    out.connect = connect;
    boost::urls::url masked(*parsed);
    if (masked.has_password()) masked.set_password("***");
    out.display = std::string(masked.buffer());
    return out;
  }
  return Error::InvalidField("db", expected, std::string(url.substr(0, 16)));
}

Lease::Lease(Database* db, size_t pos) : db_(db), pos_(pos) {}
Lease::Lease(Lease&& other) noexcept : db_(other.db_), pos_(other.pos_) { other.db_ = nullptr; }
Lease::~Lease() {
  if (db_) db_->pool_.give_back(pos_);
}
soci::session& Lease::operator*() const { return db_->pool_.at(pos_); }
soci::session* Lease::operator->() const { return &db_->pool_.at(pos_); }

Database::Database(DbUrl url, size_t pool_size) : url_(std::move(url)), pool_(pool_size) {}
Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const DbUrl& url, size_t pool_size) {
  if (url.backend == Backend::kSqlite) {
    // A session is used by one thread at a time (a Lease), so SQLite's per-call connection
    // mutex guards nothing here; it cost about a tenth of a large import. Only possible before
    // SQLite starts, so it is set by the first Open (later calls are refused, harmlessly).
    static std::once_flag multithread;
    // Likewise its memory statistics, which nothing reads, take a global mutex per allocation.
    std::call_once(multithread, [] {
      sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
      sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
    auto dir = std::filesystem::path(url.path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir)) {
      return Unavailable("SQLite 数据库所在目录不存在: " + dir.string());
    }
  }
  std::unique_ptr<Database> db(new Database(url, pool_size));
  for (size_t pos = 0; pos < pool_size; ++pos) {
    soci::session& sql = db->pool_.at(pos);
    try {
      if (url.backend == Backend::kSqlite) {
        sql.open(soci::sqlite3, url.connect);
        // Pages of 8 KiB instead of 4: a million-row import took 12% less time (each row adds
        // entries to six B-trees, and bigger pages split half as often) and the target list's
        // p99 at a million targets fell from 11–15 ms to 9–10 ms (a level less in the indexes),
        // while a small change writes at most twice the bytes to the WAL. Takes effect only
        // when the database is created; an existing one keeps its page size.
        sql << "PRAGMA page_size=8192";
        sql << "PRAGMA busy_timeout=5000";
        // WAL lets readers work during a write; NORMAL sync is durable across process crashes.
        // Entering WAL mode needs the file to itself. A command-line import that had the
        // database to itself writes with a rollback journal and holds it until it ends
        // (importer::RunImport): then this fails at once, and says why.
        try {
          sql << "PRAGMA journal_mode=WAL";
        } catch (const std::exception& e) {
          if (std::string_view(e.what()).find("locked") == std::string_view::npos) throw;
          return Unavailable(
              "数据库 " + url.display +
              " 正由另一个进程独占写入（如命令行导入 ssj import），请待其结束后再试");
        }
        sql << "PRAGMA foreign_keys=ON";
        sql << "PRAGMA synchronous=NORMAL";
      } else {
        sql.open(soci::postgresql, url.connect);
        sql << "SET client_min_messages TO WARNING";  // keep NOTICEs off stderr
        // PostgreSQL's default prices a random page read at 4× a sequential one, as on a
        // spinning disk. On SSDs, or with the working set in memory (our deployments), 1.1 is
        // the usual figure. At the default, a name search walked by a common character pair
        // (“机械”, 60 000 targets of a million) was planned as a scan of every target, 280 ms,
        // instead of the pair's index and one look-up per target, 60 ms.
        sql << "SET random_page_cost = 1.1";
        // A request's queries each read a few thousand rows at most. Parallel workers are
        // processes started per query: on our two-core servers, shared with the server itself,
        // they made such a query slower (a tag's count 25 ms → 65 ms), never faster.
        sql << "SET max_parallel_workers_per_gather = 0";
        if (!url.pg_schema.empty()) sql << "SET search_path TO " + url.pg_schema;
      }
    } catch (const std::exception& e) {
      // One line: libpq's reason follows SOCI's generic first line.
      std::string what;
      for (char c : std::string(e.what())) what += (c == '\n' || c == '\r') ? ' ' : c;
      while (!what.empty() && what.back() == ' ') what.pop_back();
      return Unavailable("无法连接数据库 " + url.display + ": " + what);
    }
  }
  return db;
}

Lease Database::Acquire() { return Lease(this, pool_.lease()); }

Transaction::Transaction(soci::session& sql, Backend backend) : sql_(sql) {
  sql_ << (backend == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    sql_ << "ROLLBACK";
  } catch (...) {
    // The connection is broken; the server rolls the transaction back on its side.
  }
}

void Transaction::Commit() {
  sql_ << "COMMIT";
  done_ = true;
}

int64_t RowInt(const soci::row& row, size_t col, int64_t if_null) {
  if (row.get_indicator(col) == soci::i_null) return if_null;
  switch (row.get_properties(col).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(col);
    case soci::dt_long_long:
      return row.get<long long>(col);
    case soci::dt_unsigned_long_long:
      return static_cast<int64_t>(row.get<unsigned long long>(col));
    case soci::dt_double:
      return static_cast<int64_t>(row.get<double>(col));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(col));
    default:
      throw std::runtime_error("RowInt: unsupported column type");
  }
}

std::string RepeatedGroups(const std::string& group, size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) {
    std::string g = group;
    for (size_t pos; (pos = g.find("{i}")) != std::string::npos;)
      g.replace(pos, 3, std::to_string(i));
    text += (i ? ", " : "") + g;
  }
  return text;
}

std::string LikeContains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::string RowText(const soci::row& row, size_t col, std::string if_null) {
  if (row.get_indicator(col) == soci::i_null) return if_null;
  switch (row.get_properties(col).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
      return row.get<std::string>(col);
    case soci::dt_integer:
      return std::to_string(row.get<int>(col));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(col));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(col));
    case soci::dt_double:
      return std::to_string(row.get<double>(col));
    default:
      throw std::runtime_error("RowText: unsupported column type");
  }
}

std::optional<int64_t> RowOptInt(const soci::row& row, size_t col) {
  if (row.get_indicator(col) == soci::i_null) return std::nullopt;
  return RowInt(row, col);
}

std::optional<std::string> RowOptText(const soci::row& row, size_t col) {
  if (row.get_indicator(col) == soci::i_null) return std::nullopt;
  return RowText(row, col);
}

Query& Query::Append(std::string_view text) {
  text_.append(text);
  return *this;
}

Query Query::Wrapped(std::string_view before, std::string_view after) const {
  Query out(*this);
  out.text_ = std::string(before) + text_ + std::string(after);
  return out;
}

Query& Query::Bind(std::string name, std::string value) {
  params_.push_back(Param{std::move(name), false, std::move(value), 0, soci::i_ok});
  return *this;
}

Query& Query::Bind(std::string name, int64_t value) {
  params_.push_back(Param{std::move(name), true, {}, static_cast<long long>(value), soci::i_ok});
  return *this;
}

Query& Query::BindNull(std::string name) {
  params_.push_back(Param{std::move(name), false, {}, 0, soci::i_null});
  return *this;
}

Query& Query::BindOptional(std::string name, const std::optional<int64_t>& value) {
  return value ? Bind(std::move(name), *value) : BindNull(std::move(name));
}

Query& Query::BindOptional(std::string name, const std::optional<std::string>& value) {
  return value ? Bind(std::move(name), *value) : BindNull(std::move(name));
}

template <class Stmt>
void Query::BindAll(Stmt& stmt) const {
  for (Param& param : params_) {
    if (param.is_int) {
      stmt, soci::use(param.integer, param.ind, param.name);
    } else {
      stmt, soci::use(param.text, param.ind, param.name);
    }
  }
}

void Query::ForEach(soci::session& sql, const std::function<void(const soci::row&)>& fn) const {
  soci::details::prepare_temp_type prep = (sql.prepare << text_);
  BindAll(prep);
  soci::rowset<soci::row> rows(prep);
  for (const soci::row& row : rows) fn(row);
}

int64_t Query::ScalarInt(soci::session& sql) const {
  int64_t value = 0;
  bool seen = false;
  ForEach(sql, [&](const soci::row& row) {
    if (!seen) value = RowInt(row, 0);
    seen = true;
  });
  return value;
}

void Query::Exec(soci::session& sql) const {
  soci::details::once_temp_type once = (sql << text_);
  BindAll(once);
}

bool IsUniqueViolation(const std::exception& e) {
  std::string_view what = e.what();
  return what.find("UNIQUE constraint failed") != std::string_view::npos ||
         what.find("duplicate key value") != std::string_view::npos;
}

}  // namespace ssj::db

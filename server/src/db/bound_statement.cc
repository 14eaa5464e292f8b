#include "db/bound_statement.h"

#include <soci/sqlite3/soci-sqlite3.h>

#include <vector>

namespace ssj::db {

namespace sq = sqlite_api;

struct BoundStatement::Impl {
  struct Param {
    const std::string* text = nullptr;
    const int64_t* number = nullptr;
    soci::indicator* ind = nullptr;
    // UseField: the row pointer's address, and how to read the field from that row.
    const void* slot = nullptr;
    const std::string& (*text_of)(const void*) = nullptr;
    int64_t (*number_of)(const void*) = nullptr;
    // PostgreSQL, for UseField: the copy SOCI is bound to.
    std::string shadow_text;
    int64_t shadow_number = 0;
  };

  Impl(soci::session& s, std::string t) : sql(s), text(std::move(t)), statement(s) {
    if (sql.get_backend_name() == "sqlite3")
      conn = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  }
  ~Impl() {
    if (stmt) sq::sqlite3_finalize(stmt);
  }

  [[noreturn]] void Fail(const char* what) const {
    throw soci::soci_error(std::string(what) + ": " + sq::sqlite3_errmsg(conn) + " (" +
                           text.substr(0, 120) + ")");
  }

  soci::session& sql;
  std::string text;
  std::vector<Param> params;
  // SQLite: the connection and the prepared statement. PostgreSQL: the SOCI statement.
  sq::sqlite3* conn = nullptr;
  sq::sqlite3_stmt* stmt = nullptr;
  soci::statement statement;
};

BoundStatement::BoundStatement(soci::session& sql, std::string text)
    : impl_(std::make_unique<Impl>(sql, std::move(text))) {}
BoundStatement::BoundStatement(BoundStatement&&) noexcept = default;
BoundStatement& BoundStatement::operator=(BoundStatement&&) noexcept = default;
BoundStatement::~BoundStatement() = default;

BoundStatement& BoundStatement::Use(const std::string& value) {
  impl_->params.push_back({&value, nullptr, nullptr});
  return *this;
}

BoundStatement& BoundStatement::Use(const int64_t& value) {
  impl_->params.push_back({nullptr, &value, nullptr});
  return *this;
}

BoundStatement& BoundStatement::Use(const int64_t& value, soci::indicator& ind) {
  impl_->params.push_back({nullptr, &value, &ind});
  return *this;
}

BoundStatement& BoundStatement::UseText(const void* slot,
                                        const std::string& (*text_of)(const void*)) {
  Impl::Param p;
  p.slot = slot;
  p.text_of = text_of;
  impl_->params.push_back(std::move(p));
  return *this;
}

BoundStatement& BoundStatement::UseNumber(const void* slot, int64_t (*number_of)(const void*)) {
  Impl::Param p;
  p.slot = slot;
  p.number_of = number_of;
  impl_->params.push_back(std::move(p));
  return *this;
}

void BoundStatement::Prepare() {
  Impl& s = *impl_;
  if (s.conn) {
    if (sq::sqlite3_prepare_v3(s.conn, s.text.c_str(), static_cast<int>(s.text.size()),
                               SQLITE_PREPARE_PERSISTENT, &s.stmt, nullptr) != SQLITE_OK) {
      s.Fail("prepare");
    }
    if (sq::sqlite3_bind_parameter_count(s.stmt) != static_cast<int>(s.params.size())) {
      throw soci::soci_error("BoundStatement: " + std::to_string(s.params.size()) +
                             " variables for the parameters of " + s.text.substr(0, 120));
    }
    return;
  }
  // The parameters no longer move: SOCI keeps their addresses.
  for (Impl::Param& p : s.params) {
    if (p.text_of) {
      s.statement.exchange(soci::use(p.shadow_text));
    } else if (p.number_of) {
      s.statement.exchange(soci::use(p.shadow_number));
    } else if (p.text) {
      s.statement.exchange(soci::use(*p.text));
    } else if (p.ind) {
      s.statement.exchange(soci::use(*p.number, *p.ind));
    } else {
      s.statement.exchange(soci::use(*p.number));
    }
  }
  s.statement.alloc();
  s.statement.prepare(s.text);
  s.statement.define_and_bind();
}

long long BoundStatement::Execute() {
  Impl& s = *impl_;
  if (!s.conn) {
    for (Impl::Param& p : s.params) {
      if (p.text_of) p.shadow_text = p.text_of(p.slot);
      if (p.number_of) p.shadow_number = p.number_of(p.slot);
    }
    s.statement.execute(true);
    return s.statement.get_affected_rows();
  }
  int pos = 1;
  for (const Impl::Param& p : s.params) {
    const std::string* text = p.text_of ? &p.text_of(p.slot) : p.text;
    // SQLITE_STATIC: the caller's string is read in place; it outlives the step below.
    const int rc = text          ? sq::sqlite3_bind_text(s.stmt, pos, text->data(),
                                                         static_cast<int>(text->size()), SQLITE_STATIC)
                   : p.number_of ? sq::sqlite3_bind_int64(s.stmt, pos, p.number_of(p.slot))
                   : p.ind && *p.ind == soci::i_null
                       ? sq::sqlite3_bind_null(s.stmt, pos)
                       : sq::sqlite3_bind_int64(s.stmt, pos, *p.number);
    if (rc != SQLITE_OK) s.Fail("bind");
    ++pos;
  }
  if (sq::sqlite3_step(s.stmt) != SQLITE_DONE) {
    const std::string message = sq::sqlite3_errmsg(s.conn);
    sq::sqlite3_reset(s.stmt);
    throw soci::soci_error("sqlite3: " + message + " (" + s.text.substr(0, 120) + ")");
  }
  sq::sqlite3_reset(s.stmt);
  return sq::sqlite3_changes(s.conn);
}

std::optional<int64_t> BoundStatement::LastInsertId() const {
  if (!impl_->conn) return std::nullopt;
  return sq::sqlite3_last_insert_rowid(impl_->conn);
}

}  // namespace ssj::db

// A write run once per row of a bulk load, its parameters bound to the caller's variables (as
// soci::use binds them) and read afresh at every Execute.
//
// Why not a SOCI statement: SOCI's SQLite backend copies every string parameter into a buffer
// of its own, allocated and freed at each execution. For the twenty parameters of a target that
// was half the writer's time in a million-row import. On SQLite this class drives the C API and
// binds the caller's strings in place; on PostgreSQL it is the SOCI statement, as before. The SQL
// is the same on both.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace ssj::db {

class BoundStatement {
 public:
  // `text` names each parameter once (:a, :b, …), and the Use calls follow their order.
  BoundStatement(soci::session& sql, std::string text);
  BoundStatement(BoundStatement&&) noexcept;
  BoundStatement& operator=(BoundStatement&&) noexcept;
  ~BoundStatement();

  BoundStatement& Use(const std::string& value);
  BoundStatement& Use(const int64_t& value);
  // NULL while `ind` is soci::i_null.
  BoundStatement& Use(const int64_t& value, soci::indicator& ind);
  // A field (a std::string or int64_t member) of whichever row `row` points at when Execute
  // runs: the caller points it at each row in turn, where the row already is, and nothing is
  // copied into bound variables first. On PostgreSQL the value is copied for SOCI at Execute.
  template <auto Field, class Row>
  BoundStatement& UseField(const Row* const& row) {
    using T = std::remove_cvref_t<decltype(std::declval<const Row&>().*Field)>;
    if constexpr (std::is_same_v<T, std::string>) {
      return UseText(&row, [](const void* slot) -> const std::string& {
        return (*static_cast<const Row* const*>(slot))->*Field;
      });
    } else {
      static_assert(std::is_same_v<T, int64_t>, "UseField binds std::string and int64_t fields");
      return UseNumber(&row, [](const void* slot) -> int64_t {
        return (*static_cast<const Row* const*>(slot))->*Field;
      });
    }
  }
  // After the last Use: prepares the statement (a wrong parameter count throws soci_error).
  void Prepare();

  // Runs it with the variables' current values; returns the rows it changed. Errors throw
  // soci::soci_error, as a SOCI statement's do.
  long long Execute();
  // The id the last insert on this session assigned, where the database can say without a
  // query (SQLite's rowid); nullopt on PostgreSQL.
  std::optional<int64_t> LastInsertId() const;

 private:
  BoundStatement& UseText(const void* slot, const std::string& (*text_of)(const void*));
  BoundStatement& UseNumber(const void* slot, int64_t (*number_of)(const void*));

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ssj::db

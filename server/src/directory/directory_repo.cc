#include "directory/directory_repo.h"

#include <boost/json.hpp>
#include <map>
#include <stdexcept>

#include "codes/divisions.h"
#include "codes/industry.h"
#include "db/bound_statement.h"
#include "db/database.h"
#include "db/keyset.h"
#include "directory/directory.h"
#include "directory/name_grams.h"
#include "directory/name_index.h"
#include "org/org_repo.h"

namespace ssj::directory::repo {
namespace {

using db::LikeContains;
using db::Query;
using db::RowInt;
using db::RowOptInt;
using db::RowText;

// Lists count their matches up to this many.
constexpr int64_t kCountCap = 10000;

constexpr const char* kColumns =
    "SELECT t.id, t.kind, t.code, t.name, t.nature, t.division_code, t.address, t.phone, "
    "t.industry_section, t.industry_division, t.status, t.credit_class, t.department_id, "
    "d.name, t.extra, t.code_warning, t.version, t.created_by, t.created_at, t.updated_at, "
    "t.last_action, t.updated_by, COALESCE(u.name, '') "
    "FROM targets t JOIN departments d ON d.id = t.department_id "
    "LEFT JOIN users u ON u.id = t.updated_by";

Target FromRow(const soci::row& row) {
  Target t;
  t.id = RowInt(row, 0);
  t.kind = RowText(row, 1);
  t.code = RowText(row, 2);
  t.name = RowText(row, 3);
  t.nature = RowText(row, 4);
  t.division_code = RowText(row, 5);
  t.address = RowText(row, 6);
  t.phone = RowText(row, 7);
  t.industry_section = RowText(row, 8);
  t.industry_division = RowText(row, 9);
  t.status = RowText(row, 10);
  t.credit_class = RowText(row, 11);
  t.department_id = RowInt(row, 12);
  t.department_name = RowText(row, 13);
  t.extra = RowText(row, 14);
  t.code_warning = RowText(row, 15);
  t.version = RowInt(row, 16);
  t.created_by = RowOptInt(row, 17);
  t.created_at = RowText(row, 18);
  t.updated_at = RowText(row, 19);
  t.last_action = RowText(row, 20);
  t.updated_by = RowOptInt(row, 21);
  t.updated_by_name = RowText(row, 22);
  if (const codes::Division* d = codes::FindDivision(t.division_code)) t.district = d->name;
  return t;
}

void AttachTags(soci::session& sql, std::vector<Target>& targets) {
  db::AttachByIds(sql, targets, "SELECT target_id, tag FROM target_tags WHERE target_id IN",
                  "ORDER BY target_id, tag",
                  [](Target& t, const soci::row& row) { t.tags.push_back(RowText(row, 1)); });
}

std::string Snapshot(const TargetInput& t) { return boost::json::serialize(InputJson(t)); }

}  // namespace

std::optional<Existing> Find(soci::session& sql, const std::string& kind, const std::string& code) {
  auto found = FindMany(sql, kind, {code});
  if (found.empty()) return std::nullopt;
  return found.begin()->second;
}

int64_t Insert(soci::session& sql, const TargetInput& in, std::optional<int64_t> by,
               const std::string& now, const std::string& action) {
  return Writer(sql, by, now, action).Insert(in);
}

void Update(soci::session& sql, int64_t id, const TargetInput& in, std::optional<int64_t> by,
            const std::string& now, const std::string& action) {
  Writer(sql, by, now, action).Update(id, in);
}

namespace {

constexpr const char* kIntoTargets =
    " INTO targets (kind, code, name, nature, division_code, address, phone, "
    "industry_section, industry_division, status, credit_class, department_id, extra, "
    "code_warning, version, last_action, updated_by, created_by, created_at, updated_at) VALUES ";
constexpr const char* kInsertRow =
    "(:kind_{i}, :code_{i}, :name_{i}, :nature_{i}, :division_code_{i}, :address_{i}, :phone_{i}, "
    ":industry_section_{i}, :industry_division_{i}, :status_{i}, :credit_class_{i}, "
    ":department_id_{i}, :extra_{i}, :code_warning_{i}, 1, :action_{i}, :by_{i}, :by2_{i}, "
    ":now_{i}, :now2_{i})";

// One row, on both databases; a stored (kind, code) leaves it out. Without the unique index
// (Writer::DeferCodeIndex) there is no conflict to name: the caller has kept stored codes out.
std::string InsertRow(bool code_index = true) {
  return "INSERT" + (kIntoTargets + db::RepeatedGroups(kInsertRow, 1)) +
         (code_index ? " ON CONFLICT (kind, code) DO NOTHING" : "");
}

constexpr const char* kCodeIndex = "CREATE UNIQUE INDEX targets_kind_code ON targets (kind, code)";

// kMany rows in one statement, SQLite only. OR IGNORE instead of the upsert clause, because a
// statement that may fail halfway makes SQLite journal each page it touches so as to undo its
// earlier rows: with ON CONFLICT … DO NOTHING a NOT NULL column could still fail the statement.
// With OR IGNORE nothing can, once foreign-key checks are off (ImportKind::ChecksOwnReferences).
// A row it skips for a reason other than its code is caught in AddChunk.
std::string InsertManyRows(size_t n) {
  return "INSERT OR IGNORE" + (kIntoTargets + db::RepeatedGroups(kInsertRow, n));
}

// Binds the values of the row `row` points at when the statement runs, in the order of
// kInsertRow. The row is read where it is: an import's rows were made on its reader thread, and
// copying or swapping them into bound variables was a tenth of the writer's time.
void UseRow(db::BoundStatement& st, const TargetInput* const& row, const std::string& action,
            const int64_t& by, soci::indicator& by_ind, const std::string& now) {
  using T = TargetInput;
  st.UseField<&T::kind>(row).UseField<&T::code>(row).UseField<&T::name>(row);
  st.UseField<&T::nature>(row).UseField<&T::division_code>(row).UseField<&T::address>(row);
  st.UseField<&T::phone>(row).UseField<&T::industry_section>(row);
  st.UseField<&T::industry_division>(row).UseField<&T::status>(row);
  st.UseField<&T::credit_class>(row).UseField<&T::department_id>(row);
  st.UseField<&T::extra>(row).UseField<&T::code_warning>(row).Use(action);
  st.Use(by, by_ind).Use(by, by_ind).Use(now).Use(now);
}

}  // namespace

struct Writer::Statements {
  explicit Statements(soci::session& s)
      : sql(s),
        add(s, InsertRow()),
        find_id(s),
        update(s),
        del_tags(s),
        tag(s),
        hist(s),
        queue(s) {}
  soci::session& sql;
  // Bound variables: the statements read them at each execute.
  TargetInput v;
  int64_t id = 0, version = 0, by = 0;
  soci::indicator by_ind = soci::i_null;
  std::string now, action, tag_value, data;
  // The version an update supersedes, for its history row.
  int64_t old_version = 0, old_by = 0;
  soci::indicator old_by_ind = soci::i_null;
  std::string old_action, old_at;
  long long found_id = 0;
  db::BoundStatement add;                // per row of an import: the C API on SQLite
  const TargetInput* add_row = nullptr;  // the row `add` writes
  soci::statement find_id, update, del_tags, tag, hist;
  names::Queue queue;
  // AddChunk's statement and the rows it writes (SQLite only; prepared on first use).
  std::vector<const TargetInput*> many_rows;
  std::optional<db::BoundStatement> add_many;
  bool code_index_dropped = false;  // DeferCodeIndex: Flush builds it

  // (Re)prepares `add`, for the index as it now is.
  void PrepareAdd(bool code_index) {
    add = db::BoundStatement(sql, InsertRow(code_index));
    UseRow(add, add_row, action, by, by_ind, now);
    add.Prepare();
  }
};

Writer::Writer(soci::session& sql, std::optional<int64_t> by, std::string now, std::string action)
    : st_(std::make_unique<Statements>(sql)) {
  Statements& s = *st_;
  s.now = std::move(now);
  s.action = std::move(action);
  if (by) {
    s.by = *by;
    s.by_ind = soci::i_ok;
  }
  TargetInput& v = s.v;
  s.PrepareAdd(true);
  s.find_id = (sql.prepare << "SELECT id FROM targets WHERE kind = :kind AND code = :code",
               soci::into(s.found_id), soci::use(v.kind), soci::use(v.code));
  s.update = (sql.prepare << "UPDATE targets SET code = :code, name = :name, nature = :nature, "
                             "division_code = :division_code, address = :address, phone = :phone, "
                             "industry_section = :industry_section, industry_division = "
                             ":industry_division, status = :status, credit_class = :credit_class, "
                             "department_id = :department_id, extra = :extra, code_warning = "
                             ":code_warning, version = :version, last_action = :action, "
                             "updated_by = :by, updated_at = :now WHERE id = :id",
              soci::use(v.code), soci::use(v.name), soci::use(v.nature), soci::use(v.division_code),
              soci::use(v.address), soci::use(v.phone), soci::use(v.industry_section),
              soci::use(v.industry_division), soci::use(v.status), soci::use(v.credit_class),
              soci::use(v.department_id), soci::use(v.extra), soci::use(v.code_warning),
              soci::use(s.version), soci::use(s.action), soci::use(s.by, s.by_ind),
              soci::use(s.now), soci::use(s.id));
  s.del_tags = (sql.prepare << "DELETE FROM target_tags WHERE target_id = :id", soci::use(s.id));
  s.tag = (sql.prepare << "INSERT INTO target_tags (target_id, tag) VALUES (:id, :tag)",
           soci::use(s.id), soci::use(s.tag_value));
  s.hist = (sql.prepare << "INSERT INTO target_history (target_id, version, action, data, "
                           "changed_by, changed_at) VALUES (:id, :version, :action, :data, :by, "
                           ":at)",
            soci::use(s.id), soci::use(s.old_version), soci::use(s.old_action), soci::use(s.data),
            soci::use(s.old_by, s.old_by_ind), soci::use(s.old_at));
}

Writer::~Writer() = default;

void Writer::ReplaceTags(int64_t id, const TargetInput& input) {
  Statements& s = *st_;
  s.id = id;
  s.del_tags.execute(true);
  for (const std::string& tag : input.tags) {
    s.tag_value = tag;
    s.tag.execute(true);
  }
}

void Writer::Supersede(const Target& old) {
  Statements& s = *st_;
  s.id = old.id;
  s.old_version = old.version;
  s.old_action = old.last_action;
  s.old_by = old.updated_by.value_or(0);
  s.old_by_ind = old.updated_by ? soci::i_ok : soci::i_null;
  s.old_at = old.updated_at;
  s.data = Snapshot(old);
  s.hist.execute(true);
}

int64_t Writer::AddRow(const TargetInput& input) {
  Statements& s = *st_;
  s.add_row = &input;
  if (s.add.Execute() == 0) return 0;
  // SQLite knows the rowid it just assigned; on PostgreSQL the unique index is asked.
  const int64_t id = s.add.LastInsertId() ? *s.add.LastInsertId() : *StoredId(input);
  AddTags(id, input);
  return id;
}

std::optional<int64_t> Writer::StoredId(const TargetInput& input) {
  Statements& s = *st_;
  s.v.kind = input.kind;
  s.v.code = input.code;
  if (!s.find_id.execute(true)) return std::nullopt;
  // Step past the one row, so that SQLite's statement stops reading the table: a read still
  // open on this connection refuses DeferCodeIndex's DROP INDEX ("database table is locked").
  const int64_t id = s.found_id;
  s.find_id.fetch();
  return id;
}

void Writer::AddTags(int64_t id, const TargetInput& input) {
  Statements& s = *st_;
  s.id = id;
  for (const std::string& tag : input.tags) {
    s.tag_value = tag;
    s.tag.execute(true);
  }
}

void Writer::AddChunk(const TargetInput* const* inputs, std::vector<bool>& inserted) {
  Statements& s = *st_;
  if (!s.add_many) {
    s.many_rows.resize(kMany);  // never resized again: the statement reads these pointers
    s.add_many.emplace(s.sql, InsertManyRows(kMany));
    for (const TargetInput* const& row : s.many_rows)
      UseRow(*s.add_many, row, s.action, s.by, s.by_ind, s.now);
    s.add_many->Prepare();
  }
  std::copy(inputs, inputs + kMany, s.many_rows.begin());
  const long long added = s.add_many->Execute();
  if (added == 0) {
    inserted.insert(inserted.end(), kMany, false);
    return;
  }
  // SQLite gives the rows one statement inserts the rowids after the largest, in order: the
  // inserted ones hold the `added` ids that end at the last one. When some code was stored
  // already, each row's id tells whether it is one of them.
  const int64_t last = *s.add_many->LastInsertId();
  const int64_t first = last - added + 1;
  for (size_t i = 0; i < kMany; ++i) {
    const TargetInput& in = *inputs[i];
    int64_t id = first + static_cast<int64_t>(i);
    if (added < static_cast<long long>(kMany)) {
      auto stored = StoredId(in);
      if (!stored) {
        // Neither inserted nor stored: OR IGNORE skipped it for some other constraint, which
        // the row's check should have made impossible. Fail the import rather than lose it.
        throw std::runtime_error("检查对象 " + in.code + " 未能写入（违反表约束）");
      }
      id = *stored;
    }
    const bool mine = id >= first && id <= last;
    inserted.push_back(mine);
    if (!mine) continue;
    s.queue.Add(id);
    if (!in.tags.empty()) AddTags(id, in);
  }
}

std::vector<bool> Writer::AddMany(const std::vector<const TargetInput*>& inputs) {
  std::vector<bool> inserted;
  inserted.reserve(inputs.size());
  size_t i = 0;
  // Only on SQLite: there the rowids tell which rows went in. PostgreSQL takes them one by one.
  if (st_->add.LastInsertId()) {
    for (; i + kMany <= inputs.size(); i += kMany) AddChunk(inputs.data() + i, inserted);
  }
  for (; i < inputs.size(); ++i) inserted.push_back(Add(*inputs[i]));
  return inserted;
}

int64_t Writer::Insert(const TargetInput& input) {
  if (int64_t id = AddRow(input)) {
    names::Index(st_->sql, id, input.name);
    return id;
  }
  return Find(st_->sql, input.kind, input.code)->id;  // stored already
}

bool Writer::Add(const TargetInput& input) {
  int64_t id = AddRow(input);
  if (id) st_->queue.Add(id);
  return id != 0;
}

void Writer::DeferCodeIndex() {
  Statements& s = *st_;
  if (s.code_index_dropped) return;
  s.sql << "DROP INDEX targets_kind_code";
  s.code_index_dropped = true;
  // The single-row insert named the index in its ON CONFLICT clause; SQLite would prepare it
  // again at its next run and fail.
  s.PrepareAdd(false);
}

void Writer::Flush() {
  Statements& s = *st_;
  s.queue.Flush();
  if (!s.code_index_dropped) return;
  // SQLite sorts an index's keys in memory up to the page cache's size, then merges sorted runs.
  // With the import's 256 MB cache a million codes were one sort, 1.8 s; with 4 MB they are
  // runs that fit the processor's caches, sorted on a second thread (the file's reader is done
  // by now) and merged: 0.8 s, and 50 MB less memory. The cache is set back afterwards.
  long long cache_size = 0;
  s.sql << "PRAGMA cache_size", soci::into(cache_size);
  s.sql << "PRAGMA cache_size = -4000";
  s.sql << "PRAGMA threads = 2";
  std::optional<std::string> failed;
  try {
    s.sql << kCodeIndex;
  } catch (const std::exception& e) {
    failed = e.what();
  }
  s.sql << "PRAGMA threads = 0";
  s.sql << "PRAGMA cache_size = " + std::to_string(cache_size);
  if (failed) throw std::runtime_error("检查对象编码重复，未写入任何数据（" + *failed + "）");
  s.code_index_dropped = false;
  s.PrepareAdd(true);
}

void Writer::Update(int64_t id, const TargetInput& input) {
  Statements& s = *st_;
  // The row is the newest version: keep the one it replaces in the history first.
  auto old = Get(s.sql, nullptr, id);
  if (!old) return;
  Supersede(*old);
  s.v = input;
  s.id = id;
  s.version = old->version + 1;
  s.update.execute(true);
  ReplaceTags(id, input);
  if (old->name != input.name) {
    names::Rename(s.sql, id, old->name, input.name);
  }
}

std::map<std::string, Existing> FindMany(soci::session& sql, const std::string& kind,
                                         const std::vector<std::string>& codes) {
  std::map<std::string, Existing> out;
  // SQLite finds a named parameter by a linear scan of the names, so a statement with n of them
  // costs n² to bind: 64 keeps that small while still saving most round trips.
  constexpr size_t kBatch = 64;
  for (size_t from = 0; from < codes.size(); from += kBatch) {
    Query q(
        "SELECT code, id, version, department_id FROM targets WHERE kind = :kind AND code IN (");
    q.Bind("kind", kind);
    for (size_t i = from; i < std::min(codes.size(), from + kBatch); ++i) {
      std::string name = "c" + std::to_string(i - from);
      q.Append((i > from ? ", :" : ":") + name).Bind(name, codes[i]);
    }
    q.Append(")").ForEach(sql, [&](const soci::row& row) {
      out[RowText(row, 0)] = Existing{RowInt(row, 1), RowInt(row, 2), RowInt(row, 3)};
    });
  }
  return out;
}

namespace {

// How a filter whose index is not in id order is searched: a division above county level (its
// counties are a range of the division index) or a kind (the (kind, code) index). The index's
// matches must all be sorted to find the newest page; when there are many, it is cheaper to walk
// the targets from the newest and test each one. kScan writes those tests as expressions
// (substr(), || '') that keep both planners off the index.
enum class Broad { kIndexRange, kScan };

// What a list walks, newest first. By default the targets (through whichever index the planners
// pick for the filter). Or a list of target ids in an index, joined to the targets one by one:
// the targets that have the name fragment's rarest character pair (names::SearchGram; the LIKE
// still decides), or those with the tag. Both lists are in id order in their index, so a page
// reads only as far as its last match, and a count stops at the cap, where an IN list had to be
// read whole first (a tag on 1% of ten million targets: 100 000 ids per request).
struct Driver {
  enum Kind { kTargets, kNameGram, kTag } kind = kTargets;
  names::GramWalk walk;  // for kNameGram

  // The list of ids walked, as `g`, for kNameGram and kTag.
  std::string Index() const { return kind == kTag ? "target_tags g" : "target_name_grams g"; }
  std::string From() const {
    if (kind == kTargets) return "targets t";
    // With a second pair, in this order (CROSS JOIN keeps SQLite to it): the first pair's ids,
    // each checked in the second's, and only then the target.
    if (kind == kNameGram && walk.also)
      return Index() + " CROSS JOIN target_name_grams g2 CROSS JOIN targets t";
    return Index() + " JOIN targets t ON t.id = g.target_id";
  }
  // The id order the planners walk without sorting.
  std::string Order() const { return kind == kTargets ? "t.id" : "g.target_id"; }
};

// Whether `f` (its page aside) and the caller's data scope narrow a search not at all.
bool NothingElse(const org::Principal* who, TargetFilter f) {
  f.page = TargetFilter{}.page;
  f.page_size = TargetFilter{}.page_size;
  return f == TargetFilter{} && (!who || who->scope == org::DataScope::kAll);
}

// The driver's own index, without the targets: its table and its condition.
struct DriverIndex {
  std::string from;
  Query where;
};

// Other kinds than entity beyond this many, and a search of entities looks up each target.
constexpr int64_t kOtherKindsLimit = 2000;

// The driver's index answers the search by itself when nothing else narrows it (no other filter,
// no data scope) and each of its entries is a match: a tag's are (the foreign key deletes them
// with their target), a name pair's are when the fragment is that pair (IsOnePair). Then a count
// or a page need not look up each target: on PostgreSQL, the 10 000 look-ups of a count were most
// of the time of a search by a common pair or tag. Also for entities, the kind the target page
// shows first, so that most searches name it: they are most targets, so their matches are the
// index's entries less the few other targets' ids, read once (PostgreSQL hashes them, SQLite
// makes a temporary index of them), when there are at most kOtherKindsLimit of those.
std::optional<DriverIndex> AloneIndex(soci::session& sql, const org::Principal* who, TargetFilter f,
                                      const Driver& driver) {
  DriverIndex index{driver.Index(), Query(" WHERE ")};
  if (driver.kind == Driver::kTag) {
    index.where.Append("g.tag = :tag").Bind("tag", f.tag);
    f.tag.clear();
  } else if (driver.kind == Driver::kNameGram && !driver.walk.also && IsOnePair(f.name)) {
    index.where.Append("g.gram = :gram").Bind("gram", driver.walk.gram);
    f.name.clear();
  } else {
    return std::nullopt;
  }
  const bool entities = f.kind == "entity";
  if (entities) f.kind.clear();
  if (!NothingElse(who, f)) return std::nullopt;
  if (entities) {
    // The kinds by name, not "<> 'entity'": SQLite then reads them from the (kind, code) index
    // instead of scanning all of it.
    constexpr const char* kOtherKinds =
        "SELECT o.id FROM targets o WHERE o.kind IN ('place', 'product')";
    if (Query(std::string("SELECT COUNT(*) FROM (") + kOtherKinds + " LIMIT :n) c")
            .Bind("n", kOtherKindsLimit + 1)
            .ScalarInt(sql) > kOtherKindsLimit)
      return std::nullopt;
    index.where.Append(std::string(" AND g.target_id NOT IN (") + kOtherKinds + ")");
  }
  return index;
}

// The filter's conditions and the caller's data scope, for lists and exports alike, for what
// `driver` walks.
Query Where(const org::Principal* who, const TargetFilter& f, Broad broad,
            const Driver& driver = {}) {
  Query where(" WHERE 1 = 1");
  if (!f.kind.empty()) {
    // Equal to a kind, the planners take the (kind, code) index and sort its matches by id: good
    // for a kind with few targets, ruinous for the kind most targets are. When there are many,
    // the test is written so that no index serves it, and the newest targets are walked instead.
    where.Append(broad == Broad::kScan ? " AND t.kind || '' = :kind" : " AND t.kind = :kind")
        .Bind("kind", f.kind);
  }
  if (!f.code.empty()) {
    // Through the unique (kind, code) index: one probe per kind.
    if (f.kind.empty()) where.Append(" AND t.kind IN ('entity', 'place', 'product')");
    where.Append(" AND t.code = :code").Bind("code", NormalizeCode(f.code));
  }
  if (!f.name.empty()) {
    where.Append(" AND t.name LIKE :name ESCAPE '\\'").Bind("name", LikeContains(f.name));
    if (driver.kind == Driver::kNameGram) {
      where.Append(" AND g.gram = :gram").Bind("gram", driver.walk.gram);
      if (driver.walk.also) {
        where.Append(" AND g2.gram = :gram2 AND g2.target_id = g.target_id AND t.id = g.target_id")
            .Bind("gram2", *driver.walk.also);
      }
    }
  }
  if (!f.division.empty()) {
    const codes::Division* division = codes::FindDivision(f.division);
    auto range = DivisionRange(f.division);
    if (!division || !range) {
      where.Append(" AND 1 = 0");  // an unknown division matches nothing
    } else if (division->level == "county") {
      // Targets are registered at county level: one value of the index, already in id order.
      where.Append(" AND t.division_code = :div").Bind("div", f.division);
    } else if (broad == Broad::kScan) {
      where
          .Append(" AND substr(t.division_code, 1, " + std::to_string(range->first.size()) +
                  ") = :div_prefix")
          .Bind("div_prefix", range->first);
    } else {
      // "370300" covers "3703xx".
      where.Append(" AND t.division_code >= :div_lo AND t.division_code < :div_hi")
          .Bind("div_lo", range->first)
          .Bind("div_hi", range->second);
    }
  }
  // A 大类 implies its 门类, which leads the industry index.
  std::string section = f.industry_section;
  if (section.empty() && !f.industry_division.empty()) {
    if (const codes::IndustrySection* s = codes::SectionOfDivision(f.industry_division))
      section = s->code;
  }
  if (!section.empty()) where.Append(" AND t.industry_section = :section").Bind("section", section);
  if (!f.industry_division.empty())
    where.Append(" AND t.industry_division = :division").Bind("division", f.industry_division);
  if (!f.status.empty()) {
    where.Append(" AND t.status = :status").Bind("status", f.status);
    // The partial index targets_rare_status (migration 0007), in its own words.
    if (f.status != "存续" && f.status != "在业")
      where.Append(" AND t.status NOT IN ('存续', '在业')");
  }
  if (!f.credit_class.empty())
    where.Append(" AND t.credit_class = :class").Bind("class", f.credit_class);
  if (driver.kind == Driver::kTag) {
    where.Append(" AND g.tag = :tag").Bind("tag", f.tag);
  } else if (!f.tag.empty()) {
    // An IN list comes out of the tag index in id order, so a page needs no sort; EXISTS made
    // SQLite test every target in turn.
    where.Append(" AND t.id IN (SELECT tg.target_id FROM target_tags tg WHERE tg.tag = :tag)");
    where.Bind("tag", f.tag);
  }
  if (f.department_id > 0)
    where.Append(" AND t.department_id = :dept").Bind("dept", f.department_id);
  org::repo::AddDepartmentScope(where, who, "t.department_id", "t.created_by");
  return where;
}

// Whether nothing but `f`'s name or tag narrows the search: no other filter, no data scope.
bool OnlyNameOrTag(const org::Principal* who, TargetFilter f) {
  f.name.clear();
  f.tag.clear();
  if (f.kind == "entity") f.kind.clear();  // most targets are: it hardly narrows
  return NothingElse(who, f);
}

// A tag walked through its own index when it alone narrows the search, or when few targets
// have it; with a narrower filter beside a common tag, that filter's index leads.
constexpr int64_t kTagWalkLimit = 20000;

Driver ChooseDriver(soci::session& sql, const org::Principal* who, const TargetFilter& f) {
  const bool only = OnlyNameOrTag(who, f);
  if (!f.name.empty()) {
    if (auto walk = names::SearchGram(sql, f.name, only && f.tag.empty()))
      return {Driver::kNameGram, *walk};
  }
  if (!f.tag.empty()) {
    if (only) return {Driver::kTag, {}};
    const int64_t tagged = Query(
                               "SELECT COUNT(*) FROM (SELECT 1 FROM target_tags WHERE tag = :tag "
                               "LIMIT :cap) c")
                               .Bind("tag", f.tag)
                               .Bind("cap", kTagWalkLimit + 1)
                               .ScalarInt(sql);
    if (tagged <= kTagWalkLimit) return {Driver::kTag, {}};
  }
  return {};
}

}  // namespace

Page<Target> List(soci::session& sql, const org::Principal* who, const TargetFilter& f) {
  const Driver driver = ChooseDriver(sql, who, f);
  const std::optional<DriverIndex> alone = AloneIndex(sql, who, f, driver);
  const std::string from = alone ? alone->from : driver.From();
  // Counting stops at the cap, so it may use the division index whatever the region's size.
  Query where = alone ? alone->where : Where(who, f, Broad::kIndexRange, driver);
  Page<Target> page;
  // Counting a million matches costs more than the page itself: count up to a cap, and say so.
  page.total = where
                   .Wrapped("SELECT COUNT(*) FROM (SELECT 1 FROM " + from,
                            " LIMIT " + std::to_string(kCountCap + 1) + ") c")
                   .ScalarInt(sql);
  page.capped = page.total > kCountCap;
  if (page.capped) {
    page.total = kCountCap;
    // So many matches: the newest ones are met soon when walking the targets from the newest.
    if (!alone) where = Where(who, f, Broad::kScan, driver);
  }
  // The page's ids first, from the narrowest index that serves the filter, then their rows:
  // when the filter's index is not in id order, only ids are sorted, not joined rows.
  Query rows = where.Wrapped(
      std::string(kColumns) + " WHERE t.id IN (SELECT " + driver.Order() + " FROM " + from,
      " ORDER BY " + driver.Order() + " DESC LIMIT :limit OFFSET :offset) ORDER BY t.id DESC");
  rows.Bind("limit", f.page_size).Bind("offset", (f.page - 1) * f.page_size);
  rows.ForEach(sql, [&](const soci::row& row) { page.items.push_back(FromRow(row)); });
  AttachTags(sql, page.items);
  return page;
}

void ForEach(soci::session& sql, const org::Principal* who, const TargetFilter& f,
             const std::function<void(const Target&)>& fn) {
  // Walks all the targets by id anyway, testing each: no index range to sort per batch.
  db::ForEachById<Target>(
      sql, kColumns, Where(who, f, Broad::kScan), "t.id", FromRow,
      [](soci::session& s, std::vector<Target>& batch) {
        db::AttachInRange(
            s, batch,
            "SELECT target_id, tag FROM target_tags WHERE target_id >= :lo AND "
            "target_id <= :hi ORDER BY target_id, tag",
            [](Target& t, const soci::row& row) { t.tags.push_back(RowText(row, 1)); });
      },
      fn);
}

void ForEachBrief(soci::session& sql, const TargetFilter& f,
                  const std::function<void(const TargetBrief&)>& fn) {
  db::ForEachById<TargetBrief>(
      sql,
      "SELECT t.id, t.kind, t.code, t.name, t.division_code, t.status, t.credit_class, "
      "t.department_id FROM targets t",
      Where(nullptr, f, Broad::kScan), "t.id",
      [](const soci::row& row) {
        return TargetBrief{RowInt(row, 0),  RowText(row, 1), RowText(row, 2),
                           RowText(row, 3), RowText(row, 4), RowText(row, 5),
                           RowText(row, 6), RowInt(row, 7),  {}};
      },
      [](soci::session& s, std::vector<TargetBrief>& batch) {
        db::AttachInRange(
            s, batch,
            "SELECT target_id, tag FROM target_tags WHERE target_id >= :lo AND "
            "target_id <= :hi ORDER BY target_id, tag",
            [](TargetBrief& t, const soci::row& row) { t.tags.push_back(RowText(row, 1)); });
      },
      fn);
}

std::optional<Target> Get(soci::session& sql, const org::Principal* who, int64_t id) {
  Query q(std::string(kColumns) + " WHERE t.id = :id");
  q.Bind("id", id);
  org::repo::AddScope(q, who, "d", "t.created_by");
  std::vector<Target> found;
  q.ForEach(sql, [&](const soci::row& row) { found.push_back(FromRow(row)); });
  if (found.empty()) return std::nullopt;
  AttachTags(sql, found);
  return found.front();
}

std::vector<HistoryEntry> History(soci::session& sql, int64_t target_id) {
  std::optional<HistoryEntry> current;
  if (auto row = Get(sql, nullptr, target_id)) {
    current = HistoryEntry{row->version,    row->last_action,     Snapshot(*row),
                           row->updated_by, row->updated_by_name, row->updated_at};
  }
  return db::VersionHistory(sql, std::move(current), "target_history", "target_id", target_id);
}

std::optional<int64_t> DepartmentByCodeOrName(soci::session& sql, const std::string& key) {
  std::optional<int64_t> out;
  Query("SELECT id FROM departments WHERE code = :code OR name = :name ORDER BY id LIMIT 1")
      .Bind("code", key)
      .Bind("name", key)
      .ForEach(sql, [&](const soci::row& row) { out = RowInt(row, 0); });
  return out;
}

}  // namespace ssj::directory::repo

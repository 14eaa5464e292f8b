#include "ceremony/ceremony_service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "calendar/calendar.h"
#include "common/crypto.h"
#include "db/database.h"
#include "draw/draw.h"
#include "draw/draw_json.h"
#include "draw/encoding.h"
#include "task/pool.h"
#include "task/task.h"
#include "task/task_repo.h"

namespace ssj::ceremony {
namespace {

namespace json = boost::json;
using db::Query;
using db::RowInt;
using db::RowText;

// Checks "YYYY-MM-DD HH:MM".
bool ValidSchedule(const std::string& text) {
  if (text.size() != 16 || text[10] != ' ' || text[13] != ':') return false;
  if (!calendar::ParseDate(text.substr(0, 10))) return false;
  auto digit = [&](size_t k) { return text[k] >= '0' && text[k] <= '9'; };
  if (!digit(11) || !digit(12) || !digit(14) || !digit(15)) return false;
  return std::stoi(text.substr(11, 2)) < 24 && std::stoi(text.substr(14, 2)) < 60;
}

json::object JsonOf(const std::map<std::string, int64_t>& counts) {
  json::object out;
  for (const auto& [key, n] : counts) out[key] = n;
  return out;
}

// The engine request of a stored task with the revealed secret and the public input.
json::value FullRequest(const std::string& stored, const std::string& secret,
                        const std::string& digits) {
  json::value request = json::parse(stored);
  json::object& o = request.as_object();
  o["secret"] = secret;
  o["public_input"] = {{"kind", "dice"}, {"value", digits}};
  if (!o.contains("replacements")) o["replacements"] = json::array();
  return request;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The engine knows departments by code; people read names. Longer codes first, so that
// "CQJXW-JNZY" is not read as "CQJXW" followed by "-JNZY".
Error WithDepartmentNames(soci::session& sql, Error e) {
  std::vector<std::pair<std::string, std::string>> names;
  Query("SELECT code, name FROM departments").ForEach(sql, [&](const soci::row& row) {
    names.emplace_back(RowText(row, 0), RowText(row, 1));
  });
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  auto rename = [&](std::string text) {
    for (const auto& [code, name] : names) {
      for (size_t at = text.find(code); at != std::string::npos;
           at = text.find(code, at + name.size()))
        text.replace(at, code.size(), name);
    }
    return text;
  };
  e.message = rename(e.message);
  if (json::value* lines = e.details.if_contains("shortfalls"); lines && lines->is_array()) {
    for (json::value& line : lines->as_array()) {
      if (line.is_string()) line = json::string(rename(std::string(line.as_string())));
    }
  }
  return e;
}

// Runs the engine. When the teams cannot be formed, the error says so after `what` and names
// the departments; any other error is returned as the engine words it.
Result<draw::Outcome> RunEngine(soci::session& sql, const draw::Request& request,
                                const std::string& what) {
  std::vector<draw::Shortfall> shortfalls;
  auto run = draw::Draw(request, &shortfalls);
  if (run.ok()) return run;
  Error e = run.take_error();
  if (shortfalls.empty()) return e;
  e.code = "ceremony.team_infeasible";
  e.message = what + e.message;
  return WithDepartmentNames(sql, std::move(e));
}

}  // namespace

DrawRows RowsOf(soci::session& sql, const draw::Outcome& outcome,
                const std::unordered_map<std::string, int64_t>& ids) {
  // The drawn targets in target order (teams are in target order), their teams, the loads.
  std::unordered_map<std::string, std::pair<std::string, std::string>> picks;  // stratum, ticket
  for (const draw::StratumResult& s : outcome.strata) {
    for (const draw::Pick& p : s.selected) picks[p.code] = {s.id, draw::Hex(p.ticket)};
    for (const draw::Pick& p : s.reserves) picks[p.code] = {s.id, draw::Hex(p.ticket)};
  }
  std::vector<std::string> codes;
  for (const auto& [code, n] : outcome.loads) codes.push_back(code);
  const auto inspector_ids = task::repo::InspectorIds(sql, codes);
  DrawRows rows;
  for (const draw::TeamResult& tr : outcome.teams) {
    const int64_t target_id = ids.at(tr.target);
    const auto& pick = picks[tr.target];
    rows.drawn.push_back(task::repo::DrawnTarget{target_id, pick.first, tr.target, pick.second});
    for (const draw::Member& m : tr.members) {
      rows.team.push_back(task::repo::TeamSlot{target_id, m.slot, inspector_ids.at(m.inspector)});
    }
  }
  for (const auto& [code, n] : outcome.loads) rows.loads.emplace_back(inspector_ids.at(code), n);
  return rows;
}

Result<boost::json::value> Rerun(soci::session& sql, const task::Task& t,
                                 const boost::json::value& request) {
  const task::repo::FrozenPool pool = task::repo::ReadPool(sql, t.id, true);
  const std::string& csv = pool.csv;
  SSJ_ASSIGN(draw::Request parsed, draw::ParseRequest(request, &csv));
  SSJ_ASSIGN(draw::Outcome run, RunEngine(sql, parsed, "无法补足检查组："));
  json::value record =
      draw::RecordJson(request, run, Sha256Hex(csv), std::string("ssj ") + SSJ_VERSION);
  const DrawRows rows = RowsOf(sql, run, pool.ids);
  task::repo::ReplaceDrawRows(sql, t.id, json::serialize(record), rows.drawn, rows.team,
                              rows.loads);
  return record;
}

Result<CommitResult> Commit(soci::session& sql, const task::Task& t, const policy::Rules& rules,
                            const std::string& scheduled_at, const std::string& today, int64_t by,
                            const std::string& now) {
  SSJ_TRY(task::Transition(t.status, task::Action::kCommit));
  if (!ValidSchedule(scheduled_at)) {
    return Error::InvalidField("scheduled_at", "抽取时间应为 YYYY-MM-DD HH:MM",
                               scheduled_at.substr(0, 32));
  }
  const std::string draw_date = scheduled_at.substr(0, 10);
  if (draw_date < today) {
    return Error::InvalidField("scheduled_at", "抽取时间不能早于今天（" + today + "）",
                               scheduled_at);
  }
  if (draw_date > t.end_date) {
    return Error::InvalidField("scheduled_at", "抽取时间不能晚于检查结束日期 " + t.end_date,
                               scheduled_at);
  }
  task::repo::LockDraws(sql);
  SSJ_ASSIGN(task::Pool pool, task::BuildPool(sql, t, rules));
  SSJ_ASSIGN(task::Frozen frozen, task::Freeze(sql, t, pool, draw_date));

  const SecretPair pair = NewSecret();
  frozen.request.as_object()["commitment"] = pair.commitment;

  // The pool digest, and a trial run with a throwaway secret and input: a pool whose teams
  // cannot be formed is refused now, with the engine's reasons, not at the ceremony.
  std::string csv = task::repo::kPoolCsvHeader;
  for (const task::PoolTarget& p : pool.targets)
    task::repo::AppendPoolLine(csv, p.code, p.stratum, p.region);
  const SecretPair trial = NewSecret();
  json::value trial_json = frozen.request;
  trial_json.as_object()["commitment"] = trial.commitment;
  json::value trial_request =
      FullRequest(json::serialize(trial_json), trial.secret, "00000000000000000000");
  auto parsed = draw::ParseRequest(trial_request, &csv);
  if (!parsed.ok()) return parsed.take_error();
  const std::string digest = draw::Hex(draw::PoolDigest(*parsed));
  SSJ_TRY(RunEngine(sql, *parsed, "按现有检查人员无法为抽中的检查对象组成检查组（试抽取）："));

  task::repo::Commit commit;
  commit.scheduled_at = scheduled_at;
  commit.pool_digest = digest;
  commit.commitment = pair.commitment;
  commit.request = json::serialize(frozen.request);
  commit.pool_counts = json::serialize(JsonOf(pool.counts));
  std::map<std::string, int64_t> excluded;
  for (const auto& [why, n] : pool.excluded_counts)
    excluded[std::string(task::ExclusionCode(why))] = n;
  commit.excluded_counts = json::serialize(JsonOf(excluded));
  commit.capacities = frozen.capacities;
  task::repo::SaveCommit(sql, t.id, pool, commit, by, now);
  return CommitResult{pair.secret, pair.commitment, digest,
                      static_cast<int64_t>(pool.targets.size())};
}

Result<DrawResult> Draw(soci::session& sql, const task::Task& t, const policy::Rules& rules,
                        const DrawInput& input, int64_t by, const std::string& now) {
  if (t.status == task::State::kDrawn || t.status == task::State::kConfirmed ||
      t.status == task::State::kInspecting) {
    // A retry of the same ceremony (a dropped connection) gets the record it made.
    auto digits = CheckDice(input.dice);
    const json::value stored = json::parse(task::repo::PublicInputJson(sql, t.id));
    if (digits.ok() && stored.is_object() && stored.as_object().if_contains("value") &&
        stored.at("value") == json::value(*digits) &&
        CheckSecret(Lower(input.secret), t.commitment).ok()) {
      return DrawResult{json::parse(task::repo::RecordJson(sql, t.id)), true};
    }
    return Error{ErrorKind::kConflict,
                 "task.already_drawn",
                 "本任务已于 " + t.drawn_at.substr(0, 10) +
                     " 抽取，不能重新抽取。如确需重新抽取，须经负责人批准作废本次抽取后新建任务",
                 {}};
  }
  SSJ_TRY(task::Transition(t.status, task::Action::kDraw));
  SSJ_ASSIGN(const std::string digits, CheckDice(input.dice));
  const std::string secret_hex = Lower(input.secret);
  SSJ_TRY(CheckSecret(secret_hex, t.commitment));
  if (rules.draw_witnesses.value_or(false) && Witnesses(sql, t.id).empty()) {
    return Error{ErrorKind::kConflict,
                 "ceremony.no_witness",
                 "制度要求抽取时有监督人员在场：请先登记见证人",
                 {}};
  }
  task::repo::LockDraws(sql);

  const task::repo::FrozenPool pool = task::repo::ReadPool(sql, t.id, true);
  const std::string& csv = pool.csv;
  const std::string pool_sha256 = Sha256Hex(csv);
  json::value request = FullRequest(task::repo::StoredRequest(sql, t.id), secret_hex, digits);
  const auto& ids = pool.ids;

  // Targets another task took since this pool was frozen (drawn at the same time): the yearly cap
  // or another office's draw now excludes them, so they are replaced from the reserves (§8).
  std::unordered_set<int64_t> now_capped;
  if (rules.yearly_cap) {
    now_capped = task::repo::AtYearlyCap(sql, t.item_ids, t.year, *rules.yearly_cap, t.id);
  }
  std::unordered_map<int64_t, int64_t> now_other;
  if (auto period = task::OtherOfficePeriod(rules, t.start_date, t.end_date)) {
    now_other = task::repo::OtherOffices(sql, t.department_id, period->first, period->second, t.id);
  }

  draw::Outcome outcome;
  for (int round = 0;; ++round) {
    SSJ_ASSIGN(draw::Request parsed, draw::ParseRequest(request, &csv));
    SSJ_ASSIGN(outcome, RunEngine(sql, parsed, "无法组成检查组："));
    std::unordered_set<std::string> replaced;
    for (const draw::ReplacementResult& r : outcome.replacements) replaced.insert(r.target);
    json::array& replacements = request.as_object()["replacements"].as_array();
    size_t added = 0;
    for (const draw::StratumResult& s : outcome.strata) {
      for (const draw::Pick& pick : s.selected) {
        if (replaced.count(pick.code)) continue;
        const int64_t id = ids.at(pick.code);
        if (now_capped.count(id)) {
          replacements.push_back(
              {{"target", pick.code},
               {"reason", "本年度同一事项抽查次数已达上限（其他任务同期抽中）"}});
          ++added;
        } else if (now_other.count(id)) {
          replacements.push_back(
              {{"target", pick.code}, {"reason", "本期已被其他部门抽中（其他任务同期抽中）"}});
          ++added;
        }
      }
    }
    if (added == 0) break;
    if (round >= 3) {
      return Error{ErrorKind::kConflict,
                   "ceremony.reserves_taken",
                   "多个任务同时抽取，备选对象也已被其他任务抽中，请稍后重试",
                   {}};
    }
  }

  json::value record =
      draw::RecordJson(request, outcome, pool_sha256, std::string("ssj ") + SSJ_VERSION);

  const DrawRows rows = RowsOf(sql, outcome, ids);
  const json::value public_input = {{"kind", "dice"}, {"value", digits}};
  task::repo::SaveDraw(sql, t.id, json::serialize(public_input), json::serialize(record),
                       rows.drawn, rows.team, rows.loads, by, now);
  return DrawResult{std::move(record), false};
}

std::vector<Witness> Witnesses(soci::session& sql, int64_t task_id) {
  std::vector<Witness> out;
  Query(
      "SELECT id, name, unit, role, created_at FROM task_witnesses WHERE task_id = :t ORDER BY id")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) {
        Witness w;
        w.id = RowInt(row, 0);
        w.name = RowText(row, 1);
        w.unit = RowText(row, 2);
        w.role = RowText(row, 3);
        w.created_at = RowText(row, 4);
        out.push_back(std::move(w));
      });
  return out;
}

int64_t AddWitness(soci::session& sql, int64_t task_id, const WitnessInput& in, int64_t by,
                   const std::string& now) {
  Query(
      "INSERT INTO task_witnesses (task_id, name, unit, role, created_by, created_at) VALUES (:t, "
      ":n, :u, :r, :by, :now)")
      .Bind("t", task_id)
      .Bind("n", in.name)
      .Bind("u", in.unit)
      .Bind("r", in.role)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  return Query("SELECT MAX(id) FROM task_witnesses WHERE task_id = :t")
      .Bind("t", task_id)
      .ScalarInt(sql);
}

json::value DrawnList(soci::session& sql, const task::Task& t) {
  std::map<int64_t, json::array> members;
  Query(
      "SELECT m.target_id, m.slot, i.name, i.code, d.name, m.inspector_id FROM task_team m JOIN "
      "inspectors i ON "
      "i.id = m.inspector_id JOIN departments d ON d.id = i.department_id WHERE m.task_id = :t "
      "ORDER BY m.target_id, m.slot")
      .Bind("t", t.id)
      .ForEach(sql, [&](const soci::row& row) {
        members[RowInt(row, 0)].push_back({{"slot", RowInt(row, 1)},
                                           {"name", RowText(row, 2)},
                                           {"code", RowText(row, 3)},
                                           {"department_name", RowText(row, 4)},
                                           {"inspector_id", RowInt(row, 5)}});
      });
  json::array targets;
  Query(
      "SELECT s.position, s.code, s.stratum, g.name, g.division_code, g.address, s.target_id FROM "
      "task_targets s JOIN targets g ON g.id = s.target_id WHERE s.task_id = :t ORDER BY "
      "s.position")
      .Bind("t", t.id)
      .ForEach(sql, [&](const soci::row& row) {
        const int64_t target_id = RowInt(row, 6);
        targets.push_back({{"position", RowInt(row, 0)},
                           {"code", RowText(row, 1)},
                           {"stratum", RowText(row, 2)},
                           {"name", RowText(row, 3)},
                           {"division_code", RowText(row, 4)},
                           {"address", RowText(row, 5)},
                           {"target_id", target_id},
                           {"team", members[target_id]}});
      });
  return targets;
}

}  // namespace ssj::ceremony

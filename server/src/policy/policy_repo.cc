#include "policy/policy_repo.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <map>

#include "db/database.h"

namespace ssj::policy {
namespace {

using db::Query;
using db::RowInt;
using db::RowText;
namespace json = boost::json;

constexpr const char* kSelectChoice =
    "SELECT c.profile_id, c.reason, c.changed_by, COALESCE(u.name, ''), c.changed_at "
    "FROM policy_choice c LEFT JOIN users u ON u.id = c.changed_by WHERE c.id = 1";
constexpr const char* kSelectOverrides =
    "SELECT o.setting, o.value_json, o.reason, o.changed_by, COALESCE(u.name, ''), o.changed_at "
    "FROM policy_overrides o LEFT JOIN users u ON u.id = o.changed_by ORDER BY o.setting";
// Takes the choice row's lock before anything is read (PostgreSQL; SQLite's BEGIN IMMEDIATE
// already serialises writers), so a second change reads what the first one wrote. On a fresh
// deployment there is no row to lock: two first choices then race, and the later one wins.
constexpr const char* kLockChoice = "UPDATE policy_choice SET profile_id = profile_id WHERE id = 1";
constexpr const char* kUpsertChoice =
    "INSERT INTO policy_choice (id, profile_id, reason, changed_by, changed_at) VALUES "
    "(1, :profile, :reason, :by, :now) ON CONFLICT (id) DO UPDATE SET profile_id = "
    "excluded.profile_id, reason = excluded.reason, changed_by = excluded.changed_by, "
    "changed_at = excluded.changed_at";
constexpr const char* kDeleteOverrides = "DELETE FROM policy_overrides";
constexpr const char* kInsertOverride =
    "INSERT INTO policy_overrides (setting, value_json, reason, changed_by, changed_at) VALUES "
    "(:setting, :value, :reason, :by, :now)";

struct StoredOverride {
  std::string value_json;
  std::string reason;
  int64_t changed_by = 0;
  std::string changed_by_name;
  std::string changed_at;
};

std::map<std::string, StoredOverride> StoredOverrides(soci::session& sql) {
  std::map<std::string, StoredOverride> out;
  Query(kSelectOverrides).ForEach(sql, [&](const soci::row& row) {
    out[RowText(row, 0)] = {RowText(row, 1), RowText(row, 2), RowInt(row, 3), RowText(row, 4),
                            RowText(row, 5)};
  });
  return out;
}

// The stored adjustment as a value of its setting, or nullopt (logged) when it no longer is one.
std::optional<Value> StoredValue(const SettingSpec& spec, const std::string& text) {
  json::value parsed;
  try {
    parsed = json::parse(text);
  } catch (const std::exception&) {
    spdlog::warn("policy: stored value of {} is not JSON; ignored", spec.key);
    return std::nullopt;
  }
  auto value = ReadValue(spec, parsed, /*allow_null=*/false);
  if (!value.ok()) {
    spdlog::warn("policy: stored value {} of {} no longer passes its check; ignored", text,
                 spec.key);
    return std::nullopt;
  }
  return value.value();
}

}  // namespace

Policy Current(soci::session& sql) { return repo::Load(sql); }

namespace repo {

Policy Load(soci::session& sql) {
  Policy policy;
  std::string profile_id(kDefaultProfileId);
  Query(kSelectChoice).ForEach(sql, [&](const soci::row& row) {
    policy.configured = true;
    profile_id = RowText(row, 0);
    policy.reason = RowText(row, 1);
    policy.changed_by = RowInt(row, 2);
    policy.changed_by_name = RowText(row, 3);
    policy.changed_at = RowText(row, 4);
  });
  const PolicyProfile* profile = FindProfile(profile_id);
  if (!profile) {
    // A profile a later release no longer ships: its adjustments were relative to it.
    spdlog::warn("policy: stored profile {} is not shipped; following {}", profile_id,
                 kDefaultProfileId);
    policy.base = DefaultProfile();
    policy.rules = policy.base.rules;
    return policy;
  }
  policy.base = *profile;
  const std::map<std::string, StoredOverride> stored = StoredOverrides(sql);
  std::vector<std::pair<std::string, Value>> values;
  for (const SettingSpec& spec : Specs()) {
    auto it = stored.find(spec.key);
    if (it == stored.end()) continue;
    std::optional<Value> value = StoredValue(spec, it->second.value_json);
    if (!value || *value == Get(profile->rules, spec)) continue;
    values.emplace_back(spec.key, *value);
    const StoredOverride& s = it->second;
    policy.overrides.push_back(
        {spec.key, *value, s.reason, s.changed_by, s.changed_by_name, s.changed_at});
  }
  for (const auto& [key, row] : stored) {
    if (!FindSpec(key)) spdlog::warn("policy: stored adjustment of unknown setting {}", key);
  }
  policy.rules = Apply(profile->rules, values);
  if (Status s = CheckRules(policy.rules); !s.ok()) {
    spdlog::warn("policy: stored adjustments do not hold together ({}); following {} as shipped",
                 s.error().message, profile->id);
    policy.rules = profile->rules;
    policy.overrides.clear();
  }
  return policy;
}

Policy LoadForUpdate(soci::session& sql) {
  Query(kLockChoice).Exec(sql);
  return Load(sql);
}

void Save(soci::session& sql, const Change& change, int64_t by, const std::string& now) {
  Query(kLockChoice).Exec(sql);
  const std::map<std::string, StoredOverride> before = StoredOverrides(sql);
  Query(kUpsertChoice)
      .Bind("profile", change.profile->id)
      .Bind("reason", change.reason)
      .Bind("by", by)
      .Bind("now", now)
      .Exec(sql);
  Query(kDeleteOverrides).Exec(sql);
  for (const auto& [key, value] : change.overrides) {
    const std::string text = json::serialize(ToJson(value));
    auto it = before.find(key);
    const bool unchanged = it != before.end() && it->second.value_json == text;
    Query insert(kInsertOverride);
    insert.Bind("setting", key).Bind("value", text);
    if (unchanged) {
      insert.Bind("reason", it->second.reason)
          .Bind("by", it->second.changed_by)
          .Bind("now", it->second.changed_at);
    } else {
      insert.Bind("reason", change.reason).Bind("by", by).Bind("now", now);
    }
    insert.Exec(sql);
  }
}

}  // namespace repo
}  // namespace ssj::policy

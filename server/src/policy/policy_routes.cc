#include "policy/policy_routes.h"

#include <boost/json.hpp>

#include "common/clock.h"
#include "http/pipeline.h"
#include "org/org_types.h"
#include "policy/policy.h"
#include "policy/policy_repo.h"

namespace ssj::policy {
namespace {

using http::Access;
using http::JsonResponse;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

json::value SpecJson(const SettingSpec& spec) {
  json::object o{{"key", spec.key},     {"label", spec.label},
                 {"group", spec.group}, {"kind", KindCode(spec.kind)},
                 {"unit", spec.unit},   {"required", spec.required},
                 {"help", spec.help}};
  if (spec.kind == Kind::kWorkingDays || spec.kind == Kind::kCount) {
    o["min"] = spec.min;
    o["max"] = spec.max;
    if (!spec.min_reason.empty()) o["min_reason"] = spec.min_reason;
  }
  if (spec.kind == Kind::kChoice || spec.kind == Kind::kChoices) {
    json::array options;
    for (const Option& option : spec.options)
      options.push_back({{"value", option.code}, {"label", option.label}});
    o["options"] = std::move(options);
  }
  return o;
}

json::value DocumentJson(const Document& d) {
  return {{"file", d.file},
          {"title", d.title},
          {"number", d.number},
          {"issuer", d.issuer},
          {"issued", d.issued},
          {"effective", d.effective},
          {"valid_until", d.valid_until},
          {"note", d.note}};
}

void AddCitation(json::object& o, const Citation& c) {
  o["source"] = c.source;
  o["quote"] = c.quote;
  o["note"] = c.note;
  o["national"] = c.national;
}

json::value OptionalInt(const std::optional<int64_t>& n) {
  return n ? json::value(*n) : json::value(nullptr);
}

json::object Values(const Rules& rules) {
  json::object out;
  for (const SettingSpec& spec : Specs()) out[spec.key] = ToJson(Get(rules, spec));
  return out;
}

json::value ProfileJson(const PolicyProfile& p) {
  json::array settings;
  for (const SettingSpec& spec : Specs()) {
    json::object s{{"key", spec.key}, {"value", ToJson(Get(p.rules, spec))}};
    AddCitation(s, p.citations.at(spec.key));
    settings.push_back(std::move(s));
  }
  return {{"id", p.id},
          {"name", p.name},
          {"short_name", p.short_name},
          {"document", DocumentJson(p.document)},
          {"publication_days", OptionalInt(PublicationDays(p.rules))},
          {"settings", std::move(settings)}};
}

json::value PolicyJson(const Policy& policy) {
  json::array settings;
  for (const SettingSpec& spec : Specs()) {
    const Value base = Get(policy.base.rules, spec);
    json::object s{{"key", spec.key},
                   {"label", spec.label},
                   {"group", spec.group},
                   {"kind", KindCode(spec.kind)},
                   {"unit", spec.unit},
                   {"value", ToJson(Get(policy.rules, spec))},
                   {"base_value", ToJson(base)},
                   {"adjusted", false}};
    AddCitation(s, policy.base.citations.at(spec.key));
    for (const Override& o : policy.overrides) {
      if (o.key != spec.key) continue;
      s["adjusted"] = true;
      s["reason"] = o.reason;
      s["adjusted_by"] = o.changed_by_name;
      s["adjusted_at"] = o.changed_at;
    }
    settings.push_back(std::move(s));
  }
  return {{"profile_id", policy.id()},
          {"name", policy.base.name},
          {"short_name", policy.base.short_name},
          {"document", DocumentJson(policy.base.document)},
          {"default_profile_id", kDefaultProfileId},
          {"configured", policy.configured},
          {"reason", policy.reason},
          {"changed_by", policy.changed_by_name},
          {"changed_at", policy.changed_at},
          {"adjusted_count", policy.overrides.size()},
          {"publication_days", OptionalInt(PublicationDays(policy.rules))},
          {"values", Values(policy.rules)},
          {"settings", std::move(settings)}};
}

// What the audit log keeps of a policy: enough to see what changed, without the citations.
json::value AuditJson(const Policy& policy) {
  json::object overrides;
  for (const Override& o : policy.overrides) overrides[o.key] = ToJson(o.value);
  return {{"profile_id", policy.id()},         {"name", policy.base.name},
          {"configured", policy.configured},   {"reason", policy.reason},
          {"overrides", std::move(overrides)}, {"values", Values(policy.rules)}};
}

Result<Response> HandleCurrent(Request& req) { return JsonResponse(PolicyJson(Current(*req.sql))); }

Result<Response> HandleProfiles(Request& req) {
  json::array items;
  for (const PolicyProfile& p : ShippedProfiles()) items.push_back(ProfileJson(p));
  json::array specs;
  for (const SettingSpec& spec : Specs()) specs.push_back(SpecJson(spec));
  return JsonResponse({{"items", std::move(items)},
                       {"specs", std::move(specs)},
                       {"default_profile_id", kDefaultProfileId}});
}

// The body of PUT /policy: {profile_id?, overrides?: {key: value}, reason}. A missing profile_id
// keeps the profile in force; missing overrides means none.
Result<ChangeInput> ReadChange(const json::value& body, const Policy& current) {
  if (!body.is_object()) {
    return Error::InvalidField("profile_id",
                               "请求体应为 JSON 对象（profile_id、overrides、reason）");
  }
  ChangeInput input;
  SSJ_ASSIGN(input.profile_id, http::StringField(body, "profile_id", false, 200));
  if (input.profile_id.empty()) input.profile_id = current.id();
  SSJ_ASSIGN(input.reason, http::StringField(body, "reason", false, 4000));
  const json::value* overrides = body.get_object().if_contains("overrides");
  if (overrides && !overrides->is_null()) {
    if (!overrides->is_object()) {
      const std::string sent = json::serialize(*overrides).substr(0, 64);
      return Error::InvalidField(
          "overrides",
          "字段 overrides 应为对象：键为制度项（如 publish_days），值为调整后的取值，收到 " + sent,
          sent);
    }
    for (const auto& [key, value] : overrides->get_object())
      input.overrides.emplace_back(std::string(key), value);
  }
  return input;
}

Result<Response> HandleSave(Request& req) {
  const Policy before = repo::LoadForUpdate(*req.sql);
  SSJ_ASSIGN(ChangeInput input, ReadChange(req.body, before));
  SSJ_ASSIGN(Change change, CheckChange(input));
  repo::Save(*req.sql, change, req.principal->user_id,
             FormatIsoMillis(req.services->clock->NowMillis()));
  const Policy after = repo::Load(*req.sql);
  req.audit = http::AuditNote{"policy", after.id(), AuditJson(before), AuditJson(after)};
  return JsonResponse(PolicyJson(after));
}

}  // namespace

void RegisterRoutes(http::Router& router) {
  const char* kGroup = "制度模板";
  // Every later rule reads the policy in force: any signed-in user may see it and its sources.
  router.Add(Method::kGet, "/api/v1/policy", Access::kAuthenticated, "", "",
             "现行制度模板：各项取值、来源条款和管理员的调整", kGroup, HandleCurrent);
  router.Add(
      Method::kGet, "/api/v1/policy/profiles", Access::kAuthenticated, "", "",
      "内置制度模板（工信部、重庆市经信委、重庆市部门联合抽查、大足区、淄博市工信局）及制度项说明",
      kGroup, HandleProfiles);
  router.Add(Method::kPut, "/api/v1/policy", Access::kPermission, "system:policy:edit",
             "system:policy:edit", "选用内置制度模板并调整取值（整体替换以往的调整）", kGroup,
             HandleSave);
}

}  // namespace ssj::policy

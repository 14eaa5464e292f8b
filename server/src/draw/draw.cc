#include "draw/draw.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "draw/assign.h"
#include "draw/canonical.h"
#include "draw/encoding.h"
#include "draw/parallel.h"

namespace ssj::draw {
namespace {

std::string Field(const char* list, size_t idx, const char* name) {
  return std::string(list) + "[" + std::to_string(idx) + "]." + name;
}

bool TextOk(const std::string& value, size_t min_bytes, size_t max_bytes) {
  return value.size() >= min_bytes && value.size() <= max_bytes && ValidUtf8(value);
}

Status CheckText(const std::string& field, const std::string& value, size_t min_bytes,
                 size_t max_bytes) {
  if (!ValidUtf8(value)) return Error::InvalidField(field, "含有无效的 UTF-8 字符或 NUL");
  if (value.size() < min_bytes || value.size() > max_bytes) {
    return Error::InvalidField(
        field, "长度应为 " + std::to_string(min_bytes) + "–" + std::to_string(max_bytes) + " 字节",
        value.substr(0, 80));
  }
  return OkStatus();
}

Status CheckPublicInput(const PublicInput& p, const std::string& at) {
  if (p.kind == "dice") {
    if (p.value.size() < 20 || p.value.size() > 256 ||
        p.value.find_first_not_of("0123456789") != std::string::npos) {
      return Error::InvalidField(at + ".value",
                                 "现场公开随机数应为 20–256 位十进制数字（骰子点数）",
                                 p.value.substr(0, 64));
    }
    if (!p.source.empty() || !p.round.empty())
      return Error::InvalidField(at, "骰子输入不应有 source 或 round");
  } else if (p.kind == "beacon") {
    SSJ_TRY(CheckText(at + ".source", p.source, 1, 256));
    SSJ_TRY(CheckText(at + ".round", p.round, 1, 256));
    SSJ_TRY(CheckText(at + ".value", p.value, 1, 256));
  } else {
    return Error::InvalidField(at + ".kind", "公开随机输入类型应为 dice 或 beacon",
                               p.kind.substr(0, 32));
  }
  return OkStatus();
}

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t pos : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[pos] < '0' || s[pos] > '9') return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  if (y < 1900) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

constexpr size_t kDigestBlock = 1 << 16;

void AppendStr(std::string& out, std::string_view s) {
  uint32_t n = static_cast<uint32_t>(s.size());
  const char len[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
  out.append(len, 4).append(s);
}

template <class T, class Key>
std::vector<const T*> SortedBy(const std::vector<T>& items, Key key) {
  std::vector<const T*> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(&item);
  std::sort(out.begin(), out.end(), [&](const T* a, const T* b) { return key(*a) < key(*b); });
  return out;
}

}  // namespace

std::optional<std::string> CanonicalRatio(const std::string& text) {
  std::string s = text;
  if (s == "1") return s;
  bool one = s.starts_with("1.");
  if (!one && !s.starts_with("0.")) return std::nullopt;
  std::string frac = s.substr(2);
  if (frac.empty() || frac.size() > 6 ||
      frac.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  if (one && frac.find_first_not_of('0') != std::string::npos) return std::nullopt;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "0") return std::nullopt;  // zero is not a ratio
  return s;
}

uint64_t SampleSize(const Stratum& stratum, uint64_t population) {
  if (stratum.count) return *stratum.count;
  // The request keeps the ratio as written ("1.000"); the arithmetic needs the canonical form.
  const std::string ratio = CanonicalRatio(*stratum.ratio).value_or("0.0");
  if (ratio == "1") return population;
  std::string frac = ratio.substr(2);
  uint64_t p = std::stoull(frac);
  uint64_t scale = 1;
  for (size_t digit_idx = 0; digit_idx < frac.size(); ++digit_idx) scale *= 10;
  return (population * p + scale - 1) / scale;
}

Status Validate(const Request& r) {
  SSJ_TRY(CheckFields(r));
  auto pool = Canonicalize(r);
  return pool.ok() ? OkStatus() : pool.take_error();
}

Status CheckFields(const Request& r) {
  SSJ_TRY(CheckText("task_id", r.task_id, 1, 128));
  if (!IsDate(r.draw_date))
    return Error::InvalidField("draw_date", "日期格式应为 YYYY-MM-DD", r.draw_date.substr(0, 32));
  if (r.strata.empty() || r.strata.size() > 1000)
    return Error::InvalidField("strata", "分层数应为 1–1000");
  std::unordered_map<std::string_view, uint64_t> population;
  for (size_t idx = 0; idx < r.strata.size(); ++idx) {
    const Stratum& s = r.strata[idx];
    SSJ_TRY(CheckText(Field("strata", idx, "id"), s.id, 1, 64));
    if (population.count(s.id))
      return Error::InvalidField(Field("strata", idx, "id"), "分层编号重复", s.id);
    population[s.id] = 0;
    if (s.ratio.has_value() == s.count.has_value()) {
      return Error::InvalidField(Field("strata", idx, "ratio"),
                                 "每个分层须且只能给出 ratio 或 count 之一", s.id);
    }
    if (s.ratio && !CanonicalRatio(*s.ratio)) {
      return Error::InvalidField(Field("strata", idx, "ratio"),
                                 "比例应为 (0, 1] 之间、最多 6 位小数的十进制文本，如 \"0.03\"",
                                 *s.ratio);
    }
  }
  const TargetPool& targets = r.targets;
  if (targets.empty()) return Error::InvalidField("targets", "检查对象名单为空");
  if (targets.size() > kMaxTargets) {
    return Error::InvalidField("targets", "检查对象数超过上限 " + std::to_string(kMaxTargets),
                               std::to_string(targets.size()));
  }
  // Strata and regions repeat: each distinct value is checked once, then one pass over the
  // codes (field names are only built for an error) reports the first bad row.
  std::vector<uint8_t> bad_stratum, bad_region;
  for (const std::string& name : targets.stratum_names())
    bad_stratum.push_back(!population.count(name));
  for (const std::string& name : targets.region_names()) bad_region.push_back(!TextOk(name, 0, 16));
  // Two halves in parallel find their first bad row and count the strata; the error is then
  // built from the first bad row overall.
  const size_t n = targets.size(), half = n / 2;
  PaddedArray half_counts[2] = {PaddedArray(bad_stratum.size()), PaddedArray(bad_stratum.size())};
  size_t first_bad[2] = {SIZE_MAX, SIZE_MAX};
  ParallelFor(2, [&](size_t part) {
    PaddedArray& counts = half_counts[part];
    for (size_t idx = part == 0 ? 0 : half, to = part == 0 ? half : n; idx < to; ++idx) {
      // Most codes are short ASCII, which the record alone shows: inline codes hold no NUL, so
      // a non-zero first byte means a code of 1 to 24 bytes.
      const TargetPool::Record& record = targets.record(idx);
      uint64_t words[3];
      std::memcpy(words, record.prefix, sizeof words);
      const bool short_ascii = !(record.region & TargetPool::kOverflow) && record.prefix[0] != 0 &&
                               !((words[0] | words[1] | words[2]) & 0x8080808080808080);
      if (!short_ascii) {
        std::string_view code = targets.code(idx);
        if (code.empty() || code.size() > 64 || !ValidUtf8(code)) {
          first_bad[part] = idx;
          break;
        }
      }
      if (bad_region[targets.region_id(idx)] || bad_stratum[targets.stratum_id(idx)]) {
        first_bad[part] = idx;
        break;
      }
      ++counts[targets.stratum_id(idx)];
    }
  });
  if (size_t idx = std::min(first_bad[0], first_bad[1]); idx != SIZE_MAX) {
    SSJ_TRY(CheckText(Field("targets", idx, "code"), std::string(targets.code(idx)), 1, 64));
    SSJ_TRY(CheckText(Field("targets", idx, "region"), targets.region(idx), 0, 16));
    return Error::InvalidField(Field("targets", idx, "stratum"), "未声明的分层",
                               targets.stratum(idx).substr(0, 64));
  }
  std::vector<uint64_t> counts(bad_stratum.size(), 0);
  for (size_t id = 0; id < counts.size(); ++id)
    counts[id] = half_counts[0][id] + half_counts[1][id];
  for (size_t id = 0; id < counts.size(); ++id) {
    if (!bad_stratum[id]) population[targets.stratum_names()[id]] = counts[id];
  }
  for (size_t idx = 0; idx < r.strata.size(); ++idx) {
    const Stratum& s = r.strata[idx];
    uint64_t n = population[s.id];
    if (n == 0) return Error::InvalidField(Field("strata", idx, "id"), "该分层没有检查对象", s.id);
    if (s.count && (*s.count < 1 || *s.count > n)) {
      return Error::InvalidField(Field("strata", idx, "count"),
                                 "抽取数量应为 1 至该分层对象数 " + std::to_string(n),
                                 std::to_string(*s.count));
    }
  }
  std::set<std::string> inspector_ids;
  for (size_t idx = 0; idx < r.inspectors.size(); ++idx) {
    const Inspector& i = r.inspectors[idx];
    SSJ_TRY(CheckText(Field("inspectors", idx, "id"), i.id, 1, 64));
    SSJ_TRY(CheckText(Field("inspectors", idx, "name"), i.name, 0, 64));
    SSJ_TRY(CheckText(Field("inspectors", idx, "department"), i.department, 1, 64));
    SSJ_TRY(CheckText(Field("inspectors", idx, "region"), i.region, 0, 16));
    for (const auto& specialty : i.specialties)
      SSJ_TRY(CheckText(Field("inspectors", idx, "specialties"), specialty, 1, 64));
    if (!IsDate(i.certificate_valid_until)) {
      return Error::InvalidField(Field("inspectors", idx, "certificate_valid_until"),
                                 "日期格式应为 YYYY-MM-DD",
                                 i.certificate_valid_until.substr(0, 32));
    }
    if (i.capacity > 1000)
      return Error::InvalidField(Field("inspectors", idx, "capacity"), "容量应为 0–1000",
                                 std::to_string(i.capacity));
    if (!inspector_ids.insert(i.id).second)
      return Error::InvalidField(Field("inspectors", idx, "id"), "检查人员编号重复", i.id);
  }
  // Codes are looked up only for conflicts and replacements (a few), not for the whole pool.
  std::unordered_set<std::string_view> codes;
  if (!r.conflicts.empty() || !r.replacements.empty() || !r.recusals.empty()) {
    codes.reserve(targets.size());
    for (size_t idx = 0; idx < targets.size(); ++idx) codes.insert(targets.code(idx));
  }
  for (size_t idx = 0; idx < r.conflicts.size(); ++idx) {
    const Conflict& c = r.conflicts[idx];
    if (!inspector_ids.count(c.inspector)) {
      return Error::InvalidField(Field("conflicts", idx, "inspector"),
                                 "利害关系中的检查人员不在名单中", c.inspector.substr(0, 64));
    }
    if (!codes.count(c.target)) {
      return Error::InvalidField(Field("conflicts", idx, "target"),
                                 "利害关系中的检查对象不在名单中", c.target.substr(0, 64));
    }
    SSJ_TRY(CheckText(Field("conflicts", idx, "reason"), c.reason, 0, 512));
  }
  if (r.team) {
    const Team& team = *r.team;
    if (team.size < 2 || team.size > 10)
      return Error::InvalidField("team.size", "每组人数应为 2–10（法规要求不少于 2 人）",
                                 std::to_string(team.size));
    if (team.departments.empty() || team.departments.size() > 10)
      return Error::InvalidField("team.departments", "参与部门应为 1–10 个");
    if (team.departments.size() > team.size) {
      return Error::InvalidField("team.departments",
                                 "参与部门数（" + std::to_string(team.departments.size()) +
                                     "）多于每组人数（" + std::to_string(team.size) +
                                     "），无法每个部门各出一人");
    }
    std::set<std::string> departments;
    for (size_t idx = 0; idx < team.departments.size(); ++idx) {
      const auto& d = team.departments[idx];
      SSJ_TRY(CheckText(Field("team.departments", idx, "code"), d.code, 1, 64));
      if (d.specialty)
        SSJ_TRY(CheckText(Field("team.departments", idx, "specialty"), *d.specialty, 1, 64));
      if (!departments.insert(d.code).second)
        return Error::InvalidField(Field("team.departments", idx, "code"), "部门重复", d.code);
    }
    if (!departments.count(team.lead_department)) {
      return Error::InvalidField("team.lead_department", "组长所在部门须为参与部门之一",
                                 team.lead_department.substr(0, 64));
    }
    if (team.region_rule != "same_region" && team.region_rule != "any") {
      return Error::InvalidField("team.region_rule", "区域规则应为 same_region 或 any",
                                 team.region_rule.substr(0, 32));
    }
  }
  SSJ_TRY(CheckPublicInput(r.public_input, "public_input"));
  if (Commitment(r.secret) != r.commitment) {
    Error e = Error::InvalidField("secret", "揭示的部门密钥与事先公布的承诺值不符，拒绝抽取");
    e.details["commitment"] = Hex(r.commitment);
    return e;
  }
  for (size_t idx = 0; idx < r.recusals.size(); ++idx) {
    const Recusal& rec = r.recusals[idx];
    if (!r.team)
      return Error::InvalidField(Field("recusals", idx, "kind"), "没有检查组的抽取不能申报回避");
    if (!inspector_ids.count(rec.inspector)) {
      return Error::InvalidField(Field("recusals", idx, "inspector"), "回避的检查人员不在名单中",
                                 rec.inspector.substr(0, 64));
    }
    SSJ_TRY(CheckText(Field("recusals", idx, "reason"), rec.reason, 1, 512));
    if (rec.kind == "swap") {
      if (!inspector_ids.count(rec.with_inspector)) {
        return Error::InvalidField(Field("recusals", idx, "with_inspector"),
                                   "交换对象的检查人员不在名单中",
                                   rec.with_inspector.substr(0, 64));
      }
      if (!codes.count(rec.target))
        return Error::InvalidField(Field("recusals", idx, "target"), "检查对象不在名单中",
                                   rec.target.substr(0, 64));
      if (!codes.count(rec.with_target)) {
        return Error::InvalidField(Field("recusals", idx, "with_target"), "检查对象不在名单中",
                                   rec.with_target.substr(0, 64));
      }
      if (rec.target == rec.with_target)
        return Error::InvalidField(Field("recusals", idx, "with_target"),
                                   "交换须在两个不同的检查对象之间");
    } else if (rec.kind == "withdraw") {
      SSJ_TRY(
          CheckPublicInput(rec.public_input, "recusals[" + std::to_string(idx) + "].public_input"));
    } else {
      return Error::InvalidField(Field("recusals", idx, "kind"),
                                 "回避方式应为 swap（交换检查对象）或 withdraw（退出本次检查）",
                                 rec.kind.substr(0, 32));
    }
  }
  for (size_t idx = 0; idx < r.replacements.size(); ++idx) {
    if (!codes.count(r.replacements[idx].target)) {
      return Error::InvalidField(Field("replacements", idx, "target"), "被替换的检查对象不在名单中",
                                 r.replacements[idx].target.substr(0, 64));
    }
    SSJ_TRY(CheckText(Field("replacements", idx, "reason"), r.replacements[idx].reason, 1, 512));
  }
  return OkStatus();
}

Digest PoolDigest(const Request& r) {
  auto pool = Canonicalize(r);
  return PoolDigest(r, pool.value());
}

Digest PoolDigest(const Request& r, const CanonicalPool& pool) {
  // Regions repeat: each one's encoding is built once.
  std::vector<std::string> regions;
  for (const std::string& region : r.targets.region_names())
    AppendStr(regions.emplace_back(), region);
  // Stratum digests are independent: hash them in parallel.
  std::vector<Digest> stratum_digests(pool.strata.size());
  ParallelFor(pool.strata.size(), [&](size_t idx) {
    const Stratum* s = pool.strata[idx];
    const auto& members = pool.members(idx);
    Hasher h;
    h.Tag("stratum").Str(s->id);
    if (s->ratio) {
      h.U8(1).Str(*CanonicalRatio(*s->ratio));
    } else {
      h.U8(2).U32(*s->count);
    }
    h.U32(static_cast<uint32_t>(members.size()));
    // str(code) ‖ str(region) per target, gathered into blocks: one SHA-256 update per target
    // field would cost more than the hashing itself.
    std::string block;
    block.reserve(kDigestBlock + 256);
    for (const CanonicalEntry& member : members) {
      AppendStr(block, CanonicalPool::Code(r.targets, member));
      block.append(regions[member.region & ~TargetPool::kOverflow]);
      if (block.size() >= kDigestBlock) {
        h.Bytes(block);
        block.clear();
      }
    }
    h.Bytes(block);
    stratum_digests[idx] = h.Finish();
  });
  Hasher h;
  h.Tag("pool").Str(r.task_id).Str(r.draw_date);
  h.U32(static_cast<uint32_t>(pool.strata.size()));
  for (const Digest& d : stratum_digests) h.Raw(d);
  if (!r.team) {
    h.U8(0);
  } else {
    const Team& team = *r.team;
    h.U8(1).U32(team.size).Str(team.lead_department).Str(team.region_rule);
    auto departments = SortedBy(
        team.departments, [](const TeamDepartment& d) -> const std::string& { return d.code; });
    h.U32(static_cast<uint32_t>(departments.size()));
    for (const TeamDepartment* d : departments) h.Str(d->code).OptStr(d->specialty);
  }
  auto inspectors =
      SortedBy(r.inspectors, [](const Inspector& i) -> const std::string& { return i.id; });
  h.U32(static_cast<uint32_t>(inspectors.size()));
  for (const Inspector* i : inspectors) {
    std::set<std::string> specialties(i->specialties.begin(), i->specialties.end());
    h.Str(i->id)
        .Str(i->name)
        .Str(i->department)
        .Str(i->region)
        .U32(static_cast<uint32_t>(specialties.size()));
    for (const auto& specialty : specialties) h.Str(specialty);
    h.Str(i->certificate_valid_until).U32(i->capacity);
  }
  std::set<std::pair<std::string, std::string>> conflicts;
  for (const Conflict& c : r.conflicts) conflicts.emplace(c.inspector, c.target);
  h.U32(static_cast<uint32_t>(conflicts.size()));
  for (const auto& [inspector, target] : conflicts) h.Str(inspector).Str(target);
  return h.Finish();
}

Digest Commitment(const Digest& secret) { return Hasher().Tag("commit").Raw(secret).Finish(); }

Digest Seed(const Request& r, const Digest& pool_digest) {
  const PublicInput& p = r.public_input;
  return Hasher()
      .Tag("seed")
      .Str(r.task_id)
      .Raw(pool_digest)
      .Raw(r.secret)
      .Str(p.kind)
      .Str(p.source)
      .Str(p.round)
      .Str(p.value)
      .Finish();
}

Digest TargetTicket(const Digest& seed, const std::string& stratum, const std::string& code) {
  return TicketHasher(seed, stratum).Ticket(code);
}

Result<Outcome> Draw(const Request& r, std::vector<Shortfall>* shortfalls) {
  SSJ_TRY(CheckFields(r));
  SSJ_ASSIGN(CanonicalPool pool, Canonicalize(r));
  Outcome out;
  out.pool_digest = PoolDigest(r, pool);
  out.commitment = r.commitment;
  out.seed = Seed(r, out.pool_digest);

  // §6, one stratum per task: tickets, then only the k + R smallest are ordered.
  const TargetPool& targets = r.targets;
  struct Ranked {
    Digest ticket;
    uint32_t idx;
  };
  auto less = [&](const Ranked& a, const Ranked& b) {
    return a.ticket != b.ticket ? a.ticket < b.ticket : targets.code(a.idx) < targets.code(b.idx);
  };
  out.strata.resize(pool.strata.size());
  std::vector<std::vector<Ranked>> kept(pool.strata.size());  // selected, then reserves
  ParallelFor(pool.strata.size(), [&](size_t h) {
    const Stratum* s = pool.strata[h];
    const auto& members = pool.members(h);
    StratumResult& result = out.strata[h];
    result.id = s->id;
    result.population = members.size();
    result.k = SampleSize(*s, result.population);
    uint64_t reserves =
        std::min<uint64_t>(result.population - result.k, std::max<uint64_t>(result.k, 10));
    const uint64_t keep = result.k + reserves;
    // Tickets are ranked by their first 64 bits, and only the candidates (every ticket whose
    // prefix is at most that of the keep-th smallest) are ordered exactly, by full ticket and
    // code. Tickets are uniform, so a threshold a quarter above the expected keep-th prefix
    // lets the first pass keep only about keep × 1.25 of them; should fewer pass (it does not
    // happen in practice), every prefix is kept instead. The outcome is the same either way.
    TicketHasher hasher(out.seed, s->id);
    const double share =
        (1.25 * static_cast<double>(keep) + 64) / static_cast<double>(members.size());
    const uint64_t threshold = share >= 1 ? UINT64_MAX : static_cast<uint64_t>(share * 0x1p64);
    std::vector<std::pair<uint64_t, uint32_t>> prefixes;  // (prefix, position)
    auto rank_prefixes = [&](uint64_t limit) {
      prefixes.clear();
      constexpr size_t kBatch = 256;
      std::string_view codes[kBatch];
      uint64_t batch[kBatch];
      for (size_t from = 0; from < members.size(); from += kBatch) {
        const size_t n = std::min(kBatch, members.size() - from);
        for (size_t i = 0; i < n; ++i) codes[i] = CanonicalPool::Code(targets, members[from + i]);
        hasher.Prefixes(codes, n, batch);
        for (size_t i = 0; i < n; ++i) {
          if (batch[i] <= limit) prefixes.emplace_back(batch[i], static_cast<uint32_t>(from + i));
        }
      }
    };
    rank_prefixes(threshold);
    if (prefixes.size() < keep) rank_prefixes(UINT64_MAX);
    if (keep < prefixes.size()) {
      auto by_prefix = [](const auto& a, const auto& b) { return a.first < b.first; };
      std::nth_element(prefixes.begin(), prefixes.begin() + (keep - 1), prefixes.end(), by_prefix);
      const uint64_t boundary = prefixes[keep - 1].first;
      auto tail = std::partition(prefixes.begin() + keep, prefixes.end(),
                                 [&](const auto& p) { return p.first == boundary; });
      prefixes.erase(tail, prefixes.end());
    }
    std::vector<Ranked> ranked;
    ranked.reserve(prefixes.size());
    for (const auto& [prefix, pos] : prefixes) {
      ranked.push_back(
          {hasher.Ticket(CanonicalPool::Code(targets, members[pos])), members[pos].idx});
    }
    std::sort(ranked.begin(), ranked.end(), less);
    ranked.resize(std::min<uint64_t>(keep, ranked.size()));
    for (uint64_t rank = 0; rank < ranked.size(); ++rank) {
      Pick pick{std::string(targets.code(ranked[rank].idx)), ranked[rank].ticket};
      (rank < result.k ? result.selected : result.reserves).push_back(std::move(pick));
    }
    kept[h] = std::move(ranked);
  });
  std::vector<std::pair<Digest, uint32_t>> selected_all;
  std::unordered_map<std::string_view, size_t> stratum_index;
  for (size_t h = 0; h < kept.size(); ++h) {
    stratum_index[pool.strata[h]->id] = h;
    for (uint64_t rank = 0; rank < out.strata[h].k; ++rank)
      selected_all.emplace_back(kept[h][rank].ticket, kept[h][rank].idx);
  }

  // §8: replacements take the next unused reserve of the stratum, in order.
  std::vector<size_t> next_reserve(kept.size(), 0);
  std::set<std::string> replaced;
  std::vector<std::pair<std::string, Target>> team_replacements;
  for (size_t idx = 0; idx < r.replacements.size(); ++idx) {
    const Replacement& rep = r.replacements[idx];
    auto it = std::find_if(selected_all.begin(), selected_all.end(),
                           [&](const auto& e) { return targets.code(e.second) == rep.target; });
    if (it == selected_all.end()) {
      return Error::InvalidField(Field("replacements", idx, "target"),
                                 "被替换的对象不在本次抽中名单中", rep.target);
    }
    if (!replaced.insert(rep.target).second) {
      return Error::InvalidField(Field("replacements", idx, "target"), "同一对象不能替换两次",
                                 rep.target);
    }
    const std::string& stratum_id = targets.stratum(it->second);
    size_t h = stratum_index.at(stratum_id);
    size_t& next = next_reserve[h];
    if (next >= out.strata[h].reserves.size()) {
      return Error{ErrorKind::kConflict,
                   "draw.reserves_exhausted",
                   "分层 " + stratum_id + " 的备选对象已用完",
                   {}};
    }
    uint32_t reserve = kept[h][out.strata[h].k + next++].idx;
    out.replacements.push_back(
        {rep.target, rep.reason, stratum_id, std::string(targets.code(reserve))});
    team_replacements.emplace_back(rep.target, targets.at(reserve));
  }

  if (r.team) {
    std::sort(selected_all.begin(), selected_all.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first
                                : targets.code(a.second) < targets.code(b.second);
    });
    std::vector<Target> order;
    order.reserve(selected_all.size());
    for (const auto& [ticket, idx] : selected_all) order.push_back(targets.at(idx));
    SSJ_ASSIGN(auto assignment, AssignTeams(r, out.seed, order, team_replacements, shortfalls));
    out.teams = std::move(assignment.teams);
    out.loads = std::move(assignment.loads);
    out.phase2_slots = assignment.phase2_slots;
    out.recusals = std::move(assignment.recusals);
  }
  return out;
}

}  // namespace ssj::draw

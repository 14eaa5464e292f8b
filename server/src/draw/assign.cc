#include "draw/assign.h"

#include <algorithm>
#include <boost/json.hpp>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "codes/divisions.h"
#include "draw/encoding.h"

namespace ssj::draw {
namespace {

constexpr int kNone = -1;

struct Person {
  const Inspector* inspector;
  int department;  // index into the sorted team departments
  uint32_t capacity;
  uint32_t load = 0;
};

// One candidate list (a slot class), and for each region its positions in that list, so that
// "scan C from offset o, skipping those in other regions" is a walk over a sorted position set.
struct ClassList {
  std::vector<int> people;  // person indices in iticket order
  std::unordered_map<std::string, std::vector<int>> positions_by_region;
  // Positions whose person is below the soft cap / below capacity, per region key.
  std::unordered_map<std::string, std::set<int>> below_soft;
  std::unordered_map<std::string, std::set<int>> below_cap;
};

class Assigner {
 public:
  Assigner(const Request& r, const Digest& seed, std::vector<Target> order,
           const std::vector<std::pair<std::string, Target>>& replacements)
      : r_(r), team_(*r.team), seed_(seed), order_(std::move(order)), replacements_(replacements) {}

  Result<Assignment> Run(std::vector<Shortfall>* shortfalls);

 private:
  void Prepare();
  void RebuildLists();  // positions and availability sets from lists_[*].people and loads
  Status ApplyReplacements(std::vector<Shortfall>* shortfalls);
  Status ApplyRecusals(std::vector<RecusalResult>* results, std::vector<Shortfall>* shortfalls);
  Status Refill(std::vector<std::pair<int, uint32_t>> vacant, std::vector<Shortfall>* shortfalls);
  const std::string& RegionKey(const std::string& region) const {
    static const std::string kAll;
    return same_region_ ? region : kAll;
  }
  bool Fits(int person, int target) const;
  bool InTeam(int person, int target) const;
  int ClassOf(uint32_t slot) const;  // index into lists_
  uint64_t Offset(int target, uint32_t slot, size_t n) const;
  void Place(int target, uint32_t slot, int person);
  void Unplace(int target, uint32_t slot);
  void UpdateAvailability(int person);
  bool Greedy(int target, uint32_t slot);
  bool Augment(int target, uint32_t slot);
  std::vector<int> ScanOrder(int target, uint32_t slot) const;
  void Explain(const std::vector<std::pair<int, uint32_t>>& vacant,
               std::vector<Shortfall>* out) const;
  std::string ClassLabel(uint32_t slot) const;

  const Request& r_;
  const Team& team_;
  Digest seed_;
  Digest scan_seed_;  // seed of the slot scans: the draw's seed, or a withdrawal's wseed (§9)
  std::vector<Target> order_;  // target order; replacements take their place (§8)
  const std::vector<std::pair<std::string, Target>>& replacements_;
  bool same_region_ = true;
  uint32_t size_ = 0;
  std::vector<const TeamDepartment*> departments_;  // sorted by code
  int lead_ = 0;
  std::vector<int> slot_department_;  // per slot: department index, or kNone for "any"
  std::vector<Person> people_;
  std::vector<ClassList> lists_;                  // one per department, then "any" last
  std::vector<std::vector<int>> list_positions_;  // per list: person -> position (or -1)
  uint32_t soft_cap_ = 0;
  std::unordered_set<std::string> conflicts_;  // inspector id + '\0' + target code
  std::vector<std::vector<int>> team_slots_;   // per target, per slot: person or kNone
  std::vector<std::vector<std::pair<int, uint32_t>>> held_;  // per person: (target, slot)
};

void Assigner::RebuildLists() {
  list_positions_.assign(lists_.size(), std::vector<int>(people_.size(), -1));
  for (size_t list_idx = 0; list_idx < lists_.size(); ++list_idx) {
    ClassList& list = lists_[list_idx];
    list.positions_by_region.clear();
    list.below_soft.clear();
    list.below_cap.clear();
    for (size_t pos = 0; pos < list.people.size(); ++pos) {
      int person = list.people[pos];
      const Person& p = people_[person];
      const std::string& key = RegionKey(p.inspector->region);
      list.positions_by_region[key].push_back(static_cast<int>(pos));
      if (p.load < std::min(soft_cap_, p.capacity))
        list.below_soft[key].insert(static_cast<int>(pos));
      if (p.load < p.capacity) list.below_cap[key].insert(static_cast<int>(pos));
      list_positions_[list_idx][person] = static_cast<int>(pos);
    }
  }
}

void Assigner::Prepare() {
  scan_seed_ = seed_;
  same_region_ = team_.region_rule == "same_region";
  size_ = team_.size;
  for (const auto& d : team_.departments) departments_.push_back(&d);
  std::sort(departments_.begin(), departments_.end(),
            [](auto* a, auto* b) { return a->code < b->code; });
  std::map<std::string, int> department_index;
  for (size_t d = 0; d < departments_.size(); ++d)
    department_index[departments_[d]->code] = static_cast<int>(d);
  lead_ = department_index.at(team_.lead_department);
  // Slot 0 lead; then the other departments in code order; then "any".
  slot_department_.push_back(lead_);
  for (size_t d = 0; d < departments_.size(); ++d) {
    if (static_cast<int>(d) != lead_) slot_department_.push_back(static_cast<int>(d));
  }
  while (slot_department_.size() < size_) slot_department_.push_back(kNone);

  // Available inspectors (static eligibility), with their tickets.
  std::vector<std::pair<Digest, int>> ranked;
  for (const Inspector& i : r_.inspectors) {
    auto it = department_index.find(i.department);
    if (it == department_index.end() || i.capacity < 1 || i.certificate_valid_until < r_.draw_date)
      continue;
    const auto& specialty = departments_[it->second]->specialty;
    if (specialty &&
        std::find(i.specialties.begin(), i.specialties.end(), *specialty) == i.specialties.end())
      continue;
    people_.push_back(Person{&i, it->second, i.capacity, 0});
    ranked.emplace_back(Hasher().Tag("inspector").Raw(seed_).Str(i.id).Finish(),
                        static_cast<int>(people_.size()) - 1);
  }
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first
                              : people_[a.second].inspector->id < people_[b.second].inspector->id;
  });
  lists_.resize(departments_.size() + 1);
  for (const auto& [ticket, person] : ranked) {
    lists_[people_[person].department].people.push_back(person);
    lists_.back().people.push_back(person);
  }
  size_t total_slots = order_.size() * size_;
  size_t any_count = lists_.back().people.size();
  soft_cap_ = any_count == 0 ? 0 : static_cast<uint32_t>((total_slots + any_count - 1) / any_count);
  RebuildLists();
  for (const Conflict& c : r_.conflicts) conflicts_.insert(c.inspector + '\0' + c.target);
  team_slots_.assign(order_.size(), std::vector<int>(size_, kNone));
  held_.assign(people_.size(), {});
}

bool Assigner::Fits(int person, int target) const {
  const Inspector& i = *people_[person].inspector;
  const Target& t = order_[target];
  if (same_region_ && i.region != t.region) return false;
  return !conflicts_.count(i.id + '\0' + t.code);
}

bool Assigner::InTeam(int person, int target) const {
  const auto& slots = team_slots_[target];
  return std::find(slots.begin(), slots.end(), person) != slots.end();
}

int Assigner::ClassOf(uint32_t slot) const {
  int d = slot_department_[slot];
  return d == kNone ? static_cast<int>(lists_.size()) - 1 : d;
}

uint64_t Assigner::Offset(int target, uint32_t slot, size_t n) const {
  Digest d = Hasher().Tag("slot").Raw(scan_seed_).Str(order_[target].code).U32(slot).Finish();
  return Prefix64(d) % n;
}

void Assigner::UpdateAvailability(int person) {
  const Person& p = people_[person];
  const std::string& key = RegionKey(p.inspector->region);
  for (size_t list_idx = 0; list_idx < lists_.size(); ++list_idx) {
    int pos = list_positions_[list_idx][person];
    if (pos < 0) continue;
    ClassList& list = lists_[list_idx];
    if (p.load < std::min(soft_cap_, p.capacity))
      list.below_soft[key].insert(pos);
    else
      list.below_soft[key].erase(pos);
    if (p.load < p.capacity)
      list.below_cap[key].insert(pos);
    else
      list.below_cap[key].erase(pos);
  }
}

void Assigner::Place(int target, uint32_t slot, int person) {
  team_slots_[target][slot] = person;
  held_[person].emplace_back(target, slot);
  people_[person].load = static_cast<uint32_t>(held_[person].size());
  UpdateAvailability(person);
}

void Assigner::Unplace(int target, uint32_t slot) {
  int person = team_slots_[target][slot];
  if (person == kNone) return;
  auto& held = held_[person];
  held.erase(std::find(held.begin(), held.end(), std::make_pair(target, slot)));
  people_[person].load = static_cast<uint32_t>(held.size());
  team_slots_[target][slot] = kNone;
  UpdateAvailability(person);
}

bool Assigner::Greedy(int target, uint32_t slot) {
  ClassList& list = lists_[ClassOf(slot)];
  if (list.people.empty()) return false;
  const std::string& key = RegionKey(order_[target].region);
  int offset = static_cast<int>(Offset(target, slot, list.people.size()));
  for (auto* sets : {&list.below_soft, &list.below_cap}) {
    auto found = sets->find(key);
    if (found == sets->end()) continue;
    const std::set<int>& positions = found->second;
    // Cyclic walk from the offset over the positions that still have room.
    auto start = positions.lower_bound(offset);
    for (int round = 0; round < 2; ++round) {
      auto begin = round == 0 ? start : positions.begin();
      auto end = round == 0 ? positions.end() : start;
      for (auto it = begin; it != end; ++it) {
        int person = list.people[*it];
        if (!Fits(person, target) || InTeam(person, target)) continue;
        Place(target, slot, person);
        return true;
      }
    }
  }
  return false;
}

std::vector<int> Assigner::ScanOrder(int target, uint32_t slot) const {
  const ClassList& list = lists_[ClassOf(slot)];
  std::vector<int> out;
  if (list.people.empty()) return out;
  auto found = list.positions_by_region.find(RegionKey(order_[target].region));
  if (found == list.positions_by_region.end()) return out;
  const std::vector<int>& positions = found->second;  // ascending
  int offset = static_cast<int>(Offset(target, slot, list.people.size()));
  auto start = std::lower_bound(positions.begin(), positions.end(), offset);
  for (auto it = start; it != positions.end(); ++it) out.push_back(list.people[*it]);
  for (auto it = positions.begin(); it != start; ++it) out.push_back(list.people[*it]);
  return out;
}

bool Assigner::Augment(int target, uint32_t slot) {
  using SlotRef = std::pair<int, uint32_t>;
  const SlotRef start{target, slot};
  std::deque<SlotRef> queue{start};
  std::vector<bool> seen(people_.size(), false);
  std::map<SlotRef, std::pair<int, SlotRef>>
      parent;  // slot -> (person moving out, slot it moves into)
  while (!queue.empty()) {
    SlotRef vacancy = queue.front();
    queue.pop_front();
    auto [u, k] = vacancy;
    for (int person : ScanOrder(u, k)) {
      if (seen[person] || !Fits(person, u)) continue;
      // Already in u's team: it may change slots inside the team. That uses none of its spare
      // capacity, so it is not marked seen: another vacancy may still need that capacity.
      auto& held = held_[person];
      auto same_target =
          std::find_if(held.begin(), held.end(), [&](const SlotRef& s) { return s.first == u; });
      if (same_target != held.end()) {
        SlotRef other = *same_target;
        if (other != start && !parent.count(other)) {
          parent[other] = {person, vacancy};
          queue.push_back(other);
        }
        continue;
      }
      seen[person] = true;
      if (people_[person].load < people_[person].capacity) {
        // Apply the path: each inspector moves one step towards the start.
        int incoming = person;
        SlotRef cur = vacancy;
        for (;;) {
          if (cur == start) {
            Place(cur.first, cur.second, incoming);
            return true;
          }
          auto [outgoing, prev] = parent.at(cur);
          Unplace(cur.first, cur.second);
          Place(cur.first, cur.second, incoming);
          incoming = outgoing;
          cur = prev;
        }
      }
      std::vector<SlotRef> slots = held;
      std::sort(slots.begin(), slots.end());
      for (const SlotRef& s : slots) {
        if (s != start && !parent.count(s)) {
          parent[s] = {person, vacancy};
          queue.push_back(s);
        }
      }
    }
  }
  return false;
}

std::string Assigner::ClassLabel(uint32_t slot) const {
  int d = slot_department_[slot];
  auto describe = [](const TeamDepartment* dep) {
    std::string s = dep->code;
    if (dep->specialty) s += "，须具备专业「" + *dep->specialty + "」";
    return s;
  };
  if (slot == 0) return "组长（须为 " + describe(departments_[lead_]) + " 人员）";
  if (d != kNone) return "组员（须为 " + describe(departments_[d]) + " 人员）";
  std::string any = "组员（任一参与部门";
  for (const auto* dep : departments_) {
    if (dep->specialty) any += "；" + dep->code + " 人员须具备专业「" + *dep->specialty + "」";
  }
  return any + "）";
}

void Assigner::Explain(const std::vector<std::pair<int, uint32_t>>& vacant,
                       std::vector<Shortfall>* out) const {
  // Group by (region, slot class); report supply against demand in that group.
  std::map<std::pair<std::string, int>, std::vector<std::pair<int, uint32_t>>> groups;
  for (const auto& v : vacant) {
    int cls = v.second == 0 ? -1 : ClassOf(v.second);
    groups[{RegionKey(order_[v.first].region), cls}].push_back(v);
  }
  for (const auto& [key, slots] : groups) {
    const auto& [region, cls] = key;
    uint32_t example_slot = slots.front().second;
    const ClassList& list = lists_[ClassOf(example_slot)];
    Shortfall s;
    s.region = region;
    s.slot_class = example_slot == 0 ? "lead"
                   : slot_department_[example_slot] == kNone
                       ? "any"
                       : "dept:" + departments_[slot_department_[example_slot]]->code;
    auto found = list.positions_by_region.find(region);
    if (found != list.positions_by_region.end()) {
      for (int pos : found->second) {
        ++s.eligible_inspectors;
        s.eligible_capacity += people_[list.people[pos]].capacity;
      }
    }
    uint32_t slots_per_target = 0;
    for (uint32_t slot = 0; slot < size_; ++slot) {
      int c = slot == 0 ? -1 : ClassOf(slot);
      if (c == cls) ++slots_per_target;
    }
    for (const Target& t : order_) {
      if (RegionKey(t.region) == region) ++s.targets;
    }
    s.slots_needed = s.targets * slots_per_target;
    s.slots_unfilled = slots.size();
    std::string where = "全部区域";
    if (same_region_) {
      const codes::Division* division = codes::FindDivision(region);
      where = "区域 " + region + (division ? "（" + division->full_name + "）" : "");
    }
    s.message = where + " " + ClassLabel(example_slot) + "：符合条件的检查人员 " +
                std::to_string(s.eligible_inspectors) + " 名，可承担 " +
                std::to_string(s.eligible_capacity) + " 人次；该范围 " + std::to_string(s.targets) +
                " 个检查对象需要 " + std::to_string(s.slots_needed) + " 人次，仍有 " +
                std::to_string(s.slots_unfilled) +
                " 个岗位无法安排（已计入利害关系回避、证件有效期和每人承担上限）";
    out->push_back(std::move(s));
  }
}

Status Assigner::Refill(std::vector<std::pair<int, uint32_t>> vacant,
                        std::vector<Shortfall>* shortfalls) {
  std::sort(vacant.begin(), vacant.end());
  std::vector<std::pair<int, uint32_t>> left;
  for (const auto& [target, slot] : vacant) {
    if (!Greedy(target, slot)) left.emplace_back(target, slot);
  }
  std::vector<std::pair<int, uint32_t>> unfilled;
  for (const auto& [target, slot] : left) {
    if (!Augment(target, slot)) unfilled.emplace_back(target, slot);
  }
  if (unfilled.empty()) return OkStatus();
  std::vector<Shortfall> found;
  Explain(unfilled, &found);
  Error e{ErrorKind::kConflict, "draw.infeasible", "检查人员退出后，无法按规则补齐检查组", {}};
  boost::json::array lines;
  for (const Shortfall& s : found) lines.push_back(boost::json::value(s.message));
  e.details["shortfalls"] = std::move(lines);
  if (shortfalls) *shortfalls = std::move(found);
  return e;
}

Status Assigner::ApplyReplacements(std::vector<Shortfall>* shortfalls) {
  for (const auto& [old_code, replacement] : replacements_) {
    auto it = std::find_if(order_.begin(), order_.end(),
                           [&](const Target& t) { return t.code == old_code; });
    if (it == order_.end())
      return Error::InvalidField("replacements", "被替换的对象不在本次抽中名单中", old_code);
    int target = static_cast<int>(it - order_.begin());
    std::vector<std::pair<int, uint32_t>> vacant;
    for (uint32_t slot = 0; slot < size_; ++slot) {
      Unplace(target, slot);
      vacant.emplace_back(target, slot);
    }
    order_[target] = replacement;
    SSJ_TRY(Refill(vacant, shortfalls));
  }
  return OkStatus();
}

Status Assigner::ApplyRecusals(std::vector<RecusalResult>* results,
                               std::vector<Shortfall>* shortfalls) {
  if (r_.recusals.empty()) return OkStatus();
  std::unordered_map<std::string, int> person_of, target_of;
  for (size_t person = 0; person < people_.size(); ++person)
    person_of[people_[person].inspector->id] = static_cast<int>(person);
  for (size_t target = 0; target < order_.size(); ++target)
    target_of[order_[target].code] = static_cast<int>(target);
  auto slot_of = [&](int person, int target) -> int {
    const auto& slots = team_slots_[target];
    auto it = std::find(slots.begin(), slots.end(), person);
    return it == slots.end() ? -1 : static_cast<int>(it - slots.begin());
  };
  auto in_list = [&](int person, uint32_t slot) {
    return list_positions_[ClassOf(slot)][person] >= 0;
  };
  for (size_t idx = 0; idx < r_.recusals.size(); ++idx) {
    const Recusal& rec = r_.recusals[idx];
    const std::string at = "recusals[" + std::to_string(idx) + "]";
    RecusalResult result{rec, {}, {}};
    auto person_it = person_of.find(rec.inspector);
    int person = person_it == person_of.end() ? kNone : person_it->second;
    if (rec.kind == "swap") {
      auto other_it = person_of.find(rec.with_inspector);
      auto t_it = target_of.find(rec.target), u_it = target_of.find(rec.with_target);
      int other = other_it == person_of.end() ? kNone : other_it->second;
      int t = t_it == target_of.end() ? kNone : t_it->second,
          u = u_it == target_of.end() ? kNone : u_it->second;
      int k = person == kNone || t == kNone ? -1 : slot_of(person, t);
      int k2 = other == kNone || u == kNone ? -1 : slot_of(other, u);
      if (k < 0)
        return Error::InvalidField(at + ".target", "该检查人员不在此检查对象的检查组中",
                                   rec.target);
      if (k2 < 0)
        return Error::InvalidField(at + ".with_target",
                                   "交换对象的检查人员不在该检查对象的检查组中", rec.with_target);
      if (!in_list(person, k2) || !Fits(person, u) || InTeam(person, u) || !in_list(other, k) ||
          !Fits(other, t) || InTeam(other, t)) {
        return Error::InvalidField(at,
                                   "交换后检查组不再符合规则（部门、区域、利害关系或重复成员）");
      }
      Unplace(t, k);
      Unplace(u, k2);
      Place(t, k, other);
      Place(u, k2, person);
    } else {
      if (person == kNone || held_[person].empty()) {
        return Error::InvalidField(at + ".inspector", "该检查人员不在任何检查组中，无需退出",
                                   rec.inspector);
      }
      const PublicInput& p = rec.public_input;
      result.wseed = Hasher()
                         .Tag("withdraw")
                         .Raw(seed_)
                         .Str(rec.inspector)
                         .Str(p.kind)
                         .Str(p.source)
                         .Str(p.round)
                         .Str(p.value)
                         .Finish();
      std::vector<std::pair<int, uint32_t>> vacant = held_[person];
      for (const auto& [target, slot] : vacant) Unplace(target, slot);
      for (ClassList& list : lists_)
        list.people.erase(std::remove(list.people.begin(), list.people.end(), person),
                          list.people.end());
      RebuildLists();
      scan_seed_ = result.wseed;
      SSJ_TRY(Refill(vacant, shortfalls));
      std::sort(vacant.begin(), vacant.end());
      for (const auto& [target, slot] : vacant) {
        result.refilled.push_back(
            {order_[target].code, slot, people_[team_slots_[target][slot]].inspector->id});
      }
    }
    results->push_back(std::move(result));
  }
  return OkStatus();
}

Result<Assignment> Assigner::Run(std::vector<Shortfall>* shortfalls) {
  Prepare();
  std::vector<std::pair<int, uint32_t>> vacant;
  for (int target = 0; target < static_cast<int>(order_.size()); ++target) {
    for (uint32_t slot = 0; slot < size_; ++slot) {
      if (!Greedy(target, slot)) vacant.emplace_back(target, slot);
    }
  }
  std::vector<std::pair<int, uint32_t>> unfilled;
  uint64_t augmented = 0;
  for (const auto& [target, slot] : vacant) {
    if (Augment(target, slot)) {
      ++augmented;
    } else {
      unfilled.emplace_back(target, slot);
    }
  }
  if (!unfilled.empty()) {
    std::vector<Shortfall> found;
    Explain(unfilled, &found);
    Error e{ErrorKind::kConflict,
            "draw.infeasible",
            "检查人员不足，无法按规则为全部抽中对象组成检查组",
            {}};
    boost::json::array lines;
    for (const Shortfall& s : found) lines.push_back(boost::json::value(s.message));
    e.details["shortfalls"] = std::move(lines);
    if (shortfalls) *shortfalls = std::move(found);
    return e;
  }
  std::vector<RecusalResult> recusals;
  SSJ_TRY(ApplyReplacements(shortfalls));
  SSJ_TRY(ApplyRecusals(&recusals, shortfalls));
  Assignment out;
  out.recusals = std::move(recusals);
  out.phase2_slots = augmented;
  for (int target = 0; target < static_cast<int>(order_.size()); ++target) {
    TeamResult team;
    team.target = order_[target].code;
    team.stratum = order_[target].stratum;
    team.region = order_[target].region;
    for (uint32_t slot = 0; slot < size_; ++slot) {
      std::string cls = slot == 0 ? "lead"
                        : slot_department_[slot] == kNone
                            ? "any"
                            : "dept:" + departments_[slot_department_[slot]]->code;
      team.members.push_back({slot, cls, people_[team_slots_[target][slot]].inspector->id});
    }
    out.teams.push_back(std::move(team));
  }
  for (const Person& p : people_) {
    if (p.load > 0) out.loads.emplace_back(p.inspector->id, p.load);
  }
  std::sort(out.loads.begin(), out.loads.end());
  return out;
}

}  // namespace

Result<Assignment> AssignTeams(const Request& request, const Digest& seed,
                               const std::vector<Target>& order,
                               const std::vector<std::pair<std::string, Target>>& replacements,
                               std::vector<Shortfall>* shortfalls) {
  Assigner assigner(request, seed, order, replacements);
  return assigner.Run(shortfalls);
}

}  // namespace ssj::draw

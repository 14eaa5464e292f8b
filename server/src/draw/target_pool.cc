#include "draw/target_pool.h"

namespace ssj::draw {

uint32_t Interner::Intern(std::string_view s) {
  if (last_ != UINT32_MAX && names_[last_] == s) return last_;
  auto it = ids_.find(s);
  if (it == ids_.end()) {
    it = ids_.emplace(std::string(s), static_cast<uint32_t>(names_.size())).first;
    names_.emplace_back(s);
  }
  last_ = it->second;
  return last_;
}

TargetPool::TargetPool(std::initializer_list<Target> targets) {
  for (const Target& t : targets) push_back(t);
}

TargetPool::TargetPool(const std::vector<Target>& targets) {
  size_t bytes = 0;
  for (const Target& t : targets) bytes += t.code.size();
  Reserve(targets.size(), bytes);
  for (const Target& t : targets) push_back(t);
}

void TargetPool::Reserve(size_t targets, size_t code_bytes) {
  arena_.reserve(code_bytes + kSpare);
  offsets_.reserve(targets + 1);
  stratum_ids_.reserve(targets);
  region_ids_.reserve(targets);
}

void TargetPool::Add(std::string_view code, std::string_view stratum, std::string_view region) {
  arena_.insert(arena_.end() - kSpare, code.begin(), code.end());
  offsets_.push_back(arena_.size() - kSpare);
  stratum_ids_.push_back(strata_.Intern(stratum));
  region_ids_.push_back(regions_.Intern(region));
}

std::vector<Target> TargetPool::ToVector() const {
  std::vector<Target> out;
  out.reserve(size());
  for (size_t idx = 0; idx < size(); ++idx) out.push_back(at(idx));
  return out;
}

}  // namespace ssj::draw

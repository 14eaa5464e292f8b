#include "draw/target_pool.h"

#include <algorithm>

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
  Reserve(targets.size());
  for (const Target& t : targets) push_back(t);
}

void TargetPool::Add(std::string_view code, std::string_view stratum, std::string_view region) {
  Record& r = records_.emplace_back();
  std::memset(r.prefix, 0, sizeof r.prefix);
  std::memcpy(r.prefix, code.data(), std::min(code.size(), sizeof r.prefix));
  r.stratum = strata_.Intern(stratum);
  r.region = regions_.Intern(region);
  const bool fits = code.size() <= sizeof r.prefix && code.find('\0') == std::string_view::npos;
  if (!fits) {
    if (long_slot_.empty()) long_slot_.resize(records_.size() - 1);
    long_slot_.push_back(static_cast<uint32_t>(long_offsets_.size() - 1));
    long_arena_.insert(long_arena_.end(), code.begin(), code.end());
    long_offsets_.push_back(long_arena_.size());
    r.region |= kOverflow;
  } else if (!long_slot_.empty()) {
    long_slot_.push_back(0);
  }
}

std::vector<Target> TargetPool::ToVector() const {
  std::vector<Target> out;
  out.reserve(size());
  for (size_t idx = 0; idx < size(); ++idx) out.push_back(at(idx));
  return out;
}

}  // namespace ssj::draw

// The character pairs (bigrams) of a target's name, as the name index stores them (migration
// 0008): a search for a fragment looks up the targets that have the fragment's rarest pair and
// tests each of their names. Pure: the same function serves the indexer and the search, so a
// fragment's pairs are always among its names' pairs.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace ssj::directory {

// Sorted and without repeats. A pair is two Unicode code points, (first << 21) | second, with
// ASCII letters in lower case (SQLite's LIKE ignores their case; PostgreSQL's LIKE then decides).
// Fewer than two characters have no pairs. Bytes that are not UTF-8 count as one character each.
std::vector<int64_t> NameGrams(std::string_view name);

// Whether `fragment` is exactly one pair, spelt the same way on both databases: two UTF-8
// characters, neither an ASCII letter (pairs fold their case, PostgreSQL's LIKE does not). Then a
// name contains the fragment exactly when the index gives it the pair, and a count of the pair's
// entries is the count of matches.
bool IsOnePair(std::string_view fragment);

}  // namespace ssj::directory

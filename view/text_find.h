// view/text_find.h: find in a display text: every match counted, the first million kept.
//
// Index
//   FindResult     the query it answers, the match count, the stored match offsets
//   fold_case      Unicode simple case folding of one code point
//   find_all       non-overlapping matches, left to right, case-sensitive or case-folded
//   find_step      next / previous match index, wrapping around
//   find_nearest   the first match at or after a byte offset (find resumes from where you look)
//   matches_in     the stored matches that touch a byte range (the rows being drawn)
//
// Why a cap: a one-letter query in a 10 MB text can match millions of times. The count stays
// exact (people want to know), but only kMaxStoredMatches offsets are kept to bound memory;
// next/previous then cycle through those, and the view says so.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ssmview {

constexpr std::size_t kMaxStoredMatches = 1000000;

struct FindResult {
    std::string              query;
    bool                     case_sensitive = false;
    std::size_t              count = 0;    // every match in the text
    std::vector<std::size_t> offsets;      // byte offsets of the first kMaxStoredMatches matches
    std::vector<std::uint32_t> lengths;    // their lengths in bytes (folded matches can differ
                                           // from the query's: "k" matches U+212A, 3 bytes)
    std::size_t              longest = 0;  // the longest stored match
    bool capped() const { return count > offsets.size(); }
};

char32_t   fold_case(char32_t c);
FindResult find_all(std::string_view text, std::string_view query, bool case_sensitive,
                    std::size_t max_stored = kMaxStoredMatches);
// (current + delta) modulo the stored matches; -1 when there are none.
int find_step(const FindResult& r, int current, int delta);
// Index of the first stored match at or after `offset`, wrapping to 0; -1 when none.
int find_nearest(const FindResult& r, std::size_t offset);
// [first, last) indices of stored matches overlapping [begin, end).
std::pair<std::size_t, std::size_t> matches_in(const FindResult& r, std::size_t begin, std::size_t end);

}  // namespace ssmview

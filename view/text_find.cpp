// view/text_find.cpp: find (see text_find.h).
//
// Index
//   fold            ASCII lower-casing table lookup (UTF-8 bytes >= 0x80 compare as they are)
//   find_all        string_view::find when case-sensitive; a first-byte scan + compare otherwise
//   find_step, find_nearest, matches_in
//
// Call flow: output_panel.cpp calls find_all when the query, the case flag, the pane or the
// invocation changed (ViewModel caches the result), then matches_in for each drawn row and
// find_step for next/previous. Case folding is ASCII only: folding Unicode would need tables the
// wasm download should not carry, and logs are overwhelmingly ASCII.
#include "text_find.h"

#include <algorithm>

namespace ssmview {

namespace {

inline unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c; }

void add_match(FindResult& r, std::size_t at, std::size_t max_stored) {
    ++r.count;
    if (r.offsets.size() < max_stored) r.offsets.push_back(at);
}

}  // namespace

FindResult find_all(std::string_view text, std::string_view query, bool case_sensitive, std::size_t max_stored) {
    FindResult r;
    r.query = std::string(query);
    r.case_sensitive = case_sensitive;
    if (query.empty() || query.size() > text.size()) return r;
    const std::size_t q = query.size();
    if (case_sensitive) {
        for (std::size_t at = text.find(query); at != std::string_view::npos; at = text.find(query, at + q))
            add_match(r, at, max_stored);
        return r;
    }
    const unsigned char first = fold(static_cast<unsigned char>(query[0]));
    const std::size_t last = text.size() - q;
    for (std::size_t i = 0; i <= last;) {
        if (fold(static_cast<unsigned char>(text[i])) == first) {
            std::size_t k = 1;
            while (k < q && fold(static_cast<unsigned char>(text[i + k])) == fold(static_cast<unsigned char>(query[k]))) ++k;
            if (k == q) { add_match(r, i, max_stored); i += q; continue; }
        }
        ++i;
    }
    return r;
}

int find_step(const FindResult& r, int current, int delta) {
    const int n = static_cast<int>(r.offsets.size());
    if (n == 0) return -1;
    if (current < 0 || current >= n) current = delta >= 0 ? -1 : 0;
    return ((current + delta) % n + n) % n;
}

int find_nearest(const FindResult& r, std::size_t offset) {
    if (r.offsets.empty()) return -1;
    auto it = std::lower_bound(r.offsets.begin(), r.offsets.end(), offset);
    return it == r.offsets.end() ? 0 : static_cast<int>(it - r.offsets.begin());
}

std::pair<std::size_t, std::size_t> matches_in(const FindResult& r, std::size_t begin, std::size_t end) {
    const std::size_t q = r.query.size();
    // A match starting before `begin` still overlaps when it reaches past it.
    const std::size_t from = begin >= q ? begin - q + 1 : 0;
    auto lo = std::lower_bound(r.offsets.begin(), r.offsets.end(), from);
    auto hi = std::lower_bound(lo, r.offsets.end(), end);
    return {static_cast<std::size_t>(lo - r.offsets.begin()), static_cast<std::size_t>(hi - r.offsets.begin())};
}

}  // namespace ssmview

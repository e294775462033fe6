// view/text_find.cpp: find (see text_find.h).
//
// Index
//   fold_case       Unicode simple case folding: A-Z in code, the rest from text_fold_table.inc
//   find_all        string_view::find when case-sensitive; otherwise the query folded once, then
//                   each position whose first byte can start a match compared code point by code
//                   point, folded (matches may differ in bytes from the query: K and U+212A)
//   find_step, find_nearest, matches_in
//
// Call flow: output_panel.cpp calls find_all when the query, the case flag, the pane or the
// invocation changed (ViewModel caches the result), then matches_in for each drawn row and
// find_step for next/previous. Case folding is Unicode's simple folding (CaseFolding.txt C + S:
// É finds é, Σ finds σ and ς), 1,428 pairs, 11 KB; the full folding's one-to-many mappings
// (ß to ss) are left out, as editors' find leaves them out.
#include "text_find.h"

#include <algorithm>

#include "text_cells.h"  // utf8_decode

namespace ssmview {

namespace {

struct FoldPair { char32_t from, to; };
#include "text_fold_table.inc"

inline char32_t fold_ascii(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

void add_match(FindResult& r, std::size_t at, std::size_t length, std::size_t max_stored) {
    ++r.count;
    if (r.offsets.size() < max_stored) {
        r.offsets.push_back(at);
        r.lengths.push_back(static_cast<std::uint32_t>(length));
        r.longest = std::max(r.longest, length);
    }
}

// The folded code point at text[i], moving i past it (ASCII without decoding).
inline char32_t next_folded(std::string_view text, std::size_t& i) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) { ++i; return fold_ascii(b); }
    return fold_case(utf8_decode(text, i));
}

}  // namespace

char32_t fold_case(char32_t c) {
    if (c < 0x80) return fold_ascii(c);
    const FoldPair* end = kFold + sizeof(kFold) / sizeof(kFold[0]);
    const FoldPair* it = std::lower_bound(kFold, end, c, [](const FoldPair& p, char32_t v) { return p.from < v; });
    return it != end && it->from == c ? it->to : c;
}

FindResult find_all(std::string_view text, std::string_view query, bool case_sensitive, std::size_t max_stored) {
    FindResult r;
    r.query = std::string(query);
    r.case_sensitive = case_sensitive;
    if (query.empty()) return r;
    if (case_sensitive) {
        const std::size_t q = query.size();
        if (q > text.size()) return r;
        for (std::size_t at = text.find(query); at != std::string_view::npos; at = text.find(query, at + q))
            add_match(r, at, q, max_stored);
        return r;
    }
    std::vector<char32_t> folded;
    for (std::size_t i = 0; i < query.size();) folded.push_back(next_folded(query, i));
    // Which bytes can start a match: an ASCII byte that folds to the query's first code point, and
    // every lead byte of a longer sequence (U+212A KELVIN SIGN folds to k). Continuation bytes
    // never start one, so matches begin on code points.
    bool can_start[256] = {};
    for (unsigned b = 0; b < 0x80; ++b) can_start[b] = fold_ascii(b) == folded[0];
    for (unsigned b = 0xC0; b < 0x100; ++b) can_start[b] = true;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        if (!can_start[static_cast<unsigned char>(text[i])]) { ++i; continue; }
        std::size_t j = i, k = 0;
        while (k < folded.size() && j < n && next_folded(text, j) == folded[k]) ++k;
        if (k == folded.size()) {
            add_match(r, i, j - i, max_stored);
            i = j;
            continue;
        }
        // Past this code point (a failed non-ASCII start moves over its continuation bytes).
        ++i;
        while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
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
    const std::size_t q = r.longest;
    // A match starting before `begin` still overlaps when it reaches past it.
    const std::size_t from = begin >= q ? begin - q + 1 : 0;
    auto lo = std::lower_bound(r.offsets.begin(), r.offsets.end(), from);
    auto hi = std::lower_bound(lo, r.offsets.end(), end);
    return {static_cast<std::size_t>(lo - r.offsets.begin()), static_cast<std::size_t>(hi - r.offsets.begin())};
}

}  // namespace ssmview

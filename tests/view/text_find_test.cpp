// tests/view/text_find_test.cpp: find (view/text_find.h).
//
// Index
//   matches: case-sensitive, case-folded, non-overlapping, empty and over-long queries
//   Unicode folding: É/é, Σ/σ/ς, Cyrillic, K and the Kelvin sign (matches of other byte lengths),
//             and the folded scan agrees with a plain fold-everything-then-search on ASCII text
//   next / previous wrap around; find starts from the reader's position
//   matches_in: the matches a drawn row must highlight
//   a 200,000-line text: exact count, every match's line, next/previous across the whole text
//   the storage cap keeps the count exact
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "text_find.h"
#include "text_lines.h"

using namespace ssmview;

TEST_CASE("find counts non-overlapping matches, case-sensitive or not", "[find]") {
    const std::string text = "Error: error ERROR errors\naaaa";
    CHECK(find_all(text, "error", true).count == 2);
    CHECK(find_all(text, "error", false).count == 4);
    CHECK(find_all(text, "ERROR", false).offsets == std::vector<std::size_t>{0, 7, 13, 19});
    CHECK(find_all(text, "aa", true).count == 2);  // "aaaa" holds two, not three
    CHECK(find_all(text, "", true).count == 0);
    CHECK(find_all("ab", "abc", true).count == 0);
    CHECK(find_all(text, "error", false).lengths == std::vector<std::uint32_t>{5, 5, 5, 5});
}

TEST_CASE("find folds case across scripts: É finds é, Σ finds σ and ς", "[find][fold]") {
    // Greek: "ΑΣ ας σ" (capital alpha sigma, small alpha final sigma, small sigma)
    const std::string greek = "\xce\x91\xce\xa3 \xce\xb1\xcf\x82 \xcf\x83";
    CHECK(find_all(greek, "\xcf\x83", false).count == 3);          // σ: Σ, ς, σ
    CHECK(find_all(greek, "\xcf\x83", true).count == 1);
    CHECK(find_all(greek, "\xce\xb1\xcf\x83", false).offsets == std::vector<std::size_t>{0, 5});  // ασ: ΑΣ, ας
    CHECK(find_all("CAF\xc3\x89 caf\xc3\xa9", "caf\xc3\xa9", false).count == 2);  // CAFÉ, café
    CHECK(find_all("\xd0\x9f\xd0\xa0\xd0\x9e\xd0\x92\xd0\x95\xd0\xa0\xd0\x9a\xd0\x90", "\xd0\xbf\xd1\x80\xd0\xbe", false).count == 1);  // ПРОВЕРКА / про
    CHECK(fold_case(U'\u00c9') == U'\u00e9');
    CHECK(fold_case(U'\u03a3') == U'\u03c3');
    CHECK(fold_case(U'\u03c2') == U'\u03c3');
    CHECK(fold_case(U'\u65e5') == U'\u65e5');
    CHECK(fold_case(U'\U00010400') == U'\U00010428');  // Deseret: past U+FFFF
}

TEST_CASE("a folded match may be longer or shorter in bytes than the query", "[find][fold]") {
    const std::string text = "5 \xe2\x84\xaa and 5 k";  // U+212A KELVIN SIGN folds to k
    const FindResult r = find_all(text, "k", false);
    REQUIRE(r.count == 2);
    CHECK(r.offsets == std::vector<std::size_t>{2, 12});
    CHECK(r.lengths == std::vector<std::uint32_t>{3, 1});
    CHECK(r.longest == 3);
    // The highlight of a row starting inside the long match still finds it.
    CHECK(matches_in(r, 4, 8) == std::make_pair(std::size_t{0}, std::size_t{1}));
    const FindResult back = find_all("k", "\xe2\x84\xaa", false);
    CHECK(back.count == 1);
    CHECK(back.lengths == std::vector<std::uint32_t>{1});
}

TEST_CASE("on ASCII text the folded scan finds what lower-casing both and searching finds", "[find][fold]") {
    // Two ways to the same answer: the scan, and std::tolower on text and query then find.
    const std::string alphabet = "aAbBkKsS -";
    std::uint32_t seed = 7;
    auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
    for (int round = 0; round < 200; ++round) {
        std::string text, query;
        for (int i = 0; i < 200; ++i) text += alphabet[next() % alphabet.size()];
        for (std::uint32_t i = 0, n = 1 + next() % 4; i < n; ++i) query += alphabet[next() % alphabet.size()];
        std::string lt = text, lq = query;
        for (char& c : lt) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (char& c : lq) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::vector<std::size_t> expect;
        for (std::size_t at = lt.find(lq); at != std::string::npos; at = lt.find(lq, at + lq.size())) expect.push_back(at);
        INFO("text " << text << " query " << query);
        CHECK(find_all(text, query, false).offsets == expect);
    }
}

TEST_CASE("next and previous wrap around the stored matches", "[find]") {
    const FindResult r = find_all("x.x.x", "x", true);
    REQUIRE(r.offsets.size() == 3);
    CHECK(find_step(r, 0, 1) == 1);
    CHECK(find_step(r, 2, 1) == 0);
    CHECK(find_step(r, 0, -1) == 2);
    CHECK(find_step(r, -1, 1) == 0);
    CHECK(find_step(r, 99, -1) == 2);
    CHECK(find_step(find_all("abc", "z", true), 0, 1) == -1);
}

TEST_CASE("find starts at the first match at or after where the reader looks", "[find]") {
    const FindResult r = find_all("x...x...x", "x", true);
    CHECK(find_nearest(r, 0) == 0);
    CHECK(find_nearest(r, 1) == 1);
    CHECK(find_nearest(r, 8) == 2);
    CHECK(find_nearest(r, 9) == 0);  // past the last: wrap to the first
}

TEST_CASE("matches_in returns the matches a row overlaps, including one that began before it", "[find]") {
    const FindResult r = find_all("abcdefabcdef", "cde", true);  // at 2 and 8
    auto [a, b] = matches_in(r, 0, 3);
    CHECK(a == 0);
    CHECK(b == 1);
    std::tie(a, b) = matches_in(r, 3, 8);  // the first match spans 2..5
    CHECK(a == 0);
    CHECK(b == 1);
    std::tie(a, b) = matches_in(r, 5, 8);
    CHECK(a == b);
    std::tie(a, b) = matches_in(r, 0, 12);
    CHECK(b - a == 2);
}

TEST_CASE("find in a 200,000-line text: exact count, each match on its line, next/previous wrap", "[find][large]") {
    std::string text;
    for (int i = 0; i < 200000; ++i) {
        text += "row ";
        text += std::to_string(i);
        text += (i % 1000 == 0) ? " NEEDLE here\n" : " hay hay hay hay hay hay hay hay\n";
    }
    const TextLines lines = index_lines(text);
    const FindResult r = find_all(text, "needle", false);
    REQUIRE(r.count == 200);
    REQUIRE(r.offsets.size() == 200);
    for (std::size_t k = 0; k < r.offsets.size(); ++k) CHECK(line_of_offset(lines, r.offsets[k]) == k * 1000);
    CHECK(find_step(r, 199, 1) == 0);
    CHECK(find_step(r, 0, -1) == 199);
    CHECK(find_nearest(r, lines.starts[150500]) == 151);
    CHECK(find_all(text, "hay", true).count == 199800u * 8u);
}

TEST_CASE("the match count stays exact when storage is capped", "[find]") {
    const std::string text(100000, 'a');
    const FindResult r = find_all(text, "a", true, 1000);
    CHECK(r.count == 100000);
    CHECK(r.offsets.size() == 1000);
    CHECK(r.capped());
    CHECK(find_step(r, 999, 1) == 0);
}

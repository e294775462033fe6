// tests/view/text_find_test.cpp: find (view/text_find.h).
//
// Index
//   matches: case-sensitive, ASCII case-folded, non-overlapping, empty and over-long queries
//   next / previous wrap around; find starts from the reader's position
//   matches_in: the matches a drawn row must highlight
//   a 200,000-line text: exact count, every match's line, next/previous across the whole text
//   the storage cap keeps the count exact
#include <string>

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
    // UTF-8 bytes compare as they are; only ASCII letters fold.
    CHECK(find_all("\xce\x91\xce\xb1", "\xce\xb1", false).count == 1);
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

// tests/view/text_cells_test.cpp: terminal cells per code point (view/text_cells.h).
//
// Index
//   widths      ASCII, Latin, Greek, Cyrillic 1; CJK, Hangul, fullwidth, emoji 2; marks 0
//   counting    utf8_cells over mixed text; utf8_advance_cells at, inside and past wide characters
//   tables      the generated ranges agree with a few code points checked by hand at block edges
#include <string>

#include <catch2/catch.hpp>

#include "text_cells.h"

using namespace ssmview;

TEST_CASE("a code point takes the cells a terminal gives it", "[cells]") {
    CHECK(cell_width(U'a') == 1);
    CHECK(cell_width(U' ') == 1);
    CHECK(cell_width(U'\u00e9') == 1);   // é
    CHECK(cell_width(U'\u03a3') == 1);   // Σ
    CHECK(cell_width(U'\u0416') == 1);   // Ж
    CHECK(cell_width(U'\u05d0') == 1);   // Hebrew alef
    CHECK(cell_width(U'\u0627') == 1);   // Arabic alef
    CHECK(cell_width(U'\u0e01') == 1);   // Thai ko kai
    CHECK(cell_width(U'\u2500') == 1);   // box drawing ─
    CHECK(cell_width(U'\u65e5') == 2);   // 日
    CHECK(cell_width(U'\u3042') == 2);   // あ
    CHECK(cell_width(U'\uac00') == 2);   // 가
    CHECK(cell_width(U'\uff21') == 2);   // fullwidth Ａ
    CHECK(cell_width(U'\U0001F680') == 2);  // 🚀
    CHECK(cell_width(U'\u2705') == 2);   // ✅ (emoji presentation)
    CHECK(cell_width(U'\u2713') == 1);   // ✓ (text presentation)
    CHECK(cell_width(U'\U00020000') == 2);  // CJK Extension B
    CHECK(cell_width(U'\u0301') == 0);   // combining acute accent
    CHECK(cell_width(U'\u093f') == 1);   // Devanagari vowel sign i (a spacing mark, Mc)
    CHECK(cell_width(U'\u0941') == 0);   // Devanagari vowel sign u (Mn)
    CHECK(cell_width(U'\u0e31') == 0);   // Thai mai han-akat (Mn)
    CHECK(cell_width(U'\u200d') == 0);   // zero width joiner
    CHECK(cell_width(U'\u00ad') == 1);   // soft hyphen: terminals give it a cell
    CHECK(cell_width(U'\u1160') == 0);   // Hangul jungseong filler: joins the syllable
}

TEST_CASE("utf8_cells counts cells, utf8_advance_cells finds where a column starts", "[cells]") {
    // "a日b" + "e" + combining acute + "🚀": cells a=0, 日=1-2, b=3, e=4 (+ mark), 🚀=5-6.
    const std::string s = "a\xe6\x97\xa5" "be\xcc\x81\xf0\x9f\x9a\x80";
    CHECK(utf8_cells(s, 0, s.size()) == 7);
    CHECK(utf8_cells(s, 1, 4) == 2);
    std::size_t at = 99;
    CHECK(utf8_advance_cells(s, 0, s.size(), 0, &at) == 0);
    CHECK(at == 0);
    CHECK(utf8_advance_cells(s, 0, s.size(), 1, &at) == 1);  // 日 starts at column 1
    CHECK(at == 1);
    CHECK(utf8_advance_cells(s, 0, s.size(), 2, &at) == 4);  // column 2 is 日's second half: b, at 3
    CHECK(at == 3);
    CHECK(utf8_advance_cells(s, 0, s.size(), 5, &at) == 8);  // the mark stays with its e: 🚀 at 5
    CHECK(at == 5);
    CHECK(utf8_advance_cells(s, 0, s.size(), 6, &at) == s.size());
    CHECK(at == 7);
    CHECK(utf8_advance_cells(s, 0, s.size(), 100, &at) == s.size());
    CHECK(at == 7);
}

TEST_CASE("decoding moves past one code point of any length", "[cells]") {
    const std::string s = "A\xc3\xa9\xe6\x97\xa5\xf0\x9f\x9a\x80";
    std::size_t i = 0;
    CHECK(utf8_decode(s, i) == U'A');
    CHECK(i == 1);
    CHECK(utf8_decode(s, i) == U'\u00e9');
    CHECK(i == 3);
    CHECK(utf8_decode(s, i) == U'\u65e5');
    CHECK(i == 6);
    CHECK(utf8_decode(s, i) == U'\U0001F680');
    CHECK(i == 10);
}

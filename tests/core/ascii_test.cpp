// tests/core/ascii_test.cpp: ASCII-only case folding and trimming (core/ascii.h).
#include <catch2/catch.hpp>

#include "ascii.h"

using namespace ssmview;

TEST_CASE("ascii_trim drops spaces, tabs, CRs and LFs at both ends and nothing else", "[ascii]") {
    CHECK(ascii_trim(" \t\r\n a b \r\n\t ") == "a b");
    CHECK(ascii_trim("a\n\nb") == "a\n\nb");  // inside is kept
    CHECK(ascii_trim("") == "");
    CHECK(ascii_trim(" \t\r\n") == "");
    // Vertical tab, form feed, NUL and non-ASCII bytes are text, not blanks.
    CHECK(ascii_trim("\va\f") == "\va\f");
    CHECK(ascii_trim(std::string_view("\0a\0", 3)) == std::string_view("\0a\0", 3));
    CHECK(ascii_trim("\xc2\xa0x\xc2\xa0") == "\xc2\xa0x\xc2\xa0");  // U+00A0 is not trimmed
    static_assert(ascii_trim("  x  ") == "x", "usable in constant expressions");
}

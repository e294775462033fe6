// tests/core/text_encoding_test.cpp: counting code points, stepping over them, encoding them,
// and UTF-16 files.
//
// Index
//   utf8_length     1- to 4-byte characters, byte ranges, invalid bytes
//   utf8_advance    whole characters, the end of the text, from past the end
//   append_utf8     each encoding length's boundaries
//   utf16_to_utf8   both byte orders, surrogate pairs, lone surrogates
#include <catch2/catch.hpp>

#include "text_encoding.h"

using namespace ssmview;

TEST_CASE("utf8_length counts code points of every encoded length", "[encoding]") {
    CHECK(utf8_length("") == 0);
    CHECK(utf8_length("abc") == 3);
    CHECK(utf8_length("\xCE\xA9") == 1);             // U+03A9, 2 bytes
    CHECK(utf8_length("\xE2\x82\xAC") == 1);         // U+20AC, 3 bytes
    CHECK(utf8_length("\xF0\x9F\x98\x80") == 1);     // U+1F600, 4 bytes
    CHECK(utf8_length("a\xCE\xA9" "b\xE2\x82\xAC" "c\xF0\x9F\x98\x80") == 6);
}

TEST_CASE("utf8_length of a byte range counts only that range", "[encoding]") {
    const std::string s = "ab\xCE\xA9" "cd";  // a b Ω c d
    CHECK(utf8_length(s, 0, s.size()) == 5);
    CHECK(utf8_length(s, 2, 4) == 1);
    CHECK(utf8_length(s, 4, 4) == 0);
    CHECK(utf8_length(s, 3, 6) == 2);  // starts on a continuation byte: it is not a character
}

TEST_CASE("invalid UTF-8: a stray continuation byte is not counted, a lone lead byte counts once", "[encoding]") {
    CHECK(utf8_length("\x80\x80") == 0);
    CHECK(utf8_length("a\xCE") == 2);
    CHECK(utf8_length("\xFF\xFE") == 2);
}

TEST_CASE("utf8_advance steps over whole characters and stops at the end", "[encoding]") {
    const std::string s = "a\xCE\xA9\xF0\x9F\x98\x80" "b";  // offsets 0, 1, 3, 7
    CHECK(utf8_advance(s, 0, 0) == 0);
    CHECK(utf8_advance(s, 0, 1) == 1);
    CHECK(utf8_advance(s, 0, 2) == 3);
    CHECK(utf8_advance(s, 0, 3) == 7);
    CHECK(utf8_advance(s, 1, 2) == 7);
    CHECK(utf8_advance(s, 0, 4) == 8);
    CHECK(utf8_advance(s, 0, 99) == 8);
    CHECK(utf8_advance(s, 50, 1) == 8);
    // Advancing by the length lands at the end, for any text.
    CHECK(utf8_advance(s, 0, utf8_length(s)) == s.size());
}

TEST_CASE("append_utf8 encodes the boundaries of each length", "[encoding]") {
    auto enc = [](std::uint32_t cp) {
        std::string s;
        append_utf8(s, cp);
        return s;
    };
    CHECK(enc(0x41) == "A");
    CHECK(enc(0x7F) == "\x7F");
    CHECK(enc(0x80) == "\xC2\x80");
    CHECK(enc(0x7FF) == "\xDF\xBF");
    CHECK(enc(0x800) == "\xE0\xA0\x80");
    CHECK(enc(0xFFFD) == "\xEF\xBF\xBD");
    CHECK(enc(0x10000) == "\xF0\x90\x80\x80");
    CHECK(enc(0x10FFFF) == "\xF4\x8F\xBF\xBF");
}

TEST_CASE("UTF-16 with a byte order mark becomes UTF-8, in both byte orders", "[encoding]") {
    const std::string le("\xFF\xFE" "A\0" "\xA9\x03" "\x3D\xD8\x00\xDE", 10);  // A, U+03A9, U+1F600
    const std::string be("\xFE\xFF" "\0A" "\x03\xA9" "\xD8\x3D\xDE\x00", 10);
    CHECK(has_utf16_bom(le));
    CHECK(has_utf16_bom(be));
    CHECK_FALSE(has_utf16_bom("{}"));
    CHECK(utf16_to_utf8(le) == "A\xCE\xA9\xF0\x9F\x98\x80");
    CHECK(utf16_to_utf8(be) == "A\xCE\xA9\xF0\x9F\x98\x80");
    CHECK(utf16_to_utf8(std::string("\xFF\xFE\x00\xD8" "A\0", 6)) == "\xEF\xBF\xBD" "A");  // a lone high surrogate
}

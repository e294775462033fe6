// tests/core/percent_encoding_test.cpp: the one RFC 3986 encoder and hex-digit reader
// (core/percent_encoding.h), used by live links, console links and SigV4, and its two decoders.
#include <catch2/catch.hpp>

#include "percent_encoding.h"

using namespace ssmview;

TEST_CASE("percent_encode keeps exactly RFC 3986's unreserved characters, uppercase hex for the rest", "[percent]") {
    CHECK(percent_encode("a b/c~") == "a%20b%2Fc~");  // (was view/links.cpp's url_encode test)
    CHECK(percent_encode("AZaz09-._~") == "AZaz09-._~");
    CHECK(percent_encode("+&=?#%:@") == "%2B%26%3D%3F%23%25%3A%40");
    CHECK(percent_encode("\xc3\xa9") == "%C3%A9");           // bytes, not code points
    CHECK(percent_encode(std::string_view("\0\x7f", 2)) == "%00%7F");
    // Every byte: unreserved ones as themselves, all others as three characters.
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        const std::string e = percent_encode(std::string_view(&c, 1));
        INFO(b);
        CHECK(e.size() == (unreserved ? 1u : 3u));
        if (!unreserved) CHECK(hex_digit_value(e[1]) * 16 + hex_digit_value(e[2]) == b);
    }
}

TEST_CASE("percent_encode keeps '/' only when asked (SigV4's canonical URI), and appends", "[percent]") {
    CHECK(percent_encode("/a b/c", true) == "/a%20b/c");
    CHECK(percent_encode("/a b/c", false) == "%2Fa%20b%2Fc");
    std::string out = "x=";
    percent_encode_to("a/b", false, out);
    percent_encode_to("/c", true, out);
    CHECK(out == "x=a%2Fb/c");
}

TEST_CASE("hex_digit_value reads both cases and nothing else", "[percent]") {
    CHECK(hex_digit_value('0') == 0);
    CHECK(hex_digit_value('9') == 9);
    CHECK(hex_digit_value('a') == 10);
    CHECK(hex_digit_value('F') == 15);
    for (char c : {'g', 'G', '/', ':', '@', '`', ' ', '\0'}) CHECK(hex_digit_value(c) == -1);
}

TEST_CASE("lenient decoding keeps a malformed escape and '+' as written") {
    CHECK(percent_decode_lenient("a%20b%2Fc") == "a b/c");
    CHECK(percent_decode_lenient("100%") == "100%");
    CHECK(percent_decode_lenient("%zz%4") == "%zz%4");
    CHECK(percent_decode_lenient("a+b") == "a+b");
    CHECK(percent_decode_lenient("%00") == std::string(1, '\0'));
}

TEST_CASE("strict decoding refuses a malformed escape, and %00 or '+' as asked") {
    std::string out;
    CHECK(percent_decode_strict("a%20b+c", out, false, true));
    CHECK(out == "a b+c");
    CHECK(percent_decode_strict("a%20b+c", out, true, true));
    CHECK(out == "a b c");
    CHECK_FALSE(percent_decode_strict("100%", out, false, false));
    CHECK_FALSE(percent_decode_strict("%4", out, false, false));
    CHECK_FALSE(percent_decode_strict("%zz", out, false, false));
    CHECK_FALSE(percent_decode_strict("a%00", out, false, true));
    CHECK(percent_decode_strict("a%00", out, false, false));
    CHECK(out == std::string("a\0", 2));
}

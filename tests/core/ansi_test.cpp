// tests/core/ansi_test.cpp: the escape-sequence parser (core/ansi.h).
//
// Index
//   SGR colours: 16 (normal, bright, background), 256, 24-bit, in ';' and ':' forms
//   SGR attributes and resets (0, empty, 22/24/27/39/49)
//   runs: placed at the right offsets, coalesced when several sequences meet
//   non-SGR sequences removed: CSI, private CSI "...m", OSC (BEL and ST), DCS, nF, two-byte, C1
//   malformed and truncated sequences: never crash, never swallow the text after them
//   the success_rich fixture: every escape gone, colours found
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "ansi.h"
#include "report.h"
#include "test_support.h"

using namespace ssmview;
using ssmview_test::read_fixture;

namespace {

AnsiStyle sgr(std::string_view params) {
    AnsiStyle s;
    ansi_apply_sgr(s, params);
    return s;
}

AnsiStyle style_of(const AnsiText& t, std::string_view word) {
    const std::size_t at = t.text.find(word);
    REQUIRE(at != std::string::npos);
    return ansi_style_at(t.runs, at);
}

}  // namespace

TEST_CASE("SGR 30-37, 90-97, 40-47 and 100-107 select the 16 palette colours", "[ansi]") {
    CHECK(sgr("31").fg == AnsiColor::palette(1));
    CHECK(sgr("37").fg == AnsiColor::palette(7));
    CHECK(sgr("90").fg == AnsiColor::palette(8));
    CHECK(sgr("97").fg == AnsiColor::palette(15));
    CHECK(sgr("42").bg == AnsiColor::palette(2));
    CHECK(sgr("107").bg == AnsiColor::palette(15));
    CHECK(sgr("31;42").fg == AnsiColor::palette(1));
    CHECK(sgr("31;42").bg == AnsiColor::palette(2));
}

TEST_CASE("SGR 38;5;n and 48;5;n select 256-colour entries, in ';' and ':' forms", "[ansi]") {
    CHECK(sgr("38;5;208").fg == AnsiColor::palette(208));
    CHECK(sgr("48;5;52").bg == AnsiColor::palette(52));
    CHECK(sgr("38:5:244").fg == AnsiColor::palette(244));
    CHECK(sgr("38;5;300").fg == AnsiColor::palette(255));  // clamped, not wrapped
    CHECK(ansi_palette_rgb(16) == 0x000000u);
    CHECK(ansi_palette_rgb(196) == 0xFF0000u);
    CHECK(ansi_palette_rgb(231) == 0xFFFFFFu);
    CHECK(ansi_palette_rgb(232) == 0x080808u);
    CHECK(ansi_palette_rgb(255) == 0xEEEEEEu);
}

TEST_CASE("SGR 38;2;r;g;b and 48;2;r;g;b select 24-bit colours, with or without a colour space", "[ansi]") {
    CHECK(sgr("38;2;255;135;0").fg == AnsiColor::rgb(255, 135, 0));
    CHECK(sgr("48;2;40;40;40").bg == AnsiColor::rgb(40, 40, 40));
    CHECK(sgr("38:2:1:2:3").fg == AnsiColor::rgb(1, 2, 3));
    CHECK(sgr("38:2::1:2:3").fg == AnsiColor::rgb(1, 2, 3));
    CHECK(sgr("38:2:0:1:2:3").fg == AnsiColor::rgb(1, 2, 3));
    // Colour then more attributes in the same sequence.
    const AnsiStyle s = sgr("38;2;10;20;30;1;4");
    CHECK(s.fg == AnsiColor::rgb(10, 20, 30));
    CHECK((s.flags & kAnsiBold) != 0);
    CHECK((s.flags & kAnsiUnderline) != 0);
}

TEST_CASE("an incomplete extended colour is ignored and what follows still applies", "[ansi]") {
    CHECK(sgr("38;5").fg.is_default());
    CHECK(sgr("38;2;1;2").fg.is_default());
    const AnsiStyle s = sgr("38;7;1");  // 7 is not a colour mode: 38 dropped, 7 (inverse) and 1 read
    CHECK(s.fg.is_default());
    CHECK((s.flags & kAnsiBold) != 0);
}

TEST_CASE("bold, dim, italic, underline, inverse and strike set and clear", "[ansi]") {
    AnsiStyle s = sgr("1;2;3;4;7;9");
    CHECK(s.flags == (kAnsiBold | kAnsiDim | kAnsiItalic | kAnsiUnderline | kAnsiInverse | kAnsiStrike));
    ansi_apply_sgr(s, "22;23;24;27;29");
    CHECK(s.flags == 0);
    s = sgr("4:3");
    CHECK((s.flags & kAnsiUnderline) != 0);
    ansi_apply_sgr(s, "4:0");
    CHECK((s.flags & kAnsiUnderline) == 0);
}

TEST_CASE("reset: SGR 0, an empty SGR and 39/49 restore defaults", "[ansi]") {
    AnsiStyle s = sgr("1;31;44");
    ansi_apply_sgr(s, "39");
    CHECK(s.fg.is_default());
    CHECK(!s.bg.is_default());
    ansi_apply_sgr(s, "49");
    CHECK(s.bg.is_default());
    CHECK((s.flags & kAnsiBold) != 0);
    ansi_apply_sgr(s, "");
    CHECK(s.is_default());
    s = sgr("1;31");
    ansi_apply_sgr(s, "0");
    CHECK(s.is_default());
    s = sgr(";1");  // an empty first parameter is a reset, then bold
    CHECK(s.flags == kAnsiBold);
}

TEST_CASE("parsed text has the escapes removed and runs where the style changes", "[ansi]") {
    const AnsiText t = ansi_parse("plain \x1b[1;31mred bold\x1b[0m back \x1b[4munder\x1b[m.");
    CHECK(t.text == "plain red bold back under.");
    CHECK(t.sequences == 4);
    CHECK(style_of(t, "plain").is_default());
    CHECK(style_of(t, "red").fg == AnsiColor::palette(1));
    CHECK((style_of(t, "bold").flags & kAnsiBold) != 0);
    CHECK(style_of(t, "back").is_default());
    CHECK((style_of(t, "under").flags & kAnsiUnderline) != 0);
    CHECK(style_of(t, ".").is_default());
    for (std::size_t i = 1; i < t.runs.size(); ++i) CHECK(t.runs[i - 1].begin < t.runs[i].begin);
}

TEST_CASE("several sequences with no text between make one run, and no-op sequences none", "[ansi]") {
    const AnsiText t = ansi_parse("\x1b[1m\x1b[31m\x1b[44mX\x1b[0m\x1b[0m\x1b[0mY");
    CHECK(t.text == "XY");
    REQUIRE(t.runs.size() == 2);
    CHECK(t.runs[0].begin == 0);
    CHECK(t.runs[0].style.fg == AnsiColor::palette(1));
    CHECK(t.runs[0].style.bg == AnsiColor::palette(4));
    CHECK(t.runs[1].begin == 1);
    CHECK(t.runs[1].style.is_default());
    CHECK(ansi_parse("\x1b[0mplain").runs.empty());
    CHECK(ansi_parse("\x1b[31m\x1b[0mplain").runs.empty());
}

TEST_CASE("non-SGR escape sequences are removed without touching the style", "[ansi]") {
    CHECK(ansi_parse("a\x1b[2Jb\x1b[10;20Hc\x1b[?25ld\x1b[Ke").text == "abcde");
    CHECK(ansi_parse("a\x1b[>4;2mb").runs.empty());  // xterm modifyKeys: private, not SGR
    CHECK(ansi_parse("a\x1b]0;window title\x07" "b").text == "ab");
    CHECK(ansi_parse("a\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\b").text == "alinkb");
    CHECK(ansi_parse("a\x1bP1$r0m\x1b\\b").text == "ab");
    CHECK(ansi_parse("a\x1b(Bb\x1b)0c").text == "abc");
    CHECK(ansi_parse("a\x1b" "7b\x1b" "8c\x1b=d\x1b" "ce").text == "abcde");
    // C1 controls in UTF-8: CSI (U+009B) with SGR, OSC (U+009D) ended by ST (U+009C), others dropped.
    const AnsiText c1 = ansi_parse("a\xc2\x9b" "31mb\xc2\x9d" "0;t\xc2\x9c" "c\xc2\x85" "d");
    CHECK(c1.text == "abcd");
    CHECK(style_of(c1, "b").fg == AnsiColor::palette(1));
    // Non-C1 two-byte UTF-8 starting with C2 is text.
    CHECK(ansi_parse("caf\xc2\xa9").text == "caf\xc2\xa9");
}

TEST_CASE("malformed and truncated escapes never swallow the text after them", "[ansi]") {
    CHECK(ansi_parse("end\x1b").text == "end");
    CHECK(ansi_parse("end\x1b[").text == "end");
    CHECK(ansi_parse("end\x1b[31;4").text == "end");
    CHECK(ansi_parse("end\x1b]0;title").text == "end");
    // A CSI broken by a newline ends there; the newline and what follows stay.
    CHECK(ansi_parse("a\x1b[31\nnext line").text == "a\nnext line");
    // An unterminated OSC ends at the line break.
    CHECK(ansi_parse("a\x1b]0;oops\nnext line").text == "a\nnext line");
    // ESC before a control or a non-ASCII byte: the ESC goes, the byte stays.
    CHECK(ansi_parse("a\x1b\x1b[1mb").text == "ab");
    CHECK(ansi_parse("a\x1b\xce\xb1").text == "a\xce\xb1");
    CHECK(ansi_parse("\xc2").text == "\xc2");  // a lone lead byte is text (text_doc repairs it)
}

TEST_CASE("huge and numerous SGR parameters are handled without overflow or slowness", "[ansi]") {
    CHECK(sgr("99999999999999999999").is_default());
    CHECK(sgr("38;5;99999999999").fg == AnsiColor::palette(255));
    std::string many = "\x1b[";
    for (int i = 0; i < 100000; ++i) many += "1;";
    many += "31mX";
    const AnsiText t = ansi_parse(many);
    CHECK(t.text == "X");
    CHECK(style_of(t, "X").fg == AnsiColor::palette(1));
    CHECK((style_of(t, "X").flags & kAnsiBold) != 0);
}

TEST_CASE("random bytes never crash the parser and never leave an ESC in the text", "[ansi]") {
    std::mt19937 rng(1234);
    const char alphabet[] = "\x1b[]();:0123456789mHJK?>\x07\\\nPa\xc2\x9b\x9d\x9c";
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 64);
        for (int i = 0; i < n; ++i) s.push_back(alphabet[rng() % (sizeof alphabet - 1)]);
        const AnsiText t = ansi_parse(s);
        CHECK(t.text.find('\x1b') == std::string::npos);
        CHECK(t.text.size() <= s.size());
        for (std::size_t i = 1; i < t.runs.size(); ++i) CHECK(t.runs[i - 1].begin < t.runs[i].begin);
        for (const AnsiRun& r : t.runs) CHECK(r.begin <= t.text.size());
    }
}

TEST_CASE("the success_rich fixture parses to clean text with its 16, 256 and 24-bit colours", "[ansi][fixture]") {
    const Report r = analyze(read_fixture("aws-cli/success_rich.json"));
    REQUIRE(r.has_invocation);
    const AnsiText t = ansi_parse(r.invocation.standard_output_content.value);
    CHECK(t.text.find('\x1b') == std::string::npos);
    CHECK(t.text.find("tput sgr0: bold plain") != std::string::npos);  // ESC(B ESC[m removed
    CHECK(style_of(t, "==>").fg == AnsiColor::palette(4));
    CHECK((style_of(t, "==>").flags & kAnsiBold) != 0);
    CHECK(style_of(t, "/dev/nvme0n1p1").fg == AnsiColor::palette(244));
    CHECK(style_of(t, "87% used").fg == AnsiColor::rgb(255, 135, 0));
    CHECK(style_of(t, " offset +2.417s ").bg == AnsiColor::palette(52));
    CHECK(style_of(t, "truecolor bg").bg == AnsiColor::rgb(40, 40, 40));
    CHECK(style_of(t, "bright").fg == AnsiColor::palette(12));
    CHECK((style_of(t, "reverse / underline").flags & kAnsiInverse) != 0);
    CHECK(style_of(t, "Done.").fg == AnsiColor::palette(2));
    CHECK(style_of(t, "Ελληνικά").is_default());
}

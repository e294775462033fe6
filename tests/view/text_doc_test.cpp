// tests/view/text_doc_test.cpp: display texts (view/text_doc.h).
//
// Index
//   line breaks: "\r\n" and lone "\r" give the same line numbers as core's TextLocator
//   tabs expand to 8-column stops; controls become Control Pictures; bad UTF-8 becomes U+FFFD
//   style runs stay on the same characters after the text moved
//   output docs: ANSI removed, runs kept; raw docs: ESC shown, not interpreted
#include <string>

#include <catch2/catch.hpp>

#include "diagnostic.h"
#include "text_doc.h"

using namespace ssmview;

TEST_CASE("CRLF, CR and LF line breaks number lines exactly as core's TextLocator does", "[doc]") {
    const std::string raw = "one\r\ntwo\rthree\nfour\r\n\r\nsix";
    const TextDoc doc = make_raw_doc(raw);
    CHECK(doc.text == "one\ntwo\nthree\nfour\n\nsix");
    const TextLocator loc(raw);
    for (const char* word : {"one", "two", "three", "four", "six"}) {
        int line = 0, col = 0;
        loc.locate(raw.find(word), line, col);
        const std::size_t shown = line_of_offset(doc.lines, doc.text.find(word)) + 1;
        CHECK(shown == static_cast<std::size_t>(line));
    }
}

TEST_CASE("tabs expand to the next multiple of 8 columns", "[doc]") {
    std::vector<AnsiRun> none;
    CHECK(sanitize_display_text("a\tb", none) == "a       b");
    CHECK(sanitize_display_text("\tx", none) == "        x");
    CHECK(sanitize_display_text("1234567\tx", none) == "1234567 x");
    CHECK(sanitize_display_text("12345678\tx", none) == "12345678        x");
    CHECK(sanitize_display_text("ab\n\tc", none) == "ab\n        c");  // a new line restarts the stops
    CHECK(sanitize_display_text("\xce\xb1\tb", none) == "\xce\xb1       b");  // columns, not bytes
}

TEST_CASE("control bytes show in caret notation and malformed UTF-8 as U+FFFD", "[doc]") {
    std::vector<AnsiRun> none;
    CHECK(sanitize_display_text(std::string("a\0b", 3), none) == "a^@b");
    CHECK(sanitize_display_text("a\x1b[1mb", none) == "a^[[1mb");
    CHECK(sanitize_display_text("a\x7f\x07", none) == "a^?^G");
    CHECK(sanitize_display_text("a\xff" "b", none) == "a\xef\xbf\xbd" "b");
    CHECK(sanitize_display_text("\xc3", none) == "\xef\xbf\xbd");                         // cut short
    CHECK(sanitize_display_text("\xc0\xaf", none) == "\xef\xbf\xbd\xef\xbf\xbd");         // overlong
    CHECK(sanitize_display_text("\xed\xa0\x80", none) == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
    CHECK(sanitize_display_text("\xc2\x85", none) == "\xef\xbf\xbd");                     // C1 NEL
    CHECK(sanitize_display_text("\xf0\x9f\x9a\x80 ok", none) == "\xf0\x9f\x9a\x80 ok");   // valid: kept
}

TEST_CASE("style runs stay on the same characters when tabs and CRLF move the text", "[doc]") {
    const TextDoc doc = make_output_doc("\tA\x1b[31mRED\x1b[0m\r\nB\t\x1b[1mBOLD\x1b[m");
    CHECK(doc.text == "        ARED\nB       BOLD");
    CHECK(ansi_style_at(doc.runs, doc.text.find("RED")).fg == AnsiColor::palette(1));
    CHECK(ansi_style_at(doc.runs, doc.text.find("A")).is_default());
    CHECK(ansi_style_at(doc.runs, doc.text.find("B")).is_default());
    CHECK((ansi_style_at(doc.runs, doc.text.find("BOLD")).flags & kAnsiBold) != 0);
    CHECK(doc.escapes_removed == 4);
    CHECK(doc.lines.count() == 2);
    CHECK(doc.lines.cols[0] == 12);
}

TEST_CASE("the raw doc shows escapes instead of interpreting them", "[doc]") {
    const TextDoc doc = make_raw_doc("x\x1b[31my");
    CHECK(doc.runs.empty());
    CHECK(doc.text == "x^[[31my");
    CHECK(doc.lines.cols[0] == 8);
}

TEST_CASE("zero-width format characters take no cell", "[doc]") {
    std::vector<AnsiRun> none;
    // U+26A0 U+FE0F (emoji presentation) and a ZWJ sequence.
    CHECK(sanitize_display_text("\xe2\x9a\xa0\xef\xb8\x8f warn", none) == "\xe2\x9a\xa0 warn");
    CHECK(sanitize_display_text("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", none) == "\xf0\x9f\x91\xa9\xf0\x9f\x92\xbb");
    CHECK(sanitize_display_text("\xef\xbb\xbfx", none) == "x");
}

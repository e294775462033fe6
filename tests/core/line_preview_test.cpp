// tests/core/line_preview_test.cpp: the first lines of a text and the count of the rest (every preview's rule).
#include <catch2/catch.hpp>

#include "line_preview.h"

using namespace ssmview;

TEST_CASE("lines are counted as a terminal shows them: a trailing newline ends the last line", "[line_preview]") {
    CHECK(count_lines("") == 0);
    CHECK(count_lines("a") == 1);
    CHECK(count_lines("a\n") == 1);
    CHECK(count_lines("a\nb") == 2);
    CHECK(count_lines("a\n\n") == 2);  // an empty line, then the end
    CHECK(count_lines("\n") == 1);
}

TEST_CASE("a preview keeps the first lines and counts the rest", "[line_preview]") {
    const LinePreview p = line_preview("one\ntwo\nthree\nfour\n", 2);
    REQUIRE(p.lines.size() == 2);
    CHECK(p.lines[0] == "one");
    CHECK(p.lines[1] == "two");
    CHECK(p.more == 2);
    const LinePreview all = line_preview("one\ntwo\n", 2);
    CHECK(all.lines.size() == 2);
    CHECK(all.more == 0);  // the trailing newline is no third line
    const LinePreview cut = line_preview("one\ntwo", 1);
    CHECK(cut.more == 1);
    CHECK(line_preview("", 5).lines.empty());
    CHECK(line_preview("x\r\ny", 1).lines[0] == "x\r");  // CR stays: the callers strip or show it
}

TEST_CASE("split_lines gives every line as line_preview cuts them, a carriage return kept in its line", "[line_preview]") {
    CHECK(split_lines("a\r\nb\n\n") == std::vector<std::string_view>{"a\r", "b", ""});
    CHECK(split_lines("").empty());
    const std::string text = "one\ntwo\nthree";
    CHECK(split_lines(text) == line_preview(text, 3).lines);
}

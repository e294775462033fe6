// tests/view/text_lines_test.cpp: the line index (view/text_lines.h).
//
// Index
//   small texts: counts, ends, the final newline, empty lines, code point columns
//   line_of_offset and byte_of_column, ASCII and UTF-8 lines
//   a 200,000-line, 10 MB text: every line found where it is
#include <string>

#include <catch2/catch.hpp>

#include "text_lines.h"

using namespace ssmview;

TEST_CASE("a final newline ends the last line instead of opening an empty one", "[lines]") {
    CHECK(index_lines("").count() == 0);
    CHECK(index_lines("a").count() == 1);
    CHECK(index_lines("a\n").count() == 1);
    CHECK(index_lines("a\n\n").count() == 2);
    CHECK(index_lines("\n").count() == 1);
    const TextLines l = index_lines("one\ntwo\n\nfour\n");
    REQUIRE(l.count() == 4);
    CHECK(l.starts[1] == 4);
    CHECK(l.end(1) == 7);
    CHECK(l.bytes(2) == 0);
    CHECK(l.end(3) == 13);
    CHECK(index_lines("x\nlast").end(1) == 6);
}

TEST_CASE("columns count cells, not bytes: Greek and box drawing take one each", "[lines]") {
    const std::string text = "ascii\n\xce\x91\xce\xb2\xce\xb3 greek\n\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x90\n";
    const TextLines l = index_lines(text);
    REQUIRE(l.count() == 3);
    CHECK(l.cols[0] == 5);
    CHECK(l.ascii(0));
    CHECK(l.cols[1] == 9);
    CHECK(!l.ascii(1));
    CHECK(l.cols[2] == 3);
    CHECK(l.max_cols == 9);
    CHECK(byte_of_column(text, l, 1, 0) == l.starts[1]);
    CHECK(byte_of_column(text, l, 1, 3) == l.starts[1] + 6);
    CHECK(byte_of_column(text, l, 1, 100) == l.end(1));
    CHECK(byte_of_column(text, l, 0, 2) == 2);
    CHECK(utf8_length(text, l.starts[2], l.end(2)) == 3);
}

TEST_CASE("columns count cells: wide characters two, combining marks none", "[lines][cells]") {
    // "x日本" (x, then two wide) / "e" + combining acute + "z"
    const std::string text = "x\xe6\x97\xa5\xe6\x9c\xac\ne\xcc\x81z\n";
    const TextLines l = index_lines(text);
    REQUIRE(l.count() == 2);
    CHECK(l.cols[0] == 5);
    CHECK(l.cols[1] == 2);
    CHECK(l.max_cols == 5);
    std::size_t at = 0;
    CHECK(byte_of_column(text, l, 0, 2, &at) == 4);  // column 2 is the second half of 日: 本 at 3
    CHECK(at == 3);
    CHECK(byte_of_column(text, l, 0, 3, &at) == 4);
    CHECK(at == 3);
    CHECK(byte_of_column(text, l, 1, 1, &at) == l.starts[1] + 3);  // z, past e and its mark
    CHECK(at == 1);
}

TEST_CASE("line_of_offset maps every byte, past-the-end included, to its line", "[lines]") {
    const std::string text = "ab\ncd\n\nef";
    const TextLines l = index_lines(text);
    CHECK(line_of_offset(l, 0) == 0);
    CHECK(line_of_offset(l, 2) == 0);  // the '\n' belongs to the line it ends
    CHECK(line_of_offset(l, 3) == 1);
    CHECK(line_of_offset(l, 6) == 2);
    CHECK(line_of_offset(l, 7) == 3);
    CHECK(line_of_offset(l, 999) == 3);
    CHECK(line_of_offset(index_lines(""), 5) == 0);
}

TEST_CASE("a 200,000-line, 10 MB text is indexed exactly", "[lines][large]") {
    std::string text;
    text.reserve(10u * 1024u * 1024u + 1024u);
    for (int i = 0; i < 200000; ++i) {
        text += "line ";
        text += std::to_string(i);
        text += ' ';
        text.append(static_cast<std::size_t>(40 + i % 20), static_cast<char>('a' + i % 26));
        text += '\n';
    }
    while (text.size() < 10u * 1024u * 1024u) text.insert(text.size() - 1, 1000, 'z');  // pad the last line
    const TextLines l = index_lines(text);
    REQUIRE(l.count() == 200000);
    for (int i : {0, 1, 99999, 123456, 199998}) {
        const std::string want = "line " + std::to_string(i) + " ";
        CHECK(text.compare(l.starts[static_cast<std::size_t>(i)], want.size(), want) == 0);
        CHECK(line_of_offset(l, l.starts[static_cast<std::size_t>(i)] + 3) == static_cast<std::size_t>(i));
    }
    CHECK(l.end(199999) == text.size() - 1);
    CHECK(l.max_cols == l.cols[199999]);
}

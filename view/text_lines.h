// view/text_lines.h: a line index over display text, for drawing and jumping by line.
//
// Index
//   TextLines       where each line starts, how many code points it holds, the longest line
//   index_lines     one pass over the text ('\n' separates lines; text_doc made it the only break)
//   line_of_offset  byte offset -> 0-based line (binary search)
//   byte_of_column  0-based column within a line -> byte offset (ASCII lines in O(1))
// Code points are counted by the core's utf8_length (text_encoding.h, included here for the
// view's callers), the same function the API's length limits are checked with.
//
// Why an index: a 10 MB, 200,000-line output is drawn a screenful at a time (ImGuiListClipper),
// so every frame must find "line 153,208" and "column 80 of it" without scanning the text.
// Columns count cells (text_cells.h): text_doc expands tabs and makes every control visible, a
// code point takes 0, 1 or 2 cells as in a terminal, and the font atlas fits each glyph's advance
// to its cells, so a column is a whole number of cell advances from the line's start.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text_cells.h"
#include "text_encoding.h"

namespace ssmview {

struct TextLines {
    std::vector<std::size_t>   starts;  // byte offset of each line's first byte
    std::vector<std::uint32_t> cols;    // cells in each line (line break excluded)
    std::size_t                text_size = 0;
    std::uint32_t              max_cols = 0;
    bool                       ends_with_newline = false;

    // Lines in the text. "" has 0 lines; a final '\n' ends the last line, it does not open an
    // empty one (so "a\n" and "a" both have 1 line, as an editor's gutter shows them).
    std::size_t count() const { return starts.size(); }
    // Byte offset just past the line's last byte (its '\n' excluded).
    std::size_t end(std::size_t line) const;
    std::size_t bytes(std::size_t line) const { return end(line) - starts[line]; }
    // Only ASCII fills as many cells as it has bytes: any other code point has more bytes than cells.
    bool        ascii(std::size_t line) const { return bytes(line) == cols[line]; }
};

TextLines   index_lines(std::string_view text);
// Offsets past the end map to the last line; with no lines, 0.
std::size_t line_of_offset(const TextLines& lines, std::size_t offset);
// Byte offset of the first code point in `line` that starts at column `col` or after (clamped to the
// line's end; zero-width code points stay with the one before them). *at_col gets the column it
// really starts at: one more than `col` when a wide character straddles it.
std::size_t byte_of_column(std::string_view text, const TextLines& lines, std::size_t line, std::size_t col,
                           std::size_t* at_col = nullptr);

}  // namespace ssmview

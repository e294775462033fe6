// view/text_cells.h: how many terminal cells a code point takes, and cell counting in UTF-8 text.
//
// Index
//   cell_width          0, 1 or 2 cells for one code point (tables: text_cells_table.inc)
//   utf8_decode         one code point of valid UTF-8 (the display text is sanitized)
//   utf8_cells          cells in a byte range
//   utf8_advance_cells  the byte offset where a cell starts, and that code point's real column
//
// The text pane is a grid of cells, as a terminal is: columns, wrapping, find highlights and
// scrolling all count cells, and the font atlas fits each glyph's advance to its cells
// (fonts.cpp), so column positions stay exact multiples of the cell advance. Widths follow what
// terminals draw: East Asian Wide and Fullwidth characters (CJK, Hangul, emoji with emoji
// presentation) take two cells, combining marks and format characters none, the rest one. The
// tables come from the Unicode Character Database (view/tools/gen_unicode_tables.py).
//
// The text given is a TextDoc's display text: valid UTF-8 (text_doc replaces invalid bytes by
// U+FFFD), so decoding needs no error paths; an input that is not decodes to something harmless.
#pragma once
#include <cstddef>
#include <string_view>

namespace ssmview {

int cell_width(char32_t cp);
// Decodes the code point at s[i] and moves i past it (a stray byte counts as itself).
char32_t utf8_decode(std::string_view s, std::size_t& i);
// Cells in s[begin, end).
std::size_t utf8_cells(std::string_view s, std::size_t begin, std::size_t end);
// The byte offset in [from, end] of the first code point that starts at or after `cells` cells
// from `from`, with zero-width code points kept with the one before them; *at_cell gets the cell
// that code point really starts at (one more than asked when a wide one straddles `cells`).
std::size_t utf8_advance_cells(std::string_view s, std::size_t from, std::size_t end, std::size_t cells,
                               std::size_t* at_cell = nullptr);

}  // namespace ssmview

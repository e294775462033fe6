// view/text_cells.cpp: cell widths (see text_cells.h).
//
// Index
//   CellRange, tables   generated ranges (text_cells_table.inc), binary-searched
//   cell_width          ASCII at once, then the two tables
//   utf8_decode, utf8_cells, utf8_advance_cells
#include "text_cells.h"

#include <algorithm>
#include <cassert>
#include <cstdint>

namespace ssmview {

namespace {

struct CellRange { char32_t first, last; };
#include "text_cells_table.inc"

template <std::size_t N>
bool in(const CellRange (&table)[N], char32_t cp) {
    const CellRange* end = table + N;
    const CellRange* it = std::upper_bound(table, end, cp, [](char32_t c, const CellRange& r) { return c < r.first; });
    return it != table && cp <= (it - 1)->last;
}

}  // namespace

int cell_width(char32_t cp) {
    if (cp < 0x300) return 1;  // ASCII and Latin-1: the first zero-width code point is U+0300
    if (in(kZeroWidth, cp)) return 0;
    return in(kWide, cp) ? 2 : 1;
}

char32_t utf8_decode(std::string_view s, std::size_t& i) {
    assert(i < s.size());
    const unsigned char b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    ++i;
    for (; extra > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; --extra, ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

std::size_t utf8_cells(std::string_view s, std::size_t begin, std::size_t end) {
    assert(begin <= end && end <= s.size());
    std::size_t cells = 0;
    for (std::size_t i = begin; i < end;) {
        if (static_cast<unsigned char>(s[i]) < 0x80) { ++cells; ++i; continue; }
        cells += static_cast<std::size_t>(cell_width(utf8_decode(s, i)));
    }
    return cells;
}

std::size_t utf8_advance_cells(std::string_view s, std::size_t from, std::size_t end, std::size_t cells,
                               std::size_t* at_cell) {
    assert(from <= end && end <= s.size());
    std::size_t i = from, col = 0;
    if (cells > 0) {
        while (i < end) {
            std::size_t j = i;
            const int w = static_cast<unsigned char>(s[i]) < 0x80 ? (++j, 1) : cell_width(utf8_decode(s, j));
            if (col >= cells && w > 0) break;
            col += static_cast<std::size_t>(w);
            i = j;
        }
    }
    if (at_cell != nullptr) *at_cell = col;
    return i;
}

}  // namespace ssmview

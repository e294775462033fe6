// view/text_lines.cpp: the line index (see text_lines.h).
//
// Index
//   index_lines       memchr for '\n', count cells per line (an ASCII line's bytes, else text_cells)
//   TextLines::end, line_of_offset, byte_of_column
//
// Call flow: text_doc.cpp builds one TextLines per display text at load; text_view.cpp and
// text_find.cpp query it every frame. All queries are O(log lines) or O(columns walked).
#include "text_lines.h"

#include <algorithm>
#include <cstring>

namespace ssmview {

TextLines index_lines(std::string_view text) {
    TextLines out;
    out.text_size = text.size();
    out.ends_with_newline = !text.empty() && text.back() == '\n';
    std::size_t pos = 0;
    while (pos < text.size()) {
        const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
        const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
        // utf8_length is a vectorized count; it equals the bytes only for ASCII, the common line.
        const std::size_t points = utf8_length(text, pos, end);
        const std::size_t c = points == end - pos ? points : utf8_cells(text, pos, end);
        const std::uint32_t cols = c > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<std::uint32_t>(c);
        out.starts.push_back(pos);
        out.cols.push_back(cols);
        out.max_cols = std::max(out.max_cols, cols);
        pos = nl ? end + 1 : end;
    }
    return out;
}

std::size_t TextLines::end(std::size_t line) const {
    if (line + 1 < starts.size()) return starts[line + 1] - 1;  // before its '\n'
    // The last line runs to the end of the text, minus the final '\n' that closes it.
    return ends_with_newline ? text_size - 1 : text_size;
}

std::size_t line_of_offset(const TextLines& lines, std::size_t offset) {
    if (lines.starts.empty()) return 0;
    auto it = std::upper_bound(lines.starts.begin(), lines.starts.end(), offset);
    return it == lines.starts.begin() ? 0 : static_cast<std::size_t>(it - lines.starts.begin()) - 1;
}

std::size_t byte_of_column(std::string_view text, const TextLines& lines, std::size_t line, std::size_t col,
                           std::size_t* at_col) {
    const std::size_t b = lines.starts[line], e = lines.end(line);
    if (lines.ascii(line)) {
        const std::size_t n = std::min(col, e - b);
        if (at_col != nullptr) *at_col = n;
        return b + n;
    }
    return utf8_advance_cells(text, b, e, col, at_col);
}

}  // namespace ssmview

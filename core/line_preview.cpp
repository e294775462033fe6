// core/line_preview.cpp: see line_preview.h.
#include "line_preview.h"

namespace ssmview {

std::size_t count_lines(std::string_view text) {
    std::size_t lines = text.empty() ? 0 : 1;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) lines += text[i] == '\n';
    return lines;
}

LinePreview line_preview(std::string_view text, std::size_t max_lines) {
    LinePreview p;
    std::size_t start = 0;
    while (start < text.size() && p.lines.size() < max_lines) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        p.lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    if (start < text.size()) p.more = count_lines(text.substr(start));
    return p;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    return line_preview(text, static_cast<std::size_t>(-1)).lines;
}

}  // namespace ssmview

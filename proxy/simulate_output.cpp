// proxy/simulate_output.cpp: see simulate_output.h.
//
// Index
//   Output(lines), write   append text and a mark
//   until                  the last mark at or before a time -> that prefix
#include "simulate_output.h"

#include <algorithm>
#include <cassert>

namespace ssmview::proxy {

Output::Output(std::initializer_list<Line> lines) {
    for (const Line& l : lines) write(l.at_ms, l.text);
}

void Output::write(std::int64_t at_ms, std::string_view text) {
    assert(!text.empty() && at_ms >= 0);
    assert(marks_.empty() || marks_.back().at_ms <= at_ms);
    text_.append(text);
    marks_.push_back({at_ms, text_.size()});
}

std::string_view Output::until(std::int64_t elapsed_ms) const {
    // The first mark written after elapsed_ms; the one before it says how much exists.
    auto after = std::upper_bound(marks_.begin(), marks_.end(), elapsed_ms,
                                  [](std::int64_t t, const Mark& m) { return t < m.at_ms; });
    if (after == marks_.begin()) return {};
    return std::string_view(text_).substr(0, std::prev(after)->end);
}

}  // namespace ssmview::proxy

// core/line_preview.h: the first lines of a text, and how many lines are left: one rule for every preview.
//
// Index
//   count_lines    lines in a text: a trailing newline ends the last line, "" has none
//   LinePreview    the first lines (views into the text) and how many more there are
//   line_preview   text, at most `max_lines` -> LinePreview
//   split_lines    every line (a preview without a bound): what line_diff.h compares
//
// `ssmview inspect` shows the first lines of stdout and stderr, the fleet report and the page's
// Outputs view the first lines of each group; all three then say "N more lines". Counted here,
// once, so the CLI and the page cannot disagree about N.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace ssmview {

std::size_t count_lines(std::string_view text);

struct LinePreview {
    std::vector<std::string_view> lines;  // without their newlines
    std::size_t                   more = 0;  // lines after them
};
LinePreview line_preview(std::string_view text, std::size_t max_lines);
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace ssmview

// core/line_diff.h: two texts compared line by line (a fleet's groups, side by side).
//
// Index
//   DiffOp, DiffLine   one line of the result: in both, only in the first, only in the second
//   LineDiff           the lines in order, how many were removed and added, whether the search gave up
//   line_diff          Myers' O(ND) shortest edit script over lines, bounded by kMaxDiffEdits
//
// Call flow: the fleet's Outputs view (view/fleet_panel.cpp) asks for the diff of two groups'
// texts once when they are chosen and draws the lines. Lines are split as every preview splits
// them (line_preview.h split_lines): at '\n', a '\r' before it staying in the line (it is part of
// what was printed), and a text that ends in '\n' has no empty last line. The common head and tail are matched before the search, so near-identical outputs, the
// usual case, cost little more than one comparison.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace ssmview {

enum class DiffOp { Same, Removed, Added };  // Removed: only in the first text; Added: only in the second

struct DiffLine {
    DiffOp           op = DiffOp::Same;
    std::string_view text;  // a view into the text it came from (without its '\n')
};

struct LineDiff {
    std::vector<DiffLine> lines;
    std::size_t           removed = 0, added = 0;
    bool                  gave_up = false;  // more than kMaxDiffEdits edits: the middle is shown as
                                            // all removed, then all added (still a correct script)
};

// The views in the result point into `a` and `b`: keep them alive while it is used.
LineDiff line_diff(std::string_view a, std::string_view b);

}  // namespace ssmview

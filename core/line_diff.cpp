// core/line_diff.cpp: Myers' shortest edit script over lines.
//
// Index
//   shortest_path    the forward search: per edit count d, the furthest x on each diagonal k,
//                    each row kept for the walk back (rows of 2d+1: memory is d squared)
//   walk_back        from (N, M) to (0, 0) through the kept rows, emitting lines in reverse
//   line_diff        head and tail matched first, the search on the middle, the lines assembled
//
// E. W. Myers, "An O(ND) Difference Algorithm and Its Variations" (1986): x indexes the first
// text, y the second, k = x - y; a move right removes a line of the first, a move down adds one
// of the second, a diagonal is a line both share. The search stops at the first d that reaches
// the end, so the script is a shortest one.
#include "line_diff.h"

#include <algorithm>
#include <cassert>

#include "data_limits.h"
#include "line_preview.h"

namespace ssmview {

namespace {

using Lines = std::vector<std::string_view>;

// ---- shortest_path --------------------------------------------------------------------------------------------------

// rows[d][k + d] = the furthest x reached on diagonal k with d edits. Returns false when d would
// pass `max_edits`.
bool shortest_path(const Lines& a, const Lines& b, std::size_t max_edits, std::vector<std::vector<long>>& rows) {
    const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
    for (long d = 0; d <= static_cast<long>(max_edits); ++d) {
        std::vector<long> row(static_cast<std::size_t>(2 * d + 1));
        const std::vector<long>* prev = d > 0 ? &rows.back() : nullptr;
        auto at = [&](long k) { return (*prev)[static_cast<std::size_t>(k + d - 1)]; };  // row d-1
        for (long k = -d; k <= d; k += 2) {
            long x;
            if (d == 0) x = 0;
            else if (k == -d || (k != d && at(k - 1) < at(k + 1))) x = at(k + 1);  // down: add b[y]
            else x = at(k - 1) + 1;                                                  // right: remove a[x]
            long y = x - k;
            while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
            row[static_cast<std::size_t>(k + d)] = x;
            if (x >= n && y >= m) {
                rows.push_back(std::move(row));
                return true;
            }
        }
        rows.push_back(std::move(row));
    }
    return false;
}

// ---- walk_back ------------------------------------------------------------------------------------------------------

void walk_back(const Lines& a, const Lines& b, const std::vector<std::vector<long>>& rows, std::vector<DiffLine>& out) {
    long x = static_cast<long>(a.size()), y = static_cast<long>(b.size());
    for (long d = static_cast<long>(rows.size()) - 1; d > 0; --d) {
        const std::vector<long>& prev = rows[static_cast<std::size_t>(d - 1)];
        auto at = [&](long k) { return prev[static_cast<std::size_t>(k + d - 1)]; };
        const long k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const long prev_k = down ? k + 1 : k - 1;
        const long prev_x = at(prev_k);
        // The snake after the edit, then the edit itself.
        const long edit_x = down ? prev_x : prev_x + 1, edit_y = edit_x - k;
        while (x > edit_x && y > edit_y) out.push_back({DiffOp::Same, a[static_cast<std::size_t>(--x)]}), --y;
        if (down) out.push_back({DiffOp::Added, b[static_cast<std::size_t>(--y)]});
        else out.push_back({DiffOp::Removed, a[static_cast<std::size_t>(--x)]});
        assert(x == prev_x && y == prev_x - prev_k);
    }
    while (x > 0 && y > 0) out.push_back({DiffOp::Same, a[static_cast<std::size_t>(--x)]}), --y;
    assert(x == 0 && y == 0);
}

}  // namespace

// ---- line_diff ------------------------------------------------------------------------------------------------------

LineDiff line_diff(std::string_view text_a, std::string_view text_b) {
    const Lines all_a = split_lines(text_a), all_b = split_lines(text_b);
    std::size_t head = 0;
    while (head < all_a.size() && head < all_b.size() && all_a[head] == all_b[head]) ++head;
    std::size_t tail = 0;
    while (tail < all_a.size() - head && tail < all_b.size() - head &&
           all_a[all_a.size() - 1 - tail] == all_b[all_b.size() - 1 - tail])
        ++tail;
    const Lines a(all_a.begin() + static_cast<long>(head), all_a.end() - static_cast<long>(tail));
    const Lines b(all_b.begin() + static_cast<long>(head), all_b.end() - static_cast<long>(tail));

    LineDiff r;
    for (std::size_t i = 0; i < head; ++i) r.lines.push_back({DiffOp::Same, all_a[i]});
    std::vector<std::vector<long>> rows;
    if (shortest_path(a, b, kMaxDiffEdits, rows)) {
        std::vector<DiffLine> middle;
        walk_back(a, b, rows, middle);
        r.lines.insert(r.lines.end(), middle.rbegin(), middle.rend());
    } else {
        r.gave_up = true;
        for (std::string_view line : a) r.lines.push_back({DiffOp::Removed, line});
        for (std::string_view line : b) r.lines.push_back({DiffOp::Added, line});
    }
    for (std::size_t i = all_a.size() - tail; i < all_a.size(); ++i) r.lines.push_back({DiffOp::Same, all_a[i]});
    for (const DiffLine& l : r.lines) {
        if (l.op == DiffOp::Removed) ++r.removed;
        if (l.op == DiffOp::Added) ++r.added;
    }
    return r;
}

}  // namespace ssmview

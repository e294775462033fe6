// view/text_view.h: the scrolling text pane shared by the output panes and the raw-input view.
//
// Index
//   TextViewCache   wrapped-row prefix sums for one doc at one width (rebuilt when the width changes)
//   TextViewParams  per-frame choices: wrap, find highlights, a line to highlight, a line to bring into view
//   TextViewResult  what the pane reports back (first visible line, row under a right click)
//   draw_text_view  the widget (its phases are listed in text_view.cpp)
//   ScrollRequest   a panel's "bring this line into view", retried for a few frames
//
// Why not ImGui::InputTextMultiline or TextUnformatted: both lay out the whole text every frame,
// and a 10 MB line builds a vertex buffer of 40 million entries. This pane asks
// ImGuiListClipper for the visible rows only and, per row, draws only the visible columns, so the
// work per frame is bounded by the pane's size in cells, whatever the text's size. Monospace
// makes it exact: a code point takes 0, 1 or 2 cells (text_cells.h) and the atlas fits each
// glyph's advance to its cells (fonts.cpp), so a column is col * advance.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "text_doc.h"
#include "text_find.h"
#include "theme.h"

namespace ssmview {

struct TextViewCache {
    int                        wrap_cols = -1;  // the width the prefix sums were built for
    std::vector<std::uint32_t> first_row;       // wrap: first visual row of line i; [count] = total
};

struct TextViewParams {
    bool               wrap = false;
    bool               line_numbers = true;
    const FindResult*  find = nullptr;   // highlight its stored matches
    int                current_match = -1;
    int                highlight_line = -1;  // 0-based, full-row highlight (raw view's jump target)
    int                highlight_col = -1;   // 0-based column on highlight_line to mark (a finding's place)
    int                scroll_to_line = -1;  // 0-based: bring into view this frame
    std::size_t        scroll_to_col = 0;
    const ViewPalette* pal = nullptr;
    float              ui_scale = 1.0f;      // ViewEnv::ui_scale: widths of drawn lines (bold, the finding's box)
};

struct TextViewResult {
    int first_visible_line = 0;
    int context_line = -1;  // line right-clicked this frame (the caller opens its menu)
    int rows_drawn = 0;
    // False when a scroll_to_line was asked for and the line is not in view yet: a window seen
    // for the first time has no content size, so ImGui clamps its scroll to 0. Ask again next frame.
    bool scroll_done = true;
    // The last row is in view (or nothing scrolls): a pane that grows (live output) keeps
    // following its tail only while the reader is there.
    bool at_bottom = true;
};

// size: <= 0 on an axis means "fill the available space minus that amount" (ImGui convention).
TextViewResult draw_text_view(const char* id, const TextDoc& doc, TextViewCache& cache,
                              const TextViewParams& p, ImVec2 size);

// A line a panel wants in view (the output panes: find's current match; the raw view: a finding's
// line). Each frame the panel asks pending(target); while true it sets TextViewParams.scroll_to_line,
// and after draw_text_view it calls settle(). The target counts as shown once the pane reports
// scroll_done, or after kScrollRetryFrames further frames (view_layout.h) if ImGui never could
// apply it; meanwhile settle() asks for another frame, since no input may come to draw one.
struct ScrollRequest {
    int shown = -1;    // the target last brought into view (-1: none yet)
    int attempts = 0;  // frames spent on the current target
    bool pending(int target) const { return target != shown; }
    void settle(int target, const TextViewParams& p, const TextViewResult& r, bool& wants_more_frames);
};

}  // namespace ssmview

// view/text_view.cpp: the clipped text pane (see text_view.h).
//
// Index
//   Metrics            cell advance, row height, gutter and text widths for this frame
//   build_wrap_rows    prefix sums of visual rows per line for a column count
//   for_each_segment   the style-run pieces of a row
//   draw_row           one visual row: style backgrounds, find highlights, glyphs, decorations
//   Pane               one draw_text_view call's working state, filled phase by phase
//   draw_text_view     its phases, in order:
//     measure_pane         Metrics from the font, style and given size; wrap rows for a new width
//     request_scroll       SetNextWindowScroll for a line asked for (scroll_target_row)
//     begin_pane           the child window; where text and column 0 sit on screen
//     scroll_target_in_view  did the asked-for scroll land (TextViewResult::scroll_done)
//     draw_rows            the clipper loop: row_span, draw_line_highlight, draw_row per row
//     draw_gutter          line numbers over the scrolled text
//     set_content_extent   the longest line's width (horizontal scrollbar)
//   ScrollRequest::settle  a panel's scroll target shown, or retried next frame
//
// Call flow per frame: draw_text_view measures from the size it was given (not from inside the
// child, so a scroll request can be applied with SetNextWindowScroll before Begin, in the same
// frame, instead of one frame late), opens the child window, lets ImGuiListClipper pick the
// visible rows and calls draw_row for each. Rows are drawn straight into the window's
// draw list; one Dummy per row tells the clipper and the scrollbar how tall the content is, and
// one final Dummy as wide as the longest line sets the horizontal scroll extent.
#include "text_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "fonts.h"
#include "view_layout.h"

namespace ssmview {

namespace {

struct Metrics {
    float adv = 8.0f;       // one cell
    float row_h = 16.0f;
    float gutter_w = 0.0f;  // line numbers, fixed on screen
    float text_w = 100.0f;  // visible text width
    float view_h = 100.0f;  // visible text height
    int   wrap_cols = 80;
    ImVec2 pad;
};

int digits(std::size_t n) {
    int d = 1;
    while (n >= 10) { n /= 10; ++d; }
    return d;
}

void build_wrap_rows(const TextDoc& doc, TextViewCache& cache, int wrap_cols) {
    const std::size_t n = doc.lines.count();
    cache.first_row.resize(n + 1);
    std::uint64_t row = 0;
    for (std::size_t i = 0; i < n; ++i) {
        cache.first_row[i] = static_cast<std::uint32_t>(std::min<std::uint64_t>(row, 0xFFFFFFFFu));
        const std::uint32_t c = doc.lines.cols[i];
        row += c == 0 ? 1 : (c + static_cast<std::uint32_t>(wrap_cols) - 1) / static_cast<std::uint32_t>(wrap_cols);
    }
    cache.first_row[n] = static_cast<std::uint32_t>(std::min<std::uint64_t>(row, 0x7FFFFFFFu));
    cache.wrap_cols = wrap_cols;
}

struct RowDraw {
    ImDrawList*       dl;
    ImFont*           font;
    float             font_size;
    const TextDoc&    doc;
    const TextViewParams& p;
    const ViewPalette& pal;
    float             bold_offset;
};

// Calls fn(segment begin, end, first column, style) for each style run piece of text[b0, b1).
template <typename Fn>
void for_each_segment(const RowDraw& r, std::size_t b0, std::size_t b1, std::size_t c0, Fn fn) {
    const std::vector<AnsiRun>& runs = r.doc.runs;
    auto it = std::upper_bound(runs.begin(), runs.end(), b0, [](std::size_t o, const AnsiRun& a) { return o < a.begin; });
    AnsiStyle style = it == runs.begin() ? AnsiStyle{} : std::prev(it)->style;
    std::size_t sb = b0, col = c0;
    while (sb < b1) {
        const std::size_t se = (it != runs.end() && it->begin < b1) ? it->begin : b1;
        if (se > sb) {
            const std::size_t cols = utf8_cells(r.doc.text, sb, se);
            fn(sb, se, col, cols, style);
            col += cols;
        }
        sb = se;
        if (it != runs.end() && it->begin <= sb) {
            style = it->style;
            ++it;
        }
    }
}

// Draws text[b0, b1), whose first code point sits in column c0, with column 0 at x_col0.
// Three passes so nothing hides anything: style backgrounds, then find highlights, then glyphs.
void draw_row(const RowDraw& r, std::size_t b0, std::size_t b1, std::size_t c0, float x_col0, float y,
              const Metrics& m) {
    const std::string& text = r.doc.text;
    auto x_of = [&](std::size_t col) { return x_col0 + static_cast<float>(col) * m.adv; };
    auto colors = [&](const AnsiStyle& style, ImU32& fg, ImU32& bg) {
        fg = ansi_color_u32(style.fg, r.pal, r.pal.text);
        bg = ansi_color_u32(style.bg, r.pal, 0);  // 0 = none (a real colour has alpha 0xFF)
        if (style.flags & kAnsiInverse) {
            const ImU32 t = fg;
            fg = bg != 0 ? bg : r.pal.pane_bg;
            bg = t;
        }
        if (style.flags & kAnsiDim) fg = (fg & ~IM_COL32_A_MASK) | (static_cast<ImU32>(0x99) << IM_COL32_A_SHIFT);
    };
    const bool styled = !r.doc.runs.empty();

    if (styled && b1 > b0)
        for_each_segment(r, b0, b1, c0, [&](std::size_t, std::size_t, std::size_t col, std::size_t cols, const AnsiStyle& st) {
            ImU32 fg, bg;
            colors(st, fg, bg);
            if (bg != 0) r.dl->AddRectFilled(ImVec2(x_of(col), y), ImVec2(x_of(col + cols), y + m.row_h), bg);
        });

    if (r.p.find != nullptr && !r.p.find->offsets.empty() && b1 > b0) {
        const auto range = matches_in(*r.p.find, b0, b1);
        for (std::size_t k = range.first; k < range.second; ++k) {
            const std::size_t ms = std::max(r.p.find->offsets[k], b0);
            const std::size_t me = std::min(r.p.find->offsets[k] + r.p.find->lengths[k], b1);
            if (me <= ms) continue;
            const std::size_t cs = c0 + utf8_cells(text, b0, ms);
            const std::size_t ce = cs + utf8_cells(text, ms, me);
            const bool current = static_cast<int>(k) == r.p.current_match;
            r.dl->AddRectFilled(ImVec2(x_of(cs), y), ImVec2(x_of(ce), y + m.row_h),
                                current ? r.pal.find_current : r.pal.find_match);
        }
    }
    if (b1 <= b0) return;
    view_fonts_note(std::string_view(text).substr(b0, b1 - b0));  // code points the atlas lacks: asked of the platform

    if (!styled) {
        r.dl->AddText(r.font, r.font_size, ImVec2(x_of(c0), y), r.pal.text, text.data() + b0, text.data() + b1);
        return;
    }
    for_each_segment(r, b0, b1, c0, [&](std::size_t sb, std::size_t se, std::size_t col, std::size_t cols, const AnsiStyle& st) {
        ImU32 fg, bg;
        colors(st, fg, bg);
        const float xa = x_of(col), xb = x_of(col + cols);
        r.dl->AddText(r.font, r.font_size, ImVec2(xa, y), fg, text.data() + sb, text.data() + se);
        if (st.flags & kAnsiBold)  // no bold face is bundled: overstrike one pixel to the right
            r.dl->AddText(r.font, r.font_size, ImVec2(xa + r.bold_offset, y), fg, text.data() + sb, text.data() + se);
        if (st.flags & kAnsiUnderline)
            r.dl->AddLine(ImVec2(xa, y + m.row_h - 1.0f), ImVec2(xb, y + m.row_h - 1.0f), fg);
        if (st.flags & kAnsiStrike)
            r.dl->AddLine(ImVec2(xa, y + m.row_h * 0.55f), ImVec2(xb, y + m.row_h * 0.55f), fg);
    });
}

// ---- draw_text_view's phases ---------------------------------------------------------------------
// One call's working state, filled in phase by phase (the way imgui_tables.cpp keeps an ImGuiTable
// between TableBeginInitMemory, TableUpdateLayout, TableDrawBorders...).
struct Pane {
    const TextDoc&        doc;
    TextViewCache&        cache;
    const TextViewParams& p;
    const ViewPalette&    pal;
    ImFont*               font = nullptr;
    float                 font_size = 0.0f;
    Metrics               m;
    ImVec2                size;
    std::size_t           nlines = 0;
    int                   total_rows = 0;
    // Known once the child window is open (begin_pane):
    ImDrawList*           dl = nullptr;
    ImVec2                win_pos, win_size;
    float                 scroll_x = 0.0f;
    float                 text_left = 0.0f;  // where text starts on screen, right of the gutter
    float                 x_col0 = 0.0f;     // screen x of column 0, scrolled
    float                 win_right = 0.0f;
    struct Number { int line; float y; };
    ImVector<Number>      numbers;           // line numbers to draw in the gutter, collected by draw_rows

    Pane(const TextDoc& d, TextViewCache& c, const TextViewParams& params, ImVec2 sz)
        : doc(d), cache(c), p(params), pal(params.pal ? *params.pal : view_palette(false)), size(sz) {}
};

// Phase 1: cell and row sizes, gutter and text widths, from the size given (not from inside the
// child, so request_scroll can act before the child opens); wrap rows rebuilt for a new width.
void measure_pane(Pane& t) {
    const ImGuiStyle& st = ImGui::GetStyle();
    Metrics& m = t.m;
    m.adv = std::max(1.0f, t.font->GetCharAdvance('M') * t.font_size / t.font->FontSize);
    m.row_h = t.font_size;
    m.pad = ImVec2(std::floor(st.FramePadding.x), std::floor(st.FramePadding.y));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (t.size.x <= 0.0f) t.size.x = std::max(avail.x + t.size.x, 4.0f * m.adv);
    if (t.size.y <= 0.0f) t.size.y = std::max(avail.y + t.size.y, 3.0f * m.row_h);
    t.nlines = t.doc.lines.count();
    m.gutter_w = t.p.line_numbers ? std::floor(static_cast<float>(digits(t.nlines)) * m.adv + 2.0f * m.pad.x) : 0.0f;
    m.text_w = std::max(m.adv, t.size.x - 2.0f * m.pad.x - st.ScrollbarSize - m.gutter_w - m.pad.x);
    m.view_h = std::max(m.row_h, t.size.y - 2.0f * m.pad.y - (t.p.wrap ? 0.0f : st.ScrollbarSize));
    m.wrap_cols = std::max(8, static_cast<int>(m.text_w / m.adv));
    if (t.p.wrap && (t.cache.wrap_cols != m.wrap_cols || t.cache.first_row.size() != t.nlines + 1))
        build_wrap_rows(t.doc, t.cache, m.wrap_cols);
    t.total_rows = t.p.wrap ? static_cast<int>(t.cache.first_row[t.nlines])
                            : static_cast<int>(std::min<std::size_t>(t.nlines, 0x7FFFFFFF));
}

bool has_scroll_target(const Pane& t) {
    return t.p.scroll_to_line >= 0 && static_cast<std::size_t>(t.p.scroll_to_line) < t.nlines;
}

// The visual row the scroll target starts on (a wrapped line's row for its column).
float scroll_target_row(const Pane& t) {
    const std::size_t line = static_cast<std::size_t>(t.p.scroll_to_line);
    if (!t.p.wrap) return static_cast<float>(line);
    return static_cast<float>(t.cache.first_row[line] + t.p.scroll_to_col / static_cast<std::size_t>(t.m.wrap_cols));
}

// Phase 2: a requested line goes about a third down the pane (what led to it stays visible above),
// its column a little in from the left edge.
void request_scroll(const Pane& t) {
    if (!has_scroll_target(t)) return;
    const Metrics& m = t.m;
    const float y = std::max(0.0f, scroll_target_row(t) * m.row_h - m.view_h * kScrollTargetFromTop);
    const float x = t.p.wrap ? -1.0f
                             : std::max(0.0f, static_cast<float>(t.p.scroll_to_col) * m.adv - m.text_w * kScrollTargetFromLeft);
    ImGui::SetNextWindowScroll(ImVec2(x, y));
}

// Phase 3: the child window; false when it is clipped away (then only EndChild follows).
bool begin_pane(Pane& t, const char* id) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, t.m.pad);
    const bool open = ImGui::BeginChild(id, t.size, ImGuiChildFlags_Border,
                                        t.p.wrap ? ImGuiWindowFlags_None : ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleVar();
    if (!open) return false;
    t.dl = ImGui::GetWindowDrawList();
    t.win_pos = ImGui::GetWindowPos();
    t.win_size = ImGui::GetWindowSize();
    t.scroll_x = ImGui::GetScrollX();
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // row 0, column 0 minus the gutter, scrolled
    t.text_left = t.win_pos.x + t.m.pad.x + t.m.gutter_w;
    t.x_col0 = origin.x + t.m.gutter_w + t.m.pad.x;
    t.win_right = t.win_pos.x + t.win_size.x;
    return true;
}

// Phase 4: did the scroll asked for land? A window seen for the first time has no content size,
// so ImGui clamped the scroll; the caller asks again next frame (ScrollRequest).
bool scroll_target_in_view(const Pane& t) {
    if (!has_scroll_target(t)) return true;
    const Metrics& m = t.m;
    const float ry = scroll_target_row(t) * m.row_h;
    const float sy = ImGui::GetScrollY();
    bool in_view = ry >= sy - 0.5f && ry + m.row_h <= sy + m.view_h + 0.5f;
    if (!t.p.wrap) {
        const float cx = static_cast<float>(t.p.scroll_to_col) * m.adv;
        in_view = in_view && cx >= t.scroll_x - 0.5f && cx <= t.scroll_x + m.text_w;
    }
    return in_view;
}

// The line a visual row belongs to and the columns [c0, c1) of it the row shows; first_seg is
// false for a wrapped line's continuation rows (no line number there).
void row_span(const Pane& t, int row, std::size_t first_col, std::size_t col_span, std::size_t& line, std::size_t& c0,
              std::size_t& c1, bool& first_seg) {
    if (!t.p.wrap) {
        line = static_cast<std::size_t>(row);
        c0 = first_col;
        c1 = first_col + col_span;
        first_seg = true;
        return;
    }
    const auto& rows = t.cache.first_row;
    auto it = std::upper_bound(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(t.nlines), static_cast<std::uint32_t>(row));
    line = static_cast<std::size_t>(it - rows.begin()) - 1;
    const std::size_t seg = static_cast<std::size_t>(row) - rows[line];
    first_seg = seg == 0;
    c0 = seg * static_cast<std::size_t>(t.m.wrap_cols);
    c1 = c0 + static_cast<std::size_t>(t.m.wrap_cols);
}

// The highlighted line's full-row band, and a box around the finding's cell (under the glyph).
void draw_line_highlight(const Pane& t, float y, std::size_t c0, std::size_t c1) {
    const Metrics& m = t.m;
    t.dl->AddRectFilled(ImVec2(t.text_left, y), ImVec2(t.win_right, y + m.row_h), t.pal.line_highlight);
    const std::size_t hc = static_cast<std::size_t>(t.p.highlight_col);
    if (t.p.highlight_col < 0 || hc < c0 || hc >= c1) return;
    const float x = t.x_col0 + static_cast<float>(hc) * m.adv;
    t.dl->AddRect(ImVec2(x, y), ImVec2(x + m.adv, y + m.row_h), t.pal.error, 0.0f, 0, std::max(1.0f, std::floor(t.p.ui_scale)));
}

// Phase 5: ImGuiListClipper picks the visible rows; each is drawn straight into the draw list and
// one Dummy per row tells the clipper and the scrollbar how tall the content is.
void draw_rows(Pane& t, TextViewResult& result) {
    const Metrics& m = t.m;
    const RowDraw rd{t.dl, t.font, t.font_size, t.doc, t.p, t.pal, std::max(1.0f, std::floor(t.p.ui_scale))};
    // Visible columns when not wrapping (a margin of one cell each side for partly visible glyphs).
    const std::size_t first_col = static_cast<std::size_t>(std::max(0.0f, std::floor(t.scroll_x / m.adv) - 1.0f));
    const std::size_t col_span = static_cast<std::size_t>(std::ceil(m.text_w / m.adv)) + 3;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool right_click = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right);

    t.dl->PushClipRect(ImVec2(t.text_left, t.win_pos.y), ImVec2(t.win_right, t.win_pos.y + t.win_size.y), true);
    ImGuiListClipper clipper;
    clipper.Begin(t.total_rows, m.row_h);
    bool first = true;
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            std::size_t line, c0, c1;
            bool first_seg;
            row_span(t, row, first_col, col_span, line, c0, c1, first_seg);
            const float y = ImGui::GetCursorScreenPos().y;
            if (first) { result.first_visible_line = static_cast<int>(line); first = false; }
            if (static_cast<int>(line) == t.p.highlight_line) draw_line_highlight(t, y, c0, c1);
            const std::size_t cols = t.doc.lines.cols[line];
            if (c0 < cols) {
                // A wide character across c0 belongs to the row (or margin) before: it is drawn
                // once, at its own column, which is where this row's text really starts.
                std::size_t at = c0;
                const std::size_t b0 = byte_of_column(t.doc.text, t.doc.lines, line, c0, &at);
                const std::size_t b1 = c1 >= cols ? t.doc.lines.end(line) : byte_of_column(t.doc.text, t.doc.lines, line, c1);
                draw_row(rd, b0, std::max(b0, b1), at, t.x_col0, y, m);
            }
            if (first_seg) t.numbers.push_back({static_cast<int>(line), y});
            if (right_click && mouse.y >= y && mouse.y < y + m.row_h) result.context_line = static_cast<int>(line);
            ImGui::Dummy(ImVec2(1.0f, m.row_h));
            ++result.rows_drawn;
        }
    }
    clipper.End();
    t.dl->PopClipRect();
}

// Phase 6: line numbers, fixed on screen (drawn after the rows so horizontally scrolled text passes
// under the gutter).
void draw_gutter(const Pane& t) {
    if (!t.p.line_numbers) return;
    const Metrics& m = t.m;
    const float gx = t.win_pos.x + m.pad.x;
    t.dl->AddRectFilled(t.win_pos, ImVec2(t.text_left, t.win_pos.y + t.win_size.y), t.pal.gutter_bg);
    char buf[16];
    for (const Pane::Number& n : t.numbers) {
        const int len = std::snprintf(buf, sizeof buf, "%d", n.line + 1);
        const float w = static_cast<float>(len) * m.adv;
        const ImU32 col = n.line == t.p.highlight_line ? t.pal.text : t.pal.gutter_text;
        t.dl->AddText(t.font, t.font_size, ImVec2(gx + m.gutter_w - m.pad.x - w, n.y), col, buf, buf + len);
    }
}

// Phase 7: the horizontal scroll extent is the longest line, whatever rows are visible now.
void set_content_extent(const Pane& t) {
    if (t.p.wrap) return;
    const Metrics& m = t.m;
    ImGui::Dummy(ImVec2(m.gutter_w + m.pad.x + static_cast<float>(t.doc.lines.max_cols) * m.adv + m.adv, 0.0f));
}

}  // namespace

TextViewResult draw_text_view(const char* id, const TextDoc& doc, TextViewCache& cache, const TextViewParams& p,
                              ImVec2 size) {
    TextViewResult result;
    Pane t(doc, cache, p, size);
    t.font = ImGui::GetFont();
    t.font_size = ImGui::GetFontSize();

    measure_pane(t);
    request_scroll(t);
    if (!begin_pane(t, id)) {
        ImGui::EndChild();
        return result;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    result.scroll_done = scroll_target_in_view(t);
    result.at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - t.m.row_h * 0.5f;
    if (t.nlines == 0) {
        ImGui::TextDisabled("(empty)");
    } else {
        draw_rows(t, result);
        draw_gutter(t);
        set_content_extent(t);
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    return result;
}

void ScrollRequest::settle(int target, const TextViewParams& p, const TextViewResult& r, bool& wants_more_frames) {
    if (!pending(target)) return;
    if (p.scroll_to_line < 0 || r.scroll_done || ++attempts > kScrollRetryFrames) {
        shown = target;
        attempts = 0;
    } else {
        wants_more_frames = true;
    }
}

}  // namespace ssmview

// view/text_view.cpp: the clipped text pane (see text_view.h).
//
// Index
//   Metrics            cell advance, row height, gutter and text widths for this frame
//   build_wrap_rows    prefix sums of visual rows per line for a column count
//   for_each_segment   the style-run pieces of a row
//   draw_row           one visual row: style backgrounds, find highlights, glyphs, decorations
//   draw_text_view     scroll request -> child window -> clipper loop -> gutter -> content extent
//
// Call flow per frame: draw_text_view computes the metrics from the size it was given (not from
// inside the child, so a scroll request can be applied with SetNextWindowScroll before Begin,
// in the same frame, instead of one frame late), opens the child window, lets ImGuiListClipper
// pick the visible rows and calls draw_row for each. Rows are drawn straight into the window's
// draw list; one Dummy per row tells the clipper and the scrollbar how tall the content is, and
// one final Dummy as wide as the longest line sets the horizontal scroll extent.
#include "text_view.h"

#include <algorithm>
#include <cmath>

#include "fonts.h"

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
            const std::size_t cols = utf8_length(r.doc.text, sb, se);
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
        const std::size_t q = r.p.find->query.size();
        for (std::size_t k = range.first; k < range.second; ++k) {
            const std::size_t ms = std::max(r.p.find->offsets[k], b0);
            const std::size_t me = std::min(r.p.find->offsets[k] + q, b1);
            if (me <= ms) continue;
            const std::size_t cs = c0 + utf8_length(text, b0, ms);
            const std::size_t ce = cs + utf8_length(text, ms, me);
            const bool current = static_cast<int>(k) == r.p.current_match;
            r.dl->AddRectFilled(ImVec2(x_of(cs), y), ImVec2(x_of(ce), y + m.row_h),
                                current ? r.pal.find_current : r.pal.find_match);
        }
    }
    if (b1 <= b0) return;

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

}  // namespace

TextViewResult draw_text_view(const char* id, const TextDoc& doc, TextViewCache& cache, const TextViewParams& p,
                              ImVec2 size) {
    TextViewResult result;
    const ImGuiStyle& st = ImGui::GetStyle();
    const ViewPalette& pal = p.pal ? *p.pal : view_palette(false);
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();

    Metrics m;
    m.adv = std::max(1.0f, font->GetCharAdvance('M') * fs / font->FontSize);
    m.row_h = fs;
    m.pad = ImVec2(std::floor(st.FramePadding.x), std::floor(st.FramePadding.y));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0.0f) size.x = std::max(avail.x + size.x, 4.0f * m.adv);
    if (size.y <= 0.0f) size.y = std::max(avail.y + size.y, 3.0f * m.row_h);
    const std::size_t nlines = doc.lines.count();
    m.gutter_w = p.line_numbers ? std::floor(static_cast<float>(digits(nlines)) * m.adv + 2.0f * m.pad.x) : 0.0f;
    m.text_w = std::max(m.adv, size.x - 2.0f * m.pad.x - st.ScrollbarSize - m.gutter_w - m.pad.x);
    m.view_h = std::max(m.row_h, size.y - 2.0f * m.pad.y - (p.wrap ? 0.0f : st.ScrollbarSize));
    m.wrap_cols = std::max(8, static_cast<int>(m.text_w / m.adv));

    if (p.wrap && (cache.wrap_cols != m.wrap_cols || cache.first_row.size() != nlines + 1))
        build_wrap_rows(doc, cache, m.wrap_cols);
    const int total_rows = p.wrap ? static_cast<int>(cache.first_row[nlines]) : static_cast<int>(std::min<std::size_t>(nlines, 0x7FFFFFFF));

    // A requested line goes about a third down the pane: what led to it stays visible above.
    if (p.scroll_to_line >= 0 && static_cast<std::size_t>(p.scroll_to_line) < nlines) {
        const std::size_t line = static_cast<std::size_t>(p.scroll_to_line);
        const float row = p.wrap ? static_cast<float>(cache.first_row[line] + p.scroll_to_col / static_cast<std::size_t>(m.wrap_cols))
                                 : static_cast<float>(line);
        const float y = std::max(0.0f, row * m.row_h - m.view_h * 0.35f);
        const float x = p.wrap ? -1.0f : std::max(0.0f, static_cast<float>(p.scroll_to_col) * m.adv - m.text_w * 0.3f);
        ImGui::SetNextWindowScroll(ImVec2(p.wrap ? -1.0f : x, y));
    }

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, m.pad);
    const bool open = ImGui::BeginChild(id, size, ImGuiChildFlags_Border,
                                        p.wrap ? ImGuiWindowFlags_None : ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleVar();
    if (!open) {
        ImGui::EndChild();
        return result;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(st.ItemSpacing.x, 0.0f));

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 win_pos = ImGui::GetWindowPos();
    const ImVec2 win_size = ImGui::GetWindowSize();
    const float scroll_x = ImGui::GetScrollX();
    if (p.scroll_to_line >= 0 && static_cast<std::size_t>(p.scroll_to_line) < nlines) {
        const std::size_t line = static_cast<std::size_t>(p.scroll_to_line);
        const float ry = (p.wrap ? static_cast<float>(cache.first_row[line] + p.scroll_to_col / static_cast<std::size_t>(m.wrap_cols))
                                 : static_cast<float>(line)) * m.row_h;
        const float sy = ImGui::GetScrollY();
        bool in_view = ry >= sy - 0.5f && ry + m.row_h <= sy + m.view_h + 0.5f;
        if (!p.wrap) {
            const float cx = static_cast<float>(p.scroll_to_col) * m.adv;
            in_view = in_view && cx >= scroll_x - 0.5f && cx <= scroll_x + m.text_w;
        }
        result.scroll_done = in_view;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // row 0, column 0 minus the gutter, scrolled
    const float text_left = win_pos.x + m.pad.x + m.gutter_w;  // fixed on screen
    const float x_col0 = origin.x + m.gutter_w + m.pad.x;
    const float win_right = win_pos.x + win_size.x;

    if (nlines == 0) {
        ImGui::TextDisabled("(empty)");
        ImGui::PopStyleVar();
        ImGui::EndChild();
        return result;
    }

    const float ui_scale = view_ui_scale();
    const RowDraw rd{dl, font, fs, doc, p, pal, std::max(1.0f, std::floor(ui_scale))};
    // Visible columns when not wrapping (a margin of one cell each side for partly visible glyphs).
    const std::size_t first_col = static_cast<std::size_t>(std::max(0.0f, std::floor(scroll_x / m.adv) - 1.0f));
    const std::size_t col_span = static_cast<std::size_t>(std::ceil(m.text_w / m.adv)) + 3;

    struct Number { int line; float y; };
    ImVector<Number> numbers;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool right_click = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right);

    dl->PushClipRect(ImVec2(text_left, win_pos.y), ImVec2(win_right, win_pos.y + win_size.y), true);
    ImGuiListClipper clipper;
    clipper.Begin(total_rows, m.row_h);
    bool first = true;
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            std::size_t line, c0, c1;
            bool first_seg = true;
            if (p.wrap) {
                auto it = std::upper_bound(cache.first_row.begin(), cache.first_row.begin() + static_cast<std::ptrdiff_t>(nlines),
                                           static_cast<std::uint32_t>(row));
                line = static_cast<std::size_t>(it - cache.first_row.begin()) - 1;
                const std::size_t seg = static_cast<std::size_t>(row) - cache.first_row[line];
                first_seg = seg == 0;
                c0 = seg * static_cast<std::size_t>(m.wrap_cols);
                c1 = c0 + static_cast<std::size_t>(m.wrap_cols);
            } else {
                line = static_cast<std::size_t>(row);
                c0 = first_col;
                c1 = first_col + col_span;
            }
            const float y = ImGui::GetCursorScreenPos().y;
            if (first) { result.first_visible_line = static_cast<int>(line); first = false; }
            if (static_cast<int>(line) == p.highlight_line) {
                dl->AddRectFilled(ImVec2(text_left, y), ImVec2(win_right, y + m.row_h), pal.line_highlight);
                const std::size_t hc = static_cast<std::size_t>(p.highlight_col);
                if (p.highlight_col >= 0 && hc >= c0 && hc < c1) {  // a box around the cell, drawn under the glyph
                    const float x = x_col0 + static_cast<float>(hc) * m.adv;
                    dl->AddRect(ImVec2(x, y), ImVec2(x + m.adv, y + m.row_h), pal.error, 0.0f, 0, std::max(1.0f, std::floor(ui_scale)));
                }
            }
            const std::size_t cols = doc.lines.cols[line];
            if (c0 < cols) {
                const std::size_t b0 = byte_of_column(doc.text, doc.lines, line, c0);
                const std::size_t b1 = c1 >= cols ? doc.lines.end(line) : byte_of_column(doc.text, doc.lines, line, c1);
                draw_row(rd, b0, b1, c0, x_col0, y, m);
            }
            if (first_seg) numbers.push_back({static_cast<int>(line), y});
            if (right_click && mouse.y >= y && mouse.y < y + m.row_h) result.context_line = static_cast<int>(line);
            ImGui::Dummy(ImVec2(1.0f, m.row_h));
            ++result.rows_drawn;
        }
    }
    clipper.End();
    dl->PopClipRect();

    // Gutter: fixed on screen (drawn after the rows so horizontally scrolled text passes under it).
    if (p.line_numbers) {
        const float gx = win_pos.x + m.pad.x;
        dl->AddRectFilled(ImVec2(win_pos.x, win_pos.y), ImVec2(text_left, win_pos.y + win_size.y), pal.gutter_bg);
        char buf[16];
        for (const Number& n : numbers) {
            const int len = std::snprintf(buf, sizeof buf, "%d", n.line + 1);
            const float w = static_cast<float>(len) * m.adv;
            const ImU32 col = n.line == p.highlight_line ? pal.text : pal.gutter_text;
            dl->AddText(font, fs, ImVec2(gx + m.gutter_w - m.pad.x - w, n.y), col, buf, buf + len);
        }
    }
    if (!p.wrap)  // horizontal extent: the longest line, whatever rows are visible now
        ImGui::Dummy(ImVec2(m.gutter_w + m.pad.x + static_cast<float>(doc.lines.max_cols) * m.adv + m.adv, 0.0f));

    ImGui::PopStyleVar();
    ImGui::EndChild();
    return result;
}

}  // namespace ssmview

// view/raw_input_panel.cpp: the input exactly as it came (sanitized for display only).
//
// Index
//   findings_on_line      the diagnostics placed on the highlighted line, shown above the pane
//   draw_raw_input_panel  summary line (format, size, JSON span), copy, the text pane with the
//                         jump target highlighted
//
// Call flow: diagnostics_panel sets ViewUi.raw_line; this panel notices it differs from the line
// ViewModel.raw_scroll (a ScrollRequest) last showed and asks draw_text_view to bring it into view once. The raw doc is
// built here on first display (raw_doc()), not at load: most loads never open this tab.
#include <algorithm>

#include "panels.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

void findings_on_line(Frame& f, int line) {
    for (const Diagnostic& d : f.s.report.diagnostics) {
        if (d.line != line) continue;
        const ImU32 col = d.severity == Severity::Error ? f.pal.error : d.severity == Severity::Warning ? f.pal.warning : f.pal.info;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(col), "%s %s", diagnostic_place(d).c_str(),
                           clip_for_display(d.code, kClipShort).c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", clip_for_display(d.message, kClipSentence).c_str());
        break;  // one is enough above the pane; the Diagnostics tab lists them all
    }
}

}  // namespace

void draw_raw_input_panel(Frame& f) {
    const TextDoc& doc = raw_doc(f.m, f.s.text);
    const Report& r = f.s.report;
    ImGui::Text("%s, %zu bytes, %zu lines", input_format_name(r.format), f.s.text.size(), doc.lines.count());
    if (r.has_invocation && r.json_end > r.json_begin) {
        ImGui::SameLine();
        ImGui::TextDisabled("(JSON at bytes %zu-%zu)", r.json_begin, r.json_end);
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(f.s.text.empty());
    copy_button(f, "raw", f.s.text, "the raw input", "raw.copy");
    ImGui::EndDisabled();
    if (f.s.ui.raw_line > 0) findings_on_line(f, f.s.ui.raw_line);

    TextViewParams p;
    p.pal = &f.pal;
    p.ui_scale = f.scale;
    p.wrap = f.s.ui.wrap;
    p.highlight_line = f.s.ui.raw_line - 1;
    // The selected finding's column, when it is on that line (columns count code points, like
    // the doc's cells; a tab before it would shift the mark, which JSON never has unescaped).
    const int sel = f.s.ui.selected_diagnostic;
    if (sel >= 0 && static_cast<std::size_t>(sel) < r.diagnostics.size() &&
        r.diagnostics[static_cast<std::size_t>(sel)].line == f.s.ui.raw_line)
        p.highlight_col = r.diagnostics[static_cast<std::size_t>(sel)].column - 1;
    if (f.m.raw_scroll.pending(f.s.ui.raw_line)) {
        if (f.s.ui.raw_line > 0) {
            // Lines past the end (a finding at the end of a text with a final newline) show the last.
            const std::size_t n = doc.lines.count();
            p.scroll_to_line = n == 0 ? -1 : static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(f.s.ui.raw_line - 1), n - 1));
            // On a long line (minified JSON is one line) the column matters as much as the line.
            if (p.highlight_col >= 0) p.scroll_to_col = static_cast<std::size_t>(p.highlight_col);
        }
    }
    const TextViewResult res = draw_text_view("##raw", doc, f.m.raw_cache, p, ImVec2(0, 0));
    f.m.raw_first_visible_line = res.first_visible_line;
    f.m.raw_scroll.settle(f.s.ui.raw_line, p, res, f.a.wants_more_frames);
    note_control(f, "raw.pane");
}

}  // namespace ssmview

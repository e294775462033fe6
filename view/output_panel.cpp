// view/output_panel.cpp: standard output and standard error, readable at any size.
//
// Index
//   ensure_find         (re)runs find when the query, case flag, pane or invocation changed
//   draw_find_bar       query field, "3 of 27", previous / next, case toggle; Enter / Shift+Enter
//   truncation_banner   the service cut the output: say where the whole of it is (S3) or is not
//   download_name       "<CommandId>-<InstanceId>-stdout.txt", file-name safe
//   draw_output_panel   its phases, in order:
//     draw_stream_tabs    stdout (N lines) | stderr (N lines) -> ViewUi.stream
//     draw_toolbar        find bar, Wrap, Copy all, Download
//     draw_pane_notes     the truncation banner; the member absent, or empty until it finishes
//     draw_pane           the text pane, find highlights, the current match scrolled into view
//     draw_line_menu      right click on a line: "Copy line N"
//
// Call flow: view_frame -> draw_output_panel -> ensure_find (cached in OutputPane) ->
// draw_text_view (clipped). ViewUi.find_current changing (next/previous, or a test setting it)
// is noticed by OutputPane.scroll (a ScrollRequest), which scrolls that match into view once. What "Copy all" and "Download" give, and why they differ: Copy all is the text as shown,
// escape codes removed (it goes into chats and tickets); Download is the member exactly as the
// API returned it, escapes included (a file keeps everything; `less -R` shows the colours).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "links.h"
#include "panels.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

const Field<std::string>& content_field(const Invocation& inv, OutputStream s) {
    return s == OutputStream::Stdout ? inv.standard_output_content : inv.standard_error_content;
}
const Field<std::string>& url_field(const Invocation& inv, OutputStream s) {
    return s == OutputStream::Stdout ? inv.standard_output_url : inv.standard_error_url;
}

void ensure_find(Frame& f, OutputPane& pane) {
    ViewUi& ui = f.s.ui;
    if (pane.find_built && pane.find.query == ui.find_query && pane.find.case_sensitive == ui.find_case_sensitive) return;
    pane.find = find_all(pane.doc.text, ui.find_query, ui.find_case_sensitive);
    pane.find_built = true;
    // Start from where the reader is looking, like a browser's find.
    const std::size_t from = pane.doc.lines.count() > 0
        ? pane.doc.lines.starts[std::min<std::size_t>(static_cast<std::size_t>(pane.first_visible_line), pane.doc.lines.count() - 1)]
        : 0;
    ui.find_current = std::max(0, find_nearest(pane.find, from));
    pane.scroll = ScrollRequest{};  // a new search scrolls to its current match even if the index is the same
}

void draw_find_bar(Frame& f, OutputPane& pane) {
    ViewUi& ui = f.s.ui;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kFindFieldEms);
    if (f.m.focus_find) {
        ImGui::SetKeyboardFocusHere();
        f.m.focus_find = false;
    }
    const char* hint = f.env.is_mac ? "Find (Cmd+F)" : "Find (Ctrl+F)";
    const bool enter = ImGui::InputTextWithHint("##find", hint, &ui.find_query, ImGuiInputTextFlags_EnterReturnsTrue);
    note_control(f, "output.find");
    ensure_find(f, pane);
    const int stored = static_cast<int>(pane.find.offsets.size());
    if (enter && stored > 0) {
        ui.find_current = find_step(pane.find, ui.find_current, ImGui::GetIO().KeyShift ? -1 : 1);
        ImGui::SetKeyboardFocusHere(-1);  // Enter again goes on to the next match
    }
    ImGui::SameLine();
    if (ui.find_query.empty()) {
        ImGui::TextDisabled("       ");
    } else if (pane.find.count == 0) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.error), "no matches");
    } else {
        ImGui::Text("%d of %zu%s", std::min(ui.find_current, stored - 1) + 1, pane.find.count,
                    pane.find.capped() ? " (first 1,000,000 cycle)" : "");
    }
    note_control(f, "output.find_count");
    ImGui::SameLine();
    ImGui::BeginDisabled(stored == 0);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) ui.find_current = find_step(pane.find, ui.find_current, -1);
    note_control(f, "output.find_prev");
    ImGui::SameLine(0.0f, 2.0f);
    if (ImGui::ArrowButton("##next", ImGuiDir_Down)) ui.find_current = find_step(pane.find, ui.find_current, 1);
    note_control(f, "output.find_next");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox("Aa", &ui.find_case_sensitive);
    note_control(f, "output.find_case");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Match case");
}

void truncation_banner(Frame& f, OutputStream s) {
    const Invocation& inv = f.s.report.invocation;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetFrameHeightWithSpacing() * kTruncationBannerRows;
    ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), f.pal.banner_bg, ImGui::GetStyle().FrameRounding);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + ImGui::GetStyle().FramePadding.x, p0.y + ImGui::GetStyle().FramePadding.y));
    ImGui::BeginGroup();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.warning), "%s", truncated_lead());
    ImGui::SameLine();
    ImGui::TextUnformatted(truncation_limit_text(s).c_str());
    const Field<std::string>& url = url_field(inv, s);
    if (url.present && !url.value.empty()) {
        ImGui::TextUnformatted(truncation_where_text(true));
        ImGui::SameLine();
        const S3Location loc = parse_s3_url(url.value);
        const float console_w = loc.ok ? ImGui::CalcTextSize("(S3 console)").x + ImGui::GetStyle().ItemSpacing.x : 0.0f;
        link_text(f, "full", url.value, url.value, "output.truncated_link", ImGui::GetContentRegionAvail().x - console_w);
        if (loc.ok) {
            ImGui::SameLine();
            link_text(f, "full.console", "(S3 console)", s3_console_url(loc));
        }
    } else {
        ImGui::TextDisabled("%s", truncation_where_text(false));
    }
    ImGui::EndGroup();
    note_control(f, "output.truncated_banner");
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h + ImGui::GetStyle().ItemSpacing.y));
}

std::string download_name(const Invocation& inv, OutputStream s) {
    std::string base;
    for (const Field<std::string>* fld : {&inv.command_id, &inv.instance_id}) {
        if (!fld->present || fld->value.empty()) continue;
        if (!base.empty()) base += '-';
        for (char c : fld->value.substr(0, 64))
            base += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    }
    if (base.empty()) base = "invocation";
    return base + (s == OutputStream::Stdout ? "-stdout.txt" : "-stderr.txt");
}

// ---- draw_output_panel's phases ---------------------------------------------------------------------------
const Field<std::string>& shown_content(const Frame& f) { return content_field(f.s.report.invocation, f.s.ui.stream); }
int stream_index(const ViewUi& ui) { return ui.stream == OutputStream::Stdout ? 0 : 1; }

void draw_stream_tabs(Frame& f) {
    ViewUi& ui = f.s.ui;
    // wording.h's count, as the page's text version says it; "###" keeps the ImGui id stable.
    const std::string out_label = "stdout (" + output_lines_text(f.m.out[0].doc.lines.count()) + ")###stdout";
    const std::string err_label = "stderr (" + output_lines_text(f.m.out[1].doc.lines.count()) + ")###stderr";
    const char* labels[] = {out_label.c_str(), err_label.c_str()};
    static const char* const kControls[] = {"output.tab.stdout", "output.tab.stderr"};
    int stream = stream_index(ui);
    if (tab_row(f, labels, 2, stream, kControls)) ui.stream = stream == 0 ? OutputStream::Stdout : OutputStream::Stderr;
}

void draw_toolbar(Frame& f, OutputPane& pane) {
    ViewUi& ui = f.s.ui;
    const Invocation& inv = f.s.report.invocation;
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * kFindBarGapEms);
    draw_find_bar(f, pane);
    ImGui::SameLine(0.0f, ImGui::GetFontSize());
    ImGui::Checkbox("Wrap", &ui.wrap);
    note_control(f, "output.wrap");
    ImGui::SameLine();
    const Field<std::string>& content = shown_content(f);
    ImGui::BeginDisabled(!content.present || content.value.empty());
    if (ImGui::Button("Copy all")) {
        f.a.copy_text = ansi_parse(content.value).text;
        show_note(f, ui.stream == OutputStream::Stdout ? "Copied standard output" : "Copied standard error");
    }
    note_control(f, "output.copy_all");
    ImGui::SameLine();
    if (ImGui::Button("Download")) {
        f.a.download_name = download_name(inv, ui.stream);
        f.a.download_data = content.value;
    }
    note_control(f, "output.download");
    ImGui::EndDisabled();
}

// False when there is no pane to draw (the member is absent).
bool draw_pane_notes(Frame& f, const OutputPane& pane) {
    if (pane.truncated) truncation_banner(f, f.s.ui.stream);
    const Field<std::string>& content = shown_content(f);
    if (!content.present) {
        ImGui::TextDisabled("%s", output_absent_text(f.s.ui.stream));
        return false;
    }
    if (content.value.empty() && !f.s.report.state.terminal) ImGui::TextDisabled("%s", output_pending_text());
    return true;
}

TextViewResult draw_pane(Frame& f, OutputPane& pane) {
    const ViewUi& ui = f.s.ui;
    TextViewParams p;
    p.wrap = ui.wrap;
    p.pal = &f.pal;
    p.ui_scale = f.scale;
    if (!ui.find_query.empty()) {
        p.find = &pane.find;
        p.current_match = ui.find_current;
        if (pane.scroll.pending(ui.find_current) && ui.find_current >= 0 &&
            ui.find_current < static_cast<int>(pane.find.offsets.size())) {
            const std::size_t off = pane.find.offsets[static_cast<std::size_t>(ui.find_current)];
            const std::size_t line = line_of_offset(pane.doc.lines, off);
            p.scroll_to_line = static_cast<int>(line);
            p.scroll_to_col = utf8_length(pane.doc.text, pane.doc.lines.starts[line], off);
        }
    }
    const TextViewResult res = draw_text_view(ui.stream == OutputStream::Stdout ? "##stdout" : "##stderr", pane.doc,
                                              pane.cache, p, ImVec2(0, 0));
    pane.scroll.settle(ui.find_current, p, res, f.a.wants_more_frames);
    note_control(f, "output.pane");
    pane.first_visible_line = res.first_visible_line;
    return res;
}

void draw_line_menu(Frame& f, const OutputPane& pane, const TextViewResult& res) {
    int& menu_line = f.m.menu_line;
    if (res.context_line >= 0) {
        menu_line = res.context_line;
        ImGui::OpenPopup("##line_menu");
    }
    if (!ImGui::BeginPopup("##line_menu")) return;
    if (menu_line >= 0 && static_cast<std::size_t>(menu_line) < pane.doc.lines.count()) {
        char item[48];
        std::snprintf(item, sizeof item, "Copy line %d", menu_line + 1);
        const bool chosen = ImGui::MenuItem(item);
        note_control(f, "output.copy_line");
        if (chosen) {
            const std::size_t b = pane.doc.lines.starts[static_cast<std::size_t>(menu_line)];
            f.a.copy_text = pane.doc.text.substr(b, pane.doc.lines.end(static_cast<std::size_t>(menu_line)) - b);
            show_note(f, "Copied line");
        }
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_output_panel(Frame& f) {
    draw_stream_tabs(f);
    OutputPane& pane = f.m.out[stream_index(f.s.ui)];
    draw_toolbar(f, pane);
    if (!draw_pane_notes(f, pane)) return;
    const TextViewResult res = draw_pane(f, pane);
    draw_line_menu(f, pane, res);
}

}  // namespace ssmview

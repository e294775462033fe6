// view/output_panel.cpp: standard output and standard error, readable at any size.
//
// Index
//   ensure_find         (re)runs find when the query, case flag, pane or invocation changed
//   draw_find_bar       query field, "3 of 27", previous / next, case toggle; Enter / Shift+Enter
//   truncation_banner   the service cut the output: say where the whole of it is (S3) or is not,
//                       and offer "Load the complete output" when a proxy can read it
//   whole_banner        what the pane holds instead (live, loading with progress and Cancel,
//                       complete, a first part with "Load the rest", an error with its hint)
//   pane_text           the text the pane holds: the whole output once read, else the member
//   sync_output_panes   rebuild a pane's doc when the whole output moved; keep the tail in view
//   download_name       "<CommandId>-<InstanceId>-stdout.txt", file-name safe
//   draw_output_panel   its phases, in order:
//     draw_stream_tabs    stdout (N lines) | stderr (N lines) -> ViewUi.stream
//     draw_toolbar        find bar, Wrap, Copy all, Download
//     draw_pane_notes     the truncation banner; the member absent, or empty until it finishes
//     draw_pane           the text pane, find highlights, the current match scrolled into view
//     draw_line_menu      right click on a line: "Copy line N"
//
// Call flow: view_frame -> draw_output_panel -> ensure_find (cached in OutputPane) ->
// draw_text_view (clipped). Copy all, Download, find and the line menu all work on what the pane
// holds (pane_text), so they act on the complete output once it is loaded. ViewUi.find_current changing (next/previous, or a test setting it)
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
#include "whole_output.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

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
    const bool enter = input_text_any_script("##find", hint, ui.find_query, ImGuiInputTextFlags_EnterReturnsTrue);
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
    const Field<std::string>& url = output_url(inv, s);
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
    // Through a proxy the page reads the rest itself; without one the links above are the way
    // (a click then says how to start one).
    if (whole_can_load(f.s, s).empty()) {
        if (ImGui::Button("Load the complete output")) whole_load_complete(f.s, s);
        note_control(f, "output.load_complete");
        ImGui::SameLine();
        const std::string proxy = whole_proxy_url(f.s);
        ImGui::TextDisabled("through ssmview-proxy at %s", clip_for_display(proxy.empty() ? f.s.fetch.proxy_url : proxy, kClipFetchProxy).c_str());
    }
}

void whole_banner(Frame& f, OutputStream s) {
    const WholeStream& st = f.s.whole.s[output_stream_index(s)];
    const ImU32 lead = st.phase == WholePhase::Failed ? f.pal.error : st.phase == WholePhase::Done ? f.pal.ok : f.pal.warning;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(lead), "%s", whole_lead(st).c_str());
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);  // an S3 key is long: wrap at the pane's edge, never run past it
    ImGui::TextUnformatted(whole_detail(st).c_str());
    ImGui::PopTextWrapPos();
    note_control(f, "output.whole_banner");
    switch (st.phase) {
    case WholePhase::Loading:
        if (st.source == WholeSource::S3 && st.total_bytes > 0) {
            const float done = static_cast<float>(static_cast<double>(st.text.size()) / static_cast<double>(st.total_bytes));
            ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * kWholeProgressEms, 0.0f));
        } else {
            ImGui::TextDisabled("%s", st.retry_at_ms != 0 ? "waiting to try again..." : "reading...");
        }
        note_control(f, "output.whole_progress");
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) whole_cancel(f.s, s);
        note_control(f, "output.whole_cancel");
        break;
    case WholePhase::Partial:
        if (st.source == WholeSource::S3 || st.cancelled) {
            if (ImGui::Button(st.cancelled ? "Resume" : "Load the rest")) whole_load_rest(f.s, s);
            note_control(f, "output.whole_rest");
        }
        break;
    case WholePhase::Failed:
        if (!st.error.hint.empty()) ImGui::TextWrapped("%s", clip_for_display(st.error.hint, kClipSentence).c_str());
        if (ImGui::Button("Try again")) whole_retry(f.s, s);
        note_control(f, "output.whole_retry");
        break;
    default: break;
    }
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
const Field<std::string>& shown_content(const Frame& f) { return output_content(f.s.report.invocation, f.s.ui.stream); }
// The bytes the pane holds: the whole output once read (ANSI kept), else the API's member.
const std::string& pane_text(const Frame& f) {
    const std::string* whole = whole_pane_text(f.s, f.s.ui.stream);
    return whole ? *whole : shown_content(f).value;
}

void draw_stream_tabs(Frame& f) {
    ViewUi& ui = f.s.ui;
    // wording.h's count, as the page's text version says it; "###" keeps the ImGui id stable.
    const std::string out_label = "stdout (" + output_lines_text(f.m.out[0].doc.lines.count()) + ")###stdout";
    const std::string err_label = "stderr (" + output_lines_text(f.m.out[1].doc.lines.count()) + ")###stderr";
    const char* labels[] = {out_label.c_str(), err_label.c_str()};
    static const char* const kControls[] = {"output.tab.stdout", "output.tab.stderr"};
    int stream = output_stream_index(ui.stream);
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
    const std::string& text = pane_text(f);
    ImGui::BeginDisabled(text.empty());
    if (ImGui::Button("Copy all")) {
        f.a.copy_text = ansi_parse(text).text;
        show_note(f, ui.stream == OutputStream::Stdout ? "Copied standard output" : "Copied standard error");
    }
    note_control(f, "output.copy_all");
    ImGui::SameLine();
    if (ImGui::Button("Download")) {
        f.a.download_name = download_name(inv, ui.stream);
        f.a.download_data = text;
    }
    note_control(f, "output.download");
    ImGui::EndDisabled();
}

// False when there is no pane to draw (the member is absent).
bool draw_pane_notes(Frame& f, const OutputPane& pane) {
    const WholeStream& st = f.s.whole.s[output_stream_index(f.s.ui.stream)];
    if (st.phase != WholePhase::None) whole_banner(f, f.s.ui.stream);
    if (pane.shows_truncation(st)) truncation_banner(f, f.s.ui.stream);
    if (pane.holds_whole()) return true;
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
            p.scroll_to_col = utf8_cells(pane.doc.text, pane.doc.lines.starts[line], off);
        }
    }
    // Live output: the reader at the bottom stays at the bottom as lines arrive (a find's match wins).
    const bool tail = pane.tail_pending && p.scroll_to_line < 0 && pane.doc.lines.count() > 0;
    if (tail) p.scroll_to_line = static_cast<int>(pane.doc.lines.count()) - 1;
    const TextViewResult res = draw_text_view(ui.stream == OutputStream::Stdout ? "##stdout" : "##stderr", pane.doc,
                                              pane.cache, p, ImVec2(0, 0));
    if (tail) {
        // Done once the last line was drawn with the pane at its bottom (ImGui clamps the scroll
        // there; the last row may sit under the bottom padding, which scroll_done counts as not in
        // view). The first frame's bottom is the old, shorter content's: not yet.
        const bool last_drawn = static_cast<std::size_t>(res.first_visible_line + res.rows_drawn) >= pane.doc.lines.count();
        if (res.at_bottom && last_drawn) pane.tail_pending = false;
        else f.a.wants_more_frames = true;
    } else {
        pane.scroll.settle(ui.find_current, p, res, f.a.wants_more_frames);
    }
    pane.at_bottom = pane.tail_pending || res.at_bottom;
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

bool sync_output_panes(Frame& f) {
    bool changed = false;
    for (int i = 0; i < 2; ++i) {
        const OutputStream which = output_stream_at(i);
        OutputPane& pane = f.m.out[i];
        const std::string* whole = whole_pane_text(f.s, which);
        const int want = whole ? f.s.whole.s[i].version : -1;
        if (pane.whole_version == want) continue;
        const std::size_t lines_before = pane.doc.lines.count();
        pane.doc = make_output_doc(whole ? *whole : output_content(f.s.report.invocation, which).value);
        pane.whole_version = want;
        pane.find_built = false;  // find runs again on the new text
        pane.cache = TextViewCache{};
        if (pane.at_bottom && pane.doc.lines.count() > lines_before) pane.tail_pending = true;
        changed = true;
    }
    return changed;
}

void draw_output_panel(Frame& f) {
    draw_stream_tabs(f);
    OutputPane& pane = f.m.out[output_stream_index(f.s.ui.stream)];
    draw_toolbar(f, pane);
    if (!draw_pane_notes(f, pane)) return;
    const TextViewResult res = draw_pane(f, pane);
    draw_line_menu(f, pane, res);
}

}  // namespace ssmview

// view/output_panel.cpp: standard output and standard error, readable at any size.
//
// Index
//   ensure_find         (re)runs find when the query, case flag, pane or invocation changed
//   draw_find_bar       query field, "3 of 27", previous / next, case toggle; Enter / Shift+Enter
//   truncation_banner   the service cut the output: say where the whole of it is (S3) or is not
//   download_name       "<CommandId>-<InstanceId>-stdout.txt", file-name safe
//   draw_output_panel   stream tabs, toolbar (find, wrap, copy all, download), banner, text pane,
//                       right-click "Copy line"
//
// Call flow: view_frame -> draw_output_panel -> ensure_find (cached in OutputPane) ->
// draw_text_view (clipped). ViewUi.find_current changing (next/previous, or a test setting it)
// is noticed by comparing with OutputPane.scrolled_match, which scrolls that match into view
// once. What "Copy all" and "Download" give, and why they differ: Copy all is the text as shown,
// escape codes removed (it goes into chats and tickets); Download is the member exactly as the
// API returned it, escapes included (a file keeps everything; `less -R` shows the colours).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "links.h"
#include "panels.h"
#include "widgets.h"

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
    pane.scrolled_match = -1;
}

void draw_find_bar(Frame& f, OutputPane& pane) {
    ViewUi& ui = f.s.ui;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    if (f.m.focus_find) {
        ImGui::SetKeyboardFocusHere();
        f.m.focus_find = false;
    }
    const char* hint = f.env.is_mac ? "Find (Cmd+F)" : "Find (Ctrl+F)";
    const bool enter = input_string("##find", ui.find_query, ImGuiInputTextFlags_EnterReturnsTrue, hint);
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
    const bool out = s == OutputStream::Stdout;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetFrameHeightWithSpacing() * 1.6f;
    ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), f.pal.banner_bg, ImGui::GetStyle().FrameRounding);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + ImGui::GetStyle().FramePadding.x, p0.y + ImGui::GetStyle().FramePadding.y));
    ImGui::BeginGroup();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.warning), "Truncated by the service:");
    ImGui::SameLine();
    ImGui::TextUnformatted(out ? "GetCommandInvocation returns only the first 24,000 characters of standard output."
                               : "GetCommandInvocation returns only the first 8,000 characters of standard error.");
    const Field<std::string>& url = url_field(inv, s);
    if (url.present && !url.value.empty()) {
        ImGui::TextUnformatted("The whole output is in S3:");
        ImGui::SameLine();
        const S3Location loc = parse_s3_url(url.value);
        const float console_w = loc.ok ? ImGui::CalcTextSize("(S3 console)").x + ImGui::GetStyle().ItemSpacing.x : 0.0f;
        link_text(f, "full", url.value, url.value, "output.truncated_link", ImGui::GetContentRegionAvail().x - console_w);
        if (loc.ok) {
            ImGui::SameLine();
            link_text(f, "full.console", "(S3 console)", s3_console_url(loc));
        }
    } else {
        ImGui::TextDisabled("No S3 bucket was given to send-command, so the rest was not kept (unless CloudWatch output was on).");
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

}  // namespace

void draw_output_panel(Frame& f) {
    ViewUi& ui = f.s.ui;
    const Invocation& inv = f.s.report.invocation;
    char out_label[64], err_label[64];
    const std::size_t n_out = f.m.out[0].doc.lines.count(), n_err = f.m.out[1].doc.lines.count();
    std::snprintf(out_label, sizeof out_label, "stdout (%zu line%s)###stdout", n_out, n_out == 1 ? "" : "s");
    std::snprintf(err_label, sizeof err_label, "stderr (%zu line%s)###stderr", n_err, n_err == 1 ? "" : "s");
    const char* labels[] = {out_label, err_label};
    static const char* const kControls[] = {"output.tab.stdout", "output.tab.stderr"};
    int stream = ui.stream == OutputStream::Stdout ? 0 : 1;
    if (tab_row(f, labels, 2, stream, kControls)) ui.stream = stream == 0 ? OutputStream::Stdout : OutputStream::Stderr;
    OutputPane& pane = f.m.out[stream];

    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    draw_find_bar(f, pane);
    ImGui::SameLine(0.0f, ImGui::GetFontSize());
    ImGui::Checkbox("Wrap", &ui.wrap);
    note_control(f, "output.wrap");
    ImGui::SameLine();
    const Field<std::string>& content = content_field(inv, ui.stream);
    ImGui::BeginDisabled(!content.present || content.value.empty());
    if (ImGui::Button("Copy all")) {
        f.a.copy_text = ansi_parse(content.value).text;
        show_note(f, stream == 0 ? "Copied standard output" : "Copied standard error");
    }
    note_control(f, "output.copy_all");
    ImGui::SameLine();
    if (ImGui::Button("Download")) {
        f.a.download_name = download_name(inv, ui.stream);
        f.a.download_data = content.value;
    }
    note_control(f, "output.download");
    ImGui::EndDisabled();

    if (pane.truncated) truncation_banner(f, ui.stream);
    if (!content.present) {
        ImGui::TextDisabled(stream == 0 ? "StandardOutputContent is absent from this input."
                                        : "StandardErrorContent is absent from this input.");
        return;
    }
    if (content.value.empty() && !f.s.report.state.terminal) {
        ImGui::TextDisabled("Empty: the service fills it in once the command has finished.");
    }

    TextViewParams p;
    p.wrap = ui.wrap;
    p.pal = &f.pal;
    if (!ui.find_query.empty()) {
        p.find = &pane.find;
        p.current_match = ui.find_current;
        if (ui.find_current != pane.scrolled_match && ui.find_current >= 0 &&
            ui.find_current < static_cast<int>(pane.find.offsets.size())) {
            const std::size_t off = pane.find.offsets[static_cast<std::size_t>(ui.find_current)];
            const std::size_t line = line_of_offset(pane.doc.lines, off);
            p.scroll_to_line = static_cast<int>(line);
            p.scroll_to_col = utf8_length(pane.doc.text, pane.doc.lines.starts[line], off);
        }
    }
    const TextViewResult res = draw_text_view(stream == 0 ? "##stdout" : "##stderr", pane.doc, pane.cache, p, ImVec2(0, 0));
    if (p.scroll_to_line >= 0) {
        if (res.scroll_done || ++pane.scroll_attempts > 3) {
            pane.scrolled_match = ui.find_current;
            pane.scroll_attempts = 0;
        } else {
            f.a.wants_more_frames = true;
        }
    }
    note_control(f, "output.pane");
    pane.first_visible_line = res.first_visible_line;

    // Right click on a line: copy that line (as shown).
    int& menu_line = f.m.menu_line;
    if (res.context_line >= 0) {
        menu_line = res.context_line;
        ImGui::OpenPopup("##line_menu");
    }
    if (ImGui::BeginPopup("##line_menu")) {
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
}

}  // namespace ssmview

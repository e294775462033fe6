// view/diagnostics_panel.cpp: what core found wrong or odd, each finding one click from its place.
//
// Index
//   severity_color          error / warning / info colours
//   draw_diagnostics_panel  a table (severity, code, message, where); clicking a placed row sets
//                           ViewUi.raw_line and switches to the raw-input tab, which scrolls there
//
// Findings come as core produced them (DiagnosticSink order: text order within each stage).
#include <algorithm>
#include <cstdio>

#include "panels.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

ImU32 severity_color(const Frame& f, Severity s) {
    switch (s) {
    case Severity::Error: return f.pal.error;
    case Severity::Warning: return f.pal.warning;
    case Severity::Info: break;
    }
    return f.pal.info;
}

}  // namespace

void draw_diagnostics_panel(Frame& f) {
    const Report& r = f.s.report;
    const std::string summary = diagnostics_summary(r);
    if (r.diagnostics.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.ok), "%s", summary.c_str());
        return;
    }
    ImGui::TextUnformatted(summary.c_str());
    ImGui::TextDisabled("Click a finding to see its place in the raw input.");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##diagnostics", 4, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Message", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    // Rows wrap, so they have no fixed height for a clipper: see kMaxDiagnosticsShown.
    const std::size_t shown = std::min<std::size_t>(r.diagnostics.size(), kMaxDiagnosticsShown);
    for (std::size_t i = 0; i < shown; ++i) {
        const Diagnostic& d = r.diagnostics[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = f.s.ui.selected_diagnostic == static_cast<int>(i);
        ImGui::PushStyleColor(ImGuiCol_Text, severity_color(f, d.severity));
        const bool clicked = ImGui::Selectable(severity_name(d.severity), selected, ImGuiSelectableFlags_SpanAllColumns);
        ImGui::PopStyleColor();
        char control[40];
        std::snprintf(control, sizeof control, "diagnostics.row.%zu", i);
        note_control(f, control);
        if (clicked) {
            f.s.ui.selected_diagnostic = static_cast<int>(i);
            if (d.line > 0) {
                f.s.ui.raw_line = d.line;
                f.s.ui.tab = ViewTab::Raw;
            }
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(clip_for_display(d.code, kClipShort).c_str());
        ImGui::TableNextColumn();
        text_any_script(clip_for_display(d.message, kClipSentence), true);  // quotes the input's values
        ImGui::TableNextColumn();
        const std::string place = diagnostic_place(d);
        if (!place.empty()) ImGui::TextUnformatted(place.c_str());
        else ImGui::TextDisabled("-");
        if (!d.path.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", clip_for_display(d.path, kClipPath).c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    const std::string more = diagnostics_more(r);
    if (!more.empty()) ImGui::TextDisabled("%s", more.c_str());
}

}  // namespace ssmview

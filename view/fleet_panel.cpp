// view/fleet_panel.cpp: a pasted fleet (send-command, list-commands, list-command-invocations).
//
// Index
//   Rows and groups    fleet_rows (filter, then sort by FleetUi's column), fleet_groups (one
//                      stream, exact or similar): rebuilt only when the choices change
//   draw_fleet_summary heading, progress bar, a badge per phase, the time span, the command(s)
//   Targets            filter field and the sortable table, one row per invocation (clipped: only
//                      the rows in view are laid out, so 10,000 rows cost what 40 do); a row
//                      opens its target (view_open_target, after the frame)
//   Outputs            stdout/stderr, "ignore digits, hex ids and times", each distinct output once
//                      headed by its instances (clubak -b); two groups compared as a line diff
//                      (core/line_diff.h, computed once per choice: fleet_diff)
//   draw_fleet_panel   the two views
//   draw_target_bar    while a target is open: Back to the fleet, the target's steps, and where its
//                      report came from (the list, or the proxy's GetCommandInvocation)
//
// Every number is core's (fleet_report.h, output_groups.h) and every sentence wording.h's, which
// the page's text version repeats. The table's sort is ViewUi's: ImGui's sort specs only report
// a click on a header, which is written back to FleetUi.
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui_internal.h>  // ImGui::TableSetColumnSortDirection: FleetUi's sort into the table

#include "ansi.h"
#include "ascii.h"
#include "fleet_target.h"
#include "line_preview.h"
#include "panels.h"
#include "truncation.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

// ---- Rows and groups ----------------------------------------------------------------------------------------------

namespace {

const std::string& given(const Field<std::string>& f) {
    static const std::string empty;
    return f.present ? f.value : empty;
}

std::string code_text(const FleetRow& row) {
    return row.response_code.present ? std::to_string(row.response_code.value) : std::string();
}

bool row_matches(const FleetInvocation& inv, const FleetRow& row, const std::string& needle) {
    if (needle.empty()) return true;
    for (const std::string* field : {&given(inv.instance_id), &given(inv.instance_name), &given(inv.status)})
        if (ascii_lower(*field).find(needle) != std::string::npos) return true;
    return code_text(row) == needle || std::string(phase_name(inv.state.phase)).find(needle) != std::string::npos;
}

}  // namespace

const std::vector<std::size_t>& fleet_rows(const ViewState& s, FleetModel& fm) {
    const Fleet& f = s.report.fleet;
    if (fm.rows_all.size() != f.invocations.size()) {
        fm.rows_all.clear();
        for (const FleetInvocation& inv : f.invocations) fm.rows_all.push_back(fleet_row(inv));
        fm.rows_key.clear();
    }
    const FleetUi& ui = s.ui.fleet;
    const std::string key = std::to_string(static_cast<int>(ui.sort)) + (ui.ascending ? "+" : "-") + ui.filter;
    if (key == fm.rows_key) return fm.rows;
    const std::string needle = ascii_lower(ui.filter);
    fm.rows.clear();
    for (std::size_t i = 0; i < f.invocations.size(); ++i)
        if (row_matches(f.invocations[i], fm.rows_all[i], needle)) fm.rows.push_back(i);
    // Rows without a value (no code, no start) sort after those with one, in either direction.
    auto less = [&](std::size_t a, std::size_t b) {
        const FleetInvocation &x = f.invocations[a], &y = f.invocations[b];
        const FleetRow &rx = fm.rows_all[a], &ry = fm.rows_all[b];
        switch (ui.sort) {
        case FleetColumn::Instance: return given(x.instance_id) < given(y.instance_id);
        case FleetColumn::Name: return given(x.instance_name) < given(y.instance_name);
        case FleetColumn::Status: return static_cast<int>(x.state.phase) < static_cast<int>(y.state.phase);
        case FleetColumn::Code:
            if (rx.response_code.present != ry.response_code.present) return rx.response_code.present;
            return rx.response_code.value < ry.response_code.value;
        case FleetColumn::Start:
            if (rx.start.valid != ry.start.valid) return rx.start.valid;
            return rx.start.epoch_ms < ry.start.epoch_ms;
        case FleetColumn::Duration:
            if ((rx.duration_ms >= 0) != (ry.duration_ms >= 0)) return rx.duration_ms >= 0;
            return rx.duration_ms < ry.duration_ms;
        }
        return false;
    };
    std::stable_sort(fm.rows.begin(), fm.rows.end(), less);
    if (!ui.ascending) std::reverse(fm.rows.begin(), fm.rows.end());
    fm.rows_key = key;
    return fm.rows;
}

const std::vector<OutputGroup>& fleet_groups(const ViewState& s, FleetModel& fm) {
    const std::string key = std::string(output_stream_name(s.ui.stream)) + (s.ui.fleet.similar ? "~" : "=");
    if (key != fm.groups_key) {
        fm.groups = group_outputs(s.report.fleet, s.ui.stream, s.ui.fleet.similar ? GroupMode::Similar : GroupMode::Exact);
        fm.groups_key = key;
    }
    return fm.groups;
}

const LineDiff* fleet_diff(const ViewState& s, FleetModel& fm) {
    const FleetUi& ui = s.ui.fleet;
    const std::vector<OutputGroup>& groups = fleet_groups(s, fm);
    const auto n = static_cast<int>(groups.size());
    if (ui.compare_from < 0 || ui.compare_to < 0 || ui.compare_from >= n || ui.compare_to >= n) return nullptr;
    const std::string key = fm.groups_key + std::to_string(ui.compare_from) + ">" + std::to_string(ui.compare_to);
    if (key != fm.diff_key) {
        fm.diff = line_diff(groups[static_cast<std::size_t>(ui.compare_from)].text, groups[static_cast<std::size_t>(ui.compare_to)].text);
        fm.diff_key = key;
    }
    return &fm.diff;
}

// ---- draw_fleet_summary -------------------------------------------------------------------------------------------

void draw_fleet_summary(Frame& f) {
    const Report& r = f.s.report;
    const Fleet& fleet = r.fleet;
    text_any_script(fleet_heading(r), true);  // holds the command's Comment
    note_control(f, "fleet.heading");
    // Counted once per load: the table scrolls at frame rate over up to 10,000 invocations.
    FleetModel& fm = f.m.fleet;
    if (!fm.summarized) {
        fm.counts = fleet_counts(fleet);
        fm.span = fleet_span(fleet);
        fm.summarized = true;
    }
    const FleetCounts& c = fm.counts;
    const float fraction = c.total > 0 ? static_cast<float>(c.done) / static_cast<float>(c.total) : 0.0f;
    // Wide enough for its words: ImGui centres an overlay that does not fit and clips both ends.
    const std::string progress = fleet_progress_text(c);
    const float bar_w = std::max(ImGui::GetFontSize() * kWholeProgressEms,
                                 ImGui::CalcTextSize(progress.c_str()).x + ImGui::GetStyle().FramePadding.x * 4.0f);
    ImGui::ProgressBar(fraction, ImVec2(bar_w, 0.0f), progress.c_str());
    note_control(f, "fleet.progress");
    for (std::size_t p = 0; p < kPhaseCount; ++p) {
        if (c.by_phase[p] == 0) continue;
        ImU32 bg, fg;
        phase_colors(static_cast<Phase>(p), f.dark, bg, fg);
        ImGui::SameLine();
        badge(fleet_phase_text(static_cast<Phase>(p), c.by_phase[p]).c_str(), bg, fg);
    }
    const FleetSpan& span = fm.span;
    auto time_row = [&](const char* label, const Timestamp& t) {
        if (!t.valid) return;
        ImGui::TextDisabled("%s", label);
        ImGui::SameLine();
        ImGui::TextUnformatted(time_text(t, "", f.s.ui.local_time, f.env).c_str());
    };
    time_row("Requested  ", span.requested);
    time_row("First start", span.first_start);
    time_row("Last end   ", span.last_end);
    if (span.slowest_ms >= 0) {
        ImGui::TextDisabled("Slowest    ");
        ImGui::SameLine();
        text_any_script(clip_for_display(given(fleet.invocations[span.slowest].instance_id), kClipShort) + " (" +
                        format_duration(span.slowest_ms) + ")");
    }
    for (const FleetCommand& cmd : fleet.commands) {
        ImGui::TextDisabled("Command    ");
        ImGui::SameLine();
        text_any_script(clip_for_display(given(cmd.command_id), kClipShort) + "  " +
                        clip_for_display(given(cmd.document_name), kClipShort) + "  " + phase_name(cmd.state.phase));
    }
}

// ---- Targets ------------------------------------------------------------------------------------------------------

namespace {

void draw_targets(Frame& f) {
    FleetUi& ui = f.s.ui.fleet;
    const Fleet& fleet = f.s.report.fleet;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kFleetFilterEms);
    input_text_any_script("##fleet_filter", "Filter: instance, name, status, code", ui.filter);
    note_control(f, "fleet.filter");
    const std::vector<std::size_t>& rows = fleet_rows(f.s, f.m.fleet);
    ImGui::SameLine();
    ImGui::TextDisabled("%s of %s", with_thousands(rows.size()).c_str(), with_thousands(fleet.invocations.size()).c_str());

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##fleet_targets", 6, flags, ImVec2(0.0f, ImGui::GetContentRegionAvail().y))) return;
    note_control(f, "fleet.table");
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Instance", ImGuiTableColumnFlags_DefaultSort, 0.22f);
    ImGui::TableSetupColumn("Name", 0, 0.16f);
    ImGui::TableSetupColumn("Status", 0, 0.2f);
    ImGui::TableSetupColumn("Code", 0, 0.08f);
    ImGui::TableSetupColumn("Start", 0, 0.22f);
    ImGui::TableSetupColumn("Duration", 0, 0.12f);
    ImGui::TableHeadersRow();
    // FleetUi holds the sort; ImGui's table keeps its own copy (and its header arrow) across loads.
    // On a load's first frame FleetUi's goes into the table, so neither ImGui's default nor the
    // last fleet's sort overwrites it; after that a header click is the only way ImGui's changes.
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
        if (!f.m.fleet.sort_shown) {
            ImGui::TableSetColumnSortDirection(static_cast<int>(ui.sort),
                                               ui.ascending ? ImGuiSortDirection_Ascending : ImGuiSortDirection_Descending, false);
            f.m.fleet.sort_shown = true;
        } else if (specs->SpecsDirty && specs->SpecsCount > 0) {
            ui.sort = static_cast<FleetColumn>(specs->Specs[0].ColumnIndex);
            ui.ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false;
    }
    const std::vector<std::size_t>& sorted = fleet_rows(f.s, f.m.fleet);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(sorted.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::size_t k = sorted[static_cast<std::size_t>(i)];
            const FleetInvocation& inv = fleet.invocations[k];
            const FleetRow& row = f.m.fleet.rows_all[k];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // The whole row opens the target (a click, or Enter when it has keyboard focus).
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::Selectable(clip_for_display(given(inv.instance_id), kClipShort).c_str(), false,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                f.m.open_invocation = static_cast<int>(k);
                f.m.open_step = kTargetDefaultStep;
            }
            ImGui::PopID();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open %s as its own report", given(inv.instance_id).c_str());
            note_control(f, ("fleet.row." + given(inv.instance_id)).c_str());
            ImGui::TableNextColumn();
            text_any_script(clip_for_display(given(inv.instance_name), kClipShort));
            ImGui::TableNextColumn();
            ImU32 bg, fg;
            phase_colors(inv.state.phase, f.dark, bg, fg);
            badge(phase_label(inv.state).c_str(), bg, fg);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(code_text(row).c_str());
            ImGui::TableNextColumn();
            if (row.start.valid) ImGui::TextUnformatted(time_text(row.start, "", f.s.ui.local_time, f.env).c_str());
            ImGui::TableNextColumn();
            if (row.duration_ms >= 0) ImGui::TextUnformatted(format_duration(row.duration_ms).c_str());
        }
    }
    ImGui::EndTable();
}

// ---- Outputs ------------------------------------------------------------------------------------------------------

void draw_group_text(const std::string& text) {
    if (text.empty()) {
        ImGui::TextDisabled("(no output)");
        return;
    }
    // Escapes are dropped as the output panes drop them (core/ansi.h); colours are the panes' job.
    const std::string plain = ansi_parse(text).text;
    const LinePreview p = line_preview(plain, static_cast<std::size_t>(kFleetGroupLines));
    for (std::string_view line : p.lines) text_any_script(line);
    if (p.more > 0) ImGui::TextDisabled("... %s", counted(p.more, "more line", "more lines").c_str());
}

// Two groups compared: "- " lines only the first printed, "+ " lines only the second, in the
// palette's error and ok colours; clipped like the targets table, so a long output costs its view.
void draw_diff(Frame& f, const std::vector<OutputGroup>& groups, const LineDiff& d) {
    FleetUi& ui = f.s.ui.fleet;
    const Fleet& fleet = f.s.report.fleet;
    const OutputGroup &a = groups[static_cast<std::size_t>(ui.compare_from)], &b = groups[static_cast<std::size_t>(ui.compare_to)];
    if (ImGui::SmallButton("Close comparison")) ui.compare_from = ui.compare_to = -1;
    note_control(f, "fleet.diff.close");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", fleet_diff_heading(ui.compare_from, ui.compare_to, d).c_str());
    ImGui::TextDisabled("- %s", fleet_group_heading(fleet, a).c_str());
    ImGui::TextDisabled("+ %s", fleet_group_heading(fleet, b).c_str());
    if (!ImGui::BeginChild("##fleet_diff", ImVec2(0.0f, 0.0f), ImGuiChildFlags_Border)) {
        ImGui::EndChild();
        return;
    }
    note_control(f, "fleet.diff");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.lines.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const DiffLine& l = d.lines[static_cast<std::size_t>(i)];
            // Escapes dropped as in the groups (core/ansi.h); a line is compared with them.
            const char* mark = l.op == DiffOp::Removed ? "- " : l.op == DiffOp::Added ? "+ " : "  ";
            const std::string line = mark + ansi_parse(l.text).text;
            const ImU32 colour = l.op == DiffOp::Removed ? f.pal.error : l.op == DiffOp::Added ? f.pal.ok : f.pal.text;
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            text_any_script(line);
            ImGui::PopStyleColor();
        }
    }
    ImGui::EndChild();
}

// A group's Compare button: the first click picks it, a click on another compares the two, a
// second click on the picked one puts it back.
void draw_compare_button(Frame& f, int k) {
    FleetUi& ui = f.s.ui.fleet;
    const char* label = ui.compare_from == k ? "Picked: compare with..." : ui.compare_from >= 0 ? "Compare with picked" : "Compare";
    if (ImGui::SmallButton(label)) {
        if (ui.compare_from < 0) ui.compare_from = k;
        else if (ui.compare_from == k) ui.compare_from = -1;
        else ui.compare_to = k;
    }
    note_control(f, ("fleet.compare." + std::to_string(k)).c_str());
}

void draw_outputs(Frame& f) {
    ViewUi& ui = f.s.ui;
    const char* labels[] = {"stdout", "stderr"};
    static const char* const kControls[] = {"fleet.stdout", "fleet.stderr"};
    int stream = output_stream_index(ui.stream);
    if (tab_row(f, labels, 2, stream, kControls)) ui.stream = output_stream_at(stream);
    ImGui::SameLine();
    ImGui::Checkbox("Ignore digits, hex ids and times", &ui.fleet.similar);
    note_control(f, "fleet.similar");
    const Fleet& fleet = f.s.report.fleet;
    const std::string groups_before = f.m.fleet.groups_key;
    const std::vector<OutputGroup>& groups = fleet_groups(f.s, f.m.fleet);
    // Other groups (another stream, the other grouping): the picked indexes name nothing now.
    if (!groups_before.empty() && groups_before != f.m.fleet.groups_key) ui.fleet.compare_from = ui.fleet.compare_to = -1;
    if (groups.empty()) {
        ImGui::TextWrapped("%s", fleet_no_outputs_text(f.s.report).c_str());
        return;
    }
    if (const LineDiff* d = fleet_diff(f.s, f.m.fleet)) {
        draw_diff(f, groups, *d);
        return;
    }
    ImGui::TextDisabled("%zu distinct outputs, largest group first%s", groups.size(),
                        groups.size() > 1 ? "; Compare two to see their lines side by side" : "");
    if (!ImGui::BeginChild("##fleet_groups", ImVec2(0.0f, 0.0f), ImGuiChildFlags_Border)) {
        ImGui::EndChild();
        return;
    }
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const OutputGroup& g = groups[k];
        ImGui::PushID(static_cast<int>(k));
        ImGui::SeparatorText(fleet_group_heading(fleet, g).c_str());
        if (k == 0) note_control(f, "fleet.group0");
        if (groups.size() > 1) draw_compare_button(f, static_cast<int>(k));
        draw_group_text(g.text);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace

// ---- draw_fleet_panel ---------------------------------------------------------------------------------------------

void draw_fleet_panel(Frame& f) {
    FleetUi& ui = f.s.ui.fleet;
    char targets[48];
    std::snprintf(targets, sizeof targets, "Targets (%s)###targets", with_thousands(f.s.report.fleet.invocations.size()).c_str());
    const char* labels[] = {targets, "Outputs"};
    static const char* const kControls[] = {"fleet.targets", "fleet.outputs"};
    int view = static_cast<int>(ui.view);
    if (tab_row(f, labels, 2, view, kControls)) ui.view = static_cast<FleetView>(view);
    if (ui.view == FleetView::Targets) draw_targets(f);
    else draw_outputs(f);
}

// ---- draw_target_bar ----------------------------------------------------------------------------------------------

void draw_target_bar(Frame& f) {
    const ViewBack& b = f.s.back;
    if (!b.active || b.invocation >= b.report.fleet.invocations.size()) return;
    const Fleet& fleet = b.report.fleet;
    const FleetInvocation& inv = fleet.invocations[b.invocation];
    const std::string back = "< Back to the fleet (" + counted(fleet.invocations.size(), "target", "targets") + ")";
    if (ImGui::Button(back.c_str())) f.m.go_back = true;
    note_control(f, "target.back");
    ImGui::SameLine();
    text_any_script(clip_for_display(fleet_target_name(inv, b.step), kClipShort * 2));
    if (inv.plugins.size() > 1) {
        ImGui::SameLine();
        ImGui::TextDisabled("Steps:");
        for (std::size_t k = 0; k < inv.plugins.size(); ++k) {
            const FleetPlugin& p = inv.plugins[k];
            ImGui::SameLine();
            ImGui::PushID(static_cast<int>(k));
            const std::string name = p.name.present ? p.name.value : "step " + std::to_string(k + 1);
            if (ImGui::RadioButton(clip_for_display(name, kClipShort).c_str(), k == b.step) && k != b.step) {
                f.m.open_invocation = static_cast<int>(b.invocation);
                f.m.open_step = k;
            }
            note_control(f, ("target.step." + name).c_str());
            ImGui::PopID();
        }
    }
    // Until the proxy's own answer replaces it, the report is what the list said.
    const std::string origin = f.s.source == LoadSource::Target ? fleet_target_note(inv, b.step) : target_fetched_text();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", origin.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
}

}  // namespace ssmview

// view/timeline_panel.cpp: when it started, when it ended, how long it took.
//
// Index
//   time_row             a time (wording.h's time_text: UTC or the viewer's zone) and how long ago
//   draw_timeline_panel  UTC/Local switch, Started, Ended, Elapsed
//
// Times come parsed from core (Report.times); formatting is core's iso_time.h, which needs no
// time-zone database: "local" is the fixed offset the platform reports now (ViewEnv), which is
// right for any time not across a daylight-saving change and says which offset it used.
#include <algorithm>
#include <string>

#include "panels.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

void time_row(Frame& f, const char* label, const Timestamp& t, const std::string& given, const char* control) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    const std::string text = time_text(t, given, f.s.ui.local_time, f.env);
    if (!t.valid) {
        ImGui::TextDisabled("%s", text.c_str());
        return;
    }
    ImGui::TextUnformatted(text.c_str());
    note_control(f, control);
    if (f.env.now_ms > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", format_relative(t.epoch_ms, f.env.now_ms).c_str());
        request_redraw(f, relative_redraw_ms(f.env.now_ms - t.epoch_ms));
    }
}

}  // namespace

void draw_timeline_panel(Frame& f) {
    const Report& r = f.s.report;
    const Invocation& inv = r.invocation;
    static const char* const kZones[] = {"UTC", "Local"};
    static const char* const kZoneControls[] = {"timeline.utc", "timeline.local"};
    int zone = f.s.ui.local_time ? 1 : 0;
    if (tab_row(f, kZones, 2, zone, kZoneControls)) f.s.ui.local_time = zone == 1;

    if (!ImGui::BeginTable("##timeline", 2, ImGuiTableFlags_SizingFixedFit)) return;
    time_row(f, "Started", r.times.start, inv.execution_start_date_time.value, "timeline.start");
    time_row(f, "Ended", r.times.end, inv.execution_end_date_time.value, "timeline.end");
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("Elapsed");
    ImGui::TableNextColumn();
    const std::string elapsed = elapsed_text(r);
    if (r.times.elapsed.valid) ImGui::TextUnformatted(elapsed.c_str());
    else ImGui::TextDisabled("%s", elapsed.c_str());
    ImGui::EndTable();
}

}  // namespace ssmview

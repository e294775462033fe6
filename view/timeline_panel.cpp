// view/timeline_panel.cpp: when it started, when it ended, how long it took.
//
// Index
//   time_text            a timestamp in UTC or in the viewer's zone (ViewUi.local_time)
//   relative_redraw_ms   how soon "3 minutes ago" next changes
//   draw_timeline_panel  UTC/Local switch, Started, Ended, Elapsed (or "running for")
//
// Times come parsed from core (Report.times); formatting is core's iso_time.h, which needs no
// time-zone database: "local" is the fixed offset the platform reports now (ViewEnv), which is
// right for any time not across a daylight-saving change and says which offset it used.
#include <algorithm>
#include <string>

#include "panels.h"
#include "widgets.h"

namespace ssmview {

namespace {

std::string time_text(const Frame& f, const Timestamp& t) {
    return f.s.ui.local_time ? format_timestamp(t.epoch_ms, f.env.local_offset_minutes) : format_timestamp_utc(t.epoch_ms);
}

// "N seconds/minutes/hours/days ago" changes when the age crosses its unit: redraw just then
// (plus 50 ms, so the new text is surely due), not on a fixed tick.
std::int64_t relative_redraw_ms(std::int64_t age_ms) {
    if (age_ms < 0) age_ms = -age_ms;
    const std::int64_t unit = age_ms < 60000 ? 1000 : age_ms < 3600000 ? 60000 : age_ms < 86400000 ? 3600000 : 86400000;
    return unit - age_ms % unit + 50;
}

void time_row(Frame& f, const char* label, const Timestamp& t, const std::string& given, const char* control) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    if (t.valid) {
        const std::string text = time_text(f, t);
        ImGui::TextUnformatted(text.c_str());
        note_control(f, control);
        if (f.env.now_ms > 0) {
            ImGui::SameLine();
            ImGui::TextDisabled("(%s)", format_relative(t.epoch_ms, f.env.now_ms).c_str());
            request_redraw(f, relative_redraw_ms(f.env.now_ms - t.epoch_ms));
        }
    } else if (given.empty()) {
        ImGui::TextDisabled("not yet");
    } else {
        ImGui::TextDisabled("unreadable: %s", given.c_str());
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
    if (r.times.elapsed.valid) {
        ImGui::TextUnformatted(format_duration(r.times.elapsed.ms).c_str());
        // A running invocation's elapsed time is a snapshot taken when it was fetched: say so
        // rather than ticking a counter the pasted text cannot back.
        if (!r.state.terminal) {
            ImGui::SameLine();
            ImGui::TextDisabled("(when fetched)");
        }
    } else {
        ImGui::TextDisabled("not reported");
    }
    ImGui::EndTable();
}

}  // namespace ssmview

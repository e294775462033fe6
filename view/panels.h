// view/panels.h: one function per panel; view_frame.cpp lays them out.
//
// Index (file that implements each)
//   draw_menu_bar          menu_bar.cpp          Open (paste, file, samples), View (theme, wrap, time)
//   draw_status_panel      status_panel.cpp      phase badge, finished/running, explanation, ResponseCode
//   draw_timeline_panel    timeline_panel.cpp    start, end, elapsed; UTC/local; "3 minutes ago"
//   draw_header_panel      header_panel.cpp      ids, document, plugin, comment, S3 and CloudWatch links
//   draw_output_panel      output_panel.cpp      stdout/stderr panes, find, wrap, copy, download,
//                                                the whole output's banner and its actions
//   sync_output_panes      output_panel.cpp      the panes follow the whole output as it is read
//   draw_diagnostics_panel diagnostics_panel.cpp the core's findings, each jumping to the raw view
//   draw_raw_input_panel   raw_input_panel.cpp   the input as pasted, with line numbers
//   draw_share_panel       share_panel.cpp       redaction choices, "Copy link", link length
//   share_frame            share_panel.cpp       a fleet's link asked for again, smaller (every frame)
//   draw_input_panel       input_panel.cpp       paste area, open file, samples
//   draw_fetch_bar         fetch_panel.cpp       above the summary: what is followed, or what a proxy offers
//   draw_fetch_panel       fetch_panel.cpp       proxy URL, token, ids, Follow; the proxy's commands and steps
//   draw_fleet_summary     fleet_panel.cpp       a fleet: what was pasted, progress, counts per phase, span
//   draw_fleet_panel       fleet_panel.cpp       a fleet: the targets table, or each distinct output once
//   draw_target_bar        fleet_panel.cpp       a target of a fleet is open: Back, its steps, where it came from
//
// Every panel draws into the current ImGui window, reads ViewState through Frame, writes only
// ViewUi, ViewModel caches and ViewActions, and never loads directly (request_load).
#pragma once
#include "redact.h"
#include "view_model.h"

namespace ssmview {

void draw_menu_bar(Frame& f);
void draw_status_panel(Frame& f);
void draw_timeline_panel(Frame& f);
void draw_header_panel(Frame& f);
void draw_output_panel(Frame& f);
// The panes hold the whole output once it was read (view/whole_output.h): rebuilt when it moved.
// True when a pane changed (the page's text version says something else now).
bool sync_output_panes(Frame& f);
void draw_diagnostics_panel(Frame& f);
void draw_raw_input_panel(Frame& f);
void draw_share_panel(Frame& f);
void share_frame(Frame& f);
void draw_input_panel(Frame& f);
void draw_fetch_bar(Frame& f);
void draw_fetch_panel(Frame& f);
void draw_fleet_summary(Frame& f);
void draw_fleet_panel(Frame& f);
void draw_target_bar(Frame& f);
// The fleet's rows and groups for the current FleetUi (rebuilt only when it changed); also what
// state() reports.
const std::vector<std::size_t>& fleet_rows(const ViewState& s, FleetModel& fm);
const std::vector<OutputGroup>& fleet_groups(const ViewState& s, FleetModel& fm);
// The diff of FleetUi's two compared groups, or null when two are not chosen (or no longer exist).
const LineDiff* fleet_diff(const ViewState& s, FleetModel& fm);

// Shared by the share panel and view_frame: the redaction options ViewUi describes.
RedactOptions redact_options_from_ui(const ViewUi& ui);

}  // namespace ssmview

// view/view.h: the contract between the portable ImGui view and a platform layer.
//
// Index
//   ViewEnv       what the platform tells the view each frame (time, OS flavour, theme preference,
//                 UI scale)
//   ViewActions   what the view asks the platform to do after a frame (clipboard, links, files)
//   ViewUi        the view's own UI choices (tab, find, wrap, time zone, theme, redaction, paste area)
//   ViewState     everything the view shows, owned by the platform, changed only through the
//                 functions below and by view_frame() itself
//   ViewBack      the fleet a target was opened from (Back returns to it)
//   view_load_text / view_open_target / view_go_back / view_set_share_link / view_frame /
//   view_state_to_json
//   view_control_rect   where a named control was drawn last frame (tests, e2e clicks)
//   view_samples        bundled samples (embedded at build time from tests/fixtures/aws-cli)
//   Fonts and scale: view/fonts.h (view_build_fonts), the platform calls it once per DPR and
//   passes the same ratio as ViewEnv::ui_scale.
//   The whole output (live from CloudWatch Logs, complete from S3): view/whole_output.h.
//   Fetching and following: view/fetch_state.h (ViewActions.fetches out, view_fetch_answer /
//   view_fetch_failed in, view_fetch_open_link for a live link, view_fetch_discover).
//   The page's text version (the accessible mirror): view/view_mirror.h (view_mirror), rebuilt by
//   the platform when a frame returns ViewActions::mirror_changed.
//
// Data flows one way: text -> core::analyze -> ViewState -> view_frame (ImGui) -> ViewActions ->
// platform. The view never calls the platform: it returns requests. That keeps this folder free
// of Emscripten, so tests drive it natively and headless (an ImGui context with a font atlas,
// NewFrame/Render and no renderer).
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "fetch_state.h"
#include "output_location.h"  // OutputStream: stdout or stderr, named as the agent names them
#include "report.h"
#include "whole_output.h"

namespace ssmview {

struct ViewEnv {
    std::int64_t now_ms = 0;            // wall clock, for "3 minutes ago"
    int          local_offset_minutes = 0;  // the browser's time zone offset now (UTC+2 -> 120)
    bool         prefers_dark = false;  // prefers-color-scheme
    bool         is_mac = false;        // Cmd instead of Ctrl in hints (the platform also sets
                                        // io.ConfigMacOSXBehaviors, which maps Ctrl+F to Cmd+F)
    float        ui_scale = 1.0f;       // device pixels per CSS pixel: the pixel_scale the fonts
                                        // were built with (view/fonts.h); the style is scaled by it
    double       random = 0.0;          // a fresh number in [0, 1) each frame (Math.random()): the
                                        // jitter of a follow's back-off, so tests can fix it
};

struct ViewActions {
    std::string copy_text;              // non-empty: put on the clipboard
    std::string open_url;               // non-empty: open in a new tab
    std::string download_name;          // non-empty: offer download_data as a file of this name
    std::string download_data;
    bool        request_share_link = false;  // platform: compress share_json, then view_set_share_link
    std::string share_json;             // canonical (redacted as chosen) JSON for the link
    bool        open_file_dialog = false;
    std::string load_link;              // non-empty: a share link was pasted into the paste area;
                                        // inflate it, then view_load_text(..., LoadSource::Link)
    bool        wants_more_frames = false;   // draw another frame now (layout settling after a
                                             // change, a scroll ImGui could not apply yet)
    int         redraw_after_ms = -1;        // >= 0: draw one frame after this many ms even with
                                             // no input ("3 minutes ago" turning into "4 minutes
                                             // ago", the "Copied" note fading, a text cursor
                                             // blinking); -1: nothing to wait for
    bool        mirror_changed = false;      // view_mirror() now says something else (a load, a
                                             // time zone switch): rewrite the page's text version
    std::vector<FetchRequest> fetches;       // send these (view/fetch_state.h); answer each with
                                             // view_fetch_answer or view_fetch_failed
    std::vector<int>          cancel_fetches;  // ids of requests sent before: abort their transfer
                                               // (a cancelled 16 MB S3 part); answer each with
                                               // view_fetch_failed, as for any request that fails
};

struct ViewModel;  // the view's own derived data (line indexes, ANSI spans, find matches), view/*.cpp

// Target: one target of a fleet, opened from its targets table (view_open_target).
enum class LoadSource { Paste, File, Link, Sample, Fetch, Target };
const char* load_source_name(LoadSource s);  // "paste", "file", "link", "sample", "fetch", "target"

enum class ViewTab { Output, Diagnostics, Raw, Share, Input, Fetch };
enum class ThemeChoice { Auto, Light, Dark };  // Auto follows ViewEnv.prefers_dark
const char* view_tab_name(ViewTab t);          // "output", "diagnostics", "raw", "share", "input", "fetch"

// A fleet's views (view/fleet_panel.cpp): the targets table or the grouped outputs (of ViewUi's
// stream), the table's sort column and filter, whether near-identical outputs are grouped, and
// which two groups are compared.
enum class FleetView { Targets, Outputs };
enum class FleetColumn { Instance, Name, Status, Code, Start, Duration };
struct FleetUi {
    FleetView   view = FleetView::Targets;
    FleetColumn sort = FleetColumn::Instance;
    bool        ascending = true;
    std::string filter;   // rows whose instance id, name, status or code contain it (case-insensitive)
    bool        similar = false;  // group outputs that differ only in digits, hex ids and times
    int         compare_from = -1;  // Outputs: the group picked first for a line diff (its index
    int         compare_to = -1;    // in the groups shown), then the second: while both are set,
                                    // the diff is shown instead of the groups
};

// UI-only choices. They live here, not in ImGui's storage, so view_frame stays a function of
// ViewState + ViewEnv + input, state() can report them, and tests can set them directly.
// view_load_text keeps them (a new paste keeps your wrap and theme), except the per-invocation
// ones it resets: find_current, raw_line, selected_diagnostic.
struct ViewUi {
    ViewTab      tab = ViewTab::Output;
    OutputStream stream = OutputStream::Stdout;
    std::string  find_query;                 // searched in the active output pane
    bool         find_case_sensitive = false;
    int          find_current = 0;           // 0-based index of the current match
    bool         wrap = false;               // wrap long output lines at the pane's width
    bool         local_time = false;         // times in ViewEnv.local_offset_minutes, else UTC
    ThemeChoice  theme = ThemeChoice::Auto;
    bool         redact_access_keys = true;  // share: mask AWS access key ids
    bool         redact_secret_tokens = true;// share: mask secret-looking tokens
    std::string  redact_strings;             // share: more strings to mask, one per line
    bool         share_whole = true;         // share: carry the whole output when it was read
    std::string  paste_text;                 // the input tab's paste area
    int          raw_line = 0;               // raw-input line to show and highlight (1-based, 0 none)
    int          selected_diagnostic = -1;
    FleetUi      fleet;                      // a pasted fleet: table sort and filter, outputs' grouping
};

// Where Back returns to: the fleet a target was opened from, kept whole (text, report, derived
// rows), so going back costs no new analysis and the table keeps its sort, filter and place.
struct ViewBack {
    bool                        active = false;
    std::string                 text;
    Report                      report;
    LoadSource                  source = LoadSource::Paste;
    std::string                 source_name;
    std::shared_ptr<ViewModel>  model;
    ViewTab                     tab = ViewTab::Output;
    std::size_t                 invocation = 0;  // the target open now: its steps can be switched
    std::size_t                 step = 0;
    bool                        refollow = false;  // the fleet was followed through the proxy:
    FetchTarget                 fleet_target;      // follow it again on the way back
};

// A fleet's link is made in steps (core/fleet_link.h): when the compressed payload is too large,
// the next frame asks again with a smaller budget. What the last request carried is kept here.
struct ShareAttempt {
    std::size_t json_bytes = 0;    // the fleet link's JSON asked for (0: no fleet link pending)
    std::size_t retry_budget = 0;  // > 0: ask again with this budget
    std::string dropped;           // what the link made leaves out (fleet_link_dropped_text)
};

// The document a load replaced, kept until view_free_retired: freeing a 10,000-invocation fleet
// takes ~11 ms in wasm, which the platform moves off the path from a paste to its first frame.
struct RetiredDocument {
    std::string                 text;
    Report                      report;
    std::shared_ptr<ViewModel>  model;
};

struct ViewState {
    std::string                 text;    // the input as loaded (kept: the raw-input view shows it)
    Report                      report;  // core::analyze(text)
    LoadSource                  source = LoadSource::Sample;
    std::string                 source_name;  // file name, sample name, ...
    std::string                 share_link;   // last link made ("" = none yet)
    std::string                 share_error;  // why the last link could not be made
    ShareAttempt                share_attempt;
    std::shared_ptr<ViewModel>  model;        // derived from text/report; rebuilt on load
    int                         generation = 0;  // bumps on each load (tests, platform caches)
    ViewUi                      ui;
    FetchState                  fetch;   // fetching and following (kept across loads)
    WholeOutput                 whole;   // the whole output read through the proxy (kept while
                                         // the same invocation is loaded again)
    ViewBack                    back;    // a target of a fleet is open: the fleet to go back to
    RetiredDocument             retired; // what the last load replaced (view_free_retired)
};

// Replaces the shown invocation: runs the core and rebuilds the derived model. A paste, file, link
// or sample is a new document: it forgets the fleet Back would return to.
void view_load_text(ViewState& state, std::string text, LoadSource source, std::string source_name = {});
// The same for a text already analyzed: `report` must be analyze(text). A followed fleet's round
// is analyzed by core/fleet_follow to decide the end; reading 2,000 invocations twice would double
// the page's work per round.
void view_load_analyzed(ViewState& state, std::string text, Report report, LoadSource source, std::string source_name = {});
// Frees the document the last load replaced. The browser calls it in a task after the frame that
// shows the new one; a load that finds one still kept frees it then (so at most one waits).
void view_free_retired(ViewState& state);
// Opens one target of the fleet shown (or, while a target is open, another step of it) as the
// single-invocation report: at once from what the list said (core/fleet_target.h); for a fleet
// followed through the proxy, its own GetCommandInvocation is then followed until it ends.
void view_open_target(ViewState& state, std::size_t invocation, std::size_t step);
// Back to the fleet (nothing when no target is open). A fleet followed through the proxy is
// followed again from where it is now.
void view_go_back(ViewState& state);
// The platform's answer to request_share_link: the link (or "" and why not). If it answers a
// "Copy link" click, the next view_frame returns copy_text = link, so draw a frame after calling.
void view_set_share_link(ViewState& state, std::string link, std::string error = {});
// Draws one frame's worth of ImGui calls into the current ImGui context (between NewFrame and
// Render): one window covering the main viewport. A function of state + env + ImGui input; it
// may change state.ui (clicks) and load a sample or the paste area's text (after drawing).
ViewActions view_frame(ViewState& state, const ViewEnv& env);
// What the view shows, as JSON (window.ssmview.state() in the page, and the native tests).
Json view_state_to_json(const ViewState& state);

// The rectangle {x, y, w, h} (ImGui units) of a named control as drawn by the last view_frame,
// e.g. "output.copy_all", "share.copy_link", "tab.raw". False when it was not drawn. The names
// are listed in state_to_json()["controls"]; tests and the e2e suite click through them.
bool view_control_rect(const ViewState& state, const std::string& name, float rect[4]);

// Bundled samples, one per phase, for first-time visitors (the samples menu and the run command).
// `name` is the fixture's file stem ("success", "timed_out_delivery"), `text` the AWS CLI's JSON.
struct Sample { const char* name; const char* text; };
const Sample* view_samples(int& count);
const Sample* view_find_sample(const std::string& name);  // nullptr when there is none

}  // namespace ssmview

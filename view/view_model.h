// view/view_model.h: the view's private data: what it derives from a load, and per-frame context.
//
// Index
//   OutputPane    one stream (stdout or stderr): display doc, wrap cache, find cache, scroll memory
//   FleetModel    a fleet's rows (filtered, sorted) and output groups, cached by the choices
//   ViewModel     both panes, the lazily built raw doc, share preview cache, applied theme,
//                 the "Copied" note, and the controls drawn last frame (for view_control_rect)
//   Frame         what every panel function receives: state, env, actions, model, palette
//   build_model   ViewState (text + report) -> a fresh ViewModel (view_state.cpp)
//   raw_doc       the raw doc, built on first use
//   note_control  records the last ImGui item's rect under a name
//   show_note     the transient "Copied ..." note
//   request_load / request_redraw   deferred load, timer redraw
//
// Why a separate model: ViewState is what the platform owns and tests set; ViewModel is a cache
// that can always be rebuilt from it (build_model on every load). Panels never store anything in
// ImGui's storage that state() would need: scroll positions are ImGui's, everything else is here
// or in ViewUi.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <imgui.h>

#include "fleet_link.h"
#include "fleet_report.h"
#include "line_diff.h"
#include "output_groups.h"
#include "text_doc.h"
#include "text_find.h"
#include "text_view.h"
#include "theme.h"
#include "view.h"

namespace ssmview {

struct OutputPane {
    TextDoc       doc;
    TextViewCache cache;
    FindResult    find;               // for (find.query, find.case_sensitive); rebuilt on change
    bool          find_built = false;
    ScrollRequest scroll;             // target: ViewUi.find_current, the match to bring into view
    int           first_visible_line = 0;
    bool          truncated = false;    // the service cut it (marker or length at the API limit)
    std::size_t   content_chars = 0;    // code points in the API member (the limits count these)
    int           whole_version = -1;   // WholeStream.version the doc was built from (-1: the member)
    bool          at_bottom = true;     // the last frame showed the last row
    bool          tail_pending = false; // the text grew while at_bottom: bring the last line into view
    bool holds_whole() const { return whole_version >= 0; }
    // The truncation banner: the pane holds the cut member and no whole output is being loaded
    // (the canvas and the page's text version both ask this).
    bool shows_truncation(const WholeStream& w) const { return truncated && !holds_whole() && w.phase != WholePhase::Loading; }
};

// A fleet's derived rows and groups, rebuilt when the choices they were built for change.
struct FleetModel {
    bool                           summarized = false;  // counts and span below are computed (once per load)
    bool                           sort_shown = false;  // the table's header shows FleetUi's sort (once per load)
    FleetCounts                    counts;
    FleetSpan                      span;
    std::vector<FleetRow> rows_all;  // per invocation, in fleet order (built on load)
    std::vector<std::size_t>       rows;      // invocation indices, filtered and sorted
    std::string                    rows_key;  // the FleetUi sort and filter `rows` were built for
    std::vector<OutputGroup>       groups;    // of one stream, in one mode
    std::string                    groups_key;
    LineDiff                       diff;      // FleetUi's two groups compared (views into `groups`)
    std::string                    diff_key;  // groups_key + the two indexes it was computed for
};

// A step index no invocation has: view_open_target then opens the one core picks.
constexpr std::size_t kTargetDefaultStep = static_cast<std::size_t>(-1);

struct ViewModel {
    OutputPane    out[2];  // indexed by OutputStream
    FleetModel    fleet;   // a fleet was loaded (Report::kind == Fleet)
    bool          raw_built = false;
    TextDoc       raw;
    TextViewCache raw_cache;
    ScrollRequest raw_scroll;             // target: ViewUi.raw_line
    int           raw_first_visible_line = 0;

    // Share: the redaction preview for the options it was computed with; for a fleet, the link's
    // masked records too (core/fleet_link.h), made once per choice and cut to each link's budget.
    std::string      redaction_key;
    int              redaction_count = 0;
    FleetLinkRecords fleet_link;
    bool          copy_link_when_ready = false;  // "Copy link" clicked: copy once the link arrives

    // Theme as applied to ImGui's style.
    int           applied_dark = -1;
    float         applied_scale = 0.0f;
    bool          dark = false;

    // Transient note ("Copied CommandId"), shown until note_until_ms.
    std::string   note;
    std::int64_t  note_until_ms = 0;

    // A load asked for while drawing (samples, the paste area's Load button). It runs after the
    // frame, because loading replaces this very model.
    bool          load_pending = false;
    std::string   load_text, load_name;
    LoadSource    load_source = LoadSource::Paste;
    // A target clicked in the fleet's table or a step button (view_open_target), or Back
    // (view_go_back): run after the frame for the same reason.
    int           open_invocation = -1;
    std::size_t   open_step = 0;  // kTargetDefaultStep: the step fleet_target_step picks
    bool          go_back = false;

    // What the page's text version (view_mirror) was last told about: kMirrorKeyNone until the
    // first frame after a load; then the time zone its times were written in (view_frame.cpp).
    static constexpr int kMirrorKeyNone = -100000, kMirrorKeyUtc = -100001;
    int           mirror_key = kMirrorKeyNone;

    bool          focus_find = false;  // a shortcut asked for the find field
    int           menu_line = -1;      // the line the open "Copy line" menu is for
    int           frames_since_load = 0;

    // name -> {x, y, w, h} of controls drawn by the last frame (and the frame being drawn).
    std::map<std::string, std::array<float, 4>> controls, controls_next;
};

struct Frame {
    ViewState&         s;
    const ViewEnv&     env;
    ViewActions&       a;
    ViewModel&         m;
    const ViewPalette& pal;
    bool               dark;
    float              scale;
};

std::shared_ptr<ViewModel> build_model(const ViewState& s);
// Puts a document on screen: its text and report, where it came from, and `model` (built when
// null); bumps the generation. view_load_analyzed adds the per-load UI resets, view_go_back hands
// back the fleet's kept model (view_state.cpp).
void show_document(ViewState& state, std::string text, Report report, LoadSource source, std::string source_name,
                   std::shared_ptr<ViewModel> model);
const TextDoc& raw_doc(ViewModel& m, const std::string& text);
void note_control(Frame& f, const char* name);
void show_note(Frame& f, std::string note);
void request_load(Frame& f, std::string text, LoadSource source, std::string name);
void request_redraw(Frame& f, std::int64_t after_ms);  // keeps the earliest request

}  // namespace ssmview

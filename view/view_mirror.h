// view/view_mirror.h: the page's text version of what the canvas shows (the accessible mirror).
//
// Index
//   MirrorRow, MirrorDiagnostic   one labelled line; one finding as a sentence
//   ViewMirror                    title, heading, rows, findings, and the two panes' text
//   view_mirror                   ViewState (+ ViewEnv) -> ViewMirror
//   view_mirror_to_json           everything but the panes' text, for the platform to hand to the page
//
// Why the view builds it: canvas pixels are invisible to screen readers and to the browser's find,
// so the page keeps an HTML copy (web/index.html: an aria-live summary and the two outputs in
// <pre>). A copy built on the platform's side from the Report drifted: it stripped escape
// sequences its own way and read a DCS payload ("ESC P ... ESC \") aloud that the canvas hides.
// Here every string comes from what the canvas draws: the rows from wording.h with the panels' clip
// lengths, the outputs are the very display text the panes draw (TextDoc::text: escapes removed by
// the one ANSI parser, controls in caret notation, tabs expanded). So the HTML can say less than
// the canvas (no relative times, which would go stale and be re-announced), never something else.
//
// Call flow: view_frame() sets ViewActions::mirror_changed on the first frame after a load and when
// the time zone changes -> the platform calls view_mirror() and writes it into the page
// (wasm/platform_page.cpp), the outputs only when the load changed (they can be 10 MB).
#pragma once
#include <string>
#include <vector>

#include "view.h"

namespace ssmview {

struct MirrorRow {
    std::string label;  // as the canvas labels it ("Status", "Started", "CommandId", "stdout")
    std::string text;
};

struct MirrorDiagnostic {
    std::string severity;  // severity_name: "error", "warning", "info"
    std::string code;      // the stable code, unclipped (data-code in the page)
    std::string text;      // wording.h's diagnostic_sentence
};

struct ViewMirror {
    std::string                   title;    // the browser tab's title
    std::string                   heading;  // what is shown: "Command invocation: SUCCESS, finished"
    std::vector<MirrorRow>        rows;     // status, timeline, header, outputs, in the canvas's order;
                                            // each one line of the canvas (consecutive rows may share
                                            // a label: the page lists them under one <dt>)
    std::string                   diagnostics_heading;  // the Diagnostics tab's summary line
    std::vector<MirrorDiagnostic> diagnostics;          // the first kMaxDiagnosticsShown findings
    std::string                   diagnostics_more;     // "N more findings not listed here ..." or ""
    // The panes' display text, exactly what they draw; null when the member is absent or nothing
    // is loaded. They point into the state's ViewModel: valid until the next load.
    const std::string*            stdout_text = nullptr;
    const std::string*            stderr_text = nullptr;
};

// A function of the state and env only: no ImGui context needed, no frame drawn.
ViewMirror view_mirror(const ViewState& state, const ViewEnv& env);

// {title, heading, rows: [[label, text], ...], diagnostics_heading,
//  diagnostics: [{severity, code, text}], diagnostics_more}   (no output text)
Json view_mirror_to_json(const ViewMirror& mirror);

}  // namespace ssmview

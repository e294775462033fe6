// view/wording.h: the words the view shows, one function per sentence or label.
//
// Index
//   phase_label          "TIMED OUT (delivery)": the status badge
//   progress_text        "finished" / "still running"
//   waiter_sentence      what `aws ssm wait command-executed` would do with the invocation
//   given_text           Status or StatusDetails as given, "(absent)" when empty
//   field_text           a member's value: "(absent)", "(empty)", or clipped to a length
//   response_code_text   ResponseCode: core's meaning of it, or the bare number
//   time_text            a start or end time in the zone the reader chose; "not yet"; "unreadable: ..."
//   elapsed_text         "2 min 3.0 s", "(when fetched)" while running; "not reported"
//   cloudwatch_text      the log group's note: "(output enabled)", "output not enabled", ...
//   source_text          "sample: success_rich": where the shown invocation came from ("" = unnamed)
//   intro_text, not_shown_text, not_shown_hint   what the summary says when no invocation is shown
//   diagnostics_summary  "1 error(s), 0 warning(s), 2 note(s) in the json input." / "No findings."
//   diagnostic_place     "line 3:5" ("" for a finding with no place)
//   diagnostic_sentence  severity, code, place and message in one line
//   diagnostics_more     "12 more findings not listed here ..." ("" when all are listed)
//   output_lines_text    "12 lines"
//   output_absent_text, output_pending_text
//   truncated_lead, truncation_limit_text, truncation_where_text   the truncation banner's words
//   bytes_text           "10.0 MB (10,485,760 bytes)", "812 bytes"
//   whole_lead, whole_detail   the whole output's banner: what the pane holds and from where
//   share_output_text    what a share link carries of one output: complete, a part, or cut
//
// Why one place: the canvas (the panels) and the page's text version for screen readers and the
// browser's find (view_mirror.cpp) must never say different things. Both call these functions,
// with the clip lengths of view_layout.h, so a change of wording or length reaches both. Everything
// here is plain string work: no ImGui, so the mirror and tests need no frame.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "fleet_report.h"
#include "line_diff.h"
#include "report.h"
#include "view.h"

namespace ssmview {

std::string phase_label(const State& st);
const char* progress_text(const State& st);
const char* waiter_sentence(Waiter w);
std::string given_text(const std::string& value);
std::string field_text(const Field<std::string>& field, std::size_t max_cols);
std::string response_code_text(const Report& r);  // "" when ResponseCode is absent
std::string time_text(const Timestamp& t, const std::string& given, bool local_time, const ViewEnv& env);
std::string elapsed_text(const Report& r);
std::string cloudwatch_text(const CloudWatchOutputConfig& cw);
std::string source_text(const ViewState& s);

const char* intro_text();
const char* not_shown_text();
const char* plain_heading();  // text that is no CLI document, shown as output (ReportKind::Plain)
const char* plain_text();
const char* not_shown_hint();
// Under the target bar once the proxy's GetCommandInvocation replaced what the list said.
const char* target_fetched_text();
// A fleet (view/fleet_panel.cpp draws these; the mirror repeats them).
std::string fleet_heading(const Report& r);        // "Fleet: list-command-invocations, 12 invocations"
std::string fleet_progress_text(const FleetCounts& c);  // "12 of 12 targets finished"
std::string fleet_phase_text(Phase p, std::size_t n);   // "9 success"
std::string fleet_group_heading(const Fleet& f, const OutputGroup& g);  // "5 instances: i-1, ... (3 variants)"
std::string fleet_no_outputs_text(const Report& r);  // why a fleet has no outputs to group
// "Group 1 against group 3: 2 lines removed, 1 added" (+ the note when the diff gave up)
std::string fleet_diff_heading(int from, int to, const LineDiff& d);
std::string first_error_text(const Report& r);  // the first error's message, clipped ("" if none)

std::string diagnostics_summary(const Report& r);
std::string diagnostic_place(const Diagnostic& d);
std::string diagnostic_sentence(const Diagnostic& d);
std::string diagnostics_more(const Report& r);

std::string output_lines_text(std::size_t lines);
const char* output_absent_text(OutputStream s);
const char* output_pending_text();
const char* truncated_lead();
std::string truncation_limit_text(OutputStream s);
// Where the whole output is: "The whole output is in S3:" (then the URL), or that it was not kept.
const char* truncation_where_text(bool has_url);

// Decimal units, as S3's console and `ls -h --si` count; exact bytes in brackets from 1 kB on.
std::string bytes_text(std::int64_t bytes);
// "Complete output from S3", "Live from CloudWatch Logs", "Loading the complete output from S3", ...
std::string whole_lead(const WholeStream& st);
// How much and where: "10.0 MB (10,485,760 bytes) from s3://bucket/key", "3.2 MB of 10.0 MB", ...
std::string whole_detail(const WholeStream& st);
// "" when there is nothing to say (the member was not cut and nothing else was read).
std::string share_output_text(const ViewState& s, OutputStream which);

}  // namespace ssmview

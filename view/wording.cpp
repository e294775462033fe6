// view/wording.cpp: the view's sentences and labels (see wording.h).
//
// Index
//   status words      phase_label, progress_text, waiter_sentence, given_text, response_code_text
//   member values     field_text, cloudwatch_text, source_text
//   times             time_text, elapsed_text
//   no invocation     intro_text, not_shown_text, not_shown_hint, first_error_text
//   diagnostics       diagnostics_summary, diagnostic_place, diagnostic_sentence, diagnostics_more
//   outputs           output_lines_text, output_absent_text, output_pending_text, truncation texts
//
// Call flow: panels (status, timeline, header, output, diagnostics, menu bar, view_frame's
// summary) draw these strings; view_mirror() puts the same strings into the page's HTML. The
// only ImGui-free helper borrowed from the widgets is clip_for_display.
#include "wording.h"

#include <string>

#include "view_layout.h"
#include "widgets.h"

namespace ssmview {

// ---- status words -------------------------------------------------------------------------------
std::string phase_label(const State& st) {
    std::string s;
    switch (st.phase) {
    case Phase::Pending: s = "PENDING"; break;
    case Phase::InProgress: s = "IN PROGRESS"; break;
    case Phase::Delayed: s = "DELAYED"; break;
    case Phase::Success: s = "SUCCESS"; break;
    case Phase::Failed: s = "FAILED"; break;
    case Phase::TimedOut: s = "TIMED OUT"; break;
    case Phase::Cancelled: s = "CANCELLED"; break;
    case Phase::Cancelling: s = "CANCELLING"; break;
    case Phase::Unknown: s = "UNKNOWN"; break;
    }
    switch (st.detail) {
    case Detail::DeliveryTimedOut: s += " (delivery)"; break;
    case Detail::ExecutionTimedOut: s += " (execution)"; break;
    case Detail::Undeliverable: s += ": UNDELIVERABLE"; break;
    case Detail::Terminated: s += ": TERMINATED"; break;
    case Detail::None: break;
    }
    return s;
}

const char* progress_text(const State& st) { return st.terminal ? "finished" : "still running"; }

const char* waiter_sentence(Waiter w) {
    switch (w) {
    case Waiter::Success: return "`aws ssm wait command-executed` would return success.";
    case Waiter::Failure: return "`aws ssm wait command-executed` would stop with a failure.";
    case Waiter::Retry: break;
    }
    return "`aws ssm wait command-executed` would keep polling.";
}

std::string given_text(const std::string& value) {
    return value.empty() ? std::string("(absent)") : clip_for_display(value, kClipStatus);
}

std::string response_code_text(const Report& r) {
    const Field<std::int64_t>& code = r.invocation.response_code;
    if (!code.present) return {};
    // core's meaning starts with the code itself ("137: the script was killed ...").
    if (!r.state.response_code_meaning.empty()) return clip_for_display(r.state.response_code_meaning, kClipSentence);
    return std::to_string(code.value);
}

// ---- member values --------------------------------------------------------------------------------
std::string field_text(const Field<std::string>& field, std::size_t max_cols) {
    if (!field.present) return "(absent)";
    if (field.value.empty()) return "(empty)";
    return clip_for_display(field.value, max_cols);
}

std::string cloudwatch_text(const CloudWatchOutputConfig& cw) {
    const bool enabled = cw.output_enabled.present && cw.output_enabled.value;
    if (cw.log_group_name.present && !cw.log_group_name.value.empty())
        return enabled ? "(output enabled)" : "(output not enabled)";
    return enabled ? "output enabled, default log group" : "output not enabled";
}

std::string source_text(const ViewState& s) {
    if (s.source_name.empty()) return {};
    return std::string(load_source_name(s.source)) + ": " + clip_for_display(s.source_name, kClipShort);
}

// ---- times ---------------------------------------------------------------------------------------------
std::string time_text(const Timestamp& t, const std::string& given, bool local_time, const ViewEnv& env) {
    if (t.valid) return local_time ? format_timestamp(t.epoch_ms, env.local_offset_minutes) : format_timestamp_utc(t.epoch_ms);
    if (given.empty()) return "not yet";
    return "unreadable: " + clip_for_display(given, kClipValue);
}

std::string elapsed_text(const Report& r) {
    if (!r.times.elapsed.valid) return "not reported";
    // A running invocation's elapsed time is a snapshot taken when it was fetched: say so rather
    // than ticking a counter the pasted text cannot back.
    return format_duration(r.times.elapsed.ms) + (r.state.terminal ? "" : " (when fetched)");
}

// ---- no invocation ------------------------------------------------------------------------------------------
const char* intro_text() {
    return "ssmview shows the result of an AWS Systems Manager Run Command: paste what "
           "`aws ssm get-command-invocation` printed, open a file, or pick a sample below.";
}
const char* not_shown_text() { return "This is not a get-command-invocation result that can be shown."; }
const char* not_shown_hint() { return "Details in Diagnostics; the input itself under Raw input."; }

std::string first_error_text(const Report& r) {
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) return clip_for_display(d.message, kClipSentence);
    return {};
}

// ---- diagnostics -----------------------------------------------------------------------------------------------
std::string diagnostics_summary(const Report& r) {
    if (r.diagnostics.empty())
        return std::string("No findings. The input reads as a well-formed get-command-invocation result (") +
               input_format_name(r.format) + ").";
    return std::to_string(r.count(Severity::Error)) + " error(s), " + std::to_string(r.count(Severity::Warning)) +
           " warning(s), " + std::to_string(r.count(Severity::Info)) + " note(s) in the " + input_format_name(r.format) +
           " input.";
}

std::string diagnostic_place(const Diagnostic& d) {
    if (d.line <= 0) return {};
    return "line " + std::to_string(d.line) + ":" + std::to_string(d.column);
}

std::string diagnostic_sentence(const Diagnostic& d) {
    std::string s = std::string(severity_name(d.severity)) + " " + clip_for_display(d.code, kClipShort);
    const std::string place = diagnostic_place(d);
    if (!place.empty()) s += " at " + place;
    if (!d.path.empty()) s += " (" + clip_for_display(d.path, kClipPath) + ")";
    return s + ": " + clip_for_display(d.message, kClipSentence);
}

std::string diagnostics_more(const Report& r) {
    if (r.diagnostics.size() <= kMaxDiagnosticsShown) return {};
    return std::to_string(r.diagnostics.size() - kMaxDiagnosticsShown) +
           " more findings not listed here (`ssmview inspect` lists them all).";
}

// ---- outputs ---------------------------------------------------------------------------------------------------
std::string output_lines_text(std::size_t lines) { return std::to_string(lines) + (lines == 1 ? " line" : " lines"); }

const char* output_absent_text(OutputStream s) {
    return s == OutputStream::Stdout ? "StandardOutputContent is absent from this input."
                                     : "StandardErrorContent is absent from this input.";
}

const char* output_pending_text() { return "Empty: the service fills it in once the command has finished."; }

const char* truncated_lead() { return "Truncated by the service:"; }

std::string truncation_limit_text(OutputStream s) {
    return output_limit_sentence(s == OutputStream::Stdout ? OutputMember::StandardOutput : OutputMember::StandardError);
}

const char* truncation_where_text(bool has_url) {
    return has_url ? "The whole output is in S3:"
                   : "No S3 bucket was given to send-command, so the rest was not kept (unless CloudWatch output was on).";
}

}  // namespace ssmview

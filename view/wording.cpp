// view/wording.cpp: the view's sentences and labels (see wording.h).
//
// Index
//   status words      phase_label, progress_text, waiter_sentence, given_text, response_code_text
//   member values     field_text, cloudwatch_text, source_text
//   times             time_text, elapsed_text
//   no invocation     intro_text, not_shown_text, not_shown_hint, first_error_text
//   plain output      plain_heading, plain_text
//   fleet             fleet_heading, fleet_progress_text, fleet_phase_text, fleet_group_heading,
//                     fleet_diff_heading
//   diagnostics       diagnostics_summary, diagnostic_place, diagnostic_sentence, diagnostics_more
//   outputs           output_lines_text, output_absent_text, output_pending_text, truncation texts
//
// Call flow: panels (status, timeline, header, output, diagnostics, menu bar, view_frame's
// summary) draw these strings; view_mirror() puts the same strings into the page's HTML. The
// only ImGui-free helper borrowed from the widgets is clip_for_display.
#include "wording.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "data_limits.h"
#include "fleet_report.h"
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
           "`aws ssm get-command-invocation` printed (or `list-command-invocations --details` for a whole "
           "fleet), open a file, or pick a sample below.";
}
const char* not_shown_text() { return "This is not a get-command-invocation result that can be shown."; }
const char* not_shown_hint() { return "Details in Diagnostics; the input itself under Raw input."; }
const char* plain_heading() { return "Plain output: no status is known"; }
const char* plain_text() {
    return "This text is not AWS CLI JSON (it may be what `--query StandardOutputContent --output text` prints, or a "
           "log copied from a terminal), so it is shown as it is, with no status, times or ids. For the whole report, "
           "paste what `aws ssm get-command-invocation --output json` prints.";
}

const char* target_fetched_text() { return "GetCommandInvocation's own answer, fetched through the proxy."; }

// ---- fleet -----------------------------------------------------------------------------------------------------
std::string fleet_heading(const Report& r) {
    const Fleet& f = r.fleet;
    const std::size_t n = f.invocations.size(), commands = f.commands.size();
    std::string out = "Fleet: " + fleet_sources_text(f) + ", " + with_thousands(n) + (n == 1 ? " invocation" : " invocations");
    if (commands > 0) out += ", " + with_thousands(commands) + (commands == 1 ? " command" : " commands");
    return out;
}

std::string fleet_progress_text(const FleetCounts& c) {
    const auto count = [](std::int64_t n) { return with_thousands(static_cast<std::size_t>(std::max<std::int64_t>(n, 0))); };
    return count(c.done) + " of " + count(c.total) + " targets finished" +
           (c.from_counters ? " (the command's counters)" : "");
}

std::string fleet_phase_text(Phase p, std::size_t n) { return with_thousands(n) + " " + phase_name(p); }

std::string fleet_diff_heading(int from, int to, const LineDiff& d) {
    std::string out = "Group " + std::to_string(from + 1) + " against group " + std::to_string(to + 1) + ": ";
    if (d.removed == 0 && d.added == 0) return out + "the same lines";
    out += counted(d.removed, "line", "lines") + " removed, " + with_thousands(d.added) + " added";
    if (d.gave_up)
        out += " (more than " + with_thousands(kMaxDiffEdits) + " changes: the lines between the first and last shared "
               "ones are shown removed, then added)";
    return out;
}

std::string fleet_group_heading(const Fleet& f, const OutputGroup& g) {
    const std::size_t n = g.invocations.size();
    std::string out = with_thousands(n) + (n == 1 ? " instance: " : " instances: ") +
                      clip_for_display(fleet_instances_text(f, g.invocations, kFleetGroupInstances), kClipSentence);
    if (g.variants > 1) out += " (" + std::to_string(g.variants) + " variants)";
    if (g.cut) out += " (cut by the agent)";
    return out;
}

std::string fleet_no_outputs_text(const Report& r) {
    for (const Diagnostic& d : r.diagnostics)
        if (d.code == "fleet.no_details") return d.message;  // core's sentence: how to get them
    return "No invocation with plugins was pasted, so there are no outputs to group.";
}

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

std::string truncation_limit_text(OutputStream s) { return output_limit_sentence(output_member(s)); }

const char* truncation_where_text(bool has_url) {
    return has_url ? "The whole output is in S3:"
                   : "No S3 bucket was given to send-command, so the rest was not kept (unless CloudWatch output was on).";
}

std::string bytes_text(std::int64_t bytes) {
    if (bytes < 1000) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    std::string exact = std::to_string(bytes);
    for (int i = static_cast<int>(exact.size()) - 3; i > 0; i -= 3) exact.insert(static_cast<std::size_t>(i), ",");
    const char* unit = "kB";
    double v = static_cast<double>(bytes) / 1e3;
    if (bytes >= 1000000000) unit = "GB", v = static_cast<double>(bytes) / 1e9;
    else if (bytes >= 1000000) unit = "MB", v = static_cast<double>(bytes) / 1e6;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f %s (%s bytes)", v, unit, exact.c_str());
    return buf;
}

std::string whole_lead(const WholeStream& st) {
    const char* from = st.source == WholeSource::S3 ? "S3" : "CloudWatch Logs";
    switch (st.phase) {
    case WholePhase::None: return {};
    case WholePhase::Live: return std::string("Live from ") + from + ":";
    case WholePhase::Loading: return std::string("Loading the complete output from ") + from + ":";
    case WholePhase::Partial:
        if (st.cancelled) return "Loading cancelled:";
        return st.source == WholeSource::S3 ? "The first part of the complete output, from S3:"
                                            : "Following stopped; the output so far, from CloudWatch Logs:";
    case WholePhase::Done:
        if (st.text.empty()) return std::string(from) + " holds no output for this stream:";
        return std::string("Complete output from ") + from + ":";
    case WholePhase::Failed: return std::string("Could not read the output from ") + from + ":";
    }
    return {};
}

std::string whole_detail(const WholeStream& st) {
    const std::int64_t have = static_cast<std::int64_t>(st.text.size());
    std::string size;
    if (st.source == WholeSource::S3 && st.total_bytes >= 0 && have < st.total_bytes)
        size = bytes_text(have) + " of " + bytes_text(st.total_bytes);
    else
        size = bytes_text(have);
    if (st.source == WholeSource::Logs) size += ", " + std::to_string(st.events) + (st.events == 1 ? " event" : " events");
    if (st.phase == WholePhase::Live && st.no_stream && st.text.empty()) size = "no output on this stream yet";
    if (st.phase == WholePhase::Failed) size = service_error_title(st.error) + (have > 0 ? "; " + bytes_text(have) + " read before" : "");
    return size + " \xe2\x80\x94 " + clip_for_display(st.where, kClipLink);
}

std::string share_output_text(const ViewState& s, OutputStream which) {
    const std::string name = which == OutputStream::Stdout ? "Standard output" : "Standard error";
    const WholeStream& st = s.whole.s[output_stream_index(which)];
    if (whole_in_share_link(s) && whole_pane_text(s, which) != nullptr) {
        const std::int64_t have = static_cast<std::int64_t>(st.text.size());
        const char* from = st.source == WholeSource::S3 ? "S3" : "CloudWatch Logs";
        if (st.phase == WholePhase::Done) return name + ": the link carries the complete output (" + bytes_text(have) + ", from " + from + ").";
        if (st.total_bytes > have)
            return name + ": the link carries the first " + bytes_text(have) + " of " + bytes_text(st.total_bytes) + " (from " + from +
                   "), not the complete output.";
        return name + ": the link carries the output read so far (" + bytes_text(have) + ", from " + from + "), not the complete output.";
    }
    if (!output_cut(s.report, output_member(which)).cut()) return {};
    return name + ": the link carries the output cut, as GetCommandInvocation returned it. " +
           truncation_limit_text(which);
}

}  // namespace ssmview

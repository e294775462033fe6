// core/validate.cpp: the checks, in the order a reader of the report cares about.
//
// Index
//   Helpers          empty_or_absent
//   Constraints      CommandId, InstanceId, PluginName, Comment, DocumentName, DocumentVersion, sizes
//   State            unknown/differently-cased words, contradictions, ResponseCode vs phase
//   Times            parse, then: missing end, end while running, end before start, elapsed mismatch
//   Output           the agent's truncation markers, output exactly at the limit
//   validate
//
// Limits come from data_limits.h, the id patterns and \w from ids.h, the status words from
// classify.cpp's vocabulary, the markers and the output members from truncation.h: this file only
// decides what to say.
#include "validate.h"

#include <cstdlib>

#include "data_limits.h"
#include "ids.h"
#include "text_encoding.h"
#include "truncation.h"

namespace ssmview {
namespace {

// ---- Helpers --------------------------------------------------------------------------------

bool empty_or_absent(const Field<std::string>& f) { return !f.present || f.value.empty(); }

// ---- Constraints ----------------------------------------------------------------------------

// ^[a-zA-Z0-9_\-.]{3,128}$; a document shared from another account is named by its ARN, whose
// last part follows the same rule.
bool document_name_ok(std::string_view name) {
    if (name.substr(0, 4) == "arn:") {
        const std::size_t slash = name.rfind('/');
        if (slash == std::string_view::npos) return false;
        name = name.substr(slash + 1);
    }
    if (name.size() < kMinDocumentNameChars || name.size() > kMaxDocumentNameChars) return false;
    for (char c : name)
        if (!word_char(c) && c != '-' && c != '.') return false;
    return true;
}

// [$]LATEST | [$]DEFAULT | ^[1-9][0-9]*$ ; the service also returns "" for some documents.
bool document_version_ok(std::string_view v) {
    if (v.empty() || v == "$LATEST" || v == "$DEFAULT") return true;
    if (v[0] < '1' || v[0] > '9') return false;
    for (char c : v)
        if (c < '0' || c > '9') return false;
    return true;
}

void check_length(const Field<std::string>& f, OutputMember m, const char* code, DiagnosticSink& sink) {
    const OutputSpec& spec = output_spec(m);
    // Bytes >= characters: only a string over the limit in bytes needs its characters counted.
    if (!f.present || f.value.size() <= spec.limit_chars) return;
    const std::size_t chars = utf8_length(f.value);
    if (chars <= spec.limit_chars) return;
    sink.add(Severity::Warning, code,
             std::string(spec.content) + " has " + std::to_string(chars) + " characters; the service returns at most " +
                 std::to_string(spec.limit_chars) + ". It is shown in full.",
             spec.path, f.offset);
}

void check_constraints(const Invocation& inv, DiagnosticSink& sink) {
    if (inv.command_id.present && utf8_length(inv.command_id.value) != kCommandIdChars)
        sink.add(Severity::Warning, "constraint.command_id_length",
                 "CommandId is " + std::to_string(utf8_length(inv.command_id.value)) + " characters long; the API's command ids are " +
                     std::to_string(kCommandIdChars) + " (a UUID).",
                 "/CommandId", inv.command_id.offset);
    if (inv.instance_id.present && !instance_id_ok(inv.instance_id.value))
        sink.add(Severity::Warning, "constraint.instance_id_pattern",
                 "InstanceId \"" + inv.instance_id.value +
                     "\" is neither an EC2 instance id (i- and 8 or 17 characters) nor a managed node id (mi- and 17).",
                 "/InstanceId", inv.instance_id.offset);
    if (inv.plugin_name.present && utf8_length(inv.plugin_name.value) < kMinPluginNameChars)
        sink.add(Severity::Warning, "constraint.plugin_name_length",
                 "PluginName is shorter than the model's minimum of " + std::to_string(kMinPluginNameChars) + " characters.",
                 "/PluginName", inv.plugin_name.offset);
    if (inv.comment.present && utf8_length(inv.comment.value) > kMaxCommentChars)
        sink.add(Severity::Warning, "constraint.comment_length",
                 "Comment is " + std::to_string(utf8_length(inv.comment.value)) + " characters long; the API allows " +
                     std::to_string(kMaxCommentChars) + ".",
                 "/Comment", inv.comment.offset);
    if (inv.document_name.present && !document_name_ok(inv.document_name.value))
        sink.add(Severity::Warning, "constraint.document_name_pattern",
                 "DocumentName \"" + inv.document_name.value +
                     "\" does not match the model: " + std::to_string(kMinDocumentNameChars) + " to " +
                     std::to_string(kMaxDocumentNameChars) + " of letters, digits, '_', '-' and '.'.",
                 "/DocumentName", inv.document_name.offset);
    if (inv.document_version.present && !document_version_ok(inv.document_version.value))
        sink.add(Severity::Warning, "constraint.document_version_pattern",
                 "DocumentVersion \"" + inv.document_version.value + "\" is not $DEFAULT, $LATEST or a version number.",
                 "/DocumentVersion", inv.document_version.offset);
    check_length(inv.standard_output_content, OutputMember::StandardOutput, "constraint.stdout_length", sink);
    check_length(inv.standard_error_content, OutputMember::StandardError, "constraint.stderr_length", sink);
}

// ---- State ----------------------------------------------------------------------------------

}  // namespace

void check_state_members(const StateMembers& m, const State& st, DiagnosticSink& sink) {
    const std::string_view base = m.base;  // a path is built only for a finding
    const Field<std::string>& status = m.status;
    const Field<std::string>& details = m.details;
    if (status.present) {
        if (st.phase == Phase::Unknown)
            sink.add(Severity::Warning, "status.unknown",
                     "Status \"" + status.value + "\" is not one the API defines (" + m.vocabulary() +
                         "). It is shown as given.",
                     std::string(base) + "/Status", status.offset);
        else if (!m.canonical(status.value))
            sink.add(Severity::Warning, "status.case",
                     "Status \"" + status.value + "\" is read as \"" + phase_name(st.phase) +
                         "\", but the API spells it differently. The AWS CLI compares exactly: `aws ssm wait command-executed` "
                         "would keep polling this.",
                     std::string(base) + "/Status", status.offset);
    }
    if (details.present && !details.value.empty()) {
        if (!m.details_known(details.value))
            sink.add(Severity::Warning, "status.details_unknown",
                     "StatusDetails \"" + details.value + "\" is not one the API documents. It is shown as given.",
                     std::string(base) + "/StatusDetails", details.offset);
        else if (m.details_spelled && !m.details_spelled(details.value))
            sink.add(Severity::Warning, "status.case",
                     "StatusDetails \"" + details.value + "\" is spelled with different letter case than the API's.",
                     std::string(base) + "/StatusDetails", details.offset);
    }
    if (!status.present && !details.present) {
        const std::string sentence = "There is no Status and no StatusDetails, so whether the command ended cannot be told.";
        if (base.empty()) sink.add_unplaced(Severity::Warning, "status.missing", sentence);
        else sink.add(Severity::Warning, "status.missing", sentence, std::string(base), m.object_offset);
    }
    if (status.present && details.present && st.phase != Phase::Unknown && !m.agree(st.phase, details.value))
        sink.add(Severity::Warning, "status.contradiction",
                 "Status \"" + status.value + "\" and StatusDetails \"" + details.value +
                     "\" contradict each other; the phase follows Status.",
                 std::string(base) + "/StatusDetails", details.offset);

    if (!m.response_code || !m.response_code->present) return;
    const std::int64_t code = m.response_code->value;
    const std::size_t at = m.response_code->offset;
    const auto path = [&] { return std::string(base) + "/ResponseCode"; };
    if (st.phase == Phase::Success && code != 0)
        sink.add(Severity::Warning, "state.success_nonzero_code",
                 "Status is Success but ResponseCode is " + std::to_string(code) + ": a script's non-zero exit code normally fails it.",
                 path(), at);
    if (st.phase == Phase::Success && code == -1)
        sink.add(Severity::Warning, "state.finished_not_started",
                 "Status is Success but ResponseCode is -1, which means the plugin never started.", path(), at);
    if (st.phase == Phase::Failed && st.detail == Detail::None && code == 0)
        sink.add(Severity::Info, "state.failed_zero_code",
                 "Status is Failed with ResponseCode 0: the script exited cleanly, so the failure came from elsewhere "
                 "(the plugin, the document, or the agent). StatusDetails and stderr may tell more.",
                 path(), at);
    if ((st.phase == Phase::Pending || st.phase == Phase::Delayed) && (code != -1 || m.has_output))
        sink.add(Severity::Warning, "state.pending_with_output",
                 std::string("Status is ") + status.value + ", so nothing has run yet, but " +
                     (code != -1 ? "ResponseCode is " + std::to_string(code) : std::string("there is output")) + ".",
                 path(), at);
}

namespace {

void check_state(const Invocation& inv, const State& st, DiagnosticSink& sink) {
    StateMembers m{inv.status, inv.status_details};
    m.response_code = &inv.response_code;
    m.has_output = !empty_or_absent(inv.standard_output_content) || !empty_or_absent(inv.standard_error_content);
    check_state_members(m, st, sink);
}

// ---- Times ----------------------------------------------------------------------------------

Timestamp take_time(const Field<std::string>& f, const char* name, DiagnosticSink& sink) {
    if (empty_or_absent(f)) return {};
    Timestamp t = parse_timestamp(f.value);
    if (!t.valid)
        sink.add(Severity::Warning, "time.invalid",
                 std::string(name) + " \"" + f.value + "\" is not an ISO-8601 time such as 2026-11-20T14:03:07.512Z.",
                 std::string("/") + name, f.offset);
    return t;
}

void check_times(const Invocation& inv, const State& st, Times& times, DiagnosticSink& sink) {
    times.start = take_time(inv.execution_start_date_time, "ExecutionStartDateTime", sink);
    times.end = take_time(inv.execution_end_date_time, "ExecutionEndDateTime", sink);
    if (!empty_or_absent(inv.execution_elapsed_time)) {
        times.elapsed = parse_duration(inv.execution_elapsed_time.value);
        if (!times.elapsed.valid)
            sink.add(Severity::Warning, "time.duration_invalid",
                     "ExecutionElapsedTime \"" + inv.execution_elapsed_time.value +
                         "\" is not an ISO-8601 duration such as PT12.034S.",
                     "/ExecutionElapsedTime", inv.execution_elapsed_time.offset);
    }
    const bool never_ran = st.detail == Detail::DeliveryTimedOut || st.detail == Detail::Undeliverable ||
                           st.detail == Detail::Terminated;
    const bool started = !empty_or_absent(inv.execution_start_date_time);
    if (st.terminal && !never_ran && (started || st.phase == Phase::Success || st.phase == Phase::Failed) &&
        empty_or_absent(inv.execution_end_date_time))
        sink.add(Severity::Warning, "time.missing_end",
                 std::string("The invocation has ended (") + phase_name(st.phase) + ") but ExecutionEndDateTime is empty.",
                 "/ExecutionEndDateTime",
                 inv.execution_end_date_time.present ? inv.execution_end_date_time.offset : inv.status.offset);
    if ((st.phase == Phase::Pending || st.phase == Phase::InProgress || st.phase == Phase::Delayed) &&
        !empty_or_absent(inv.execution_end_date_time))
        sink.add(Severity::Warning, "time.end_while_running",
                 std::string("ExecutionEndDateTime is set, yet the invocation is still ") + phase_name(st.phase) + ".",
                 "/ExecutionEndDateTime", inv.execution_end_date_time.offset);
    if (times.start.valid && times.end.valid && times.end.epoch_ms < times.start.epoch_ms)
        sink.add(Severity::Warning, "time.end_before_start",
                 "ExecutionEndDateTime is " + format_duration(times.start.epoch_ms - times.end.epoch_ms) +
                     " before ExecutionStartDateTime.",
                 "/ExecutionEndDateTime", inv.execution_end_date_time.offset);
    if (times.start.valid && times.end.valid && times.elapsed.valid && times.end.epoch_ms >= times.start.epoch_ms) {
        // The service rounds, and its clocks are not one clock: allow a second plus 1 %.
        const std::int64_t span = times.end.epoch_ms - times.start.epoch_ms;
        const std::int64_t diff = std::llabs(span - times.elapsed.ms);
        if (diff > 1000 + span / 100)
            sink.add(Severity::Warning, "time.elapsed_mismatch",
                     "ExecutionElapsedTime says " + format_duration(times.elapsed.ms) + ", but end minus start is " +
                         format_duration(span) + ".",
                     "/ExecutionElapsedTime", inv.execution_elapsed_time.offset);
    }
}

// ---- Output ---------------------------------------------------------------------------------

// At most one finding per member: a marker says more than the length. Front ends read these back
// through output_cut() (truncation.h) instead of testing the text themselves.
void check_output(const Field<std::string>& content, const Field<std::string>& url, OutputMember m, DiagnosticSink& sink) {
    if (!content.present) return;
    const OutputSpec& spec = output_spec(m);
    const std::string where = empty_or_absent(url) ? std::string(" The full text was not sent to S3 (no URL is set).")
                                                   : " The full text is at " + url.value + ".";
    if (const TruncationMarker* marker = truncation_marker_at_end(content.value)) {
        sink.add(Severity::Info, "output.truncated",
                 std::string(spec.content) + " ends in the agent's \"" + marker->text +
                     "\" marker: the service kept only the first part." + where,
                 spec.path, content.offset);
        return;
    }
    // Exactly at the limit, counted in characters like the limit itself: the service returns
    // nothing longer, so more than the limit is a text the service did not cut, and
    // constraint.*_length reports it instead. Bytes >= characters: fewer bytes are never at it.
    if (content.value.size() >= spec.limit_chars && utf8_length(content.value) == spec.limit_chars)
        sink.add(Severity::Info, "output.at_limit",
                 std::string(spec.content) + " is exactly " + std::to_string(spec.limit_chars) +
                     " characters, the service's limit: it was probably cut." + where,
                 spec.path, content.offset);
}

}  // namespace

void validate(const Invocation& inv, const State& state, Times& times, DiagnosticSink& sink) {
    check_constraints(inv, sink);
    check_state(inv, state, sink);
    check_times(inv, state, times, sink);
    check_output(inv.standard_output_content, inv.standard_output_url, OutputMember::StandardOutput, sink);
    check_output(inv.standard_error_content, inv.standard_error_url, OutputMember::StandardError, sink);
}

}  // namespace ssmview

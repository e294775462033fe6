// cli/inspect_text.cpp: the summary, written for a terminal.
//
// Index
//   Colours              SGR codes per phase and severity, only when style.colour
//   sanitize_for_terminal  untrusted output must not drive the user's terminal (OSC, cursor moves)
//   Output preview       the first lines of stdout / stderr with a count of the rest
//   format_summary
//   format_diagnostics
#include "inspect_text.h"

#include "ansi.h"
#include "line_preview.h"
#include "truncation.h"

namespace ssmview {
namespace {

// ---- Colours --------------------------------------------------------------------------------

const char* phase_colour(Phase p) {
    switch (p) {
        case Phase::Success: return "\x1b[1;32m";
        case Phase::Failed: case Phase::TimedOut: return "\x1b[1;31m";
        case Phase::Cancelled: case Phase::Cancelling: return "\x1b[1;35m";
        case Phase::Pending: case Phase::InProgress: case Phase::Delayed: return "\x1b[1;34m";
        case Phase::Unknown: return "\x1b[1;33m";
    }
    return "";
}
const char* severity_colour(Severity s) {
    return s == Severity::Error ? "\x1b[1;31m" : s == Severity::Warning ? "\x1b[1;33m" : "\x1b[1;36m";
}
std::string paint(const TextStyle& st, const char* sgr, const std::string& text) {
    return st.colour ? std::string(sgr) + text + "\x1b[0m" : text;
}

// ---- Output preview -------------------------------------------------------------------------

void preview(std::string& out, const char* title, const Field<std::string>& f, const TextStyle& st) {
    if (!f.present || f.value.empty()) return;
    out += "\n" + paint(st, "\x1b[1m", std::string(title)) + " (" + counted(count_lines(f.value), "line", "lines") + ", " +
           std::to_string(f.value.size()) + " bytes):\n";
    const LinePreview p = line_preview(f.value, static_cast<std::size_t>(st.preview_lines));
    for (std::string_view line : p.lines) out += "  | " + sanitize_for_terminal(line) + "\n";
    if (p.more > 0) out += "  | ... " + counted(p.more, "line", "lines") + " more (ssmview inspect --json has all)\n";
}

std::string or_dash(const Field<std::string>& f) { return f.present && !f.value.empty() ? sanitize_for_terminal(f.value) : "-"; }

}  // namespace

// ---- sanitize_for_terminal ------------------------------------------------------------------

std::string sanitize_for_terminal(std::string_view t) {
    // Escapes go the way the page drops them (core/ansi.h: CSI, OSC, DCS with its payload, ...);
    // then the controls that would move the cursor.
    const std::string plain = ansi_parse(t).text;
    std::string out;
    out.reserve(plain.size());
    for (char ch : plain) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '\t') { out += "    "; continue; }
        if (c < 0x20 || c == 0x7f) continue;  // \r and other controls would move the cursor
        out += ch;
    }
    return out;
}

// ---- format_summary -------------------------------------------------------------------------

std::string format_summary(const Report& r, const TextStyle& st) {
    std::string out;
    if (r.kind == ReportKind::Plain) {
        // No status is known: say so, and show the text as the page does (input.plain's warning
        // follows with the fix).
        out += paint(st, phase_colour(Phase::Unknown), "PLAIN OUTPUT") + "  no status: this is not AWS CLI JSON\n";
        preview(out, "output", r.invocation.standard_output_content, st);
        return out;
    }
    if (!r.has_invocation) return out;
    const Invocation& inv = r.invocation;
    const State& s = r.state;
    std::string headline = phase_name(s.phase);
    if (s.detail != Detail::None) headline += std::string(" (") + detail_name(s.detail) + ")";
    out += paint(st, phase_colour(s.phase), headline) + (s.terminal ? "  finished" : "  still running") + "\n";
    out += "  Status          " + (inv.status.present ? sanitize_for_terminal(inv.status.value) : std::string("-")) +
           "   StatusDetails " + or_dash(inv.status_details) + "\n";
    out += "  Command         " + or_dash(inv.command_id) + "\n";
    out += "  Instance        " + or_dash(inv.instance_id) + "\n";
    out += "  Document        " + or_dash(inv.document_name) +
           (inv.document_version.present && !inv.document_version.value.empty() ? " (version " + sanitize_for_terminal(inv.document_version.value) + ")" : "") +
           "   plugin " + or_dash(inv.plugin_name) + "\n";
    if (inv.comment.present && !inv.comment.value.empty()) out += "  Comment         " + sanitize_for_terminal(inv.comment.value) + "\n";
    if (!s.response_code_meaning.empty()) out += "  ResponseCode    " + s.response_code_meaning + "\n";
    if (r.times.start.valid) out += "  Started         " + format_timestamp_utc(r.times.start.epoch_ms) + "\n";
    if (r.times.end.valid) out += "  Ended           " + format_timestamp_utc(r.times.end.epoch_ms) + "\n";
    if (r.times.elapsed.valid) out += "  Elapsed         " + format_duration(r.times.elapsed.ms) + "\n";
    out += std::string("  Waiter          `aws ssm wait command-executed` would ") +
           (s.waiter == Waiter::Retry ? "keep waiting" : s.waiter == Waiter::Success ? "succeed" : "fail") + "\n";
    if (inv.standard_output_url.present && !inv.standard_output_url.value.empty())
        out += "  Stdout URL      " + sanitize_for_terminal(inv.standard_output_url.value) + "\n";
    if (inv.standard_error_url.present && !inv.standard_error_url.value.empty())
        out += "  Stderr URL      " + sanitize_for_terminal(inv.standard_error_url.value) + "\n";
    if (inv.cloud_watch_output_config.present && inv.cloud_watch_output_config.value.output_enabled.value)
        out += "  CloudWatch      " + or_dash(inv.cloud_watch_output_config.value.log_group_name) + "\n";
    out += "\n  " + s.explanation + "\n";
    preview(out, "stdout", inv.standard_output_content, st);
    preview(out, "stderr", inv.standard_error_content, st);
    return out;
}

// ---- format_diagnostics ---------------------------------------------------------------------

std::string format_diagnostics(const Report& r, const std::string& name, const TextStyle& st) {
    std::string out;
    for (const auto& d : r.diagnostics) {
        out += name;
        if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
        out += ": " + paint(st, severity_colour(d.severity), severity_name(d.severity)) + ": " + d.message + " [" + d.code + "]";
        if (!d.path.empty()) out += " at " + d.path;
        out += "\n";
    }
    return out;
}

}  // namespace ssmview

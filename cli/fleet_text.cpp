// cli/fleet_text.cpp: the fleet summary, written for a terminal.
//
// Index
//   Helpers            instance lists ("i-1, i-2 and 8 more"), names, codes
//   Header             sources and pages; the command(s); counts per phase; progress; span
//   Failures           every invocation that did not succeed, first
//   Groups             per stream, each distinct output once with its instances
//   format_fleet_summary
#include "fleet_text.h"

#include <cassert>

#include "fleet_report.h"
#include "line_preview.h"
#include "truncation.h"

namespace ssmview {
namespace {

constexpr std::size_t kMaxFailuresListed = 40;  // the "Not successful" lines a report prints

// ---- Helpers --------------------------------------------------------------------------------

constexpr std::size_t kListedInstances = 12;  // instance ids named in a group's heading; the rest are counted

std::string id_of(const FleetInvocation& inv) {
    return inv.instance_id.present && !inv.instance_id.value.empty() ? sanitize_for_terminal(inv.instance_id.value) : "?";
}

std::string instance_list(const Fleet& f, const std::vector<std::size_t>& members) {
    return sanitize_for_terminal(fleet_instances_text(f, members, kListedInstances));
}

std::string code_of(const FleetInvocation& inv) {
    const FleetRow row = fleet_row(inv);
    return row.response_code.present ? std::to_string(row.response_code.value) : "-";
}

// ---- Header ---------------------------------------------------------------------------------

void header(std::string& out, const Fleet& f) {
    out += "Fleet: " + fleet_sources_text(f) + ", " + counted(static_cast<std::size_t>(f.pages), "page", "pages") + ", " +
           counted(f.invocations.size(), "invocation", "invocations") +
           (f.commands.empty() ? "" : ", " + counted(f.commands.size(), "command", "commands")) + "\n";
    for (const FleetCommand& c : f.commands) {
        out += "  Command         " + (c.command_id.present ? sanitize_for_terminal(c.command_id.value) : std::string("-")) + "  " +
               (c.document_name.present ? sanitize_for_terminal(c.document_name.value) : std::string("-")) + "  " +
               phase_name(c.state.phase) + (c.state.terminal ? " (finished)" : "") + "\n";
        if (c.target_count.present)
            out += "  Counters        " + std::to_string(c.target_count.value) + " targets, " +
                   (c.completed_count.present ? std::to_string(c.completed_count.value) : "?") + " completed, " +
                   (c.error_count.present ? std::to_string(c.error_count.value) : "?") + " errors, " +
                   (c.delivery_timed_out_count.present ? std::to_string(c.delivery_timed_out_count.value) : "?") +
                   " delivery time-outs\n";
    }
    const FleetCounts counts = fleet_counts(f);
    out += "  Progress        " + std::to_string(counts.done) + " of " + std::to_string(counts.total) + " finished" +
           (counts.from_counters ? " (the command's counters)" : "") + "\n";
    if (counts.invocations > 0) {
        std::string phases;
        for (std::size_t p = 0; p < kPhaseCount; ++p)
            if (counts.by_phase[p] > 0)
                phases += std::string(phases.empty() ? "" : ", ") + phase_name(static_cast<Phase>(p)) + " " + std::to_string(counts.by_phase[p]);
        out += "  Phases          " + phases + "\n";
    }
    const FleetSpan span = fleet_span(f);
    if (span.requested.valid) out += "  Requested       " + format_timestamp_utc(span.requested.epoch_ms) + "\n";
    if (span.first_start.valid) out += "  First start     " + format_timestamp_utc(span.first_start.epoch_ms) + "\n";
    if (span.last_end.valid) out += "  Last end        " + format_timestamp_utc(span.last_end.epoch_ms) + "\n";
    if (span.slowest_ms >= 0)
        out += "  Slowest         " + id_of(f.invocations[span.slowest]) + " (" + format_duration(span.slowest_ms) + ")\n";
}

// ---- Failures -------------------------------------------------------------------------------

void failures(std::string& out, const Fleet& f) {
    std::vector<std::size_t> failed;
    for (std::size_t i = 0; i < f.invocations.size(); ++i) {
        const Phase p = f.invocations[i].state.phase;
        if (p != Phase::Success && p != Phase::Pending && p != Phase::InProgress && p != Phase::Delayed) failed.push_back(i);
    }
    if (failed.empty()) return;
    out += "\nNot successful (" + with_thousands(failed.size()) + "):\n";
    for (std::size_t n = 0; n < failed.size(); ++n) {
        // A terminal holds a screenful; --json lists every invocation.
        if (n == kMaxFailuresListed) {
            out += "  ... " + with_thousands(failed.size() - n) + " more (--json lists every invocation)\n";
            break;
        }
        const FleetInvocation& inv = f.invocations[failed[n]];
        std::string line = "  " + id_of(inv) + "  " + phase_name(inv.state.phase);
        if (inv.state.detail != Detail::None) line += std::string(" (") + detail_name(inv.state.detail) + ")";
        line += "  code " + code_of(inv);
        if (inv.instance_name.present && !inv.instance_name.value.empty()) line += "  " + sanitize_for_terminal(inv.instance_name.value);
        out += line + "\n";
    }
}

// ---- Groups ---------------------------------------------------------------------------------

void groups(std::string& out, const Fleet& f, OutputStream s, GroupMode mode, int lines) {
    const std::vector<OutputGroup> gs = group_outputs(f, s, mode);
    if (gs.empty()) return;
    out += std::string("\n") + output_stream_name(s) + ": " + counted(gs.size(), "distinct output", "distinct outputs") +
           (mode == GroupMode::Similar ? " (digits, hex ids and times ignored)" : "") + "\n";
    for (const OutputGroup& g : gs) {
        out += "---------------- " + instance_list(f, g.invocations) + " (" + std::to_string(g.invocations.size()) + ")" +
               (g.variants > 1 ? ", " + std::to_string(g.variants) + " variants" : "") + (g.cut ? ", cut by the agent" : "") + "\n";
        if (g.text.empty()) {
            out += "  (no output)\n";
            continue;
        }
        const LinePreview p = line_preview(g.text, static_cast<std::size_t>(lines));
        for (std::string_view line : p.lines) out += "  | " + sanitize_for_terminal(line) + "\n";
        if (p.more > 0) out += "  | ... " + counted(p.more, "line", "lines") + " more (ssmview inspect --json has all)\n";
    }
}

}  // namespace

// ---- format_fleet_summary -------------------------------------------------------------------

std::string format_fleet_summary(const Report& r, const TextStyle& style, GroupMode mode) {
    assert(r.kind == ReportKind::Fleet);
    std::string out;
    header(out, r.fleet);
    failures(out, r.fleet);
    // A group shows twice the lines of a single invocation's preview: it stands for many targets.
    groups(out, r.fleet, OutputStream::Stdout, mode, 2 * style.preview_lines);
    groups(out, r.fleet, OutputStream::Stderr, mode, 2 * style.preview_lines);
    return out;
}

}  // namespace ssmview

// core/fleet_report.cpp: counts, span and the fleet's JSON.
//
// Index
//   fleet_counts, fleet_row, fleet_span, fleet_sources_text, fleet_instances_text
//   JSON writers      command_json, plugin_json, invocation_json, group_json
//   fleet_to_json
#include "fleet_report.h"

#include <algorithm>
#include <cassert>

#include "report.h"

namespace ssmview {

FleetCounts fleet_counts(const Fleet& f) {
    FleetCounts c;
    for (const FleetInvocation& inv : f.invocations) {
        ++c.by_phase[static_cast<std::size_t>(inv.state.phase)];
        c.terminal += inv.state.terminal;
    }
    c.invocations = f.invocations.size();
    const FleetCommand* cmd = f.commands.empty() ? nullptr : &f.commands.front();
    if (cmd && cmd->target_count.present && cmd->completed_count.present) {
        c.from_counters = true;
        c.total = cmd->target_count.value;
        c.done = std::min(cmd->completed_count.value, cmd->target_count.value);
    } else {
        c.total = static_cast<std::int64_t>(c.invocations);
        c.done = static_cast<std::int64_t>(c.terminal);
    }
    assert(c.done <= c.total || c.total < 0);
    return c;
}

namespace {
void keep_earlier(Timestamp& keep, const Timestamp& t) { if (t.valid && (!keep.valid || t.epoch_ms < keep.epoch_ms)) keep = t; }
void keep_later(Timestamp& keep, const Timestamp& t) { if (t.valid && (!keep.valid || t.epoch_ms > keep.epoch_ms)) keep = t; }
}  // namespace

FleetRow fleet_row(const FleetInvocation& inv) {
    FleetRow out;
    for (const FleetPlugin& p : inv.plugins) {
        if (p.response_code.present && (!out.response_code.present || (out.response_code.value == 0 && p.response_code.value != 0)))
            out.response_code = p.response_code;
        keep_earlier(out.start, p.start);
        keep_later(out.end, p.finish);
    }
    if (out.start.valid && out.end.valid) out.duration_ms = out.end.epoch_ms - out.start.epoch_ms;
    return out;
}

FleetSpan fleet_span(const Fleet& f) {
    FleetSpan s;
    for (std::size_t i = 0; i < f.invocations.size(); ++i) {
        const FleetRow row = fleet_row(f.invocations[i]);
        keep_earlier(s.requested, f.invocations[i].requested);
        keep_earlier(s.first_start, row.start);
        keep_later(s.last_end, row.end);
        if (row.duration_ms > s.slowest_ms) {
            s.slowest_ms = row.duration_ms;
            s.slowest = i;
        }
    }
    return s;
}

std::string fleet_sources_text(const Fleet& f) {
    std::string out;
    for (std::size_t i = 0; i < f.sources.size(); ++i) {
        bool seen = false;
        for (std::size_t j = 0; j < i; ++j) seen = seen || f.sources[j] == f.sources[i];
        if (!seen) out += std::string(out.empty() ? "" : " + ") + fleet_source_name(f.sources[i]);
    }
    return out;
}

std::string fleet_instances_text(const Fleet& f, const std::vector<std::size_t>& members, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < members.size() && i < max; ++i) {
        const FleetInvocation& inv = f.invocations[members[i]];
        out += (i ? ", " : "") + (inv.instance_id.present && !inv.instance_id.value.empty() ? inv.instance_id.value : std::string("?"));
    }
    if (members.size() > max) out += " and " + std::to_string(members.size() - max) + " more";
    return out;
}

// ---- JSON writers ---------------------------------------------------------------------------

namespace {

template <typename T>
Json field(const Field<T>& f) { return f.present ? Json(f.value) : Json(nullptr); }

Json time_json(const Timestamp& t) {
    if (!t.valid) return nullptr;
    return Json{{"epochMs", t.epoch_ms}, {"utc", format_iso8601_utc(t.epoch_ms)}, {"offsetMinutes", t.offset_minutes}};
}

Json command_json(const FleetCommand& c) {
    Json j = Json::object();
    j["commandId"] = field(c.command_id);
    j["documentName"] = field(c.document_name);
    j["documentVersion"] = field(c.document_version);
    j["comment"] = field(c.comment);
    j["status"] = field(c.status);
    j["statusDetails"] = field(c.status_details);
    j["phase"] = phase_name(c.state.phase);
    j["terminal"] = c.state.terminal;
    j["explanation"] = c.state.explanation;
    j["requested"] = time_json(c.requested);
    j["expiresAfter"] = time_json(c.expires_after);
    j["targetCount"] = field(c.target_count);
    j["completedCount"] = field(c.completed_count);
    j["errorCount"] = field(c.error_count);
    j["deliveryTimedOutCount"] = field(c.delivery_timed_out_count);
    j["maxConcurrency"] = field(c.max_concurrency);
    j["maxErrors"] = field(c.max_errors);
    j["timeoutSeconds"] = field(c.timeout_seconds);
    j["outputS3Region"] = field(c.output_s3_region);
    j["outputS3BucketName"] = field(c.output_s3_bucket_name);
    j["outputS3KeyPrefix"] = field(c.output_s3_key_prefix);
    j["serviceRole"] = field(c.service_role);
    j["instanceIds"] = c.instance_ids;
    for (auto it = c.details.begin(); it != c.details.end(); ++it) {
        std::string key = it.key();
        key[0] = static_cast<char>(key[0] - 'A' + 'a');  // Parameters -> parameters (model names start upper-case)
        j[key] = it.value();
    }
    return j;
}

Json plugin_json(const FleetPlugin& p) {
    Json j = Json::object();
    j["name"] = field(p.name);
    j["status"] = field(p.status);
    j["statusDetails"] = field(p.status_details);
    j["phase"] = phase_name(p.state.phase);
    j["terminal"] = p.state.terminal;
    j["responseCode"] = field(p.response_code);
    j["start"] = time_json(p.start);
    j["end"] = time_json(p.finish);
    j["stdout"] = p.stdout_text;
    j["stderr"] = p.stderr_text;
    j["stdoutCut"] = p.stdout_cut;
    j["stderrCut"] = p.stderr_cut;
    j["standardOutputUrl"] = field(p.standard_output_url);
    j["standardErrorUrl"] = field(p.standard_error_url);
    return j;
}

Json invocation_json(const FleetInvocation& inv) {
    Json j = Json::object();
    j["commandId"] = field(inv.command_id);
    j["instanceId"] = field(inv.instance_id);
    j["instanceName"] = field(inv.instance_name);
    j["status"] = field(inv.status);
    j["statusDetails"] = field(inv.status_details);
    j["phase"] = phase_name(inv.state.phase);
    j["terminal"] = inv.state.terminal;
    const FleetRow row = fleet_row(inv);
    j["responseCode"] = field(row.response_code);
    j["requested"] = time_json(inv.requested);
    j["start"] = time_json(row.start);
    j["end"] = time_json(row.end);
    j["durationMs"] = row.duration_ms >= 0 ? Json(row.duration_ms) : Json(nullptr);
    j["documentName"] = field(inv.document_name);
    j["comment"] = field(inv.comment);
    j["standardOutputUrl"] = field(inv.standard_output_url);
    j["standardErrorUrl"] = field(inv.standard_error_url);
    Json plugins = Json::array();
    for (const FleetPlugin& p : inv.plugins) plugins.push_back(plugin_json(p));
    j["plugins"] = inv.has_plugins ? std::move(plugins) : Json(nullptr);
    return j;
}

Json group_json(const Fleet& f, const OutputGroup& g, GroupMode mode) {
    Json j = Json::object();
    j["stream"] = output_stream_name(g.stream);
    Json instances = Json::array();
    for (std::size_t i : g.invocations) instances.push_back(field(f.invocations[i].instance_id));
    j["instances"] = std::move(instances);
    j["text"] = g.text;
    j["cut"] = g.cut;
    if (mode == GroupMode::Similar) j["variants"] = g.variants;
    return j;
}

}  // namespace

Json fleet_to_json(const Report& r, GroupMode mode) {
    assert(r.kind == ReportKind::Fleet);
    const Fleet& f = r.fleet;
    Json j = Json::object();
    j["kind"] = "fleet";
    j["valid"] = r.valid();
    j["format"] = input_format_name(r.format);
    Json sources = Json::array();
    for (FleetSource s : f.sources) sources.push_back(fleet_source_name(s));
    j["sources"] = std::move(sources);
    j["pages"] = f.pages;
    j["morePages"] = f.more_pages;
    Json commands = Json::array();
    for (const FleetCommand& c : f.commands) commands.push_back(command_json(c));
    j["command"] = commands.empty() ? Json(nullptr) : commands.front();
    j["commands"] = std::move(commands);
    const FleetCounts counts = fleet_counts(f);
    Json by_phase = Json::object();
    for (std::size_t p = 0; p < kPhaseCount; ++p)
        if (counts.by_phase[p] > 0) by_phase[phase_name(static_cast<Phase>(p))] = counts.by_phase[p];
    j["counts"] = std::move(by_phase);
    j["progress"] = Json{{"done", counts.done}, {"total", counts.total}, {"from", counts.from_counters ? "counters" : "invocations"}};
    const FleetSpan span = fleet_span(f);
    j["span"] = Json{{"requested", time_json(span.requested)},
                     {"firstStart", time_json(span.first_start)},
                     {"lastEnd", time_json(span.last_end)},
                     {"slowestInstance", span.slowest_ms >= 0 ? field(f.invocations[span.slowest].instance_id) : Json(nullptr)},
                     {"slowestMs", span.slowest_ms >= 0 ? Json(span.slowest_ms) : Json(nullptr)}};
    Json invocations = Json::array();
    for (const FleetInvocation& inv : f.invocations) invocations.push_back(invocation_json(inv));
    j["invocations"] = std::move(invocations);
    Json groups = Json::array();
    for (OutputStream s : {OutputStream::Stdout, OutputStream::Stderr})
        for (const OutputGroup& g : group_outputs(f, s, mode)) groups.push_back(group_json(f, g, mode));
    j["groups"] = std::move(groups);
    j["diagnostics"] = diagnostics_to_json(r.diagnostics);
    return j;
}

}  // namespace ssmview

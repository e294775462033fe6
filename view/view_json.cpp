// view/view_json.cpp: what the view shows, as JSON (window.ssmview.state(), native tests).
//
// Index
//   fields_json          the invocation's members as parsed, outputs replaced by their sizes
//   view_state_to_json   the object described below
//   view_control_rect
//
// Shape (stable: the e2e suite and the accessibility mirror read it):
//   { generation, source, source_name, back: {active, targets, instance_id, step, refollow},
//     format, valid, kind, has_invocation,
//     fields: {CommandId, ..., StandardOutputContent: {chars, lines, truncated}, ...},
//     phase, detail, terminal, waiter, status, status_details, explanation, response_code_meaning,
//     times: {start, end, elapsed, start_relative?, zone},
//     diagnostics: [{severity, code, message, path, line, column}]  (core diagnostics_to_json),
//     ui: {tab, stream, find: {query, case_sensitive, matches, current}, wrap, time_zone, theme,
//          dark, raw_line, selected_diagnostic, redaction: {access_keys, secret_tokens, strings}},
//     share: {link_length, error, dropped (what a fleet's link left out), redactions (spans the current choices mask, once computed)},
//     visible: {stdout_first_line, stderr_first_line, raw_first_line} (last frame, 1-based),
//     controls: {name: [x, y, w, h]},
//     glyphs: {replaced (code points the last frame drew as U+FFFD), added (glyphs the platform drew),
//              colored (of which in colour)},
//     fetch: {phase, following, paused, done, polls, next_poll_s, error, commands, steps, ...}
//            (fetch_state_json, view/fetch_follow.cpp),
//     whole: {live, rounds, logs_reads, stdout|stderr: {source, phase, bytes, total_bytes, where,
//             events, no_stream, cancelled, in_flight, retries, error, shown, can_load, at_bottom}},
//     fleet (a fleet only): {view, invocations, done, total, rows (instance ids in the table's
//            order, filtered), sort, ascending, filter, similar, groups (of ui.stream),
//            compare: {from, to, and with both: removed, added, lines, gave_up}}
//            (whole_state_json, view/whole_output.cpp) }
// Find matches are those of the active pane for the current query (as last drawn, or computed
// here when no frame has drawn them yet, so a test can set the query and ask at once).
#include "fetch_ops.h"
#include "fonts.h"
#include "panels.h"
#include "text_find.h"
#include "view_model.h"
#include "wording.h"

namespace ssmview {

namespace {

Json output_json(const OutputPane& pane, const Field<std::string>& content) {
    if (!content.present) return nullptr;
    return Json{{"chars", pane.content_chars}, {"bytes", content.value.size()}, {"lines", pane.doc.lines.count()},
                {"truncated", pane.truncated}, {"escapes_removed", pane.doc.escapes_removed}};
}

Json fields_json(const ViewState& s, const ViewModel* m) {
    Json j = invocation_to_json(s.report.invocation);
    if (m == nullptr) return j;
    if (j.contains("StandardOutputContent")) j["StandardOutputContent"] = output_json(m->out[0], s.report.invocation.standard_output_content);
    if (j.contains("StandardErrorContent")) j["StandardErrorContent"] = output_json(m->out[1], s.report.invocation.standard_error_content);
    return j;
}

const char* theme_name(ThemeChoice t) {
    switch (t) {
    case ThemeChoice::Light: return "light";
    case ThemeChoice::Dark: return "dark";
    case ThemeChoice::Auto: break;
    }
    return "auto";
}

// The fleet Back returns to: whether a target is open, which, and at which step.
Json back_json(const ViewBack& b) {
    Json j = Json::object();
    j["active"] = b.active;
    if (!b.active || b.invocation >= b.report.fleet.invocations.size()) return j;
    const FleetInvocation& inv = b.report.fleet.invocations[b.invocation];
    j["targets"] = b.report.fleet.invocations.size();
    j["instance_id"] = inv.instance_id.value;
    j["step"] = b.step < inv.plugins.size() ? inv.plugins[b.step].name.value : std::string();
    j["refollow"] = b.refollow;
    return j;
}

}  // namespace

Json view_state_to_json(const ViewState& s) {
    const Report& r = s.report;
    const ViewModel* m = s.model.get();
    const ViewUi& ui = s.ui;
    Json j;
    j["generation"] = s.generation;
    j["source"] = load_source_name(s.source);
    j["source_name"] = s.source_name;
    j["back"] = back_json(s.back);
    j["format"] = input_format_name(r.format);
    j["valid"] = r.valid();
    j["kind"] = report_kind_name(r.kind);
    j["has_invocation"] = r.has_invocation;
    j["fields"] = r.has_invocation || r.kind == ReportKind::Plain ? fields_json(s, m) : Json::object();
    j["phase"] = phase_name(r.state.phase);
    j["detail"] = detail_name(r.state.detail);
    j["terminal"] = r.state.terminal;
    j["waiter"] = waiter_name(r.state.waiter);
    j["status"] = r.state.status;
    j["status_details"] = r.state.status_details;
    j["explanation"] = r.state.explanation;
    j["response_code_meaning"] = r.state.response_code_meaning;

    Json times;
    times["start"] = r.times.start.valid ? Json(format_timestamp_utc(r.times.start.epoch_ms)) : Json(nullptr);
    times["end"] = r.times.end.valid ? Json(format_timestamp_utc(r.times.end.epoch_ms)) : Json(nullptr);
    times["elapsed"] = r.times.elapsed.valid ? Json(format_duration(r.times.elapsed.ms)) : Json(nullptr);
    times["elapsed_ms"] = r.times.elapsed.valid ? Json(r.times.elapsed.ms) : Json(nullptr);
    j["times"] = times;

    j["diagnostics"] = diagnostics_to_json(r.diagnostics);  // the core's writer, as `ssmview inspect --json`

    // Find: the active pane's result for the current query.
    std::size_t matches = 0;
    if (m != nullptr && !ui.find_query.empty()) {
        const OutputPane& pane = m->out[output_stream_index(ui.stream)];
        if (pane.find_built && pane.find.query == ui.find_query && pane.find.case_sensitive == ui.find_case_sensitive)
            matches = pane.find.count;
        else
            matches = find_all(pane.doc.text, ui.find_query, ui.find_case_sensitive, 0).count;
    }
    const char* theme = theme_name(ui.theme);
    j["ui"] = {
        {"tab", view_tab_name(ui.tab)},
        {"stream", output_stream_name(ui.stream)},
        {"find", {{"query", ui.find_query}, {"case_sensitive", ui.find_case_sensitive}, {"matches", matches},
                  {"current", matches > 0 ? ui.find_current : -1}}},
        {"wrap", ui.wrap},
        {"time_zone", ui.local_time ? "local" : "utc"},
        {"theme", theme},
        {"dark", m != nullptr && m->applied_dark >= 0 ? Json(m->dark) : Json(nullptr)},
        {"raw_line", ui.raw_line},
        {"selected_diagnostic", ui.selected_diagnostic},
        {"redaction", {{"access_keys", ui.redact_access_keys}, {"secret_tokens", ui.redact_secret_tokens},
                       {"strings", ui.redact_strings}}},
    };
    j["share"] = {{"link_length", s.share_link.size()}, {"error", s.share_error}, {"whole", whole_in_share_link(s)},
                  {"dropped", s.share_link.empty() ? std::string() : s.share_attempt.dropped},
                  {"carries_stdout", share_output_text(s, OutputStream::Stdout)},
                  {"carries_stderr", share_output_text(s, OutputStream::Stderr)},
                  {"redactions", m != nullptr && !m->redaction_key.empty() ? Json(m->redaction_count) : Json(nullptr)}};
    // 1-based first line each pane showed in the last frame (0 before it was drawn).
    if (m != nullptr)
        j["visible"] = {{"stdout_first_line", m->out[0].first_visible_line + 1}, {"stderr_first_line", m->out[1].first_visible_line + 1},
                        {"raw_first_line", m->raw_first_visible_line + 1}};

    Json controls = Json::object();
    if (m != nullptr)
        for (const auto& kv : m->controls) controls[kv.first] = {kv.second[0], kv.second[1], kv.second[2], kv.second[3]};
    j["controls"] = controls;
    // Code points the last frame drew with the replacement glyph (0 once the platform has drawn
    // them all), and the glyphs it drew (view/fonts.h).
    j["glyphs"] = {{"replaced", view_fonts_replaced()}, {"added", view_fonts_added()}, {"colored", view_fonts_colored()}};
    j["fetch"] = fetch_state_json(s.fetch);  // view/fetch_follow.cpp (never the bearer token)
    Json whole = whole_state_json(s.whole);   // view/whole_output.cpp
    for (int i = 0; i < 2; ++i) {
        const OutputStream which = output_stream_at(i);
        Json& k = whole[output_stream_name(which)];
        k["shown"] = whole_pane_text(s, which) != nullptr;  // the pane holds it (else the API's member)
        k["can_load"] = whole_can_load(s, which);           // "" = "Load the complete output" is offered
        if (m != nullptr) k["at_bottom"] = m->out[i].at_bottom;
    }
    j["whole"] = std::move(whole);
    if (r.kind == ReportKind::Fleet && m != nullptr) {
        FleetModel& fm = s.model->fleet;
        const FleetCounts c = fleet_counts(r.fleet);
        Json rows = Json::array();
        for (std::size_t i : fleet_rows(s, fm)) rows.push_back(r.fleet.invocations[i].instance_id.value);
        j["fleet"] = {{"view", ui.fleet.view == FleetView::Targets ? "targets" : "outputs"},
                      {"invocations", r.fleet.invocations.size()},
                      {"done", c.done}, {"total", c.total},
                      {"rows", std::move(rows)},  // instance ids in the table's order, filtered
                      {"sort", static_cast<int>(ui.fleet.sort)}, {"ascending", ui.fleet.ascending},
                      {"filter", ui.fleet.filter}, {"similar", ui.fleet.similar},
                      {"groups", fleet_groups(s, fm).size()}};
        Json compare = {{"from", ui.fleet.compare_from}, {"to", ui.fleet.compare_to}};
        if (const LineDiff* d = fleet_diff(s, fm)) {
            compare["removed"] = d->removed;
            compare["added"] = d->added;
            compare["lines"] = d->lines.size();
            compare["gave_up"] = d->gave_up;
        }
        j["fleet"]["compare"] = std::move(compare);
    }
    return j;
}

bool view_control_rect(const ViewState& state, const std::string& name, float rect[4]) {
    if (!state.model) return false;
    auto it = state.model->controls.find(name);
    if (it == state.model->controls.end()) return false;
    for (int i = 0; i < 4; ++i) rect[i] = it->second[static_cast<std::size_t>(i)];
    return true;
}

}  // namespace ssmview

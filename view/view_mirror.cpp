// view/view_mirror.cpp: building the page's text version (see view_mirror.h).
//
// Index
//   add_row                   a labelled row
//   status_rows               as draw_status_panel: Status, StatusDetails, explanation, ResponseCode, waiter
//   time_rows                 as draw_timeline_panel: Started, Ended, Elapsed (no relative times)
//   header_rows               as draw_header_panel: ids, document, plugin, comment, URLs, CloudWatch
//   output_rows               as draw_output_panel: each stream's size, truncation banner, absence
//   view_mirror, view_mirror_to_json
//
// Call flow: view_mirror() reads ViewState (the report, the UI's time zone, the source) and the
// ViewModel's panes, and calls the same wording.h functions the panels draw with. The order of
// the rows follows the canvas from top to bottom.
#include "view_mirror.h"

#include <algorithm>
#include <utility>

#include "view_layout.h"
#include "view_model.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

void add_row(ViewMirror& m, std::string label, std::string text) {
    if (!text.empty()) m.rows.push_back({std::move(label), std::move(text)});
}

void status_rows(ViewMirror& m, const Report& r) {
    const State& st = r.state;
    add_row(m, "Status", given_text(st.status));
    add_row(m, "StatusDetails", given_text(st.status_details));
    add_row(m, "Explanation", clip_for_display(st.explanation, kClipExplanation));
    add_row(m, "ResponseCode", response_code_text(r));
    add_row(m, "Waiter", waiter_sentence(st.waiter));
}

void time_rows(ViewMirror& m, const ViewState& s, const ViewEnv& env) {
    const Report& r = s.report;
    const Invocation& inv = r.invocation;
    add_row(m, "Started", time_text(r.times.start, inv.execution_start_date_time.value, s.ui.local_time, env));
    add_row(m, "Ended", time_text(r.times.end, inv.execution_end_date_time.value, s.ui.local_time, env));
    add_row(m, "Elapsed", elapsed_text(r));
}

void header_rows(ViewMirror& m, const Invocation& inv) {
    add_row(m, "CommandId", field_text(inv.command_id, kClipValue));
    add_row(m, "InstanceId", field_text(inv.instance_id, kClipValue));
    add_row(m, "DocumentName", field_text(inv.document_name, kClipValue));
    add_row(m, "DocumentVersion", field_text(inv.document_version, kClipValue));
    add_row(m, "PluginName", field_text(inv.plugin_name, kClipValue));
    add_row(m, "Comment", field_text(inv.comment, kClipSentence));
    for (const auto& [label, url] : {std::pair<const char*, const Field<std::string>*>{"StandardOutputUrl", &inv.standard_output_url},
                                     {"StandardErrorUrl", &inv.standard_error_url}})
        if (url->present && !url->value.empty()) add_row(m, label, clip_for_display(url->value, kClipLink));
    if (inv.cloud_watch_output_config.present) {
        const CloudWatchOutputConfig& cw = inv.cloud_watch_output_config.value;
        const std::string note = cloudwatch_text(cw);
        if (cw.log_group_name.present && !cw.log_group_name.value.empty())
            add_row(m, "CloudWatch", clip_for_display(cw.log_group_name.value, kClipLink) + " " + note);
        else
            add_row(m, "CloudWatch", note);
    }
}

void output_rows(ViewMirror& m, const ViewState& s) {
    const Invocation& inv = s.report.invocation;
    const ViewModel* model = s.model.get();
    for (OutputStream stream : {OutputStream::Stdout, OutputStream::Stderr}) {
        const bool out = stream == OutputStream::Stdout;
        const char* label = out ? "stdout" : "stderr";
        const Field<std::string>& content = output_content(inv, stream);
        const Field<std::string>& url = output_url(inv, stream);
        if (model == nullptr) continue;
        const OutputPane& pane = model->out[output_stream_index(stream)];
        // As the stream's tab, its banner and its notes say it, one canvas line per row.
        add_row(m, label, output_lines_text(pane.doc.lines.count()));
        const WholeStream& whole = s.whole.s[output_stream_index(stream)];
        if (whole.phase != WholePhase::None) add_row(m, label, whole_lead(whole) + " " + whole_detail(whole));
        if (pane.shows_truncation(whole)) {
            const bool has_url = url.present && !url.value.empty();
            add_row(m, label, std::string(truncated_lead()) + " " + truncation_limit_text(stream));
            add_row(m, label, std::string(truncation_where_text(has_url)) + (has_url ? " " + clip_for_display(url.value, kClipLink) : ""));
        }
        if (pane.holds_whole()) {
            (out ? m.stdout_text : m.stderr_text) = &pane.doc.text;
            continue;
        }
        if (!content.present) {
            add_row(m, label, output_absent_text(stream));
            continue;
        }
        if (content.value.empty() && !s.report.state.terminal) add_row(m, label, output_pending_text());
        (out ? m.stdout_text : m.stderr_text) = &pane.doc.text;
    }
}

}  // namespace

ViewMirror view_mirror(const ViewState& s, const ViewEnv& env) {
    const Report& r = s.report;
    ViewMirror m;
    add_row(m, "Loaded from", source_text(s));
    if (r.has_invocation) {
        m.heading = "Command invocation: " + phase_label(r.state) + ", " + progress_text(r.state);
        status_rows(m, r);
        time_rows(m, s, env);
        header_rows(m, r.invocation);
        output_rows(m, s);
        const Invocation& inv = r.invocation;
        m.title = given_text(r.state.status);
        if (inv.command_id.present && !inv.command_id.value.empty())
            m.title += " \xe2\x80\x94 " + clip_for_display(inv.command_id.value, kClipShort);
        m.title += " \xe2\x80\x94 ssmview";
    } else if (s.text.empty() && s.generation == 0) {
        m.heading = intro_text();
        m.title = "ssmview";
    } else if (r.kind == ReportKind::Plain) {
        m.heading = plain_heading();
        add_row(m, "Note", plain_text());
        output_rows(m, s);
        m.title = "Plain output \xe2\x80\x94 ssmview";
    } else if (r.kind == ReportKind::Fleet) {
        m.heading = fleet_heading(r);
        const FleetCounts c = fleet_counts(r.fleet);
        add_row(m, "Progress", fleet_progress_text(c));
        for (std::size_t p = 0; p < kPhaseCount; ++p)
            if (c.by_phase[p] > 0) add_row(m, "Phase", fleet_phase_text(static_cast<Phase>(p), c.by_phase[p]));
        m.title = "Fleet \xe2\x80\x94 ssmview";
    } else {
        m.heading = not_shown_text();
        add_row(m, "Error", first_error_text(r));
        m.title = "ssmview";
    }
    m.diagnostics_heading = diagnostics_summary(r);
    const std::size_t shown = std::min(r.diagnostics.size(), kMaxDiagnosticsShown);
    for (std::size_t i = 0; i < shown; ++i) {
        const Diagnostic& d = r.diagnostics[i];
        m.diagnostics.push_back({severity_name(d.severity), d.code, diagnostic_sentence(d)});
    }
    m.diagnostics_more = diagnostics_more(r);
    return m;
}

Json view_mirror_to_json(const ViewMirror& m) {
    Json rows = Json::array();
    for (const MirrorRow& row : m.rows) rows.push_back({row.label, row.text});
    Json diags = Json::array();
    for (const MirrorDiagnostic& d : m.diagnostics) diags.push_back({{"severity", d.severity}, {"code", d.code}, {"text", d.text}});
    return {{"title", m.title}, {"heading", m.heading}, {"rows", std::move(rows)},
            {"diagnostics_heading", m.diagnostics_heading}, {"diagnostics", std::move(diags)},
            {"diagnostics_more", m.diagnostics_more}};
}

}  // namespace ssmview

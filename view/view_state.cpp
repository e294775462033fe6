// view/view_state.cpp: loading an invocation and deriving what the view needs from it.
//
// Index
//   load_source_name, view_tab_name   stable names (state() and tests)
//   build_model        ViewState -> ViewModel: stdout/stderr display docs, truncation flags (from the core)
//   raw_doc            the raw-input doc, built on first use
//   view_load_text     analyze, rebuild the model, reset per-invocation UI, bump generation
//   view_load_analyzed the same with the report already made (a followed fleet's round)
//   show_document      what every load and Back share: text, report, source, model, generation;
//                      the document replaced is kept aside until view_free_retired
//   view_set_share_link
//   request_load, request_redraw
//
// Call flow: platform (paste, file, link, sample) or view_frame's deferred load ->
// view_load_text -> core::analyze -> build_model. Nothing here touches ImGui, so loads can be
// timed and tested without a context.
#include <algorithm>

#include "fleet_link.h"
#include "text_encoding.h"
#include "view_layout.h"
#include "view_model.h"

namespace ssmview {

const char* load_source_name(LoadSource s) {
    switch (s) {
    case LoadSource::Paste: return "paste";
    case LoadSource::File: return "file";
    case LoadSource::Link: return "link";
    case LoadSource::Sample: return "sample";
    case LoadSource::Fetch: return "fetch";
    case LoadSource::Target: return "target";
    }
    return "paste";
}

const char* view_tab_name(ViewTab t) {
    switch (t) {
    case ViewTab::Output: return "output";
    case ViewTab::Diagnostics: return "diagnostics";
    case ViewTab::Raw: return "raw";
    case ViewTab::Share: return "share";
    case ViewTab::Input: return "input";
    case ViewTab::Fetch: return "fetch";
    }
    return "output";
}

namespace {

// Whether the service cut the output is the core's call (output.truncated / output.at_limit),
// read back through output_cut(): the banner and `ssmview inspect --json` cannot disagree.
void build_pane(OutputPane& pane, const Report& r, const Field<std::string>& content, OutputMember member) {
    if (!content.present) return;
    pane.doc = make_output_doc(content.value);
    pane.content_chars = utf8_length(content.value);
    pane.truncated = output_cut(r, member).cut();
}

}  // namespace

std::shared_ptr<ViewModel> build_model(const ViewState& s) {
    auto m = std::make_shared<ViewModel>();
    const Invocation& inv = s.report.invocation;
    build_pane(m->out[0], s.report, inv.standard_output_content, OutputMember::StandardOutput);
    build_pane(m->out[1], s.report, inv.standard_error_content, OutputMember::StandardError);
    return m;
}

const TextDoc& raw_doc(ViewModel& m, const std::string& text) {
    if (!m.raw_built) {
        m.raw = make_raw_doc(text);
        m.raw_built = true;
    }
    return m.raw;
}

void view_load_text(ViewState& state, std::string text, LoadSource source, std::string source_name) {
    Report report = analyze(text);
    view_load_analyzed(state, std::move(text), std::move(report), source, std::move(source_name));
}

void show_document(ViewState& state, std::string text, Report report, LoadSource source, std::string source_name,
                   std::shared_ptr<ViewModel> model) {
    // The old document is moved aside whole, not destroyed here (view_free_retired).
    state.retired = RetiredDocument{std::move(state.text), std::move(state.report), std::move(state.model)};
    state.text = std::move(text);
    state.report = std::move(report);
    whole_on_load(state);  // another invocation forgets the whole output read for the last one
    state.source = source;
    state.source_name = std::move(source_name);
    state.share_link.clear();
    state.share_error.clear();
    state.share_attempt = ShareAttempt{};
    state.model = model ? std::move(model) : build_model(state);
    ++state.generation;
}

void view_free_retired(ViewState& state) { state.retired = RetiredDocument{}; }

void view_load_analyzed(ViewState& state, std::string text, Report report, LoadSource source, std::string source_name) {
    // A target's own answer (Target, then Fetch) keeps the way back; anything else is a new document.
    if (source != LoadSource::Target && source != LoadSource::Fetch) state.back = ViewBack{};
    show_document(state, std::move(text), std::move(report), source, std::move(source_name), nullptr);

    // A new invocation starts at its overview; what the reader chose about *how* to look
    // (wrap, time zone, theme, find query, redaction) carries over.
    ViewUi& ui = state.ui;
    ui.find_current = 0;
    ui.raw_line = 0;
    ui.selected_diagnostic = -1;
    ui.tab = state.report.has_invocation || state.report.kind != ReportKind::Invocation ? ViewTab::Output : ViewTab::Diagnostics;
    const Invocation& inv = state.report.invocation;
    const bool out_empty = !inv.standard_output_content.present || inv.standard_output_content.value.empty();
    const bool err_empty = !inv.standard_error_content.present || inv.standard_error_content.value.empty();
    ui.stream = out_empty && !err_empty ? OutputStream::Stderr : OutputStream::Stdout;
}

void view_set_share_link(ViewState& state, std::string link, std::string error) {
    ShareAttempt& at = state.share_attempt;
    if (!error.empty() && at.json_bytes > 0) {
        // A fleet's link too large once compressed: the share panel asks again with less.
        at.retry_budget = next_fleet_link_budget(at.json_bytes);
        at.json_bytes = 0;
        if (at.retry_budget > 0) return;
    }
    at.json_bytes = 0;
    if (!error.empty()) at.dropped.clear();
    state.share_link = std::move(link);
    state.share_error = std::move(error);
    if (!state.share_error.empty() && state.model) state.model->copy_link_when_ready = false;
}

void request_load(Frame& f, std::string text, LoadSource source, std::string name) {
    f.m.load_pending = true;
    f.m.load_text = std::move(text);
    f.m.load_source = source;
    f.m.load_name = std::move(name);
}

void request_redraw(Frame& f, std::int64_t after_ms) {
    const int ms = static_cast<int>(std::clamp<std::int64_t>(after_ms, 0, kMaxRedrawWaitMs));
    if (f.a.redraw_after_ms < 0 || ms < f.a.redraw_after_ms) f.a.redraw_after_ms = ms;
}

}  // namespace ssmview

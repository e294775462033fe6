// view/view_frame.cpp: one frame: theme, shortcuts, layout, then deferred work.
//
// Index
//   ui_fingerprint      a hash of ViewUi (paste text excluded): did this frame change a choice?
//   apply_theme_if_changed
//   handle_shortcuts    Ctrl/Cmd+F (find), Ctrl/Cmd+O (open file), F3 / Shift+F3 (next/previous)
//   draw_summary        status + timeline | header (two columns when wide, stacked when narrow);
//                       or, with no invocation, what went wrong
//   draw_main_tabs      Output | Diagnostics (n) | Raw input | Share | Load | Fetch
//   mirror_key          what the page's text version depends on besides the load (the time zone)
//   view_frame          the whole frame
//
// Call flow: platform NewFrame -> view_frame -> (panels) -> platform Render. After the window
// is closed, view_frame swaps the control rectangles it recorded, runs a load a panel requested
// (samples, Load button), opens a fleet's target or goes back to the fleet (the target bar), and
// decides whether another frame is needed: the first frames after a
// load (tables and the clipper measure themselves on their first frame), any change of ViewUi
// made during this frame, or a timer (relative times, the "Copied" note, a text cursor). It also
// tells the platform when view_mirror() would now say something else (ViewActions::mirror_changed).
// The platform draws only on input, on these requests, or on its own events: idle costs nothing.
#include <cstring>

#include "fetch_ops.h"
#include "fonts.h"
#include "panels.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

namespace {

std::uint64_t fnv(std::uint64_t h, const void* p, std::size_t n) {
    const unsigned char* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

std::uint64_t ui_fingerprint(const ViewUi& ui) {
    std::uint64_t h = 1469598103934665603ull;
    const int ints[] = {static_cast<int>(ui.tab), static_cast<int>(ui.stream), ui.find_case_sensitive, ui.find_current,
                        ui.wrap, ui.local_time, static_cast<int>(ui.theme), ui.redact_access_keys,
                        ui.redact_secret_tokens, ui.raw_line, ui.selected_diagnostic};
    h = fnv(h, ints, sizeof ints);
    h = fnv(h, ui.find_query.data(), ui.find_query.size());
    h = fnv(h, "\0", 1);
    return fnv(h, ui.redact_strings.data(), ui.redact_strings.size());
}

void apply_theme_if_changed(ViewModel& m, bool dark, float scale) {
    if (m.applied_dark == static_cast<int>(dark) && m.applied_scale == scale) return;
    view_apply_theme(dark, scale);
    m.applied_dark = dark;
    m.applied_scale = scale;
}

void handle_shortcuts(Frame& f) {
    ViewUi& ui = f.s.ui;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_F)) {
        ui.tab = ViewTab::Output;
        f.m.focus_find = true;
    }
    if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_O)) f.a.open_file_dialog = true;
    if (!ui.find_query.empty() && ui.tab == ViewTab::Output) {
        const OutputPane& pane = f.m.out[output_stream_index(ui.stream)];
        if (ImGui::IsKeyChordPressed(ImGuiKey_F3)) ui.find_current = find_step(pane.find, ui.find_current, 1);
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shift | ImGuiKey_F3)) ui.find_current = find_step(pane.find, ui.find_current, -1);
    }
}

void draw_summary(Frame& f) {
    const Report& r = f.s.report;
    if (!r.has_invocation) {
        if (f.s.text.empty() && f.s.generation == 0) {
            ImGui::TextWrapped("%s", intro_text());
            return;
        }
        if (r.kind == ReportKind::Fleet) {
            draw_fleet_summary(f);
            return;
        }
        if (r.kind == ReportKind::Plain) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.warning), "%s", plain_heading());
            note_control(f, "summary.plain");
            ImGui::TextWrapped("%s", plain_text());
            return;
        }
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.error), "%s", not_shown_text());
        const std::string error = first_error_text(r);
        if (!error.empty()) ImGui::TextWrapped("%s", error.c_str());
        ImGui::TextDisabled("%s", not_shown_hint());
        return;
    }
    const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * kWideLayoutEms;
    // Fixed proportions: content-proportional widths would let a long value push the header's
    // Copy buttons out of the window.
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | (wide ? ImGuiTableFlags_BordersInnerV : 0);
    if (!ImGui::BeginTable("##summary", wide ? 2 : 1, flags)) return;
    ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthStretch, 0.45f);
    if (wide) ImGui::TableSetupColumn("header", ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableNextColumn();
    draw_status_panel(f);
    ImGui::Spacing();
    draw_timeline_panel(f);
    if (!wide) ImGui::TableNextRow();
    ImGui::TableNextColumn();
    draw_header_panel(f);
    ImGui::EndTable();
}

void draw_main_tabs(Frame& f) {
    ViewUi& ui = f.s.ui;
    char diag[48];
    std::snprintf(diag, sizeof diag, "Diagnostics (%zu)###diagnostics", f.s.report.diagnostics.size());
    const char* labels[] = {"Output", diag, "Raw input", "Share", "Load", "Fetch"};
    static const char* const kControls[] = {"tab.output", "tab.diagnostics", "tab.raw", "tab.share", "tab.input", "tab.fetch"};
    int tab = static_cast<int>(ui.tab);
    if (tab_row(f, labels, 6, tab, kControls)) ui.tab = static_cast<ViewTab>(tab);
    ImGui::Separator();
    switch (ui.tab) {
    case ViewTab::Output:
        if (f.s.report.has_invocation || f.s.report.kind == ReportKind::Plain) draw_output_panel(f);
        else if (f.s.report.kind == ReportKind::Fleet) draw_fleet_panel(f);
        else ImGui::TextDisabled("No output: no invocation was read (see Diagnostics).");
        break;
    case ViewTab::Diagnostics: draw_diagnostics_panel(f); break;
    case ViewTab::Raw: draw_raw_input_panel(f); break;
    case ViewTab::Share: draw_share_panel(f); break;
    case ViewTab::Input: draw_input_panel(f); break;
    case ViewTab::Fetch: draw_fetch_panel(f); break;
    }
}

// The mirror's words depend on the load (a new ViewModel starts at kMirrorKeyNone) and on the
// zone its times are written in.
int mirror_key(const ViewState& s, const ViewEnv& env) {
    return s.ui.local_time ? env.local_offset_minutes : ViewModel::kMirrorKeyUtc;
}

}  // namespace

ViewActions view_frame(ViewState& s, const ViewEnv& env) {
    // Fetch answers first: a fetched invocation loads (replacing the model) before anything draws.
    const std::string fetch_before = fetch_frame_begin(s, env);
    if (!s.model) s.model = build_model(s);
    const std::shared_ptr<ViewModel> keep = s.model;  // alive for the whole frame, whatever loads
    ViewModel& m = *keep;
    ViewActions a;
    view_fonts_frame_begin();  // the replacement glyphs are counted per frame
    const float scale = env.ui_scale > 0.0f ? env.ui_scale : 1.0f;
    const bool dark = s.ui.theme == ThemeChoice::Auto ? env.prefers_dark : s.ui.theme == ThemeChoice::Dark;
    apply_theme_if_changed(m, dark, scale);
    m.dark = dark;
    Frame f{s, env, a, m, view_palette(dark), dark, scale};
    m.controls_next.clear();
    // The whole output moved (a page of logs, a part of an S3 object): the panes hold it now.
    if (sync_output_panes(f)) {
        a.mirror_changed = true;
        a.wants_more_frames = true;
    }
    const std::uint64_t ui_before = ui_fingerprint(s.ui);

    share_frame(f);  // a fleet's link that was too large is asked for again, smaller
    // The platform made the link asked for by "Copy link": copy it now.
    if (m.copy_link_when_ready && !s.share_link.empty()) {
        a.copy_text = s.share_link;
        show_note(f, "Copied link (" + std::to_string(s.share_link.size()) + " characters)");
        m.copy_link_when_ready = false;
    }
    // Nothing loaded: the Load tab is the only useful one (or Fetch, which brings one).
    if (s.generation == 0 && s.text.empty() && s.ui.tab != ViewTab::Fetch) s.ui.tab = ViewTab::Input;
    handle_shortcuts(f);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags wflags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("ssmview", nullptr, wflags)) {
        draw_menu_bar(f);
        draw_fetch_bar(f);
        draw_target_bar(f);
        draw_summary(f);
        ImGui::Spacing();
        draw_main_tabs(f);
    }
    ImGui::End();
    m.controls.swap(m.controls_next);

    if (m.load_pending) {
        m.load_pending = false;
        view_load_text(s, std::move(m.load_text), m.load_source, std::move(m.load_name));
        a.wants_more_frames = true;
    }
    if (m.go_back) {
        m.go_back = false;
        view_go_back(s);
        a.wants_more_frames = true;
    }
    if (m.open_invocation >= 0) {
        view_open_target(s, static_cast<std::size_t>(m.open_invocation), m.open_step);
        m.open_invocation = -1;
        a.wants_more_frames = true;
    }
    if (++m.frames_since_load <= kSettleFramesAfterLoad) a.wants_more_frames = true;
    if (ui_fingerprint(s.ui) != ui_before) a.wants_more_frames = true;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput && io.ConfigInputTextCursorBlink) request_redraw(f, kCursorBlinkMs);
    fetch_frame_end(f, fetch_before);  // a due poll, the requests, the countdown's tick
    // After a deferred load s.model is the new one, whose key is unset: the next frame reports it.
    ViewModel& now = *s.model;
    const int key = mirror_key(s, env);
    if (now.mirror_key != key) {
        now.mirror_key = key;
        a.mirror_changed = true;
    }
    return a;
}

}  // namespace ssmview

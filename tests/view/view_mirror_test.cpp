// tests/view/view_mirror_test.cpp: the page's text version says what the canvas says (view/view_mirror.h).
//
// Index
//   escapes         DCS, OSC (title, hyperlink), APC, PM, SOS payloads, C1 strings, private CSI and
//                   charset selection never reach the mirror's output text; it is the pane's own text
//   canvas lines    every row of the mirror is a line the canvas drew (ImGui's text log), for every
//                   sample, in UTC and local time, and for a truncated output's banner
//   diagnostics     the mirror's findings are state()'s, in order; its summary line is the canvas's
//   no invocation   the mirror says why nothing is shown, as the canvas does; a fleet is named with its counts
//   mirror_changed  a frame asks for a new mirror after a load and a time zone switch, and only then
//   JSON            rows, findings and title; never the outputs (the platform sends those apart)
//
// The oracle for "what the canvas says" is the canvas itself: Headless::frame_text captures the
// strings a frame drew through ImGui's own text log, so these tests fail when a panel and the
// mirror stop using the same words.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "headless.h"
#include "view_layout.h"
#include "view_mirror.h"
#include "view_model.h"
#include "wording.h"

using namespace ssmview;
using test::Headless;

namespace {

std::string invocation_with(const std::string& out, const std::string& err = "") {
    const Json j = {{"CommandId", "0f8f2c1d-4b4e-4f6a-9c53-1c9e3d6a7b21"}, {"InstanceId", "i-0123456789abcdef0"},
                    {"Status", "Success"}, {"StatusDetails", "Success"}, {"ResponseCode", 0},
                    {"StandardOutputContent", out}, {"StandardErrorContent", err}};
    return j.dump(4);
}

// What the canvas drew over the frames a reader needs to see everything the summary and the
// output tab can show: both streams, then the Diagnostics tab.
std::string canvas_text(Headless& h, ViewState& s) {
    const ViewUi keep = s.ui;
    h.frames(s, 3);
    std::string all;
    for (OutputStream stream : {OutputStream::Stdout, OutputStream::Stderr}) {
        s.ui.tab = ViewTab::Output;
        s.ui.stream = stream;
        h.frames(s, 2);
        all += h.frame_text(s);
    }
    s.ui.tab = ViewTab::Diagnostics;
    h.frames(s, 2);
    all += h.frame_text(s);
    s.ui = keep;
    return all;
}

void check_rows_drawn(const ViewMirror& m, const std::string& canvas) {
    for (const MirrorRow& row : m.rows) {
        INFO(row.label << ": " << row.text);
        CHECK(canvas.find(row.text) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("escape sequences and their payloads never reach the mirror's output text", "[mirror][ansi]") {
    const std::string out =
        "start \x1bP1$r0m dcs-payload\x1b\\ after-dcs\n"
        "\x1b]0;osc-title\x07title gone\n"
        "\x1b]8;;https://example.test/osc8\x1b\\link text\x1b]8;;\x1b\\ end\n"
        "\x1b_apc-payload\x1b\\\x1b^pm-payload\x1b\\\x1bXsos-payload\x1b\\strings gone\n"
        "\x1b[31mred\x1b[0m \x1b[?25lcursor\x1b(B plain\n"
        "\xc2\x90" "c1-dcs-payload\xc2\x9c" "C1 gone\n"
        "tab\there\n";
    ViewState s;
    view_load_text(s, invocation_with(out, "\x1bP+q544e\x1b\\err\x1b]2;err-title\x1b\\ text\n"), LoadSource::Paste, "escapes");
    const ViewMirror m = view_mirror(s, ViewEnv{});
    REQUIRE(m.stdout_text != nullptr);
    REQUIRE(m.stderr_text != nullptr);
    CHECK(*m.stdout_text == "start  after-dcs\ntitle gone\nlink text end\nstrings gone\nred cursor plain\nC1 gone\ntab     here\n");
    CHECK(*m.stderr_text == "err text\n");
    // The very text the panes draw, not a copy made another way.
    CHECK(m.stdout_text == &s.model->out[0].doc.text);
    CHECK(m.stderr_text == &s.model->out[1].doc.text);
    const std::string summary = view_mirror_to_json(m).dump();
    for (const char* payload : {"dcs-payload", "osc-title", "example.test/osc8", "apc-payload", "pm-payload", "sos-payload",
                                "c1-dcs-payload", "544e", "err-title", "25l", "\x1b"}) {
        INFO(payload);
        CHECK(m.stdout_text->find(payload) == std::string::npos);
        CHECK(m.stderr_text->find(payload) == std::string::npos);
        CHECK(summary.find(payload) == std::string::npos);
    }
    CHECK(m.title == "Success \xe2\x80\x94 0f8f2c1d-4b4e-4f6a-9c53-1c9e3d6a7b21 \xe2\x80\x94 ssmview");
}

TEST_CASE("every row of the mirror is a line the canvas draws, for every sample", "[mirror][samples]") {
    Headless h(4000.0f, 1400.0f);  // wide enough that no link is elided to fit
    int count = 0;
    const Sample* samples = view_samples(count);
    REQUIRE(count > 0);
    for (int i = 0; i < count; ++i) {
        INFO(samples[i].name);
        ViewState s;
        view_load_text(s, samples[i].text, LoadSource::Sample, samples[i].name);
        for (bool local : {false, true}) {
            INFO("local time " << local);
            s.ui.local_time = local;
            const std::string canvas = canvas_text(h, s);
            const ViewMirror m = view_mirror(s, h.env);
            CHECK(m.heading == "Command invocation: " + phase_label(s.report.state) + ", " + progress_text(s.report.state));
            CHECK(canvas.find(phase_label(s.report.state)) != std::string::npos);  // the badge
            CHECK(canvas.find(progress_text(s.report.state)) != std::string::npos);
            check_rows_drawn(m, canvas);
            CHECK(canvas.find(m.diagnostics_heading) != std::string::npos);
        }
    }
}

TEST_CASE("a truncated output: the mirror says what the banner says, word for word", "[mirror][truncation]") {
    Headless h(4000.0f, 1400.0f);
    ViewState s;
    view_load_text(s, test::fixture("truncated"), LoadSource::File, "truncated.json");
    const ViewMirror m = view_mirror(s, h.env);
    std::vector<std::string> stdout_rows;
    for (const MirrorRow& row : m.rows)
        if (row.label == "stdout") stdout_rows.push_back(row.text);
    REQUIRE(stdout_rows.size() == 3);
    CHECK(stdout_rows[1] == "Truncated by the service: GetCommandInvocation returns only the first 24,000 characters of standard output.");
    CHECK(stdout_rows[2] == "The whole output is in S3: " + s.report.invocation.standard_output_url.value);
    check_rows_drawn(m, canvas_text(h, s));
}

TEST_CASE("the mirror's findings are the ones state() reports, in order, as the Diagnostics tab lists them", "[mirror][diagnostics]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, R"({"CommandId": 5, "Status": "Bogus", "Comment": ["x"], "Unknown": true, "StandardOutputContent": "ok"})",
                   LoadSource::Paste, "pasted text");
    const ViewMirror m = view_mirror(s, h.env);
    const Json state = view_state_to_json(s);
    REQUIRE(state["diagnostics"].size() >= 3);
    REQUIRE(m.diagnostics.size() == state["diagnostics"].size());
    for (std::size_t i = 0; i < m.diagnostics.size(); ++i) {
        CHECK(m.diagnostics[i].code == state["diagnostics"][i]["code"]);
        CHECK(m.diagnostics[i].severity == state["diagnostics"][i]["severity"]);
        CHECK(m.diagnostics[i].text == diagnostic_sentence(s.report.diagnostics[i]));
    }
    s.ui.tab = ViewTab::Diagnostics;
    h.frames(s, 3);
    const std::string canvas = h.frame_text(s);
    CHECK(canvas.find(m.diagnostics_heading) != std::string::npos);
    for (const Diagnostic& d : s.report.diagnostics) {
        INFO(d.code);
        CHECK(canvas.find(d.code) != std::string::npos);
        CHECK(canvas.find(d.message) != std::string::npos);
    }
    CHECK(m.diagnostics_more.empty());
}

TEST_CASE("more findings than the canvas lists: the mirror lists as many and says how many more", "[mirror][diagnostics]") {
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    // The core caps repeats per code, so no real input reaches the view's cap: set the findings.
    s.report.diagnostics.assign(kMaxDiagnosticsShown + 123, Diagnostic{Severity::Warning, "test.code", "a finding", "", 1, 1, 0});
    const ViewMirror m = view_mirror(s, ViewEnv{});
    CHECK(m.diagnostics.size() == kMaxDiagnosticsShown);
    CHECK(m.diagnostics_more == "123 more findings not listed here (`ssmview inspect` lists them all).");
    Headless h;
    s.ui.tab = ViewTab::Diagnostics;
    h.frames(s, 2);
    CHECK(h.frame_text(s).find(m.diagnostics_more) != std::string::npos);
}

TEST_CASE("with no invocation the mirror says why, in the canvas's words", "[mirror][bad]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, "{\"Status\": \"Success\", ", LoadSource::Paste, "pasted text");
    REQUIRE_FALSE(s.report.has_invocation);
    const ViewMirror m = view_mirror(s, h.env);
    CHECK(m.heading == not_shown_text());
    CHECK(m.title == "ssmview");
    CHECK(m.stdout_text == nullptr);
    CHECK(m.stderr_text == nullptr);
    REQUIRE(!m.rows.empty());
    s.ui.tab = ViewTab::Output;
    h.frames(s, 2);
    const std::string canvas = h.frame_text(s);
    CHECK(canvas.find(not_shown_text()) != std::string::npos);
    check_rows_drawn(m, canvas);

    ViewState empty;
    const ViewMirror first = view_mirror(empty, h.env);
    CHECK(first.heading == intro_text());
    CHECK(first.rows.empty());
}

TEST_CASE("a pasted fleet: the mirror's heading and rows are what the canvas draws", "[mirror][fleet]") {
    Headless h(1600.0f, 1000.0f);
    ViewState s;
    view_load_text(s, test::fixture("fleet-deploy.details"), LoadSource::Paste, "pasted text");
    REQUIRE(s.report.kind == ReportKind::Fleet);
    const ViewMirror m = view_mirror(s, h.env);
    CHECK(m.heading == "Fleet: list-command-invocations, 12 invocations");
    CHECK(m.title == "Fleet \xe2\x80\x94 ssmview");
    std::vector<std::string> rows;
    for (const MirrorRow& row : m.rows) rows.push_back(row.text);
    CHECK(rows == std::vector<std::string>{"paste: pasted text", "12 of 12 targets finished", "9 success", "2 failed", "1 timed_out"});
    h.frames(s, 2);
    const std::string canvas = h.frame_text(s);
    CHECK(canvas.find(m.heading) != std::string::npos);
    check_rows_drawn(m, canvas);
}

TEST_CASE("a frame asks for a new mirror after a load and after a time zone switch, and only then", "[mirror][frame]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    CHECK(h.frame(s).mirror_changed);
    for (int i = 0; i < 5; ++i) CHECK_FALSE(h.frame(s).mirror_changed);
    s.ui.local_time = true;
    CHECK(h.frame(s).mirror_changed);
    CHECK_FALSE(h.frame(s).mirror_changed);
    s.ui.wrap = true;  // changes the canvas, not the mirror
    CHECK_FALSE(h.frame(s).mirror_changed);
    view_load_text(s, test::fixture("failed"), LoadSource::Paste);
    CHECK(h.frame(s).mirror_changed);
    // A load asked for while drawing (the Load tab's samples) is reported on the frame after it.
    s.ui.tab = ViewTab::Input;
    h.frames(s, 2);
    const int before = s.generation;
    const ViewActions click = h.click(s, "input.sample.success");  // three frames, merged
    CHECK(s.generation == before + 1);
    CHECK(click.mirror_changed);
    CHECK_FALSE(h.frame(s).mirror_changed);
}

TEST_CASE("the mirror's JSON carries title, heading, rows and findings, never the outputs", "[mirror][json]") {
    ViewState s;
    view_load_text(s, test::fixture("success_rich"), LoadSource::Sample, "success_rich");
    const ViewMirror m = view_mirror(s, ViewEnv{});
    const Json j = view_mirror_to_json(m);
    CHECK(j["title"] == m.title);
    CHECK(j["heading"] == m.heading);
    REQUIRE(j["rows"].size() == m.rows.size());
    CHECK(j["rows"][0] == Json::array({"Loaded from", "sample: success_rich"}));
    CHECK(j["diagnostics"].size() == m.diagnostics.size());
    CHECK(j["diagnostics_heading"] == m.diagnostics_heading);
    REQUIRE(m.stdout_text != nullptr);
    CHECK(j.dump().find(m.stdout_text->substr(0, 40)) == std::string::npos);
    CHECK_FALSE(j.contains("stdout"));
}

// tests/view/view_share_test.cpp: "Copy link" and redaction (view/share_panel.cpp).
//
// Index
//   every sample: Copy link -> canonical JSON that analyze() reads back to the same report
//   redaction: access key ids, secret tokens and named strings masked in share_json; off = kept
//   the preview count state() reports
//   the platform's answer: view_set_share_link -> copied on the next frame, length shown; errors
//   a share link pasted into the paste area goes to the platform to inflate
//   a fleet: its pages asked for; "too large" answered by a smaller try (failures kept, what was
//   left out said); no smaller try under the floor: the refusal shown
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "data_limits.h"
#include "fleet_link.h"
#include "headless.h"
#include "panels.h"
#include "share_link.h"

using namespace ssmview;
using test::Headless;

namespace {

const char* kKeyId = "AKIAIOSFODNN7EXAMPLE";
const char* kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

std::string secret_invocation() {
    Json j = {{"CommandId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}, {"InstanceId", "i-0123456789abcdef0"},
              {"Comment", "deploy to acme-prod"}, {"Status", "Success"}, {"StatusDetails", "Success"}, {"ResponseCode", 0},
              {"StandardOutputContent", std::string("export AWS_ACCESS_KEY_ID=") + kKeyId +
                                            "\nexport AWS_SECRET_ACCESS_KEY=" + kSecret + "\nhost acme-prod.internal ok\n"},
              {"StandardErrorContent", ""}};
    return j.dump(4);
}

ViewActions share(Headless& h, ViewState& s) {
    s.ui.tab = ViewTab::Share;
    return h.click(s, "share.copy_link");
}

}  // namespace

TEST_CASE("Copy link gives canonical JSON that analyze() reads back to the same report, for every sample", "[share]") {
    Headless h;
    int count = 0;
    const Sample* samples = view_samples(count);
    for (int i = 0; i < count; ++i) {
        INFO(samples[i].name);
        ViewState s;
        view_load_text(s, samples[i].text, LoadSource::Sample, samples[i].name);
        s.ui.redact_access_keys = false;
        s.ui.redact_secret_tokens = false;
        const ViewActions a = share(h, s);
        REQUIRE(a.request_share_link);
        CHECK(a.share_json == canonical_json(s.report.invocation));
        const Report back = analyze(a.share_json);
        CHECK(back.has_invocation);
        CHECK(back.state.phase == s.report.state.phase);
        CHECK(back.state.terminal == s.report.state.terminal);
        CHECK(invocation_to_json(back.invocation) == invocation_to_json(s.report.invocation));
    }
}

TEST_CASE("redaction masks access key ids, secret tokens and named strings in share_json", "[share][redact]") {
    Headless h;
    ViewState s;
    view_load_text(s, secret_invocation(), LoadSource::Paste);
    s.ui.redact_strings = "  acme-prod  \n\n";
    const ViewActions a = share(h, s);
    REQUIRE(a.request_share_link);
    CHECK(a.share_json.find(kKeyId) == std::string::npos);
    CHECK(a.share_json.find(kSecret) == std::string::npos);
    CHECK(a.share_json.find("acme-prod") == std::string::npos);
    CHECK(a.share_json.find("[redacted]") != std::string::npos);
    CHECK(a.share_json.find("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee") != std::string::npos);  // ids stay
    const Report back = analyze(a.share_json);
    CHECK(back.has_invocation);
    CHECK(back.state.phase == Phase::Success);
    CHECK(view_state_to_json(s)["share"]["redactions"].get<int>() >= 4);
    // The shown invocation itself is untouched.
    CHECK(s.report.invocation.standard_output_content.value.find(kKeyId) != std::string::npos);
}

TEST_CASE("with redaction off the link carries the text unchanged", "[share][redact]") {
    Headless h;
    ViewState s;
    view_load_text(s, secret_invocation(), LoadSource::Paste);
    s.ui.tab = ViewTab::Share;
    h.frames(s, 2);
    h.click(s, "share.redact_access_keys");
    h.click(s, "share.redact_secret_tokens");
    CHECK_FALSE(s.ui.redact_access_keys);
    CHECK_FALSE(s.ui.redact_secret_tokens);
    const ViewActions a = h.click(s, "share.copy_link");
    CHECK(a.share_json.find(kKeyId) != std::string::npos);
    CHECK(a.share_json.find(kSecret) != std::string::npos);
    CHECK(view_state_to_json(s)["share"]["redactions"] == 0);
}

TEST_CASE("the link the platform makes is copied on the next frame and its length shown", "[share]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    const ViewActions a = share(h, s);
    REQUIRE(a.request_share_link);
    const std::string link = make_link("https://example.test/ssmview/", "compressed-bytes");
    view_set_share_link(s, link);
    const ViewActions next = h.frame(s);
    CHECK(next.copy_text == link);
    CHECK(h.frame(s).copy_text.empty());  // once
    const Json j = view_state_to_json(s);
    CHECK(j["share"]["link_length"] == link.size());
    CHECK(j["controls"].contains("share.link_length"));
    CHECK(h.click(s, "share.copy_again").copy_text == link);
}

TEST_CASE("a link the platform could not make shows its error and copies nothing", "[share]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    share(h, s);
    view_set_share_link(s, "", "The compressed report is too long for a link.");
    CHECK(h.frame(s).copy_text.empty());
    CHECK(view_state_to_json(s)["share"]["error"] == "The compressed report is too long for a link.");
}

TEST_CASE("a new load forgets the previous link", "[share]") {
    ViewState s;
    view_load_text(s, test::fixture("success"), LoadSource::Paste);
    view_set_share_link(s, "https://x/#v1.abc");
    view_load_text(s, test::fixture("failed"), LoadSource::Paste);
    CHECK(view_state_to_json(s)["share"]["link_length"] == 0);
}

TEST_CASE("a share link pasted into the paste area is handed to the platform to open", "[share][input]") {
    Headless h;
    ViewState s;
    s.ui.paste_text = "https://example.test/ssmview/#v1.q1YqSs1JLS5RslJQKi1OLVLSUcrPS1WyUlAqyMnMS0_NS1eqBQA";
    h.frames(s, 2);
    const ViewActions a = h.click(s, "input.load");
    CHECK(a.load_link == s.ui.paste_text);
    CHECK(s.generation == 0);  // nothing loaded by the view itself
}

// ---- a fleet's link ---------------------------------------------------------------------------

namespace {

// `n` targets, every fifth failed, each with its own 2,000-character output: a link of all of them
// is megabytes, so the platform's answer decides how much fits.
std::string large_fleet(int n) {
    std::string t = "{\"CommandInvocations\": [";
    for (int i = 0; i < n; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "i-%017x", i);
        const char* status = i % 5 == 0 ? "Failed" : "Success";
        std::string out(2000, static_cast<char>('a' + i % 26));
        out += std::to_string(i);
        if (i) t += ",";
        t += std::string("{\"CommandId\": \"5d0a8c2e-1b7f-4e39-9a64-0c3b2f8e7d11\", \"InstanceId\": \"") + id + "\", \"Status\": \"" +
             status + "\", \"StatusDetails\": \"" + status + "\", \"CommandPlugins\": [{\"Name\": \"aws:runShellScript\", \"Status\": \"" +
             status + "\", \"StatusDetails\": \"" + status + "\", \"ResponseCode\": " + (i % 5 ? "0" : "1") + ", \"Output\": \"" + out + "\"}]}";
    }
    return t + "]}";
}

}  // namespace

TEST_CASE("Copy link on a fleet asks for its pages, which analyze() reads back to the same fleet", "[share][fleet]") {
    Headless h;
    ViewState s;
    view_load_text(s, test::read_file(std::string(SSMVIEW_FIXTURES) + "/pasted/fleet-deploy-pages.txt"), LoadSource::Paste);
    REQUIRE(s.report.kind == ReportKind::Fleet);
    const ViewActions a = share(h, s);
    REQUIRE(a.request_share_link);
    RedactOptions masking = redact_options_from_ui(s.ui);
    CHECK(a.share_json == fleet_link_document(s.report.fleet, masking, kMaxLinkDecodedBytes).json);
    const Report back = analyze(a.share_json);
    CHECK(back.fleet.invocations.size() == s.report.fleet.invocations.size());
    view_set_share_link(s, make_link("https://example.test/", "bytes"));
    CHECK(h.frame(s).copy_text == "https://example.test/#v1.Ynl0ZXM");
    CHECK(view_state_to_json(s)["share"]["dropped"] == "");
}

TEST_CASE("a fleet's link too large once compressed is asked for again with half the JSON, and says what it left out",
          "[share][fleet]") {
    Headless h;
    ViewState s;
    view_load_text(s, large_fleet(400), LoadSource::Paste);
    REQUIRE(s.report.fleet.invocations.size() == 400);
    ViewActions a = share(h, s);
    REQUIRE(a.request_share_link);
    std::size_t last = a.share_json.size();
    CHECK(analyze(a.share_json).fleet.invocations.size() == 400);  // the first try carries all

    // The platform answers "too large" twice: each time the next frame asks with half the JSON.
    for (int round = 0; round < 2; ++round) {
        view_set_share_link(s, "", share_payload_refusal(kMaxLinkPayloadChars));
        a = h.frame(s);
        REQUIRE(a.request_share_link);
        CHECK(a.copy_text.empty());
        CHECK(a.share_json.size() <= last / 2);
        CHECK(view_state_to_json(s)["share"]["error"] == "");  // no error while a smaller link is tried
        last = a.share_json.size();
    }
    const Report back = analyze(a.share_json);
    REQUIRE(back.fleet.link_dropped.present);
    std::size_t failed = 0;
    for (const FleetInvocation& inv : back.fleet.invocations) failed += inv.state.phase == Phase::Failed;
    CHECK(failed == 80);  // every failure kept
    CHECK(back.fleet.invocations.size() + static_cast<std::size_t>(back.fleet.link_dropped.total) == 400);

    view_set_share_link(s, make_link("https://example.test/", "bytes"));
    CHECK(h.frame(s).copy_text == "https://example.test/#v1.Ynl0ZXM");  // the click is answered at last
    const std::string dropped = view_state_to_json(s)["share"]["dropped"];
    CHECK(dropped == fleet_link_dropped_text(back.fleet.link_dropped, back.fleet.invocations.size()));
    CHECK(h.frame_text(s).find("This link leaves out") != std::string::npos);
}

TEST_CASE("a fleet's link that cannot get smaller shows the refusal", "[share][fleet]") {
    Headless h;
    ViewState s;
    view_load_text(s, large_fleet(3), LoadSource::Paste);
    const ViewActions a = share(h, s);
    REQUIRE(a.request_share_link);
    REQUIRE(a.share_json.size() < 2 * kMinFleetLinkJsonBytes);  // half of it would be under the floor
    const std::string refusal = share_payload_refusal(kMaxLinkPayloadChars + 100);
    view_set_share_link(s, "", refusal);
    CHECK_FALSE(h.frame(s).request_share_link);
    CHECK(view_state_to_json(s)["share"]["error"] == refusal);
}

TEST_CASE("a fleet's masked spans are counted when the strings box is left, not at each key typed", "[share][fleet]") {
    Headless h;
    ViewState s;
    view_load_text(s, large_fleet(10), LoadSource::Paste);
    s.ui.tab = ViewTab::Share;
    CHECK(h.frame_text(s).find("Nothing to mask with these choices.") != std::string::npos);
    h.click(s, "share.redact_strings");
    h.type(s, "i-00000000000000003");
    const std::string typing = h.frame_text(s);
    CHECK(typing.find("counted when you leave the box") != std::string::npos);
    CHECK(typing.find("Nothing to mask") == std::string::npos);
    h.click_at(s, 1279.0f, 799.0f);  // anywhere else: the box is left
    CHECK(h.frame_text(s).find("1 span(s) will read \"[redacted]\" in the link.") != std::string::npos);

    // The link is made from the records the count came from: the typed id is masked in it.
    const ViewActions a = h.click(s, "share.copy_link");
    REQUIRE(a.request_share_link);
    CHECK(a.share_json.find("i-00000000000000003") == std::string::npos);
    CHECK(a.share_json == fleet_link_document(s.report.fleet, redact_options_from_ui(s.ui), kMaxLinkDecodedBytes).json);
}

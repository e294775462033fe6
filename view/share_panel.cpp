// view/share_panel.cpp: a link that shows a colleague the same report, with secrets masked first.
//
// Index
//   redact_options_from_ui  ViewUi's choices -> core's RedactOptions (one string per line, trimmed)
//   shared_invocation       what the link carries: the invocation, with the whole output read
//                           through the proxy in place of a cut member when the person chose it
//   mask_shared_document    an invocation's or plain output's link payload, masked, and the count
//   update_redaction        how many spans the current choices mask, and a fleet's masked link records
//                           (made once per choice + load; for a fleet, not while the strings box is typed in)
//   request_fleet_link      a fleet's link: core's pages within a budget (core/fleet_link.h)
//   share_frame             each frame: a fleet's link too large once compressed is asked for
//                           again with core's next, smaller budget
//   draw_share_panel        choices, what the link carries of each output, preview, "Copy link",
//                           the link and its length (or why it cannot be made)
//
// Call flow: "Copy link" puts mask_shared_document's payload (canonical_json(redact(shared_invocation)),
// or plain output's masked text) into ViewActions.share_json and
// sets request_share_link. The platform compresses it (raw deflate), builds the link with
// core's make_link and calls view_set_share_link(); the next frame copies the link to the
// clipboard (ViewModel.copy_link_when_ready) and shows its length. Compression is the
// platform's because the browser's CompressionStream is asynchronous. A fleet's link asks with
// the fleet's pages instead; when the platform answers that the payload is too large,
// view_set_share_link keeps the click pending and share_frame asks again with less, the same
// steps `ssmview link` takes.
#include <string>

#include "fleet_link.h"
#include "panels.h"
#include "redact.h"
#include "share_link.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

RedactOptions redact_options_from_ui(const ViewUi& ui) {
    RedactOptions o;
    o.access_key_ids = ui.redact_access_keys;
    o.secret_tokens = ui.redact_secret_tokens;
    std::size_t pos = 0;
    const std::string& s = ui.redact_strings;
    while (pos <= s.size()) {
        std::size_t nl = s.find('\n', pos);
        if (nl == std::string::npos) nl = s.size();
        std::size_t b = pos, e = nl;
        while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
        if (e > b) o.strings.push_back(s.substr(b, e - b));
        pos = nl + 1;
    }
    return o;
}

namespace {

// The link says by its content whether it carries the complete output: a member longer than the
// API's limit opens with core's note that it is shown in full (constraint.*_length), a cut one
// with the truncation banner.
Invocation shared_invocation(const ViewState& s, bool whole) {
    Invocation inv = s.report.invocation;
    if (!whole) return inv;
    for (OutputStream which : {OutputStream::Stdout, OutputStream::Stderr}) {
        const std::string* text = whole_pane_text(s, which);
        if (text == nullptr) continue;
        Field<std::string>& member = output_content(inv, which);
        member.present = true;
        member.value = *text;
    }
    return inv;
}

// A single document's link, masked: the invocation's canonical JSON, or plain output's text itself
// (opened, it is plain output again). Returns the spans masked; writes the payload only when asked
// (the preview counts at every key typed, and serializing a 10 MB whole output each time would be
// waste).
int mask_shared_document(const ViewState& s, const RedactOptions& o, std::string* payload) {
    if (s.report.kind == ReportKind::Plain) {
        std::string text = s.report.invocation.standard_output_content.value;
        const int n = redact_text(text, o);
        if (payload != nullptr) *payload = std::move(text);
        return n;
    }
    RedactResult r = redact(shared_invocation(s, whole_in_share_link(s)), o);
    if (payload != nullptr) *payload = canonical_json(r.invocation);
    return r.replacements;
}

// The choices the redaction preview (and a fleet's link records) were made with.
std::string redaction_key(const Frame& f) {
    const ViewUi& ui = f.s.ui;
    const bool whole = whole_in_share_link(f.s);
    return std::to_string(f.s.generation) + (ui.redact_access_keys ? "A" : "a") + (ui.redact_secret_tokens ? "S" : "s") +
           (whole ? "W" + std::to_string(f.s.whole.s[0].version) + "." + std::to_string(f.s.whole.s[1].version)
                  : std::string("w")) +
           ui.redact_strings;
}

// Brings the preview up to date with the choices. For a fleet this masks and writes every record
// of the link (a 10,000-invocation fleet: 200 ms natively), kept for the links made after it.
void update_redaction(Frame& f) {
    std::string key = redaction_key(f);
    if (key == f.m.redaction_key) return;
    f.m.redaction_key = std::move(key);
    const RedactOptions o = redact_options_from_ui(f.s.ui);
    if (f.s.report.kind == ReportKind::Fleet) {
        f.m.fleet_link = fleet_link_records(f.s.report.fleet, o);
        f.m.redaction_count = f.m.fleet_link.replacements;
    } else {
        f.m.fleet_link = FleetLinkRecords{};
        f.m.redaction_count = mask_shared_document(f.s, o, nullptr);
    }
}

// What the Copy link button starts, and each retry with a smaller budget: the records are made
// once, each retry only cuts them to its budget.
void request_fleet_link(Frame& f, std::size_t budget) {
    update_redaction(f);
    const FleetLinkDocument doc = fleet_link_document(f.s.report.fleet, f.m.fleet_link, budget);
    f.s.share_link.clear();
    f.s.share_attempt = ShareAttempt{};
    f.s.share_error = share_json_refusal(doc.json.size());  // only a command page past the bound
    if (!f.s.share_error.empty()) {
        f.m.copy_link_when_ready = false;
        return;
    }
    f.s.share_attempt.json_bytes = doc.json.size();
    f.s.share_attempt.dropped = fleet_link_dropped_text(doc.dropped, doc.carried);
    f.a.request_share_link = true;
    f.a.share_json = doc.json;
}

}  // namespace

void share_frame(Frame& f) {
    const std::size_t budget = f.s.share_attempt.retry_budget;
    if (budget == 0) return;
    f.s.share_attempt.retry_budget = 0;
    if (f.s.report.kind == ReportKind::Fleet) request_fleet_link(f, budget);
}

void draw_share_panel(Frame& f) {
    ViewUi& ui = f.s.ui;
    const Report& r = f.s.report;
    const bool fleet = r.kind == ReportKind::Fleet;
    if (fleet)
        ImGui::TextWrapped("The link carries this fleet, compressed, after the '#': the command and every invocation with "
                           "its steps' outputs, as list-command-invocations --details gave them. Browsers never send that "
                           "part to a server, so only the people you give the link to can read it. When the whole fleet "
                           "does not fit in a link, the link keeps the targets that did not succeed first and says how "
                           "many it left out. Mask secrets first:");
    else
        ImGui::TextWrapped("The link carries this invocation, compressed, after the '#': browsers never send that part to a "
                           "server, so only the people you give the link to can read it. Mask secrets first:");
    ImGui::Checkbox("Mask AWS access key ids (AKIA..., ASIA...)", &ui.redact_access_keys);
    note_control(f, "share.redact_access_keys");
    ImGui::Checkbox("Mask secret-looking tokens (secret keys, key=value secrets, JWTs, bearer tokens)", &ui.redact_secret_tokens);
    note_control(f, "share.redact_secret_tokens");
    ImGui::TextUnformatted("Also mask these strings (one per line):");
    input_multiline_any_script("##redact_strings", ui.redact_strings, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 4.5f));
    const bool typing = ImGui::IsItemActive();
    note_control(f, "share.redact_strings");

    if (!r.has_invocation && !fleet && r.kind != ReportKind::Plain) {
        ImGui::TextDisabled("Nothing to share: load an invocation first.");
        return;
    }
    if (!fleet && whole_shown_anywhere(f.s)) {
        ImGui::Checkbox("Carry the output read through the proxy, not the one GetCommandInvocation cut", &ui.share_whole);
        note_control(f, "share.whole");
    }
    for (OutputStream which : {OutputStream::Stdout, OutputStream::Stderr}) {
        const std::string said = share_output_text(f.s, which);
        if (said.empty()) continue;
        ImGui::TextWrapped("%s", said.c_str());
        note_control(f, which == OutputStream::Stdout ? "share.carries_stdout" : "share.carries_stderr");
    }
    // A fleet is counted again when the strings box is left, not at every key typed in it.
    if (fleet && typing && redaction_key(f) != f.m.redaction_key) {
        ImGui::TextDisabled("The masked spans are counted when you leave the box.");
    } else {
        update_redaction(f);
        const int n = f.m.redaction_count;
        if (n > 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.warning), "%d span(s) will read \"[redacted]\" in the link.", n);
        else ImGui::TextDisabled("Nothing to mask with these choices.");
    }
    note_control(f, "share.redaction_count");

    if (ImGui::Button("Copy link")) {
        if (fleet) {
            f.m.copy_link_when_ready = true;
            request_fleet_link(f, kMaxLinkDecodedBytes);  // the first of core/fleet_link.h's budgets
        } else {
            std::string payload;
            mask_shared_document(f.s, redact_options_from_ui(ui), &payload);
            f.s.share_link.clear();
            f.s.share_error = share_json_refusal(payload.size());  // core/share_link.h: refused before compressing
            if (f.s.share_error.empty()) {
                f.a.request_share_link = true;
                f.a.share_json = std::move(payload);
                f.m.copy_link_when_ready = true;
            }
        }
    }
    note_control(f, "share.copy_link");

    if (!f.s.share_error.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.error), "%s", f.s.share_error.c_str());
    }
    if (!f.s.share_link.empty()) {
        const std::size_t len = f.s.share_link.size();
        ImGui::Text("Link: %zu characters", len);
        note_control(f, "share.link_length");
        if (len > kLongLinkChars) {  // core/data_limits.h
            ImGui::SameLine();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.warning),
                               "(long: some chat tools and e-mail clients cut links past a few thousand characters)");
        }
        ImGui::SameLine();
        copy_button(f, "link", f.s.share_link, "link", "share.copy_again");
        // Show the start of the link only: a 100 KB line is no use to read.
        const std::string shown = len > 160 ? f.s.share_link.substr(0, 157) + "..." : f.s.share_link;
        ImGui::TextDisabled("%s", shown.c_str());
        if (!f.s.share_attempt.dropped.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.warning), "%s", f.s.share_attempt.dropped.c_str());
            ImGui::PopTextWrapPos();
            note_control(f, "share.dropped");
        }
    }
}

}  // namespace ssmview

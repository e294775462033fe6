// tests/view/view_actions_test.cpp: clicks and keys through ImGui's input queue -> ViewActions / ViewUi.
//
// Index
//   copy buttons (header), Copy all (escapes removed), Download (exact content), Copy line (menu)
//   links: the S3 URL as given and the CloudWatch console
//   tabs, stream tabs, UTC/Local, Wrap
//   diagnostics -> raw view at the finding's line
//   find: typing, count, next / previous buttons, Enter, Ctrl+F from another tab
//   Load tab: paste + Load, a sample button, Open file
#include <string>

#include <catch2/catch.hpp>

#include "headless.h"
#include "view_model.h"

using namespace ssmview;
using test::Headless;

namespace {

ViewState loaded(const std::string& state) {
    ViewState s;
    view_load_text(s, test::fixture(state), LoadSource::Paste, state);
    return s;
}

std::string big_output_json(int lines, const std::string& marker_at_line_text, int marker_line) {
    std::string out;
    for (int i = 1; i <= lines; ++i) {
        out += "row " + std::to_string(i) + (i == marker_line ? " " + marker_at_line_text : " hay") + "\n";
    }
    Json j = {{"CommandId", "11111111-2222-3333-4444-555555555555"}, {"InstanceId", "i-0123456789abcdef0"},
              {"Status", "Success"}, {"StatusDetails", "Success"}, {"ResponseCode", 0},
              {"StandardOutputContent", out}, {"StandardErrorContent", ""}};
    return j.dump(4);
}

}  // namespace

TEST_CASE("clicking Copy next to CommandId copies it and says so", "[actions][copy]") {
    Headless h;
    ViewState s = loaded("success");
    const ViewActions a = h.click(s, "header.copy.CommandId");
    CHECK(a.copy_text == "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7");
    h.frame(s);
    CHECK(view_state_to_json(s)["controls"].contains("menu.note"));
    CHECK(h.click(s, "header.copy.InstanceId").copy_text == "i-0802cc9316fe86d8a");
    CHECK(h.click(s, "header.copy.DocumentName").copy_text == "AWS-RunShellScript");
}

TEST_CASE("Copy all copies the output as shown: escape codes removed, tabs and line ends kept", "[actions][copy]") {
    Headless h;
    ViewState s = loaded("success_rich");
    const ViewActions a = h.click(s, "output.copy_all");
    REQUIRE(!a.copy_text.empty());
    CHECK(a.copy_text.find('\x1b') == std::string::npos);
    CHECK(a.copy_text.find("==> Health report for ip-10-20-7-88.ec2.internal") == 0);
    CHECK(a.copy_text.find("metric\tvalue\tunit") != std::string::npos);
    CHECK(a.copy_text.find("CRLF lines follow:\r\n") != std::string::npos);
}

TEST_CASE("Download offers the output exactly as the API returned it, named after the invocation", "[actions][download]") {
    Headless h;
    ViewState s = loaded("success_rich");
    const ViewActions a = h.click(s, "output.download");
    CHECK(a.download_name == "e351974d-9178-4858-8f27-d9150130c5b1-i-036cdd9ecb6f1cd2e-stdout.txt");
    CHECK(a.download_data == s.report.invocation.standard_output_content.value);
    CHECK(a.download_data.find('\x1b') != std::string::npos);
    h.click(s, "output.tab.stderr");
    CHECK(h.click(s, "output.download").download_name == "e351974d-9178-4858-8f27-d9150130c5b1-i-036cdd9ecb6f1cd2e-stderr.txt");
}

TEST_CASE("right-clicking a line offers to copy that line", "[actions][copy]") {
    Headless h;
    ViewState s = loaded("success");
    h.frames(s, 2);
    float pane[4];
    REQUIRE(view_control_rect(s, "output.pane", pane));
    const float row_h = ImGui::GetFontSize();
    h.click_at(s, pane[0] + pane[2] * 0.5f, pane[1] + 4.0f + row_h * 1.5f, 1);  // second row
    h.frame(s);
    const ViewActions a = h.click(s, "output.copy_line");
    CHECK(a.copy_text == s.model->out[0].doc.text.substr(s.model->out[0].doc.lines.starts[1],
                                                          s.model->out[0].doc.lines.bytes(1)));
    CHECK(!a.copy_text.empty());
}

TEST_CASE("the output URL opens as given, the log group in the CloudWatch console of its region", "[actions][links]") {
    Headless h;
    ViewState s = loaded("truncated");
    const ViewActions a = h.click(s, "header.link.StandardOutputUrl");
    CHECK(a.open_url == s.report.invocation.standard_output_url.value);
    const ViewActions b = h.click(s, "header.link.CloudWatchLogGroupName");
    CHECK(b.open_url == "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/"
                        "$252Fssm$252Frun-command$252Fjournal");
    CHECK(h.click(s, "output.truncated_link").open_url == s.report.invocation.standard_output_url.value);
}

TEST_CASE("tabs, stream tabs, the time zone switch and Wrap change ViewUi when clicked", "[actions][ui]") {
    Headless h;
    ViewState s = loaded("failed");
    h.click(s, "tab.diagnostics");
    CHECK(s.ui.tab == ViewTab::Diagnostics);
    h.click(s, "tab.raw");
    CHECK(s.ui.tab == ViewTab::Raw);
    h.click(s, "tab.share");
    CHECK(s.ui.tab == ViewTab::Share);
    h.click(s, "tab.output");
    CHECK(s.ui.tab == ViewTab::Output);
    h.click(s, "output.tab.stderr");
    CHECK(view_state_to_json(s)["ui"]["stream"] == "stderr");
    h.click(s, "timeline.local");
    CHECK(view_state_to_json(s)["ui"]["time_zone"] == "local");
    h.click(s, "timeline.utc");
    CHECK(s.ui.local_time == false);
    h.click(s, "output.wrap");
    CHECK(s.ui.wrap == true);
}

TEST_CASE("clicking a diagnostic opens the raw view scrolled to and highlighting its line", "[actions][diagnostics]") {
    Headless h;
    // A valid invocation after 3,000 blank lines, with a member the model does not know.
    std::string text(3000, '\n');
    text += test::fixture("success");
    text.insert(text.find("\"Comment\""), "\"Bogus\": 42,\n    ");
    ViewState s;
    view_load_text(s, text, LoadSource::Paste);
    int index = -1;
    for (std::size_t i = 0; i < s.report.diagnostics.size(); ++i)
        if (s.report.diagnostics[i].line > 3000) { index = static_cast<int>(i); break; }
    REQUIRE(index >= 0);
    const int line = s.report.diagnostics[static_cast<std::size_t>(index)].line;
    h.click(s, "tab.diagnostics");
    h.click(s, "diagnostics.row." + std::to_string(index));
    CHECK(s.ui.tab == ViewTab::Raw);
    CHECK(s.ui.raw_line == line);
    h.frames(s, 2);
    const Json j = view_state_to_json(s);
    CHECK(j["ui"]["raw_line"] == line);
    const int first = j["visible"]["raw_first_line"];
    CHECK(first > 2900);
    CHECK(first <= line);
}

TEST_CASE("find: typing counts matches, next/previous step through them and scroll to each", "[actions][find]") {
    Headless h;
    ViewState s;
    view_load_text(s, big_output_json(5000, "NEEDLE", 4000), LoadSource::Paste);
    h.click(s, "output.find");
    h.type(s, "row 4");
    h.frame(s);
    Json j = view_state_to_json(s);
    CHECK(j["ui"]["find"]["query"] == "row 4");
    CHECK(j["ui"]["find"]["matches"] == 1111);  // 4, 40-49, 400-499, 4000-4999
    CHECK(j["ui"]["find"]["current"] == 0);
    h.click(s, "output.find_next");
    CHECK(s.ui.find_current == 1);
    h.click(s, "output.find_prev");
    h.click(s, "output.find_prev");
    CHECK(s.ui.find_current == 1110);
    h.frame(s);
    CHECK(view_state_to_json(s)["visible"]["stdout_first_line"].get<int>() > 4900);

    s.ui.find_query = "needle";  // case-insensitive by default
    h.frame(s);
    h.frame(s);
    j = view_state_to_json(s);
    CHECK(j["ui"]["find"]["matches"] == 1);
    const int first = j["visible"]["stdout_first_line"];
    CHECK(first <= 4000);
    CHECK(first > 3900);
    s.ui.find_case_sensitive = true;
    h.frame(s);
    CHECK(view_state_to_json(s)["ui"]["find"]["matches"] == 0);
}

TEST_CASE("Enter in the find field goes to the next match and keeps the field focused", "[actions][find]") {
    Headless h;
    ViewState s;
    view_load_text(s, big_output_json(100, "x", 1), LoadSource::Paste);
    h.click(s, "output.find");
    h.type(s, "hay");
    h.frame(s);
    const int before = s.ui.find_current;
    h.key(s, ImGuiKey_Enter);
    CHECK(s.ui.find_current == before + 1);
    h.key(s, ImGuiKey_Enter);
    CHECK(s.ui.find_current == before + 2);
    h.key(s, ImGuiMod_Shift | ImGuiKey_Enter);
    CHECK(s.ui.find_current == before + 1);
}

TEST_CASE("Ctrl+F from another tab opens Output with the find field focused", "[actions][find][keys]") {
    Headless h;
    ViewState s = loaded("success");
    s.ui.tab = ViewTab::Share;
    h.frames(s, 2);
    h.key(s, ImGuiMod_Ctrl | ImGuiKey_F);
    h.frame(s);
    CHECK(s.ui.tab == ViewTab::Output);
    h.type(s, "Filesystem");
    h.frame(s);
    CHECK(s.ui.find_query == "Filesystem");
    CHECK(view_state_to_json(s)["ui"]["find"]["matches"] == 1);
}

TEST_CASE("Ctrl+O asks the platform for the open-file dialog, as does the button", "[actions][keys]") {
    Headless h;
    ViewState s = loaded("success");
    h.frames(s, 2);
    CHECK(h.key(s, ImGuiMod_Ctrl | ImGuiKey_O).open_file_dialog);
    s.ui.tab = ViewTab::Input;
    CHECK(h.click(s, "input.open_file").open_file_dialog);
}

TEST_CASE("the Load tab: pasted text loads with its button, a sample with a click", "[actions][input]") {
    Headless h;
    ViewState s;
    h.frames(s, 2);
    s.ui.paste_text = test::fixture("failed");
    h.click(s, "input.load");
    CHECK(s.generation == 1);
    CHECK(s.source == LoadSource::Paste);
    CHECK(view_state_to_json(s)["phase"] == "failed");
    CHECK(s.ui.tab == ViewTab::Output);

    s.ui.tab = ViewTab::Input;
    h.click(s, "input.sample.timed_out_delivery");
    CHECK(s.generation == 2);
    const Json j = view_state_to_json(s);
    CHECK(j["phase"] == "timed_out");
    CHECK(j["source"] == "sample");
    CHECK(j["source_name"] == "timed_out_delivery");
}

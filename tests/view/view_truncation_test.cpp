// tests/view/view_truncation_test.cpp: the page's truncation banner says what
// `ssmview inspect --json` says, for both streams.
//
// Index
//   cli_cut        the CLI's answer: report_to_json(analyze(text)) has output.truncated or
//                  output.at_limit at the member's path (the object `inspect --json` prints)
//   page_cut       the page's answer: view_state_to_json's fields.<member>.truncated, and the
//                  banner drawn when that stream's tab is shown
//   the inputs     each agent marker on each stream, both at once, exactly at each limit, one past
//                  it, none, and every real AWS CLI fixture
//
// Two paths compute "was it cut": the view (view_load_text -> build_model -> output_cut) and the
// CLI's JSON. The test compares them; it also pins what the answer is, so agreeing on a wrong
// answer fails too.
#include <catch2/catch.hpp>

#include <dirent.h>

#include "headless.h"
#include "report.h"

using namespace ssmview;
using test::Headless;

namespace {

const char* const kMembers[] = {"StandardOutputContent", "StandardErrorContent"};

std::string finished_with(const std::string& out, const std::string& err) {
    Json j = Json::object();
    j["CommandId"] = "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7";
    j["InstanceId"] = "i-0802cc9316fe86d8a";
    j["ResponseCode"] = 1;
    j["Status"] = "Failed";
    j["StatusDetails"] = "Failed";
    j["StandardOutputContent"] = out;
    j["StandardErrorContent"] = err;
    return j.dump(4);
}

// The CLI's answer, from the JSON `ssmview inspect --json` prints.
bool cli_cut(const std::string& text, const char* member) {
    const Json j = report_to_json(analyze(text));
    int found = 0;
    for (const Json& d : j["diagnostics"])
        if (d["path"] == std::string("/") + member && (d["code"] == "output.truncated" || d["code"] == "output.at_limit"))
            ++found;
    REQUIRE(found <= 1);
    return found == 1;
}

struct PageCut { bool in_state; bool banner; };

// The page's answer: the state JSON, and the banner drawn on that stream's tab.
PageCut page_cut(Headless& h, const std::string& text, int stream) {
    ViewState s;
    view_load_text(s, text, LoadSource::Paste, "pasted text");
    s.ui.tab = ViewTab::Output;
    s.ui.stream = stream == 0 ? OutputStream::Stdout : OutputStream::Stderr;
    h.frames(s, 2);
    const Json j = view_state_to_json(s);
    const Json& fields = j["fields"];
    const bool in_state = fields.contains(kMembers[stream]) && fields[kMembers[stream]].is_object() &&
                          fields[kMembers[stream]].value("truncated", false);
    return {in_state, j["controls"].contains("output.truncated_banner")};
}

// Compares the two paths on both streams and returns the (agreed) answer per stream.
std::pair<bool, bool> agreed(Headless& h, const std::string& text) {
    bool cut[2] = {false, false};
    for (int stream = 0; stream < 2; ++stream) {
        INFO(kMembers[stream]);
        const bool cli = cli_cut(text, kMembers[stream]);
        const PageCut page = page_cut(h, text, stream);
        CHECK(page.in_state == cli);
        CHECK(page.banner == cli);
        cut[stream] = cli;
    }
    return {cut[0], cut[1]};
}

std::string chars(std::size_t n, const char* one) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += one;
    return s;
}

}  // namespace

TEST_CASE("stderr ending in the agent's stderr marker: the page and the CLI both say cut, stderr only", "[truncation]") {
    Headless h;
    CHECK(agreed(h, finished_with("fine\n", "boom\n---Error truncated----")) == std::make_pair(false, true));
    CHECK(agreed(h, finished_with("fine\n", "boom\n---Error truncated----\n")) == std::make_pair(false, true));
}

TEST_CASE("stdout ending in the agent's stdout marker: both say cut, stdout only", "[truncation]") {
    Headless h;
    CHECK(agreed(h, finished_with("lots\n---Output truncated---", "")) == std::make_pair(true, false));
    CHECK(agreed(h, finished_with("a\n---Output truncated---", "b\n---Error truncated----")) == std::make_pair(true, true));
    CHECK(agreed(h, finished_with("a--output truncated--", "b--output truncated--")) == std::make_pair(true, true));
}

TEST_CASE("exactly at each limit both say cut; one past it or one short, neither does", "[truncation]") {
    Headless h;
    CHECK(agreed(h, finished_with(chars(kMaxStdoutChars, "\xCE\xA9"), "")) == std::make_pair(true, false));
    CHECK(agreed(h, finished_with("", chars(kMaxStderrChars, "e"))) == std::make_pair(false, true));
    // The view once flagged anything at or over the limit; the core reports only "exactly".
    CHECK(agreed(h, finished_with(chars(kMaxStdoutChars + 1, "o"), chars(kMaxStderrChars + 1, "e"))) ==
          std::make_pair(false, false));
    CHECK(agreed(h, finished_with(chars(kMaxStdoutChars - 1, "o"), chars(kMaxStderrChars - 1, "e"))) ==
          std::make_pair(false, false));
}

TEST_CASE("look-alikes of the markers are not cut on either path", "[truncation]") {
    Headless h;
    CHECK(agreed(h, finished_with("---output TRUNCATED---", "errors\n---Error truncated---")) == std::make_pair(false, false));
    CHECK(agreed(h, finished_with("---Output truncated---\nmore after it", "")) == std::make_pair(false, false));
}

TEST_CASE("every real AWS CLI fixture gets the same answer from the page and the CLI", "[truncation]") {
    Headless h;
    const std::string dir = std::string(SSMVIEW_FIXTURES) + "/aws-cli";
    DIR* d = opendir(dir.c_str());
    REQUIRE(d != nullptr);
    int fixtures = 0, cut = 0;
    while (dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
        if (name.rfind("fleet-", 0) == 0) continue;  // fleets: plugin outputs, tests/core/fleet_reader_test.cpp
        INFO(name);
        const auto answer = agreed(h, test::read_file(dir + "/" + name));
        ++fixtures;
        cut += answer.first + answer.second;
        if (name == "truncated.json") CHECK(answer == std::make_pair(true, false));
    }
    closedir(d);
    CHECK(fixtures >= 14);
    CHECK(cut >= 1);
}

// tests/view/fetch_link_test.cpp: live links, another proxy, and where the bearer token may go.
//
// Index
//   the live link: core's make_fetch_link of what is followed; parse_fetch_link reads it back;
//     the default proxy goes unsaid, another one is named
//   the token: sent as a bearer token to the proxy it was typed for only; never in state() or a link
//   a proxy field without a scheme (a relative URL to fetch()): nothing sent, token or not, from any
//     entry point; a field with white space around it: every request goes to the trimmed URL, token
//     included
//   a live link naming another proxy: nothing sent until the person chooses; accepting sends no
//     token there; "use my proxy" keeps the ids; cancel sends nothing
//   a link naming the current proxy (give or take a trailing slash) follows at once
//   bad ids: core's sentence, nothing sent
//   a live link pasted into the Load tab goes to the platform (as a fragment would)
#include <string>

#include "fetch_support.h"

using namespace ssmview;
using namespace ssmview::test;

namespace {

constexpr const char* kBase = "http://127.0.0.1:8080/";
constexpr const char* kToken = "tok-5f2b8c1e9d";
constexpr const char* kOther = "http://10.9.8.7:8787";

ViewState page() {
    ViewState s;
    view_load_text(s, fixture("success"), LoadSource::Sample, "success");
    s.fetch.page_base_url = kBase;
    s.fetch.page_origin = "http://127.0.0.1:8080";
    return s;
}

}  // namespace

TEST_CASE("the live link is core's link for what is followed, and reads back to it", "[fetch][link]") {
    Headless h;
    ViewState s = page();
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "aws:runShellScript", ""});
    h.frame(s);
    const std::string link = fetch_json(s)["live_link"];
    CHECK(link == make_fetch_link(kBase, FetchTarget{kCommand, kInstance, "aws:runShellScript", ""}));
    CHECK(link.find("proxy=") == std::string::npos);  // the default proxy goes unsaid
    const FetchLinkParse back = parse_fetch_link(link);
    REQUIRE(back.ok);
    CHECK(back.target.command_id == kCommand);
    CHECK(back.target.instance_id == kInstance);
    CHECK(back.target.plugin_name == "aws:runShellScript");
    CHECK(back.target.proxy_url.empty());
}

TEST_CASE("a proxy other than the default is named in the live link", "[fetch][link]") {
    Headless h;
    ViewState s = page();
    s.fetch.proxy_url = kOther;
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", ""});
    const FetchRequest poll = only(h.frame(s), "GetCommandInvocation");
    CHECK(poll.url == kOther);
    const FetchLinkParse back = parse_fetch_link(fetch_json(s)["live_link"].get<std::string>());
    REQUIRE(back.ok);
    CHECK(back.target.proxy_url == kOther);
}

TEST_CASE("the bearer token goes to its own proxy only, and never into state() or a link", "[fetch][link][token]") {
    Headless h;
    ViewState s = page();
    s.fetch.token = kToken;
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", ""});
    const ViewActions a = h.frame(s);
    CHECK(header(only(a, "GetCommandInvocation"), "Authorization") == std::string("Bearer ") + kToken);
    CHECK(header(only(a, "ListCommandInvocations"), "Authorization") == std::string("Bearer ") + kToken);
    const std::string state = view_state_to_json(s).dump();
    CHECK(state.find(kToken) == std::string::npos);
    CHECK(fetch_json(s)["token_set"] == true);
    CHECK(fetch_json(s)["live_link"].get<std::string>().find(kToken) == std::string::npos);
    // The field is edited to another proxy while following: the follow's polls go on to the first
    // proxy, without the token (it now belongs to the other URL).
    s.fetch.proxy_url = kOther;
    view_fetch_answer(s, s.fetch.poll_request, 400, "", "", error_body("InvocationDoesNotExist", ""));
    h.frame(s);
    h.env.now_ms = s.fetch.follow.next_poll_ms;
    const FetchRequest again = only(h.frame(s), "GetCommandInvocation");
    CHECK(again.url == kDefaultProxyUrl);
    CHECK(header(again, "Authorization").empty());
}

TEST_CASE("a proxy URL without a scheme sends nothing from any entry point, so the token cannot reach the page's server", "[fetch][link][token]") {
    Headless h;
    ViewState s = page();
    s.fetch.token = kToken;
    const std::string typo = "127.0.0.1:8787";  // to fetch() a URL relative to the page
    s.fetch.proxy_url = typo;
    h.frame(s);
    const std::string why = check_proxy_url(typo);
    REQUIRE_FALSE(why.empty());
    CommandSummary c;
    c.command_id = kCommand;
    c.status = "InProgress";
    c.instance_ids = {kInstance};
    SECTION("List commands") { fetch_list_commands(s.fetch); }
    SECTION("Pick, then follow") { fetch_pick_command(s, c, true); }
    SECTION("Pick only") { fetch_pick_command(s, c, false); }
    SECTION("a step from the list") { fetch_pick_step(s, kCommand, kInstance, "aws:runShellScript"); }
    SECTION("the form's Follow") {
        s.fetch.command_id = kCommand;
        s.fetch.instance_id = kInstance;
        fetch_follow_form(s);
    }
    SECTION("a live link naming no proxy") { view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", ""}); }
    const ViewActions a = h.frames(s, 3);
    CHECK(a.fetches.empty());
    const Json fj = fetch_json(s);
    CHECK(fj["form"]["error"] == why);
    CHECK(fj["in_flight"] == 0);
    CHECK(fj["phase"] == "idle");
    CHECK(fj["commands"]["phase"] == "none");
    CHECK(fj["steps"]["phase"] == "none");
}

TEST_CASE("a proxy URL with white space around it is trimmed once: every request goes there, with the token", "[fetch][link][token]") {
    Headless h;
    ViewState s = page();
    s.fetch.token = kToken;
    s.fetch.proxy_url = std::string(" ") + kOther + " \n";  // pasted
    const std::string bearer = std::string("Bearer ") + kToken;
    CommandSummary c;
    c.command_id = kCommand;
    c.instance_ids = {kInstance};

    fetch_list_commands(s.fetch);
    const FetchRequest list = only(h.frame(s), "ListCommands");
    CHECK(list.url == kOther);
    CHECK(header(list, "Authorization") == bearer);

    fetch_pick_command(s, c, false);
    const FetchRequest steps = only(h.frame(s), "ListCommandInvocations");
    CHECK(steps.url == kOther);
    CHECK(header(steps, "Authorization") == bearer);

    fetch_pick_step(s, kCommand, kInstance, "aws:runShellScript");
    const FetchRequest poll = only(h.frame(s), "GetCommandInvocation");
    CHECK(poll.url == kOther);
    CHECK(header(poll, "Authorization") == bearer);
    CHECK(fetch_json(s)["target"]["proxy_url"] == kOther);
    CHECK(fetch_json(s)["form"]["error"] == "");
}

TEST_CASE("a live link naming another proxy sends nothing until the person chooses", "[fetch][link][confirm]") {
    Headless h;
    ViewState s = page();
    s.fetch.token = kToken;
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", kOther});
    ViewActions a = h.frames(s, 3);
    CHECK(a.fetches.empty());
    Json fj = fetch_json(s);
    CHECK(fj["phase"] == "confirm");
    CHECK(fj["confirm"]["proxy_url"] == kOther);
    CHECK(fj["following"] == false);

    SECTION("accepting fetches through the link's proxy, without the token") {
        a = h.click(s, "fetch.confirm.accept");
        const FetchRequest poll = only(a, "GetCommandInvocation");
        CHECK(poll.url == kOther);
        CHECK(header(poll, "Authorization").empty());
        CHECK(fetch_json(s)["token_set"] == false);
        CHECK(fetch_json(s)["proxy_url"] == kOther);
    }
    SECTION("'use my proxy' fetches the same ids through the person's proxy, with its token") {
        a = h.click(s, "fetch.confirm.mine");
        const FetchRequest poll = only(a, "GetCommandInvocation");
        CHECK(poll.url == kDefaultProxyUrl);
        CHECK(header(poll, "Authorization") == std::string("Bearer ") + kToken);
        CHECK(poll.body == get_command_invocation_request(kCommand, kInstance, ""));
    }
    SECTION("cancel sends nothing") {
        a = h.click(s, "fetch.confirm.cancel");
        a = merge(a, h.frames(s, 3));
        CHECK(a.fetches.empty());
        CHECK(fetch_json(s)["phase"] == "idle");
    }
}

TEST_CASE("a live link naming the current proxy follows at once", "[fetch][link]") {
    Headless h;
    ViewState s = page();
    view_fetch_open_link(s, FetchTarget{kCommand, kInstance, "", std::string(kDefaultProxyUrl) + "/"});
    CHECK(only(h.frame(s), "GetCommandInvocation").url == kDefaultProxyUrl);
    CHECK(fetch_json(s)["phase"] == "requesting");
}

TEST_CASE("a live link with malformed ids says why with core's sentence and sends nothing", "[fetch][link]") {
    Headless h;
    ViewState s = page();
    const FetchTarget bad{"not-a-command-id", kInstance, "", ""};
    view_fetch_open_link(s, bad);
    CHECK(h.frames(s, 2).fetches.empty());
    const Json fj = fetch_json(s);
    CHECK(fj["phase"] == "idle");
    CHECK(fj["form"]["error"] == check_fetch_target(bad));
    CHECK(!fj["form"]["error"].get<std::string>().empty());
}

TEST_CASE("a live link pasted into the Load tab goes to the platform, which opens it like a fragment", "[fetch][link]") {
    Headless h;
    ViewState s = page();
    s.ui.tab = ViewTab::Input;
    const std::string link = make_fetch_link(kBase, FetchTarget{kCommand, kInstance, "", ""});
    s.ui.paste_text = link;
    const ViewActions a = h.click(s, "input.load");
    CHECK(a.load_link == link);
    CHECK(s.source == LoadSource::Sample);  // not analyzed as a paste
}

// tests/proxy/simulate_catalog_test.cpp: every simulated invocation lives the life it is meant to, as the core reads it.
//
// Index
//   helpers             the phase label the core gives a body; simulated_phases.json
//   phases              each walk, read by analyze(), goes through the documented phases
//   validity            every answer of every walk is valid with no warning
//   output              output grows while InProgress; the deploy shows colours and many scripts
//   times               start/end times follow the catalog; elapsed = end - start
//   ids and shapes      the model's id rules; multi-step documents; the stories' time scale
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "ids.h"
#include "report.h"
#include "simulate_walk.h"

using namespace ssmview::proxy;
using ssmview_test::Observation;

namespace {

std::string label(const Observation& o) {
    if (o.status != 200) return o.error_type == "InvocationDoesNotExist" ? "not_yet" : "error " + o.error_type;
    ssmview::Report r = ssmview::analyze(o.body);
    std::string detail = ssmview::detail_name(r.state.detail);
    return std::string(ssmview::phase_name(r.state.phase)) + (detail.empty() ? "" : "/" + detail);
}

std::vector<std::string> phases_of(const std::vector<Observation>& walk) {
    std::vector<std::string> out;
    for (const Observation& o : walk)
        if (out.empty() || out.back() != label(o)) out.push_back(label(o));
    return out;
}

nlohmann::json expected_phases() {
    std::ifstream in(SSMVIEW_PROXY_TESTS "/simulated_phases.json");
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return nlohmann::json::parse(s.str())["phases"];
}

nlohmann::json body_json(const Observation& o) { return nlohmann::json::parse(o.body); }

}  // namespace

TEST_CASE("every simulated invocation goes through the phases simulated_phases.json documents") {
    nlohmann::json expected = expected_phases();
    std::set<std::string> walked;
    for (const auto& target : ssmview_test::targets()) {
        std::string key = ssmview_test::target_key(target);
        INFO(key);
        REQUIRE(expected.contains(key));
        CHECK(phases_of(ssmview_test::walk(target)) == expected[key].get<std::vector<std::string>>());
        walked.insert(key);
    }
    CHECK(walked.size() == expected.size());  // no documented invocation is missing from the catalog
}

TEST_CASE("every answer of every walk is valid for the core, without a warning") {
    for (const auto& target : ssmview_test::targets()) {
        for (const Observation& o : ssmview_test::walk(target)) {
            if (o.status != 200) continue;
            ssmview::Report r = ssmview::analyze(o.body);
            INFO(ssmview_test::target_key(target) << " at " << o.t_ms << " ms: " << o.body);
            CHECK(r.valid());
            CHECK(r.count(ssmview::Severity::Warning) == 0);
            for (const auto& d : r.diagnostics) CHECK(d.severity == ssmview::Severity::Info);
        }
    }
}

TEST_CASE("InvocationDoesNotExist lasts the first seconds after a command starts, then never comes back") {
    for (const auto& target : ssmview_test::targets()) {
        auto walk = ssmview_test::walk(target);
        INFO(ssmview_test::target_key(target));
        REQUIRE(walk.front().t_ms == 0);
        CHECK(walk.front().error_type == "InvocationDoesNotExist");
        CHECK(walk.front().body == R"({"__type":"InvocationDoesNotExist"})");
        CHECK(walk[1].status == 200);
        CHECK(walk[1].t_ms >= 2000);
        CHECK(walk[1].t_ms <= 4000);
        for (std::size_t i = 1; i < walk.size(); ++i) CHECK(walk[i].status == 200);
    }
}

TEST_CASE("standard output grows while InProgress and every state's output is a prefix of the final one") {
    const SimCommand* deploy = find_command("7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17");
    REQUIRE(deploy);
    auto walk = ssmview_test::walk({deploy, &deploy->invocations[0], ""});
    std::string final_out = body_json(walk.back())["StandardOutputContent"];
    int growing = 0;
    std::size_t last = 0;
    for (const Observation& o : walk) {
        if (o.status != 200) continue;
        auto j = body_json(o);
        std::string out = j["StandardOutputContent"];
        CHECK(final_out.compare(0, out.size(), out) == 0);
        if (j["Status"] == "InProgress" && out.size() > last) ++growing;
        CHECK(out.size() >= last);
        last = out.size();
    }
    CHECK(growing >= 10);
}

TEST_CASE("the deploy's output has ANSI colours and Latin, Greek, Cyrillic, CJK, Hangul and emoji text") {
    const SimCommand* deploy = find_command("7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17");
    auto walk = ssmview_test::walk({deploy, &deploy->invocations[0], ""});
    std::string out = body_json(walk.back())["StandardOutputContent"];
    for (const char* piece : {"\x1b[1;34m", "\x1b[38;5;244m", "\x1b[38;2;120;200;255m", "café", "Straße", "Ελληνικά",
                              "Добро", "日本語", "欢迎", "환영합니다", "🚀", "✅"})
        CHECK(out.find(piece) != std::string::npos);
    CHECK(body_json(walk.back())["StandardErrorContent"] ==
          "\x1b[33mwarning:\x1b[0m web.service took 3.5 s to stop (2 connections drained)\n");
}

TEST_CASE("the failed invocation ends with the agent's words and exit status 2") {
    const SimCommand* c = find_command("3b8d6f21-90ae-4c57-a1e4-6f2c9d0b7a35");
    auto walk = ssmview_test::walk({c, &c->invocations[1], ""});
    auto j = body_json(walk.back());
    CHECK(j["Status"] == "Failed");
    CHECK(j["ResponseCode"] == 2);
    std::string err = j["StandardErrorContent"];
    CHECK(err.rfind("df: /srv/releases: No such file or directory\n", 0) == 0);
    CHECK(err.find("/awsrunShellScript/0.awsrunShellScript/_script.sh: line 7:") != std::string::npos);
    const std::string last = "failed to run commands: exit status 2";  // no line break after it
    CHECK(err.substr(err.size() - last.size()) == last);
    CHECK(j["StandardOutputUrl"] == "");
}

TEST_CASE("times: the start and end are the catalog's offsets after RequestedDateTime; never started ones have none") {
    for (const auto& target : ssmview_test::targets()) {
        auto walk = ssmview_test::walk(target);
        auto j = body_json(walk.back());
        INFO(ssmview_test::target_key(target));
        std::size_t step = 0;
        while (target.invocation->steps[step].name != j["PluginName"]) ++step;
        const Step& s = target.invocation->steps[step];
        if (!target.invocation->delivered) {
            CHECK(j["ExecutionStartDateTime"] == "");
            CHECK(j["ExecutionEndDateTime"] == "");
            CHECK(j["ResponseCode"] == -1);
            continue;
        }
        ssmview::Timestamp start = ssmview::parse_timestamp(j["ExecutionStartDateTime"].get<std::string>());
        ssmview::Timestamp end = ssmview::parse_timestamp(j["ExecutionEndDateTime"].get<std::string>());
        REQUIRE(start.valid);
        REQUIRE(end.valid);
        CHECK(start.epoch_ms == ssmview_test::kWalkStartMs + s.start_ms);
        CHECK(end.epoch_ms == ssmview_test::kWalkStartMs + s.end_ms);
        CHECK(ssmview::parse_duration(j["ExecutionElapsedTime"].get<std::string>()).ms == s.end_ms - s.start_ms);
    }
}

TEST_CASE("the stories take tens of seconds: every command ends between 10 and 60 s after it starts") {
    for (const SimCommand& c : catalog()) {
        INFO(c.command_id);
        CHECK(command_ends_at(c) >= 10000);
        CHECK(command_ends_at(c) <= 60000);
        for (const SimInvocation& inv : c.invocations) {
            CHECK(inv.visible_ms < (inv.delivered ? inv.steps.front().start_ms : inv.undelivered_ms));
            for (const Step& s : inv.steps)
                for (const Output* o : {&s.out, &s.err}) {
                    // One check per stream: the export alone writes 2,000 times.
                    CHECK((o->marks().empty() || o->marks().back().at_ms < s.end_ms - s.start_ms));
                    CHECK(o->until(s.end_ms - s.start_ms) == o->text());
                }
        }
    }
}

TEST_CASE("the catalog's ids follow the model: UUID v4 CommandIds, i-/mi- InstanceIds, all distinct") {
    std::set<std::string> commands, instances;
    for (const SimCommand& c : catalog()) {
        CHECK(ssmview::command_id_ok(c.command_id));
        CHECK(c.command_id[14] == '4');
        CHECK(commands.insert(c.command_id).second);
        for (const SimInvocation& inv : c.invocations) {
            CHECK(ssmview::instance_id_ok(inv.instance_id));
            CHECK(inv.instance_id.size() == (inv.instance_id[0] == 'm' ? 20u : 19u));  // the 17-digit forms
            CHECK(instances.insert(inv.instance_id).second);
            for (const Step& s : inv.steps) CHECK(ssmview::plugin_name_ok(s.name));
        }
        CHECK(nlohmann::json::parse(c.parameters_json).is_object());
    }
    CHECK(commands.size() == 12);
}

TEST_CASE("the endings the issue asks for are all in the catalog") {
    std::set<std::string> endings;
    for (const auto& target : ssmview_test::targets()) {
        auto walk = ssmview_test::walk(target);
        endings.insert(label(walk.back()));
    }
    for (const char* e : {"success", "failed", "failed/undeliverable", "timed_out/execution_timed_out",
                          "timed_out/delivery_timed_out", "cancelled"})
        CHECK(endings.count(e) == 1);
}

TEST_CASE("plugin_output joins stdout and stderr with the agent's title and cuts to 2,500 characters") {
    StepView v;  // views: the texts live in these locals
    v.out = "ok\n";
    CHECK(plugin_output(v) == "ok\n");
    v.err = "boom";
    CHECK(plugin_output(v) == "ok\n\n----------ERROR-------\nboom");

    const std::string o3000(3000, 'o'), e3000(3000, 'e'), e4000(4000, 'e');
    v.out = o3000;
    v.err = e3000;
    std::string both = plugin_output(v);
    CHECK(both.size() == 2500);
    CHECK(both.find("\n---Output truncated---\n----------ERROR-------\n") != std::string::npos);
    CHECK(both.substr(both.size() - 23) == "\n---Error truncated----");

    v.out = "short\n";
    v.err = e4000;
    std::string err_long = plugin_output(v);
    CHECK(err_long.size() == 2500);
    CHECK(err_long.rfind("short\n\n----------ERROR-------\neee", 0) == 0);

    std::string accents;
    for (int i = 0; i < 2000; ++i) accents += "é";  // 2 bytes, 1 character each: counted in characters
    v.out = accents;
    v.err = "";
    CHECK(plugin_output(v) == accents);

    // A 5 MB stdout is cut the same way as a 3,000-character one (its length is not counted through).
    const std::string huge(5 * 1024 * 1024, 'o');
    v.out = huge;
    v.err = e3000;
    CHECK(plugin_output(v) == both);
}

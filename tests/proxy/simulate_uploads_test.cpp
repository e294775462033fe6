// tests/proxy/simulate_uploads_test.cpp: what GetCommandInvocation names is what the simulator serves, read by the core.
//
// Index
//   helpers        the final answer of every target; the cut text as a prefix of the whole
//   CloudWatch     analyze() -> invocation_log_output() -> GetLogEvents serves those streams,
//                  and their messages are the complete output
//   S3             StandardOutputUrl / StandardErrorUrl -> parse_s3_url -> s3_output_key_ok ->
//                  GET serves the object, which starts with the cut content minus its marker
//   the tables     log_streams() and s3_objects() hold nothing GetCommandInvocation does not name;
//                  log_events() cuts a stream at the agent's cadence
//
// Every request goes through the proxy's own routes (simulate_walk.h ask_logs / ask_s3), so a
// name the simulator serves is also one the proxy lets through.
#include <catch2/catch.hpp>

#include <set>

#include "logs_api.h"
#include "output_location.h"
#include "report.h"
#include "simulate_uploads.h"
#include "simulate_walk.h"
#include "truncation.h"

using namespace ssmview::proxy;
using ssmview_test::kWalkStartMs;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

struct Final {
    ssmview_test::Target target;
    std::size_t          step;  // the step the answer is about
    std::string          body;  // the GetCommandInvocation answer, after everything has landed
};

// One upstream for all targets, asked once every command has ended and its last batch landed
// (and before a minute of quiet would start them over).
constexpr std::int64_t kAllLandedMs = 45000;

struct Everything {
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream            upstream{SimulateOptions{0, 1.0}, clock};
    std::vector<Final>           finals;

    Everything() {
        REQUIRE(ssmview_test::ask(upstream, "ListCommands", "{}").status == 200);
        for (const SimCommand& c : catalog()) REQUIRE(command_ends_at(c) + kLastLogUploadAfterEndMs < kAllLandedMs);
        clock->advance(kAllLandedMs);
        for (const auto& t : ssmview_test::targets()) {
            auto r = ssmview_test::ask(upstream, "GetCommandInvocation",
                                       ssmview_test::get_body(t.command->command_id, t.invocation->instance_id, t.plugin));
            REQUIRE(r.status == 200);
            std::size_t step = 0;
            while (!t.plugin.empty() && t.invocation->steps[step].name != t.plugin) ++step;
            finals.push_back({t, step, r.body});
        }
    }
};

const Output& output_of(const Final& f, ssmview::OutputStream s) {
    const Step& step = f.target.invocation->steps[f.step];
    return s == ssmview::OutputStream::Stdout ? step.out : step.err;
}

// The content GetCommandInvocation returned is the start of the whole output, byte for byte, but
// for the agent's marker at its end and, where the cut broke a character, one U+FFFD per byte of
// it that was kept (invocation_content). Returns why not, or "".
std::string cut_is_prefix(const std::string& content, std::string_view whole) {
    std::string text = content;
    if (const ssmview::TruncationMarker* m = ssmview::truncation_marker_at_end(text)) {
        const std::string suffix = std::string("\n") + m->text;
        if (text.size() < suffix.size() || text.compare(text.size() - suffix.size(), suffix.size(), suffix) != 0)
            return "the marker is not the content's last bytes";
        text.resize(text.size() - suffix.size());
    } else {
        return text == whole ? "" : "an uncut content differs from the whole output";
    }
    std::size_t same = 0;
    while (same < text.size() && same < whole.size() && text[same] == whole[same]) ++same;
    if (same == text.size()) return "";
    if (same == whole.size()) return "the cut text is longer than the whole output";
    // Back to the start of the character the difference is in (U+FFFD's first byte may match it).
    while (same > 0 && (static_cast<unsigned char>(whole[same]) & 0xC0) == 0x80) --same;
    const std::string rest = text.substr(same);
    // Only the broken character may differ: k bytes of it (1 to 3) kept, each as U+FFFD.
    const std::size_t k = rest.size() / kFffd.size();
    std::string replaced;
    for (std::size_t i = 0; i < k; ++i) replaced += kFffd;
    if (k == 0 || k > 3 || rest != replaced) return "the cut text differs from the whole output before its end";
    const auto lead = static_cast<unsigned char>(whole[same]);
    const std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return k < need ? "" : "U+FFFD where the whole output has a whole character";
}

}  // namespace

// ---- CloudWatch -------------------------------------------------------------------------------

TEST_CASE("every invocation with CloudWatch output names, through the core, streams GetLogEvents serves in full") {
    Everything all;
    int enabled = 0, streams = 0, absent = 0;
    for (const Final& f : all.finals) {
        INFO(ssmview_test::target_key(f.target));
        const ssmview::Report r = ssmview::analyze(f.body);
        const ssmview::LogOutput names = ssmview::invocation_log_output(r.invocation);
        CHECK(names.enabled == f.target.command->cloudwatch_enabled);
        if (!names.enabled) continue;
        ++enabled;
        for (auto [stream, name] : {std::pair{ssmview::OutputStream::Stdout, names.stdout_stream},
                                    std::pair{ssmview::OutputStream::Stderr, names.stderr_stream}}) {
            INFO(names.group << " " << name);
            CHECK(ssmview::log_group_name_ok(names.group));
            CHECK(ssmview::log_stream_name_ok(name));
            const std::string_view whole = output_of(f, stream).text();
            std::string text, token;
            ssmview::aws::HttpResponse a;
            for (int pages = 0; pages < 100; ++pages) {
                a = ssmview_test::ask_logs(all.upstream, "GetLogEvents", ssmview::get_log_events_request(names.group, name, token));
                if (a.status != 200) break;
                const ssmview::LogEventsPage p = ssmview::read_log_events(a.body);
                REQUIRE(p.ok);
                for (const auto& e : p.events) text += e.message;
                if (p.next_token == token) break;
                token = p.next_token;
            }
            if (whole.empty()) {
                // No output, no stream: the normal answer, not an error to show.
                CHECK(a.status == 400);
                CHECK(a.body == R"({"__type":"ResourceNotFoundException","message":"The specified log stream does not exist."})");
                ++absent;
            } else {
                CHECK(a.status == 200);
                CHECK(text == whole);
                ++streams;
            }
        }
        // FilterLogEvents over the whole command reads this step's streams too.
        const std::string prefix = f.target.command->command_id + "/";
        auto filtered = ssmview_test::ask_logs(all.upstream, "FilterLogEvents",
                                               ssmview::filter_log_events_request(names.group, prefix, ""));
        CHECK(filtered.status == 200);
        if (!output_of(f, ssmview::OutputStream::Stdout).empty())
            CHECK(filtered.body.find(nlohmann::json(names.stdout_stream).dump()) != std::string::npos);
    }
    CHECK(enabled >= 5);  // the deploy, the export, the translation dump, both steps of the two-step document
    CHECK(streams >= 7);
    CHECK(absent >= 2);   // the two-step document's stderr
}

// ---- S3 ---------------------------------------------------------------------------------------

TEST_CASE("every StandardOutputUrl and StandardErrorUrl is a key the proxy reads, and the object starts with the cut content") {
    Everything all;
    int urls = 0, objects = 0, cut = 0, split = 0;
    for (const Final& f : all.finals) {
        const nlohmann::json j = nlohmann::json::parse(f.body);
        for (auto [stream, url_member, content_member] :
             {std::tuple{ssmview::OutputStream::Stdout, "StandardOutputUrl", "StandardOutputContent"},
              std::tuple{ssmview::OutputStream::Stderr, "StandardErrorUrl", "StandardErrorContent"}}) {
            const std::string url = j[url_member];
            INFO(ssmview_test::target_key(f.target) << " " << url);
            CHECK(url.empty() == f.target.command->output_s3_bucket.empty());
            if (url.empty()) continue;
            ++urls;
            const ssmview::S3Location loc = ssmview::parse_s3_url(url);
            REQUIRE(loc.ok);
            CHECK(loc.region == kSimRegion);
            std::string why;
            CHECK(ssmview::s3_output_key_ok(loc.key, &why));
            CHECK(why.empty());
            const auto got = ssmview_test::ask_s3(all.upstream, "GET", loc.bucket, loc.key, "", loc.region);
            const std::string_view whole = output_of(f, stream).text();
            if (whole.empty()) {
                CHECK(got.status == 403);  // the agent puts no object for an empty output
                continue;
            }
            ++objects;
            REQUIRE(got.status == 200);
            CHECK(got.body == whole);
            const std::string content = j[content_member];
            CHECK(cut_is_prefix(content, got.body) == "");
            if (ssmview::truncation_marker_at_end(content)) ++cut;
            if (content.find(kFffd) != std::string::npos) ++split;
        }
    }
    CHECK(urls >= 10);
    CHECK(objects >= 7);
    CHECK(cut == 3);    // the export's stdout, the translation dump's stdout and stderr
    CHECK(split == 1);  // the translation dump's stdout
}

TEST_CASE("cut_is_prefix, the check above, tells a faithful cut from others") {
    const std::string whole = std::string(10, 'x') + "日本語";
    CHECK(cut_is_prefix(whole, whole) == "");
    CHECK(cut_is_prefix("xxxxxxxxxx" + kFffd + "\n---Output truncated---", whole) == "");
    CHECK(cut_is_prefix("xxxxxxxxxx" + kFffd + kFffd + "\n---Output truncated---", whole) == "");
    CHECK(cut_is_prefix("xxxxxxxxxx" + kFffd + kFffd + kFffd + "\n---Output truncated---", whole) != "");
    CHECK(cut_is_prefix("xxxxxxxxxy\n---Output truncated---", whole) != "");
    CHECK(cut_is_prefix("xxxxxxxxxx", whole) != "");
}

// ---- the tables -------------------------------------------------------------------------------

TEST_CASE("log_streams and s3_objects hold exactly the non-empty outputs of delivered steps that go there") {
    std::size_t want_streams = 0, want_objects = 0;
    for (const SimCommand& c : catalog())
        for (const SimInvocation& inv : c.invocations)
            for (const Step& s : inv.steps)
                for (const Output* o : {&s.out, &s.err}) {
                    const bool written = inv.delivered && !o->empty();
                    want_streams += written && c.cloudwatch_enabled;
                    want_objects += written && !c.output_s3_bucket.empty();
                }
    CHECK(log_streams().size() == want_streams);
    CHECK(s3_objects().size() == want_objects);
    std::set<std::string> names, keys;
    for (const SimLogStream& s : log_streams()) CHECK(names.insert(s.group + " " + s.name).second);
    for (const SimObject& o : s3_objects()) CHECK(keys.insert(o.bucket + "/" + o.key).second);
}

TEST_CASE("log_events: one event per upload, every 2 s and 3 s after the end, split at 200 KiB") {
    Output o{{100, "a\n"}, {1999, "b\n"}, {2000, "c\n"}, {2001, "d\n"}, {7000, "e\n"}};
    const auto events = log_events(o, 7500);
    REQUIRE(events.size() == 3);
    CHECK(o.text().substr(events[0].begin, events[0].end - events[0].begin) == "a\nb\nc\n");
    CHECK(events[0].at_ms == 100);
    CHECK(events[0].landed_ms == 2000);
    CHECK(o.text().substr(events[1].begin, events[1].end - events[1].begin) == "d\n");
    CHECK(events[1].landed_ms == 4000);
    CHECK(o.text().substr(events[2].begin, events[2].end - events[2].begin) == "e\n");
    CHECK(events[2].landed_ms == 7500 + kLastLogUploadAfterEndMs);
    CHECK(log_events(Output(), 7500).empty());

    // 300 KiB written at once: two events, the first ending at a line end, both stamped with the write.
    const std::string line(1023, 'z');
    std::string big;
    for (int i = 0; i < 300; ++i) big += line + "\n";
    Output b{{500, big}};
    const auto pieces = log_events(b, 1000);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].end - pieces[0].begin == 200 * 1024);
    CHECK(pieces[1].begin == pieces[0].end);
    CHECK(pieces[1].end == big.size());
    CHECK(pieces[0].at_ms == 500);
    CHECK(pieces[1].at_ms == 500);
    CHECK(pieces[0].landed_ms == 1000 + kLastLogUploadAfterEndMs);
}

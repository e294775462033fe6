// tests/proxy/simulate_s3_test.cpp: the simulator's S3: the agent's output objects, put when a step ends.
//
// Index
//   helpers       a simulated proxy on a manual clock; reads through the proxy's routes
//   when          no object before the step ends (403 AccessDenied), the whole output after
//   headers       Content-Length, Content-Type, ETag, Last-Modified, Accept-Ranges, x-amz-request-id
//   HEAD          the same status and headers, no body
//   Range         a-b, a-, -n -> 206 + Content-Range; past the end -> 416; what S3 ignores -> 200
//   errors        NoSuchBucket, another region, an empty output (never an object)
//   robustness    mutated paths and ranges: always one of S3's answers
#include <catch2/catch.hpp>

#include "simulate_s3.h"
#include "simulate_walk.h"

using namespace ssmview::proxy;
using ssmview_test::kWalkStartMs;

namespace {

const std::string kBucket = "ssmview-sim-output";
const std::string kExport = "c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468";
const std::string kKey = "exports/" + kExport + "/i-0c3e9a7f15b2d8064/awsrunShellScript/0.awsrunShellScript/stdout";
constexpr std::int64_t kExportEnd = 26900;

std::string_view export_out() { return find_command(kExport)->invocations[0].steps[0].out.text(); }

struct Sim {
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kWalkStartMs);
    SimulatedUpstream            upstream{SimulateOptions{0, 1.0}, clock};
    void start() { REQUIRE(ssmview_test::ask(upstream, "ListCommands", "{}").status == 200); }
    void at(std::int64_t t_ms) { clock->set(kWalkStartMs + t_ms); }
    ssmview::aws::HttpResponse get(const std::string& range = "", const std::string& key = kKey) {
        return ssmview_test::ask_s3(upstream, "GET", kBucket, key, range);
    }
};

std::string header(const ssmview::aws::HttpResponse& r, const char* name) {
    return std::string(ssmview::aws::header_value(r.headers, name));
}

// S3's error document, with the answer's own request id and host id.
std::string s3_error_body(const ssmview::aws::HttpResponse& r, const std::string& code, const std::string& message,
                          const std::string& details = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message +
           "</Message>" + details + "<RequestId>" + header(r, "x-amz-request-id") + "</RequestId><HostId>" +
           header(r, "x-amz-id-2") + "</HostId></Error>";
}

}  // namespace

// ---- when ---------------------------------------------------------------------------------

TEST_CASE("an object is AccessDenied until its step ends, then it is the step's whole output") {
    Sim sim;
    sim.start();
    sim.at(kExportEnd - 1);
    auto before = sim.get();
    CHECK(before.status == 403);
    CHECK(header(before, "Content-Type") == "application/xml");
    CHECK(before.body == s3_error_body(before, "AccessDenied", "Access Denied"));
    sim.at(kExportEnd);
    auto after = sim.get();
    CHECK(after.status == 200);
    CHECK(after.body == export_out());
}

TEST_CASE("reading S3 starts no command: before any SSM request every object is missing") {
    Sim sim;
    sim.at(600000);
    CHECK(sim.get().status == 403);
    const nlohmann::json described = sim.upstream.describe();
    for (const auto& c : described["commands"]) CHECK(c["run"] == 0);
}

// ---- headers ------------------------------------------------------------------------------

TEST_CASE("an object carries S3's headers: length, type, ETag, Last-Modified (the step's end), request id") {
    Sim sim;
    sim.start();
    sim.at(60000);
    auto r = sim.get();
    CHECK(header(r, "Content-Length") == std::to_string(export_out().size()));
    CHECK(header(r, "Content-Type") == kSimObjectContentType);
    CHECK(header(r, "Accept-Ranges") == "bytes");
    CHECK(header(r, "Last-Modified") == "Fri, 20 Nov 2026 14:00:26 GMT");
    const std::string etag = header(r, "ETag");
    CHECK(etag.size() == 34);
    CHECK(etag.front() == '"');
    CHECK(etag.back() == '"');
    const std::string id = header(r, "x-amz-request-id");
    CHECK(id.size() == 16);
    CHECK(id.find_first_not_of("0123456789ABCDEF") == std::string::npos);
    CHECK(!header(r, "x-amz-id-2").empty());
    CHECK(header(r, "Content-Range").empty());
    auto again = sim.get();
    CHECK(header(again, "ETag") == etag);                 // the same content, the same ETag
    CHECK(header(again, "x-amz-request-id") != id);       // a new request, a new id
}

// ---- HEAD ---------------------------------------------------------------------------------

TEST_CASE("HEAD answers GET's status and headers without a body") {
    Sim sim;
    sim.start();
    sim.at(kExportEnd - 1);
    auto missing = ssmview_test::ask_s3(sim.upstream, "HEAD", kBucket, kKey);
    CHECK(missing.status == 403);
    CHECK(missing.body.empty());
    sim.at(kExportEnd);
    auto head = ssmview_test::ask_s3(sim.upstream, "HEAD", kBucket, kKey);
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(header(head, "Content-Length") == std::to_string(export_out().size()));
    auto part = ssmview_test::ask_s3(sim.upstream, "HEAD", kBucket, kKey, "bytes=10-19");
    CHECK(part.status == 206);
    CHECK(part.body.empty());
    CHECK(header(part, "Content-Length") == "10");
}

// ---- Range --------------------------------------------------------------------------------

TEST_CASE("Range bytes=a-b, a- and -n answer 206 with the part and Content-Range") {
    Sim sim;
    sim.start();
    sim.at(60000);
    const std::string_view all = export_out();
    const std::string size = std::to_string(all.size());
    struct Case {
        std::string range;
        std::size_t first, last;
    };
    for (const Case& c : {Case{"bytes=0-99", 0, 99}, Case{"bytes=23990-24010", 23990, 24010},
                          Case{"bytes=" + std::to_string(all.size() - 10) + "-", all.size() - 10, all.size() - 1},
                          Case{"bytes=-5", all.size() - 5, all.size() - 1},
                          Case{"bytes=100-999999999", 100, all.size() - 1},
                          Case{"bytes=-999999999", 0, all.size() - 1}}) {
        INFO(c.range);
        auto r = sim.get(c.range);
        CHECK(r.status == 206);
        CHECK(header(r, "Content-Range") ==
              "bytes " + std::to_string(c.first) + "-" + std::to_string(c.last) + "/" + size);
        CHECK(r.body == all.substr(c.first, c.last - c.first + 1));
        CHECK(header(r, "Content-Length") == std::to_string(r.body.size()));
    }
}

TEST_CASE("a range past the end is 416 InvalidRange; one S3 ignores gets the whole object") {
    Sim sim;
    sim.start();
    sim.at(60000);
    const std::string size = std::to_string(export_out().size());
    for (const std::string& range : {"bytes=" + size + "-", "bytes=" + size + "-" + size + "0", std::string("bytes=-0")}) {
        INFO(range);
        auto r = sim.get(range);
        CHECK(r.status == 416);
        CHECK(r.body == s3_error_body(r, "InvalidRange", "The requested range is not satisfiable",
                                      "<RangeRequested>" + range + "</RangeRequested><ActualObjectSize>" + size +
                                          "</ActualObjectSize>"));
    }
    for (const char* range : {"bytes=0-1,5-6", "bytes=9-1", "lines=1-2", "bytes=x-y", "bytes=-"}) {
        INFO(range);
        auto r = sim.get(range);
        CHECK(r.status == 200);
        CHECK(r.body.size() == export_out().size());
    }
}

// ---- errors -------------------------------------------------------------------------------

TEST_CASE("a bucket no simulated command writes to is 404 NoSuchBucket; another region is refused as S3 does") {
    Sim sim;
    sim.start();
    sim.at(60000);
    auto nobucket = ssmview_test::ask_s3(sim.upstream, "GET", "ssmview-sim-nothing", kKey);
    CHECK(nobucket.status == 404);
    CHECK(nobucket.body == s3_error_body(nobucket, "NoSuchBucket", "The specified bucket does not exist",
                                         "<BucketName>ssmview-sim-nothing</BucketName>"));
    auto region = ssmview_test::ask_s3(sim.upstream, "GET", kBucket, kKey, "", "eu-west-1");
    CHECK(region.status == 400);
    CHECK(header(region, "x-amz-bucket-region") == kSimRegion);
    CHECK(region.body == s3_error_body(region, "AuthorizationHeaderMalformed",
                                       "The authorization header is malformed; the region 'eu-west-1' is wrong; "
                                       "expecting 'us-east-1'",
                                       "<Region>us-east-1</Region>"));
}

TEST_CASE("an empty output never gets an object; each step's object appears at that step's end") {
    Sim sim;
    sim.start();
    const std::string prefix =
        "install/a6e3f0b9-15d4-4c8a-9f27-8b0d2e6c4a91/i-0d5b9f1e3a7c2e864/awsrunShellScript/";
    sim.at(21500 - 1);  // installPackages ends at 21.5 s, verifyService at 29.32 s
    CHECK(sim.get("", prefix + "installPackages/stdout").status == 403);
    sim.at(21500);
    CHECK(sim.get("", prefix + "installPackages/stdout").status == 200);
    CHECK(sim.get("", prefix + "verifyService/stdout").status == 403);
    sim.at(29320);
    CHECK(sim.get("", prefix + "verifyService/stdout").status == 200);
    sim.at(600000);
    CHECK(sim.get("", prefix + "installPackages/stderr").status == 403);
    CHECK(sim.get("", prefix + "verifyService/stderr").status == 403);
}

TEST_CASE("a path or a method the proxy never sends gets S3's own refusal") {
    Sim sim;
    ProxyRequest r;
    r.service = Service::S3;
    r.action = "GetObject";
    r.region = kSimRegion;
    r.http.method = "GET";
    r.http.path = "/" + kBucket + "/a%2";
    CHECK(sim.upstream.send(r).status == 400);
    r.http.path = "/" + kBucket;
    CHECK(sim.upstream.send(r).status == 400);
    r.http.path = "/" + kBucket + "/" + kKey;
    r.http.method = "DELETE";
    auto del = sim.upstream.send(r);
    CHECK(del.status == 405);
    CHECK(del.body.find("<Code>MethodNotAllowed</Code>") != std::string::npos);
}

TEST_CASE("mutated S3 paths and Range headers always get S3's answer, never a crash") {
    Sim sim;
    sim.start();
    sim.at(60000);
    const std::string noise = "/%0123456789abcdefF-=,bytes \xff\x01";
    std::uint64_t state = 11;
    auto next = [&state] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int i = 0; i < 3000; ++i) {
        std::string path = "/" + kBucket + "/" + kKey, range = "bytes=10-20";
        for (std::string* s : {&path, &range}) {
            const int edits = static_cast<int>(next() % 3);
            for (int e = 0; e < edits && !s->empty(); ++e) {
                const std::size_t at = next() % s->size();
                switch (next() % 3) {
                    case 0: (*s)[at] = noise[next() % noise.size()]; break;
                    case 1: s->insert(at, 1, noise[next() % noise.size()]); break;
                    default: s->erase(at, 1 + next() % 4); break;
                }
            }
        }
        ProxyRequest r;
        r.service = Service::S3;
        r.region = kSimRegion;
        r.http.method = next() % 2 ? "GET" : "HEAD";
        r.http.path = path;
        r.http.headers = {{"Range", range}};
        const auto a = sim.upstream.send(r);
        INFO(path << " " << range);
        REQUIRE((a.status == 200 || a.status == 206 || a.status == 400 || a.status == 403 || a.status == 404 ||
                 a.status == 416));
        CHECK(header(a, "x-amz-request-id").size() == 16);
        if (r.http.method == "GET")
            CHECK(header(a, "Content-Length") == std::to_string(a.body.size()));
        else
            CHECK(a.body.empty());
    }
}

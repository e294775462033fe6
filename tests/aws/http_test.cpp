// tests/aws/http_test.cpp: http_send against loopback stubs: what goes on the wire, and every
// transport failure as status 0 with a sentence.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "fake_env.h"
#include "http.h"
#include "stub_server.h"

using namespace ssmview::aws;
using ssmview::test::StubServer;
using ssmview::test::TempDir;

namespace {

HttpResponse ok(std::string body) {
    HttpResponse r;
    r.status = 200;
    r.headers = {{"Content-Type", "application/x-amz-json-1.1"}, {"x-amzn-RequestId", "req-1"}};
    r.body = std::move(body);
    return r;
}

int closed_port() {
    StubServer gone([](const HttpRequest&) { return ok(""); });
    return gone.port();
}

}  // namespace

TEST_CASE("http_send: method, path, query, headers and body arrive; the answer comes back whole", "[http]") {
    StubServer stub([](const HttpRequest& r) {
        HttpResponse a = ok("{\"echo\":" + std::to_string(r.body.size()) + "}");
        a.status = 418;
        return a;
    });
    Endpoint e = stub.endpoint();
    e.base_path = "/prefix/";
    HttpRequest r;
    r.path = "/x";
    r.query = "a=1&b=%20";
    r.headers = {{"X-Amz-Target", "AmazonSSM.ListCommands"}, {"Host", "evil.example.com"}};
    r.body = std::string(100000, 'z');
    const HttpResponse a = http_send(e, r);
    CHECK(a.status == 418);
    CHECK(a.error == "");
    CHECK(a.body == "{\"echo\":100000}");
    CHECK(header_value(a.headers, "X-AMZN-REQUESTID") == "req-1");
    const auto got = stub.requests();
    REQUIRE(got.size() == 1);
    CHECK(got[0].method == "POST");
    CHECK(got[0].path == "/prefix/x");
    CHECK(got[0].query == "a=1&b=%20");
    CHECK(got[0].body.size() == 100000);
    CHECK(header_value(got[0].headers, "Host") == "127.0.0.1:" + std::to_string(stub.port()));
    CHECK(header_value(got[0].headers, "X-Amz-Target") == "AmazonSSM.ListCommands");
    CHECK(header_value(got[0].headers, "User-Agent") == "ssmview");
    CHECK(header_value(got[0].headers, "Accept-Encoding") == "identity");
}

TEST_CASE("wire_path joins the base path and the request path with one slash", "[http]") {
    Endpoint e;
    HttpRequest r;
    CHECK(wire_path(e, r) == "/");
    e.base_path = "/proxy";
    CHECK(wire_path(e, r) == "/proxy/");
    e.base_path = "/proxy/";
    r.path = "/a/b";
    CHECK(wire_path(e, r) == "/proxy/a/b");
    e.base_path = "";
    r.path = "rel";
    CHECK(wire_path(e, r) == "/rel");
}

TEST_CASE("http_send: nobody listening is status 0 and 'cannot connect'", "[http]") {
    Endpoint e;
    e.scheme = "http";
    e.host = "127.0.0.1";
    e.port = closed_port();
    const HttpResponse a = http_send(e, HttpRequest{});
    CHECK(a.status == 0);
    CHECK(a.error == "cannot connect to http://127.0.0.1:" + std::to_string(e.port) +
                         " (name not resolved, connection refused or network unreachable)");
}

TEST_CASE("http_send: a silent server is cut off at the read timeout", "[http]") {
    StubServer slow([](const HttpRequest&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        return ok("late");
    });
    HttpOptions o;
    o.read_timeout_ms = 300;
    const auto start = std::chrono::steady_clock::now();
    const HttpResponse a = http_send(slow.endpoint(), HttpRequest{}, o);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1200));
    CHECK(a.status == 0);
    CHECK(a.error == "the connection to " + slow.endpoint().url() +
                         " broke or went silent while reading the answer (read timeout 300 ms)");
}

TEST_CASE("http_send: an answer above the bound is refused, not buffered", "[http]") {
    StubServer big([](const HttpRequest&) { return ok(std::string(200000, 'x')); });
    HttpOptions o;
    o.max_response_bytes = 100000;
    HttpResponse a = http_send(big.endpoint(), HttpRequest{}, o);
    CHECK(a.status == 0);
    CHECK(a.body == "");
    CHECK(a.error == "the answer from " + big.endpoint().url() + " is larger than 100000 bytes");
    o.max_response_bytes = 200000;
    a = http_send(big.endpoint(), HttpRequest{}, o);
    CHECK(a.status == 200);
    CHECK(a.body.size() == 200000);
}

TEST_CASE("http_send: what would corrupt the wire is refused before connecting", "[http]") {
    StubServer stub([](const HttpRequest&) { return ok(""); });
    const std::string where = "cannot send to " + stub.endpoint().url() + ": ";
    struct Case {
        HttpRequest request;
        std::string error;
    };
    std::vector<Case> cases;
    HttpRequest r;
    r.headers = {{"X-Evil", "a\r\nX-Injected: 1"}};
    cases.push_back({r, where + "the value of header X-Evil holds a line break or control character"});
    r.headers = {{"Bad Name", "v"}};
    cases.push_back({r, where + "the header name 'Bad Name' is not a valid HTTP token"});
    r.headers = {};
    r.method = "GET /x HTTP/1.1\r\n";
    cases.push_back({r, where + "the method 'GET /x HTTP/1.1\r\n' is not a valid HTTP method"});
    r.method = "GET";
    r.path = "/a b";
    cases.push_back({r, where + "the path must start with '/' and hold no spaces or control characters"});
    r.path = "/";
    r.query = "a=1#frag";
    cases.push_back({r, where + "the query string holds a space, '#' or a control character"});
    for (const Case& c : cases) {
        const HttpResponse a = http_send(stub.endpoint(), c.request);
        CHECK(a.status == 0);
        CHECK(a.error == c.error);
    }
    Endpoint e = stub.endpoint();
    e.scheme = "ftp";
    CHECK(http_send(e, HttpRequest{}).error == "cannot send to ftp://127.0.0.1:" + std::to_string(stub.port()) +
                                                   ": the endpoint's scheme 'ftp' is not http or https");
    CHECK(stub.requests().empty());
}

TEST_CASE("http_send: HTTPS verifies the server's certificate", "[http][tls]") {
    TempDir dir;
    const std::string cert = dir.path() + "/cert.pem", key = dir.path() + "/key.pem";
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " + key +
                                " -out " + cert + " >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    StubServer tls([](const HttpRequest&) { return ok("secret page"); }, cert, key);
    const Endpoint e = tls.endpoint();
    CHECK(e.url() == "https://127.0.0.1:" + std::to_string(tls.port()));
    const HttpResponse a = http_send(e, HttpRequest{});
    CHECK(a.status == 0);
    CHECK(a.body == "");
    CHECK(a.error == "the TLS certificate of " + e.url() + " could not be verified");
    CHECK(tls.requests().empty());
}

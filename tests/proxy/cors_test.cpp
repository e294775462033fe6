// tests/proxy/cors_test.cpp: origins, preflights (with Private Network Access) and the grants an
// allowed page's answers carry.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cors.h"
#include "fetch_link.h"

using namespace ssmview;
using namespace ssmview::proxy;

namespace {

const CorsPolicy kPolicy{{"http://127.0.0.1:8080", "https://ssmview.example.org"}};

RequestHead preflight(std::string origin, std::string method = "POST", std::string headers = "content-type,x-amz-target") {
    RequestHead h;
    h.method = "OPTIONS";
    h.path = "/";
    h.headers = {{"Origin", std::move(origin)}, {"Access-Control-Request-Method", std::move(method)}};
    if (!headers.empty()) h.headers.push_back({"Access-Control-Request-Headers", std::move(headers)});
    return h;
}

std::string normalized(const std::string& in) {
    std::string out, error;
    REQUIRE(normalize_origin(in, out, error));
    return out;
}

std::string refused(const std::string& in) {
    std::string out, error;
    REQUIRE_FALSE(normalize_origin(in, out, error));
    return error;
}

}  // namespace

TEST_CASE("origins are normalized the way browsers serialize them") {
    CHECK(normalized("http://127.0.0.1:8080") == "http://127.0.0.1:8080");
    CHECK(normalized("HTTPS://SSMView.Example.ORG/") == "https://ssmview.example.org");
    CHECK(normalized("https://a.example:443") == "https://a.example");
    CHECK(normalized("http://a.example:80") == "http://a.example");
    CHECK(normalized("http://[::1]:8080") == "http://[::1]:8080");
    CHECK(normalized("null") == "null");
    for (const char* o : kDefaultPageOrigins) CHECK(normalized(o) == o);
}

TEST_CASE("origins that are not origins are refused with the reason") {
    CHECK(refused("*") == "--allow-origin *: a wildcard would let every web site act with this proxy's AWS "
                          "credentials; name the page's origin (scheme://host:port)");
    CHECK(refused("127.0.0.1:8080") == "--allow-origin 127.0.0.1:8080: an origin is http://host[:port] or https://host[:port]");
    CHECK(refused("http://a.example/page") ==
          "--allow-origin http://a.example/page: an origin is scheme://host[:port], without a path, query, user or spaces");
    CHECK(refused("http://user@a.example").find("without a path, query, user") != std::string::npos);
    CHECK(refused("http://a.example:0") == "--allow-origin http://a.example:0: the port must be a number from 1 to 65535");
    CHECK(refused("http://a.example:99999").find("from 1 to 65535") != std::string::npos);
    CHECK(refused("http://").find("has no host") != std::string::npos);
    CHECK(refused("ftp://a.example").find("http://host") != std::string::npos);
    CHECK(refused("http://::1:8080").find("brackets") != std::string::npos);
}

TEST_CASE("a malformed IPv6 origin is refused, so what is accepted normalizes to itself") {
    // Found by fuzz_proxy_request: this was accepted as "http://[:80[tion1[", which normalized
    // again to something else. aws::split_url now reads the host, as it does for endpoints.
    CHECK(refused("http://[:80[TION1[:80") ==
          "--allow-origin http://[:80[TION1[:80: the origin's host is malformed (write IPv6 addresses in brackets)");
    CHECK(refused("http://[::1").find("malformed") != std::string::npos);
    CHECK(refused("http://[::1]x:80").find("malformed") != std::string::npos);
    CHECK(refused("http://[zz::1]:80").find("malformed") != std::string::npos);
    CHECK(refused("http://a.example#x") ==
          "--allow-origin http://a.example#x: an origin is scheme://host[:port], without a path, query, user or spaces");
    for (const char* o : {"http://[::1]:8080", "https://[fe80::1]", "http://a_b.example:8080", "HTTP://A.Example:80/"}) {
        const std::string once = normalized(o);
        CHECK(normalized(once) == once);
    }
}

TEST_CASE("a preflight from an allowed origin is granted, with PNA only when asked") {
    RequestHead h = preflight("https://ssmview.example.org");
    ProxyAnswer a = answer_preflight(kPolicy, h);
    CHECK(a.status == 204);
    CHECK(a.body.empty());
    CHECK(aws::header_value(a.headers, "Access-Control-Allow-Origin") == "https://ssmview.example.org");
    CHECK(aws::header_value(a.headers, "Access-Control-Allow-Methods") == "GET, POST");
    CHECK(aws::header_value(a.headers, "Access-Control-Allow-Headers") ==
          "authorization, content-type, range, x-amz-target, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, accept");
    CHECK(aws::header_value(a.headers, "Access-Control-Max-Age") == "600");
    CHECK(aws::header_value(a.headers, "Access-Control-Allow-Private-Network").empty());
    h.headers.push_back({"Access-Control-Request-Private-Network", "true"});
    a = answer_preflight(kPolicy, h);
    CHECK(aws::header_value(a.headers, "Access-Control-Allow-Private-Network") == "true");
    CHECK(is_preflight(h));
}

TEST_CASE("a preflight from another origin, for another method or header is refused without grants") {
    RequestHead h = preflight("https://evil.example");
    h.headers.push_back({"Access-Control-Request-Private-Network", "true"});
    ProxyAnswer a = answer_preflight(kPolicy, h);
    CHECK(a.status == 403);
    CHECK(nlohmann::json::parse(a.body)["message"] ==
          "the origin https://evil.example is not allowed by ssmview-proxy: start it with --allow-origin "
          "https://evil.example to let that page use it");
    for (const char* grant : {"Access-Control-Allow-Origin", "Access-Control-Allow-Private-Network",
                              "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"})
        CHECK(aws::header_value(a.headers, grant).empty());
    a = answer_preflight(kPolicy, preflight("http://127.0.0.1:8080", "DELETE"));
    CHECK(a.status == 403);
    CHECK(nlohmann::json::parse(a.body)["message"] == "ssmview-proxy answers GET and POST, not DELETE");
    a = answer_preflight(kPolicy, preflight("http://127.0.0.1:8080", "POST", "content-type, X-Secret"));
    CHECK(a.status == 403);
    CHECK(nlohmann::json::parse(a.body)["message"] == "ssmview-proxy does not accept the request header X-Secret");
    CHECK(aws::header_value(a.headers, "Access-Control-Allow-Origin").empty());
    // "null" and an origin's near neighbours are other origins.
    CHECK(answer_preflight(kPolicy, preflight("null")).status == 403);
    CHECK(answer_preflight(kPolicy, preflight("http://127.0.0.1:8081")).status == 403);
    CHECK(answer_preflight(kPolicy, preflight("https://ssmview.example.org.evil.example")).status == 403);
}

TEST_CASE("is_preflight needs OPTIONS, an Origin and Access-Control-Request-Method") {
    RequestHead h = preflight("http://127.0.0.1:8080");
    CHECK(is_preflight(h));
    h.method = "POST";
    CHECK_FALSE(is_preflight(h));
    RequestHead bare;
    bare.method = "OPTIONS";
    bare.headers = {{"Origin", "http://127.0.0.1:8080"}};
    CHECK_FALSE(is_preflight(bare));
}

TEST_CASE("an allowed origin's answers carry the grant and the exposed headers; every answer varies on Origin") {
    RequestHead h;
    h.method = "POST";
    h.headers = {{"Origin", "http://127.0.0.1:8080"}};
    auto headers = cors_headers(kPolicy, h);
    CHECK(aws::header_value(headers, "Access-Control-Allow-Origin") == "http://127.0.0.1:8080");
    CHECK(aws::header_value(headers, "Access-Control-Expose-Headers") == "x-amzn-requestid, x-amzn-errortype, content-range, etag, x-amz-request-id");
    CHECK(aws::header_value(headers, "Vary") == "Origin");
    h.headers = {{"Origin", "https://evil.example"}};
    headers = cors_headers(kPolicy, h);
    CHECK(headers.size() == 1);
    CHECK(aws::header_value(headers, "Vary") == "Origin");
    h.headers.clear();
    CHECK(cors_headers(kPolicy, h).size() == 1);
}

// tests/aws/sigv4_test.cpp: the signer's own rules, beyond what the AWS suite pins.
//
// Index
//   primitives          SHA-256 and HMAC-SHA256 against published vectors; the X-Amz-Date format
//   sigv4_sign          what it adds, replaces and never signs; Host from the endpoint
//   paths               base path, normalization, encoding, S3's rules
//   queries             decoding, re-encoding, sorting, empty pairs
//   headers             trimming, folding, repeated names
//   parts vs sign       the pieces compose into the same signature
#include <catch2/catch.hpp>

#include "sigv4.h"

using namespace ssmview::aws;

namespace {

Endpoint ssm_endpoint() {
    Endpoint e;
    e.host = "ssm.us-east-1.amazonaws.com";
    return e;
}

Credentials test_credentials(std::string token = "") {
    Credentials c;
    c.access_key_id = "AKIDEXAMPLE";
    c.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    c.session_token = std::move(token);
    return c;
}

SigningScope scope(bool s3 = false) {
    SigningScope s;
    s.region = "us-east-1";
    s.service = s3 ? "s3" : "ssm";
    s.now_ms = 1440938160000LL;  // 2015-08-30T12:36:00Z
    s.s3 = s3;
    return s;
}

std::string canonical(const HttpRequest& r, const Endpoint& e, bool s3 = false) {
    return sigv4_canonical_request(r, wire_path(e, r), e.host_header(), signing_rules(scope(s3)));
}

// The line of the canonical request that holds the path (the second).
std::string path_line(const std::string& cr) {
    const std::size_t a = cr.find('\n') + 1;
    return cr.substr(a, cr.find('\n', a) - a);
}

}  // namespace

TEST_CASE("SHA-256 and HMAC-SHA256 match published vectors", "[sigv4]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // RFC 4231, test case 2.
    const std::string mac = hmac_sha256("Jefe", "what do ya want for nothing?");
    REQUIRE(mac.size() == 32);
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : mac) {
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    CHECK(hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("X-Amz-Date is the UTC second of the signing time", "[sigv4]") {
    CHECK(sigv4_amz_date(1440938160000LL) == "20150830T123600Z");
    CHECK(sigv4_amz_date(1440938160999LL) == "20150830T123600Z");
    CHECK(sigv4_amz_date(0) == "19700101T000000Z");
    CHECK(sigv4_amz_date(951782400000LL) == "20000229T000000Z");
}

TEST_CASE("sigv4_sign adds X-Amz-Date, the token and Authorization, replacing stale ones", "[sigv4]") {
    HttpRequest r;
    r.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                 {"X-Amz-Target", "AmazonSSM.GetCommandInvocation"},
                 {"x-amz-date", "19990101T000000Z"},
                 {"authorization", "stale"},
                 {"X-Amz-Security-Token", "stale-token"}};
    r.body = "{}";
    const SignedParts p = sigv4_sign(r, ssm_endpoint(), test_credentials("TOKEN"), scope());
    CHECK(r.headers.size() == 5);
    CHECK(header_value(r.headers, "X-Amz-Date") == "20150830T123600Z");
    CHECK(header_value(r.headers, "X-Amz-Security-Token") == "TOKEN");
    CHECK(header_value(r.headers, "Authorization") == p.authorization);
    CHECK(header_value(r.headers, "x-amz-content-sha256").empty());  // not for SSM
    CHECK(p.signed_headers == "content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
    CHECK(p.credential_scope == "20150830/us-east-1/ssm/aws4_request");
    CHECK(p.authorization.rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ssm/aws4_request, "
                                "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                                "Signature=",
                                0) == 0);
    CHECK(p.signature.size() == 64);
}

TEST_CASE("signing twice gives the same request: nothing accumulates", "[sigv4]") {
    HttpRequest r;
    r.body = "{}";
    const SignedParts a = sigv4_sign(r, ssm_endpoint(), test_credentials("T"), scope());
    const SignedParts b = sigv4_sign(r, ssm_endpoint(), test_credentials("T"), scope());
    CHECK(a.signature == b.signature);
    CHECK(r.headers.size() == 3);
}

TEST_CASE("the host signed is the endpoint's, with the port only when it is not the default", "[sigv4]") {
    HttpRequest r;
    r.headers = {{"Host", "evil.example.com"}};
    Endpoint e = ssm_endpoint();
    CHECK(canonical(r, e).find("\nhost:ssm.us-east-1.amazonaws.com\n") != std::string::npos);
    CHECK(canonical(r, e).find("evil") == std::string::npos);
    e.scheme = "http";
    e.host = "127.0.0.1";
    e.port = 8787;
    CHECK(canonical(r, e).find("\nhost:127.0.0.1:8787\n") != std::string::npos);
    e.port = 80;
    CHECK(canonical(r, e).find("\nhost:127.0.0.1\n") != std::string::npos);
}

TEST_CASE("user-agent, expect and x-amzn-trace-id are sent but never signed", "[sigv4]") {
    HttpRequest r;
    r.headers = {{"User-Agent", "ssmview"}, {"Expect", "100-continue"}, {"X-Amzn-Trace-Id", "Root=1"}, {"X-Custom", "1"}};
    std::string signed_headers;
    sigv4_canonical_request(r, "/", "h", SigningRules{}, &signed_headers);
    CHECK(signed_headers == "host;x-custom");
}

TEST_CASE("paths: the endpoint's base path comes first, then normalization and a second encoding", "[sigv4]") {
    HttpRequest r;
    Endpoint e = ssm_endpoint();
    e.base_path = "/proxy";
    CHECK(path_line(canonical(r, e)) == "/proxy/");
    r.path = "/a/./b/../c//d%20e";
    e.base_path = "";
    CHECK(path_line(canonical(r, e)) == "/a/c/d%2520e");
    r.path = "/a/b/..";
    CHECK(path_line(canonical(r, e)) == "/a");  // botocore's remove_dot_segments keeps no slash here
    r.path = "/~user/x+y";
    CHECK(path_line(canonical(r, e)) == "/~user/x%2By");
}

TEST_CASE("S3 rules: the path as sent, and a signed x-amz-content-sha256", "[sigv4]") {
    HttpRequest r;
    r.method = "GET";
    r.path = "/bucket/a/./b//c%20d";
    Endpoint e;
    e.host = "s3.us-east-1.amazonaws.com";
    CHECK(path_line(canonical(r, e, true)) == "/bucket/a/./b//c%20d");
    const SignedParts p = sigv4_sign(r, e, test_credentials(), scope(true));
    CHECK(header_value(r.headers, "X-Amz-Content-SHA256") == sha256_hex(""));
    CHECK(p.signed_headers == "host;x-amz-content-sha256;x-amz-date");
    CHECK(p.canonical_request.substr(p.canonical_request.size() - 64) == sha256_hex(""));
}

TEST_CASE("queries are decoded, encoded canonically and sorted by key, then value", "[sigv4]") {
    CHECK(sigv4_canonical_query("") == "");
    CHECK(sigv4_canonical_query("b=2&a=1&a=0") == "a=0&a=1&b=2");
    CHECK(sigv4_canonical_query("k=%7e%41") == "k=~A");          // unreserved characters decoded
    CHECK(sigv4_canonical_query("k=a+b") == "k=a%2Bb");          // '+' is a plus, not a space
    CHECK(sigv4_canonical_query("k=a%20b&k2=%e1%88%b4") == "k=a%20b&k2=%E1%88%B4");
    CHECK(sigv4_canonical_query("flag&x=") == "flag=&x=");
    CHECK(sigv4_canonical_query("a=1&&b=2&") == "a=1&b=2");       // empty pairs carry nothing
    CHECK(sigv4_canonical_query("k=100%") == "k=100%25");        // a lone '%' stays a percent sign
    CHECK(sigv4_canonical_query("k=%zz") == "k=%25zz");
    CHECK(sigv4_canonical_query("a=x=y") == "a=x%3Dy");
}

TEST_CASE("header values are trimmed, inner whitespace runs collapse, repeated names join with commas", "[sigv4]") {
    HttpRequest r;
    r.headers = {{"X-B", "  two   words\t here  "}, {"x-a", "first"}, {"X-A", "second"}, {"X-Empty", ""},
                 {"X-Folded", "one\r\n  two"}};
    const std::string cr = sigv4_canonical_request(r, "/", "h", SigningRules{});
    CHECK(cr.find("\nhost:h\nx-a:first,second\nx-b:two words here\nx-empty:\nx-folded:one two\n\n"
                  "host;x-a;x-b;x-empty;x-folded\n") != std::string::npos);
}

TEST_CASE("sigv4_parts composes the pieces into the signature sigv4_sign put on the request", "[sigv4]") {
    HttpRequest r;
    r.body = R"({"CommandId":"x"})";
    r.headers = {{"Content-Type", "application/x-amz-json-1.1"}};
    const SignedParts signed_parts = sigv4_sign(r, ssm_endpoint(), test_credentials(), scope());
    HttpRequest without_auth = r;
    without_auth.headers.pop_back();  // Authorization is added last
    const SignedParts recomputed =
        sigv4_parts(without_auth, ssm_endpoint(), test_credentials(), scope(), signing_rules(scope()));
    CHECK(recomputed.signature == signed_parts.signature);
    CHECK(recomputed.string_to_sign ==
          sigv4_string_to_sign("20150830T123600Z", "20150830/us-east-1/ssm/aws4_request", recomputed.canonical_request));
    CHECK(recomputed.signature == sigv4_signature(test_credentials().secret_access_key, "20150830T123600Z", "us-east-1",
                                                  "ssm", recomputed.string_to_sign));
}

TEST_CASE("the signature changes with every input it covers", "[sigv4]") {
    auto sign = [](auto change) {
        HttpRequest r;
        r.body = "{}";
        r.headers = {{"X-Amz-Target", "AmazonSSM.GetCommandInvocation"}};
        Endpoint e = ssm_endpoint();
        Credentials c = test_credentials();
        SigningScope s = scope();
        change(r, e, c, s);
        return sigv4_sign(r, e, c, s).signature;
    };
    const std::string base = sign([](auto&, auto&, auto&, auto&) {});
    CHECK(sign([](HttpRequest& r, auto&, auto&, auto&) { r.body = "{ }"; }) != base);
    CHECK(sign([](HttpRequest& r, auto&, auto&, auto&) { r.headers[0].value += "X"; }) != base);
    CHECK(sign([](HttpRequest& r, auto&, auto&, auto&) { r.query = "a=1"; }) != base);
    CHECK(sign([](HttpRequest& r, auto&, auto&, auto&) { r.method = "PUT"; }) != base);
    CHECK(sign([](auto&, Endpoint& e, auto&, auto&) { e.host = "ssm.us-east-2.amazonaws.com"; }) != base);
    CHECK(sign([](auto&, auto&, Credentials& c, auto&) { c.secret_access_key += "x"; }) != base);
    CHECK(sign([](auto&, auto&, auto&, SigningScope& s) { s.region = "us-east-2"; }) != base);
    CHECK(sign([](auto&, auto&, auto&, SigningScope& s) { s.now_ms += 1000; }) != base);
    CHECK(sign([](auto&, auto&, auto&, SigningScope& s) { s.now_ms += 999; }) == base);  // whole seconds
}

TEST_CASE("an empty header name still takes its place in the signed-header list (found by fuzz_sigv4_canonical)", "[sigv4]") {
    HttpRequest r;
    r.headers = {{"\v", "x"}, {"a", "y"}};  // vertical tab alone: whitespace, trimmed to ""
    std::string signed_headers;
    const std::string cr = sigv4_canonical_request(r, "/", "h", SigningRules{}, &signed_headers);
    CHECK(signed_headers == ";a;host");
    CHECK(cr.find("\n:x\na:y\nhost:h\n\n;a;host\n") != std::string::npos);
}

// tests/aws/sigv4_suite_test.cpp: every header-signed case of the AWS SigV4 test suite
// (tests/aws/data/sigv4, from awslabs/aws-c-auth; see its README).
//
// Index
//   read_text, parse_request    the suite's request.txt -> HttpRequest + Endpoint (path kept raw,
//                               folded header lines joined with "\n", as they arrived)
//   Case                        one folder: context.json + request + the four expected files
//   TEST_CASE                   canonical request, string to sign, signature and Authorization
//                               for each case, with the case's rules (normalize, sign_body)
//
// The suite writes paths raw ("/example space/"), so the signer's "encode the path once more"
// step turns them into the expected single encoding; that is the same step that turns a
// wire path into botocore's double encoding (sigv4_botocore.py checks that side).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "iso_time.h"
#include "sigv4.h"

using namespace ssmview;
using namespace ssmview::aws;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct ParsedRequest {
    HttpRequest request;
    Endpoint    endpoint;
};

ParsedRequest parse_request(const std::string& text) {
    ParsedRequest out;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    const std::size_t sp = line.find(' ');
    const std::size_t version = line.rfind(" HTTP/");
    REQUIRE(sp != std::string::npos);
    REQUIRE(version != std::string::npos);
    out.request.method = line.substr(0, sp);
    const std::string target = line.substr(sp + 1, version - sp - 1);
    const std::size_t q = target.find('?');
    out.request.path = target.substr(0, q);
    if (q != std::string::npos) out.request.query = target.substr(q + 1);
    bool in_body = false;
    std::string body;
    while (std::getline(in, line)) {
        if (in_body) {
            body += (body.empty() ? "" : "\n") + line;
            continue;
        }
        if (line.empty()) {
            in_body = true;
            continue;
        }
        if (line[0] == ' ' || line[0] == '\t') {
            REQUIRE_FALSE(out.request.headers.empty());
            out.request.headers.back().value += "\n" + line;
            continue;
        }
        const std::size_t colon = line.find(':');
        REQUIRE(colon != std::string::npos);
        const std::string name = line.substr(0, colon), value = line.substr(colon + 1);
        if (name == "Host") {
            out.endpoint.scheme = "https";
            out.endpoint.host = value;
            out.endpoint.port = 443;
        } else {
            out.request.headers.push_back({name, value});
        }
    }
    out.request.body = body;
    REQUIRE_FALSE(out.endpoint.host.empty());
    return out;
}

}  // namespace

TEST_CASE("every header-signed case of the AWS SigV4 test suite", "[sigv4][suite]") {
    const fs::path root = fs::path(SSMVIEW_AWS_TEST_DATA) / "sigv4";
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory()) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() == 38);

    int checked = 0, skipped = 0;
    for (const fs::path& dir : cases) {
        const std::string name = dir.filename().string();
        INFO("case " << name);
        const nlohmann::json context = nlohmann::json::parse(read_text(dir / "context.json"));
        if (context.value("omit_session_token", false)) {
            WARN("skipped " << name << ": it adds the session token after signing, which ssmview never does");
            ++skipped;
            continue;
        }
        ParsedRequest parsed = parse_request(read_text(dir / "request.txt"));

        Credentials credentials;
        credentials.access_key_id = context["credentials"]["access_key_id"].get<std::string>();
        credentials.secret_access_key = context["credentials"]["secret_access_key"].get<std::string>();
        credentials.session_token = context["credentials"].value("token", "");
        SigningScope scope;
        scope.region = context["region"].get<std::string>();
        scope.service = context["service"].get<std::string>();
        const Timestamp t = parse_timestamp(context["timestamp"].get<std::string>());
        REQUIRE(t.valid);
        scope.now_ms = t.epoch_ms;
        SigningRules rules;
        rules.normalize_path = context["normalize"].get<bool>();
        rules.double_encode_path = true;
        rules.content_sha256_header = context["sign_body"].get<bool>();

        HttpRequest request = parsed.request;
        const SignedParts parts = sigv4_sign(request, parsed.endpoint, credentials, scope, rules);
        CHECK(parts.canonical_request == read_text(dir / "header-canonical-request.txt"));
        CHECK(parts.string_to_sign == read_text(dir / "header-string-to-sign.txt"));
        CHECK(parts.signature == read_text(dir / "header-signature.txt"));

        // The signed request's Authorization line, and our request carries the same value.
        const std::string signed_request = read_text(dir / "header-signed-request.txt");
        const std::size_t at = signed_request.find("\nAuthorization:");
        REQUIRE(at != std::string::npos);
        const std::size_t end = signed_request.find('\n', at + 1);
        const std::string expected_auth = signed_request.substr(at + 15, end - at - 15);
        CHECK(parts.authorization == expected_auth);
        CHECK(header_value(request.headers, "Authorization") == expected_auth);
        ++checked;
    }
    CHECK(checked == 37);
    CHECK(skipped == 1);
}

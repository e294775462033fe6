// fuzz/fuzz_sigv4_canonical.cpp: SigV4 canonicalization of arbitrary requests (aws/sigv4.h).
//
// Index
//   split_input              bytes -> method / path / query lines, header lines, body, rules
//   check_path, check_query  the canonical forms' alphabets, normalization, idempotence
//   LLVMFuzzerTestOneInput   canonical request shape; sign vs parts; determinism
//
// Call flow: the input is read as
//   byte 0        rules: bit 0 normalize_path, bit 1 double_encode_path, bit 2 content_sha256_header
//   line 1..3     method, path, query (the proxy forwards these from a client); the path is
//                 signed as sent, through wire_path, as sigv4_sign does
//   "name:value"  header lines until an empty line (values may hold tabs and stray CRs)
//   the rest      the body
// Then, about the canonical request:
//   shape         3 + distinct signed names + 1 + 2 lines; signed names sorted, unique, lowercase,
//                 always "host"; last line = sha256_hex(body) unless x-amz-content-sha256 is given
//   path          with double encoding: only unreserved, '/', and %XX with uppercase hex; with
//                 normalization (and no second encoding): starts with '/', no "//", no "." or ".."
//                 segments, and normalizing it again changes nothing
//   query         same alphabet, pairs sorted, and canonicalizing the canonical query is identity
//   signing       sigv4_sign then sigv4_parts on the signed request (minus Authorization) give the
//                 same signature; signing twice gives the same signature
// Seeds: fuzz/corpus/fuzz_sigv4_canonical (requests from the AWS SigV4 test suite).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.h"
#include "sigv4.h"

namespace {

using namespace ssmview::aws;

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}
bool upper_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

// Only unreserved characters, `extra`, and %XX with uppercase hex digits.
bool encoded_alphabet(std::string_view s, std::string_view extra) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (unreserved(s[i]) || extra.find(s[i]) != std::string_view::npos) continue;
        if (s[i] == '%' && i + 2 < s.size() && upper_hex(s[i + 1]) && upper_hex(s[i + 2])) {
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

void check_path(const std::string& path, const SigningRules& rules) {
    if (rules.double_encode_path) FUZZ_CHECK(encoded_alphabet(path, "/"), "canonical path alphabet: " + path);
    if (rules.normalize_path && !rules.double_encode_path) {
        FUZZ_CHECK(!path.empty() && path[0] == '/', "normalized path must start with '/': " + path);
        FUZZ_CHECK(path.find("//") == std::string::npos, "normalized path holds '//': " + path);
        for (std::string_view seg : split(path, '/')) FUZZ_CHECK(seg != "." && seg != "..", "dot segment left: " + path);
        FUZZ_CHECK(sigv4_canonical_path(path, rules) == path, "normalization is not idempotent: " + path);
    }
}

void check_query(const std::string& query) {
    FUZZ_CHECK(encoded_alphabet(query, "=&"), "canonical query alphabet: " + query);
    FUZZ_CHECK(sigv4_canonical_query(query) == query, "canonical query is not a fixed point: " + query);
    std::string previous;
    bool first = true;
    if (query.empty()) return;
    for (std::string_view pair : split(query, '&')) {
        FUZZ_CHECK(pair.find('=') != std::string_view::npos, "pair without '=': " + query);
        // Sorted by key then value: with '=' below every encoded character but '%'... compare
        // the (key, value) tuples themselves.
        if (!first) {
            const std::string_view p(previous);
            const auto pk = p.substr(0, p.find('=')), pv = p.substr(p.find('=') + 1);
            const auto k = pair.substr(0, pair.find('=')), v = pair.substr(pair.find('=') + 1);
            FUZZ_CHECK(pk < k || (pk == k && pv <= v), "query pairs out of order: " + query);
        }
        previous = std::string(pair);
        first = false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    SigningRules rules;
    rules.normalize_path = data[0] & 1;
    rules.double_encode_path = data[0] & 2;
    rules.content_sha256_header = data[0] & 4;

    HttpRequest request;
    std::size_t pos = 0;
    auto next_line = [&](std::string& into) {
        if (pos > input.size()) return false;
        const std::size_t end = input.find('\n', pos);
        into = std::string(input.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
        pos = end == std::string_view::npos ? input.size() + 1 : end + 1;
        return true;
    };
    std::string line;
    if (next_line(line)) request.method = line;
    if (next_line(line)) request.path = line;
    if (next_line(line)) request.query = line;
    while (next_line(line) && !line.empty()) {
        const std::size_t colon = line.find(':');
        request.headers.push_back({line.substr(0, colon), colon == std::string::npos ? "" : line.substr(colon + 1)});
    }
    if (pos <= input.size()) request.body = std::string(input.substr(pos));
    // A ';' in a header name would make the signed-header list ambiguous; real names are tokens.
    for (const Header& h : request.headers)
        if (h.name.find(';') != std::string::npos) return 0;

    Endpoint endpoint;
    endpoint.host = "ssm.us-east-1.amazonaws.com";
    std::string signed_headers;
    const std::string canonical =
        sigv4_canonical_request(request, wire_path(endpoint, request), endpoint.host_header(), rules, &signed_headers);

    // Shape.
    std::vector<std::string_view> names = split(signed_headers, ';');
    FUZZ_CHECK(!signed_headers.empty(), "no signed headers");
    bool has_host = false;
    for (std::size_t i = 0; i < names.size(); ++i) {
        has_host = has_host || names[i] == "host";
        if (i) FUZZ_CHECK(names[i - 1] < names[i], "signed headers not sorted and unique: " + signed_headers);
        for (char c : names[i]) FUZZ_CHECK(!(c >= 'A' && c <= 'Z'), "signed header not lowercase: " + signed_headers);
    }
    FUZZ_CHECK(has_host, "host is not signed: " + signed_headers);
    const std::vector<std::string_view> lines = split(canonical, '\n');
    FUZZ_CHECK(lines.size() == 3 + names.size() + 1 + 2,
               "canonical request has " + std::to_string(lines.size()) + " lines for " + std::to_string(names.size()) + " headers");
    FUZZ_CHECK(lines[0] == request.method, "method line");
    FUZZ_CHECK(lines[3 + names.size()].empty(), "no blank line after the headers");
    FUZZ_CHECK(lines[3 + names.size() + 1] == signed_headers, "signed headers line");
    const std::string_view given_hash = header_value(request.headers, "x-amz-content-sha256");
    FUZZ_CHECK(lines.back() == (given_hash.empty() ? sha256_hex(request.body) : std::string(given_hash)), "payload hash line");
    for (std::size_t i = 0; i < names.size(); ++i)
        FUZZ_CHECK(lines[3 + i].substr(0, names[i].size() + 1) == std::string(names[i]) + ":", "header line out of place");

    check_path(std::string(lines[1]), rules);
    check_query(std::string(lines[2]));

    // Signing: the request as signed re-derives to the same signature, and signing is repeatable.
    bool signable = !request.method.empty();
    for (const Header& h : request.headers) signable = signable && h.name.find_first_of(" \t\r\n") == std::string::npos;
    if (!signable) return 0;
    Credentials credentials;
    credentials.access_key_id = "AKIDEXAMPLE";
    credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    credentials.session_token = (data[0] & 8) ? "TOKEN" : "";
    SigningScope scope;
    scope.region = "us-east-1";
    scope.service = "ssm";
    scope.now_ms = 1440938160000LL;
    HttpRequest signed_request = request;
    const SignedParts a = sigv4_sign(signed_request, endpoint, credentials, scope, rules);
    HttpRequest again = signed_request;
    again.headers.pop_back();  // Authorization, added last
    const SignedParts b = sigv4_parts(again, endpoint, credentials, scope, rules);
    FUZZ_CHECK(a.signature == b.signature, "sign and parts disagree");
    const SignedParts c = sigv4_sign(again, endpoint, credentials, scope, rules);
    FUZZ_CHECK(a.signature == c.signature, "signing twice changed the signature");
    FUZZ_CHECK(a.signature.size() == 64, "signature length");
    return 0;
}

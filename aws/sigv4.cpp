// aws/sigv4.cpp: Signature Version 4 (see sigv4.h for the call flow).
//
// Index
//   OpenSSL primitives     sha256_hex, hmac_sha256, hex
//   URI encoding           (decoding and encoding: core/percent_encoding.h, RFC 3986 unreserved
//                          kept, uppercase hex, '/' kept in the path)
//   canonical path         normalize_path (botocore's remove_dot_segments), sigv4_canonical_path
//   canonical query        sigv4_canonical_query
//   canonical headers      trim_all, signed-header selection, sigv4_canonical_request
//   string to sign, key    sigv4_string_to_sign, sigv4_signature, sigv4_amz_date
//   whole request          signing_rules, sigv4_parts, sigv4_sign
//
// Every choice below is pinned by two independent references: the AWS SigV4 test suite
// (tests/aws/data/sigv4) and botocore's signer on generated requests (tests/aws/sigv4_botocore.py).
#include "sigv4.h"
#include "ascii.h"
#include "percent_encoding.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cassert>
#include <ctime>
#include <utility>
#include <vector>

namespace ssmview::aws {
namespace {

// ---- OpenSSL primitives -------------------------------------------------------------------

std::string hex(const unsigned char* data, std::size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 15];
    }
    return out;
}

// ---- URI encoding -------------------------------------------------------------------------

// Decoding is core/percent_encoding.h's lenient rule: a '%' not followed by two hex digits stays
// literal (it is then encoded as %25, which is what a server that decoded leniently would have
// seen); '+' stays '+': SigV4 query strings are not form-encoded.

// ---- canonical path -----------------------------------------------------------------------

// botocore's remove_dot_segments: drop empty and "." segments, ".." pops one (never above the
// root); keep the leading '/' and a trailing '/' when anything is left.
std::string normalize_path(std::string_view path) {
    if (path.empty()) return "/";
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view seg = path.substr(start, end - start);
        if (!seg.empty() && seg != ".") {
            if (seg == "..") {
                if (!segments.empty()) segments.pop_back();
            } else {
                segments.push_back(seg);
            }
        }
        start = end + 1;
    }
    std::string out;
    if (path.front() == '/') out += '/';
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i) out += '/';
        out += segments[i];
    }
    if (path.back() == '/' && !segments.empty()) out += '/';
    return out;
}

// ---- canonical headers --------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Trim, and collapse each inner run of whitespace to one space (folded lines included).
std::string trim_all(std::string_view v) {
    std::string out;
    bool pending_space = false;
    for (char c : v) {
        if (is_space(c)) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out += c;
        }
    }
    return out;
}

// Headers a proxy or client may change on the way, so signing them would break (botocore's list).
bool never_signed(std::string_view lname) {
    return lname == "user-agent" || lname == "expect" || lname == "x-amzn-trace-id";
}

void remove_header(std::vector<Header>& headers, std::string_view name) {
    headers.erase(std::remove_if(headers.begin(), headers.end(),
                                 [&](const Header& h) { return ascii_iequals(h.name, name); }),
                  headers.end());
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
    return hex(digest, sizeof digest);
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int  len = 0;
    const unsigned char* ok = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                                   reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
    assert(ok && len == 32);
    (void)ok;
    return std::string(reinterpret_cast<const char*>(mac), len);
}

std::string sigv4_canonical_path(std::string_view wire_path, const SigningRules& rules) {
    std::string path = rules.normalize_path ? normalize_path(wire_path) : std::string(wire_path.empty() ? "/" : wire_path);
    if (!rules.double_encode_path) return path;
    std::string out;
    out.reserve(path.size() + 16);
    percent_encode_to(path, true, out);
    return out;
}

std::string sigv4_canonical_query(std::string_view query) {
    if (query.empty()) return "";
    std::vector<std::pair<std::string, std::string>> pairs;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view pair = query.substr(start, end - start);
        const std::size_t eq = pair.find('=');
        std::string key, value;
        percent_encode_to(percent_decode_lenient(pair.substr(0, eq)), false, key);
        if (eq != std::string_view::npos) percent_encode_to(percent_decode_lenient(pair.substr(eq + 1)), false, value);
        // "a&&b" and a trailing '&' hold empty pairs: no parameter, nothing to sign.
        if (!pair.empty()) pairs.emplace_back(std::move(key), std::move(value));
        start = end + 1;
    }
    std::sort(pairs.begin(), pairs.end());
    std::string out;
    for (const auto& [k, v] : pairs) {
        if (!out.empty()) out += '&';
        out += k;
        out += '=';
        out += v;
    }
    return out;
}

std::string sigv4_canonical_request(const HttpRequest& request, std::string_view wire_path,
                                    std::string_view host, const SigningRules& rules,
                                    std::string* signed_headers) {
    // name -> values in arrival order; std::stable_sort keeps the order of equal names.
    std::vector<std::pair<std::string, std::string>> headers;
    headers.reserve(request.headers.size() + 1);
    headers.emplace_back("host", trim_all(host));
    for (const Header& h : request.headers) {
        std::string name = ascii_lower(trim_all(h.name));
        if (name == "host" || never_signed(name)) continue;
        headers.emplace_back(std::move(name), trim_all(h.value));
    }
    std::stable_sort(headers.begin(), headers.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    std::string canonical_headers, names;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        if (i > 0 && headers[i].first == headers[i - 1].first) {
            canonical_headers.back() = ',';  // replace the previous line's '\n'
        } else {
            if (i > 0) names += ';';  // not names.empty(): an empty name (refused by http_send) still counts
            names += headers[i].first;
            canonical_headers += headers[i].first;
            canonical_headers += ':';
        }
        canonical_headers += headers[i].second;
        canonical_headers += '\n';
    }

    std::string_view payload_hash = header_value(request.headers, "x-amz-content-sha256");
    std::string computed;
    if (payload_hash.empty()) {
        computed = sha256_hex(request.body);
        payload_hash = computed;
    }

    std::string out;
    out.reserve(request.method.size() + wire_path.size() + request.query.size() + canonical_headers.size() +
                names.size() + 80);
    out += request.method;
    out += '\n';
    out += sigv4_canonical_path(wire_path, rules);
    out += '\n';
    out += sigv4_canonical_query(request.query);
    out += '\n';
    out += canonical_headers;
    out += '\n';
    out += names;
    out += '\n';
    out += payload_hash;
    if (signed_headers) *signed_headers = std::move(names);
    return out;
}

std::string sigv4_string_to_sign(std::string_view amz_date, std::string_view credential_scope,
                                 std::string_view canonical_request) {
    std::string out = "AWS4-HMAC-SHA256\n";
    out += amz_date;
    out += '\n';
    out += credential_scope;
    out += '\n';
    out += sha256_hex(canonical_request);
    return out;
}

std::string sigv4_signature(std::string_view secret_access_key, std::string_view amz_date,
                            std::string_view region, std::string_view service,
                            std::string_view string_to_sign) {
    assert(amz_date.size() >= 8);
    std::string key = "AWS4";
    key += secret_access_key;
    std::string k = hmac_sha256(key, amz_date.substr(0, 8));
    k = hmac_sha256(k, region);
    k = hmac_sha256(k, service);
    k = hmac_sha256(k, "aws4_request");
    const std::string mac = hmac_sha256(k, string_to_sign);
    return hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
}

std::string sigv4_amz_date(std::int64_t epoch_ms) {
    std::int64_t secs = epoch_ms / 1000;
    if (epoch_ms < 0 && epoch_ms % 1000 != 0) --secs;  // floor, not truncation
    const std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    assert(n == 16);
    return std::string(buf, n);
}

SigningRules signing_rules(const SigningScope& scope) {
    SigningRules r;
    if (scope.s3) {
        r.normalize_path = false;
        r.double_encode_path = false;
        r.content_sha256_header = true;
    }
    return r;
}

SignedParts sigv4_parts(const HttpRequest& request, const Endpoint& endpoint, const Credentials& credentials,
                        const SigningScope& scope, const SigningRules& rules) {
    SignedParts p;
    p.amz_date = std::string(header_value(request.headers, "x-amz-date"));
    assert(p.amz_date.size() >= 8 && "sigv4_parts needs X-Amz-Date in the request");
    p.credential_scope = p.amz_date.substr(0, 8) + "/" + scope.region + "/" + scope.service + "/aws4_request";
    p.canonical_request =
        sigv4_canonical_request(request, wire_path(endpoint, request), endpoint.host_header(), rules, &p.signed_headers);
    p.string_to_sign = sigv4_string_to_sign(p.amz_date, p.credential_scope, p.canonical_request);
    p.signature = sigv4_signature(credentials.secret_access_key, p.amz_date, scope.region, scope.service,
                                  p.string_to_sign);
    p.authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.access_key_id + "/" + p.credential_scope +
                      ", SignedHeaders=" + p.signed_headers + ", Signature=" + p.signature;
    return p;
}

SignedParts sigv4_sign(HttpRequest& request, const Endpoint& endpoint, const Credentials& credentials,
                       const SigningScope& scope) {
    return sigv4_sign(request, endpoint, credentials, scope, signing_rules(scope));
}

SignedParts sigv4_sign(HttpRequest& request, const Endpoint& endpoint, const Credentials& credentials,
                       const SigningScope& scope, const SigningRules& rules) {
    assert(credentials.complete());
    assert(!scope.region.empty() && !scope.service.empty());
    for (const char* name : {"authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"})
        remove_header(request.headers, name);
    request.headers.push_back({"X-Amz-Date", sigv4_amz_date(scope.now_ms)});
    if (!credentials.session_token.empty())
        request.headers.push_back({"X-Amz-Security-Token", credentials.session_token});
    if (rules.content_sha256_header) request.headers.push_back({"X-Amz-Content-SHA256", sha256_hex(request.body)});
    SignedParts p = sigv4_parts(request, endpoint, credentials, scope, rules);
    request.headers.push_back({"Authorization", p.authorization});
    return p;
}

}  // namespace ssmview::aws

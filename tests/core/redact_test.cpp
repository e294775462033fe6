// tests/core/redact_test.cpp: masking before a report leaves in a link.
#include <catch2/catch.hpp>

#include "redact.h"
#include "share_link.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

TEST_CASE("AWS access key ids are masked, lookalikes inside longer words are not", "[redact]") {
    RedactOptions o;
    std::string t = "key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A, not XAKIAIOSFODNN7EXAMPLE";
    CHECK(redact_text(t, o) == 2);
    CHECK(t == "key [redacted] and [redacted], not XAKIAIOSFODNN7EXAMPLE");
}

TEST_CASE("secret-looking tokens are masked: 40-char keys, key=value, JWTs, bearer tokens", "[redact]") {
    RedactOptions o;
    std::string t = "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
                    "password=hunter22 ok\n"
                    "Authorization: Bearer abcdefghijklmnop1234\n"
                    "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_sig_sig\n"
                    "token: ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\n";
    redact_text(t, o);
    for (const char* secret : {"wJalrXUtnFEMI", "hunter22", "abcdefghijklmnop1234", "eyJhbGci", "ghp_ABCDEF"}) {
        INFO(secret);
        CHECK(t.find(secret) == std::string::npos);
    }
    CHECK(t.find(" ok\n") != std::string::npos);
}

TEST_CASE("strings the user names are masked everywhere, unknown members included", "[redact]") {
    const Report r = analyze(invocation_with(
        "\"Comment\": \"deploy acme-prod\", \"StandardOutputContent\": \"host acme-prod-1 up\", \"Extra\": {\"n\": [\"acme-prod\"]}"));
    RedactOptions o;
    o.strings = {"acme-prod", ""};
    const RedactResult out = redact(r.invocation, o);
    CHECK(out.replacements == 3);
    CHECK(canonical_json(out.invocation).find("acme-prod") == std::string::npos);
    CHECK(out.invocation.standard_output_content.value == "host [redacted]-1 up");
}

TEST_CASE("with everything off, nothing changes", "[redact]") {
    RedactOptions o;
    o.access_key_ids = o.secret_tokens = false;
    std::string t = "AKIAIOSFODNN7EXAMPLE password=x1234";
    CHECK(redact_text(t, o) == 0);
    CHECK(t == "AKIAIOSFODNN7EXAMPLE password=x1234");
}

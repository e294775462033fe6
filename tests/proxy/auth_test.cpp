// tests/proxy/auth_test.cpp: the bearer token: what is usable, what is accepted, what refusals say.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "auth.h"

using namespace ssmview;
using namespace ssmview::proxy;

namespace {
const char* kToken = "0123456789abcdef-token";
}

TEST_CASE("a token must be at least 16 visible ASCII characters") {
    CHECK(token_problem(kToken).empty());
    CHECK(token_problem(std::string(16, 'x')).empty());
    CHECK(token_problem(std::string(15, 'x')) ==
          "is shorter than 16 characters (use a random one, e.g. `openssl rand -hex 32`)");
    CHECK(token_problem("0123456789 abcdef") == "contains a space, a control character or a non-ASCII byte");
    CHECK(token_problem("0123456789abcdef\t") == "contains a space, a control character or a non-ASCII byte");
    CHECK(token_problem("0123456789abcdef\xc3\xa9") == "contains a space, a control character or a non-ASCII byte");
}

TEST_CASE("the server keeps a digest of the token, never the token") {
    const BearerToken t = make_bearer_token(kToken);
    CHECK(t.required);
    CHECK(t.digest.size() == 64);
    CHECK(t.digest.find(kToken) == std::string::npos);
    CHECK_FALSE(make_bearer_token("").required);
}

TEST_CASE("check_bearer accepts exactly the token, with the Bearer scheme in any case") {
    const BearerToken t = make_bearer_token(kToken);
    CHECK(check_bearer(t, std::string("Bearer ") + kToken) == AuthResult::Accepted);
    CHECK(check_bearer(t, std::string("bearer ") + kToken) == AuthResult::Accepted);
    CHECK(check_bearer(t, std::string("BEARER   ") + kToken + "  ") == AuthResult::Accepted);
    CHECK(check_bearer(t, "") == AuthResult::Missing);
    CHECK(check_bearer(t, std::string("Bearer ") + kToken + "x") == AuthResult::Wrong);
    CHECK(check_bearer(t, std::string("Bearer ") + std::string(kToken).substr(1)) == AuthResult::Wrong);
    CHECK(check_bearer(t, "Bearer x") == AuthResult::Wrong);
    CHECK(check_bearer(t, std::string("Basic ") + kToken) == AuthResult::Malformed);
    CHECK(check_bearer(t, std::string("Bearer") + kToken) == AuthResult::Malformed);
    CHECK(check_bearer(t, "Bearer") == AuthResult::Malformed);
    CHECK(check_bearer(t, "Bearer    ") == AuthResult::Malformed);
    CHECK(check_bearer(t, kToken) == AuthResult::Malformed);
}

TEST_CASE("without a configured token nothing is checked") {
    const BearerToken none = make_bearer_token("");
    CHECK(check_bearer(none, "") == AuthResult::NotRequired);
    CHECK(check_bearer(none, "Bearer anything") == AuthResult::NotRequired);
}

TEST_CASE("a refusal says which of missing, malformed or wrong, and never echoes the token") {
    const auto message = [](AuthResult r) { return nlohmann::json::parse(auth_refusal(r).body)["message"].get<std::string>(); };
    CHECK(message(AuthResult::Missing) ==
          "ssmview-proxy requires a bearer token: send Authorization: Bearer <token>, with the token it was started "
          "with (--token or --token-file)");
    CHECK(message(AuthResult::Malformed) ==
          "ssmview-proxy expects Authorization: Bearer <token>; the Authorization header has another form");
    CHECK(message(AuthResult::Wrong) == "the bearer token does not match the one ssmview-proxy was started with");
    const ProxyAnswer a = auth_refusal(AuthResult::Wrong);
    CHECK(a.status == 401);
    CHECK(aws::header_value(a.headers, "WWW-Authenticate") == "Bearer realm=\"ssmview-proxy\"");
    CHECK(aws::header_value(a.headers, "x-amzn-ErrorType") == "UnauthorizedException");
}

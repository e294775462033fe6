// proxy/auth.cpp: see auth.h.
//
// Index
//   token_problem, make_bearer_token
//   check_bearer     scheme "Bearer" (any case), one or more spaces, the token; digest compare
//   auth_refusal
#include "auth.h"
#include "ascii.h"

#include <cassert>
#include <cctype>

#include "sigv4.h"  // sha256_hex: the one SHA-256 of the project

namespace ssmview::proxy {

std::string token_problem(std::string_view token) {
    if (token.size() < kMinTokenChars)
        return "is shorter than " + std::to_string(kMinTokenChars) + " characters (use a random one, e.g. `openssl rand -hex 32`)";
    for (char c : token) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) return "contains a space, a control character or a non-ASCII byte";
    }
    return {};
}

BearerToken make_bearer_token(std::string_view token) {
    BearerToken t;
    if (token.empty()) return t;
    t.required = true;
    t.digest = aws::sha256_hex(token);
    return t;
}

AuthResult check_bearer(const BearerToken& token, std::string_view authorization) {
    if (!token.required) return AuthResult::NotRequired;
    if (authorization.empty()) return AuthResult::Missing;
    constexpr std::string_view kScheme = "bearer";
    if (authorization.size() <= kScheme.size()) return AuthResult::Malformed;
    if (!ascii_iequals(authorization.substr(0, kScheme.size()), kScheme)) return AuthResult::Malformed;
    std::string_view presented = authorization.substr(kScheme.size());
    if (presented.front() != ' ') return AuthResult::Malformed;
    while (!presented.empty() && presented.front() == ' ') presented.remove_prefix(1);
    while (!presented.empty() && presented.back() == ' ') presented.remove_suffix(1);
    if (presented.empty()) return AuthResult::Malformed;
    const std::string digest = aws::sha256_hex(presented);
    assert(digest.size() == token.digest.size());
    unsigned char diff = 0;
    for (std::size_t i = 0; i < digest.size(); ++i)
        diff = static_cast<unsigned char>(diff | (digest[i] ^ token.digest[i]));
    return diff == 0 ? AuthResult::Accepted : AuthResult::Wrong;
}

ProxyAnswer auth_refusal(AuthResult result) {
    const char* why = "";
    switch (result) {
        case AuthResult::Missing:
            why = "ssmview-proxy requires a bearer token: send Authorization: Bearer <token>, with the token it was "
                  "started with (--token or --token-file)";
            break;
        case AuthResult::Malformed:
            why = "ssmview-proxy expects Authorization: Bearer <token>; the Authorization header has another form";
            break;
        case AuthResult::Wrong:
            why = "the bearer token does not match the one ssmview-proxy was started with";
            break;
        case AuthResult::NotRequired:
        case AuthResult::Accepted: assert(false && "auth_refusal on an accepted request"); break;
    }
    ProxyAnswer a = aws_json_error(errors::kUnauthorized, why);
    a.headers.push_back({"WWW-Authenticate", "Bearer realm=\"ssmview-proxy\""});
    return a;
}

}  // namespace ssmview::proxy

// proxy/auth.h: the bearer token that guards a proxy others can reach.
//
// Index
//   kMinTokenChars   shorter tokens are refused at start (guessable)
//   token_problem    why a token cannot be used ("" when it can)
//   BearerToken      what the server keeps: whether one is required, and its SHA-256 (never the token)
//   AuthResult       not required / accepted / missing / malformed / wrong
//   check_bearer     Authorization header -> AuthResult, in constant time
//   auth_refusal     401 UnauthorizedException with WWW-Authenticate, naming what was wrong
//
// Call flow: main.cpp reads --token or --token-file (proxy_config.cpp), checks it with
// token_problem, and hands it to the front once, which keeps only its digest. front.cpp calls
// check_bearer for every request except CORS preflights (browsers send no credentials on them).
// A token is required whenever one is configured; proxy_config.cpp refuses to listen off loopback
// without one. Comparing digests of equal length with an XOR accumulator leaks neither the
// token's content nor its length through timing. The token is never logged or echoed: refusals
// say which of missing / malformed / wrong, nothing more.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "exchange.h"

namespace ssmview::proxy {

constexpr std::size_t kMinTokenChars = 16;

// "" when usable; else why not ("is shorter than 16 characters", "contains a space or a control
// character"). Never quotes the token.
std::string token_problem(std::string_view token);

struct BearerToken {
    bool        required = false;
    std::string digest;  // hex SHA-256 of the token
};
BearerToken make_bearer_token(std::string_view token);  // "" -> not required

enum class AuthResult { NotRequired, Accepted, Missing, Malformed, Wrong };

// `authorization` is the request's Authorization header ("" when absent).
AuthResult check_bearer(const BearerToken& token, std::string_view authorization);

// Precondition: result is Missing, Malformed or Wrong.
ProxyAnswer auth_refusal(AuthResult result);

}  // namespace ssmview::proxy

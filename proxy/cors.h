// proxy/cors.h: which web pages may use the proxy, and the CORS headers that say so.
//
// Index
//   (the default origins are core/fetch_link.h's kDefaultPageOrigins: the page the README's run
//   command serves, which the page itself also needs to know)
//   normalize_origin     an --allow-origin value -> the form browsers send ("scheme://host[:port]")
//   CorsPolicy           the configured origins
//   origin_allowed       exact match against the configured origins
//   origin_refusal       403 AccessDeniedException naming the origin and the flag that allows it
//   is_preflight         OPTIONS + Origin + Access-Control-Request-Method
//   answer_preflight     the whole answer to a preflight: 204 with the grants, or 403 without them
//   cors_headers         what an ordinary answer to an allowed origin carries (ACAO, exposed headers)
//
// Call flow: front.cpp answers every preflight here, before the token check (browsers never send
// credentials on a preflight) and without forwarding or signing anything. For other requests it
// refuses an Origin that is present and not configured (a non-browser client can forge an Origin,
// but a browser cannot, and a browser is who CORS protects against), then adds cors_headers to
// whatever it answers, refusals included, so an allowed page can read the error.
//
// Private Network Access: Chromium before 142 preflights a public page's request to a loopback
// address with `Access-Control-Request-Private-Network: true`; the grant is
// `Access-Control-Allow-Private-Network: true`, given to configured origins only. Chromium 142+
// asks the user instead (Local Network Access prompt); nothing here changes for it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "exchange.h"
#include "fetch_link.h"

namespace ssmview::proxy {

// Accepts "http(s)://host[:port]" with an optional trailing '/', lowercases scheme and host, and
// drops a default port (":80" for http, ":443" for https), as browsers serialize origins. "null"
// (pages from file:// or sandboxed frames) is accepted as written: main.cpp warns about it. "*",
// paths, queries, user info and other schemes are refused with `error`.
bool normalize_origin(std::string_view text, std::string& out, std::string& error);

struct CorsPolicy {
    std::vector<std::string> origins;  // normalized
};

bool origin_allowed(const CorsPolicy& policy, std::string_view origin);
ProxyAnswer origin_refusal(std::string_view origin);
bool is_preflight(const RequestHead& head);
ProxyAnswer answer_preflight(const CorsPolicy& policy, const RequestHead& head);
std::vector<aws::Header> cors_headers(const CorsPolicy& policy, const RequestHead& head);

}  // namespace ssmview::proxy

// core/fetch_link.h: the live link, which names an invocation to fetch and follow.
//
// Index
//   kFetchLinkPrefix, kDefaultProxyUrl, kDefaultPageOrigins
//   FetchTarget           command id, instance id, optional plugin name, optional proxy URL
//   check_command_id      "" when a command id alone is well-formed (following a whole command)
//   check_fetch_target    "" when the ids are well-formed, else a sentence naming the bad one
//   check_proxy_url       "" for http(s)://host[:port][/path] without credentials or fragment
//   make_fetch_link       base URL + "#fetch?command=...&instance=...[&plugin=...][&proxy=...]"
//   parse_fetch_link      a pasted link or fragment -> FetchTarget, or why not
//   is_fetch_link         does this link (or fragment) name a fetch rather than carry a report?
//
// A report link (core/share_link.h, "#v1.") carries a snapshot; a live link carries only ids, so
// whoever opens it fetches the current state through their own proxy. Both live after '#', so no
// server sees either. Values are percent-encoded (RFC 3986 unreserved characters stay as they
// are). Parsing is strict about what it needs and lenient about the rest: unknown parameters are
// ignored (newer links keep opening), a repeated one is refused (which would win is a guess).
#pragma once
#include <string>
#include <string_view>

namespace ssmview {

constexpr const char* kFetchLinkPrefix = "fetch?";
// Where ssmview-proxy listens by default; the page and the CLI start from it.
constexpr const char* kDefaultProxyUrl = "http://127.0.0.1:8787";
// The origins of the page the README's run command serves: the proxy lets them in by default
// (--allow-origin adds others), and the page, served there, asks that proxy for its commands
// at once.
constexpr const char* kDefaultPageOrigins[] = {"http://127.0.0.1:8080", "http://localhost:8080"};

struct FetchTarget {
    std::string command_id;
    std::string instance_id;
    std::string plugin_name;  // "" = not given (single-step documents)
    std::string proxy_url;    // "" = the viewer's current proxy
};

std::string check_command_id(std::string_view command_id);
std::string check_fetch_target(const FetchTarget& t);
std::string check_proxy_url(std::string_view url);

std::string make_fetch_link(std::string_view base_url, const FetchTarget& t);

struct FetchLinkParse {
    bool        ok = false;
    FetchTarget target;
    std::string error;  // a sentence for people when !ok
};
FetchLinkParse parse_fetch_link(std::string_view link);

bool is_fetch_link(std::string_view link);

}  // namespace ssmview

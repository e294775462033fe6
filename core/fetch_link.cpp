// core/fetch_link.cpp: see fetch_link.h.
//
// Index
//   (percent decoding: core/percent_encoding.h, strictly, with '+' as a space)
//   Fragment             a link (trimmed), "#fetch?..." or "fetch?..." -> the query after the prefix
//   check_*              ids through core/ids.h, proxy URLs by hand
//   make_fetch_link, parse_fetch_link, is_fetch_link
#include "fetch_link.h"

#include "ascii.h"
#include "data_limits.h"
#include "ids.h"
#include "percent_encoding.h"

namespace ssmview {

namespace {

// ---- Fragment ---------------------------------------------------------------------------------

// The part after "fetch?", or npos-like failure (returns false).
bool fetch_query(std::string_view link, std::string_view& query) {
    link = ascii_trim(link);
    const std::size_t hash = link.find('#');
    if (hash != std::string_view::npos) link = link.substr(hash + 1);
    const std::string_view prefix = kFetchLinkPrefix;
    if (link.substr(0, prefix.size()) != prefix) return false;
    query = link.substr(prefix.size());
    return true;
}

}  // namespace

// ---- check_* ----------------------------------------------------------------------------------

std::string check_command_id(std::string_view command_id) {
    if (command_id.empty()) return "The command id is missing.";
    if (!command_id_ok(command_id))
        return "The command id \"" + std::string(command_id) + "\" is not a command id (36 characters, as send-command prints it).";
    return {};
}

std::string check_fetch_target(const FetchTarget& t) {
    const std::string bad_command = check_command_id(t.command_id);
    if (!bad_command.empty()) return bad_command;
    if (t.instance_id.empty()) return "The instance id is missing.";
    if (!instance_id_ok(t.instance_id))
        return "The instance id \"" + t.instance_id + "\" is neither an EC2 instance id (i-...) nor a managed node id (mi-...).";
    if (!t.plugin_name.empty() && !plugin_name_ok(t.plugin_name))
        return "The plugin name is not one SSM accepts (4 characters or more, no control characters).";
    if (!t.proxy_url.empty()) return check_proxy_url(t.proxy_url);
    return {};
}

std::string check_proxy_url(std::string_view url) {
    std::string_view rest;
    if (url.substr(0, 7) == "http://") rest = url.substr(7);
    else if (url.substr(0, 8) == "https://") rest = url.substr(8);
    else return "The proxy URL must start with http:// or https://.";
    const std::size_t end = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, end);
    if (authority.empty()) return "The proxy URL has no host.";
    if (authority.find('@') != std::string_view::npos) return "The proxy URL must not carry a user name or password.";
    if (end != std::string_view::npos && (rest.find('?') != std::string_view::npos || rest.find('#') != std::string_view::npos))
        return "The proxy URL must not carry a query or a fragment.";
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return "The proxy URL has spaces or control characters.";
    // host[:port]; an IPv6 literal is in brackets.
    std::string_view host = authority, port;
    if (authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return "The proxy URL's IPv6 address is missing its closing ']'.";
        host = authority.substr(0, close + 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') return "The proxy URL's host is malformed.";
            port = authority.substr(close + 2);
        }
    } else {
        const std::size_t colon = authority.find(':');
        if (colon != std::string_view::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
        }
    }
    if (host.empty()) return "The proxy URL has no host.";
    if (authority.find(':') != std::string_view::npos && authority.front() != '[' && port.empty()) return "The proxy URL's port is empty.";
    if (!port.empty()) {
        if (port.size() > 5) return "The proxy URL's port is not a number from 1 to 65535.";
        int p = 0;
        for (char c : port) {
            if (c < '0' || c > '9') return "The proxy URL's port is not a number from 1 to 65535.";
            p = p * 10 + (c - '0');
        }
        if (p < 1 || p > 65535) return "The proxy URL's port is not a number from 1 to 65535.";
    }
    return {};
}

// ---- make / parse -----------------------------------------------------------------------------

std::string make_fetch_link(std::string_view base_url, const FetchTarget& t) {
    std::string base(base_url.substr(0, base_url.find('#')));
    std::string link = base + "#" + kFetchLinkPrefix + "command=" + percent_encode(t.command_id) +
                       "&instance=" + percent_encode(t.instance_id);
    if (!t.plugin_name.empty()) link += "&plugin=" + percent_encode(t.plugin_name);
    if (!t.proxy_url.empty()) link += "&proxy=" + percent_encode(t.proxy_url);
    return link;
}

FetchLinkParse parse_fetch_link(std::string_view link) {
    FetchLinkParse r;
    std::string_view query;
    if (link.size() > kMaxFetchLinkChars) {
        r.error = "The live link is " + std::to_string(link.size()) + " characters long; a live link carries only ids and is far shorter.";
        return r;
    }
    if (!fetch_query(link, query)) {
        r.error = "This is not a live link: it has no #fetch? part.";
        return r;
    }
    bool seen[4] = {false, false, false, false};
    std::string* slots[4] = {&r.target.command_id, &r.target.instance_id, &r.target.plugin_name, &r.target.proxy_url};
    const char* names[4] = {"command", "instance", "plugin", "proxy"};
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::string_view raw = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        for (int i = 0; i < 4; ++i) {
            if (key != names[i]) continue;
            if (seen[i]) {
                r.error = std::string("The live link gives \"") + names[i] + "\" twice.";
                return r;
            }
            seen[i] = true;
            if (!percent_decode_strict(raw, *slots[i], /*plus_is_space=*/true, /*refuse_nul=*/false)) {
                r.error = std::string("The live link's \"") + names[i] + "\" has a malformed %-escape.";
                return r;
            }
        }
    }
    r.error = check_fetch_target(r.target);
    r.ok = r.error.empty();
    return r;
}

bool is_fetch_link(std::string_view link) {
    std::string_view query;
    return fetch_query(link, query);
}

}  // namespace ssmview

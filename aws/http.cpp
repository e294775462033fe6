// aws/http.cpp: the HTTP vocabulary's helpers and one blocking client call over cpp-httplib.
//
// Index
//   Endpoint::url, Endpoint::host_header, header_value, wire_path
//   check_request      refuse what would corrupt the wire (line breaks in headers, bad tokens)
//   transport_error    httplib::Error -> a sentence naming the endpoint and the limit involved
//   http_send          ClientImpl (http) or SSLClient (https, certificates verified against the
//                      system store), timeouts, a streaming receiver that stops at the size bound
//
// Why a fresh client per call: httplib clients are not safe to share between threads, and the
// proxy sends from several. A connection to loopback costs tens of microseconds; see
// proxy/README for the figures measured with wrk.
#include "http.h"
#include "ascii.h"

#include <httplib.h>

#include <cassert>
#include <memory>

namespace ssmview::aws {
namespace {

int default_port(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

// RFC 9110 token characters (header names and methods).
bool is_token(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        const bool ok = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
        if (!ok) return false;
    }
    return true;
}

bool has_control(std::string_view s, bool allow_tab) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(allow_tab && c == '\t')) || u == 0x7f) return true;
    }
    return false;
}

// "" when the request can be written as it is; otherwise why not.
std::string check_request(const Endpoint& endpoint, const HttpRequest& request, const std::string& path) {
    if (endpoint.scheme != "http" && endpoint.scheme != "https")
        return "the endpoint's scheme '" + endpoint.scheme + "' is not http or https";
    if (endpoint.host.empty()) return "the endpoint has no host";
    if (endpoint.port < 1 || endpoint.port > 65535) return "the endpoint's port " + std::to_string(endpoint.port) + " is out of range";
    if (!is_token(request.method)) return "the method '" + request.method + "' is not a valid HTTP method";
    if (path.empty() || path[0] != '/' || has_control(path, false) || path.find(' ') != std::string::npos)
        return "the path must start with '/' and hold no spaces or control characters";
    if (has_control(request.query, false) || request.query.find(' ') != std::string::npos ||
        request.query.find('#') != std::string::npos)
        return "the query string holds a space, '#' or a control character";
    for (const Header& h : request.headers) {
        if (!is_token(h.name)) return "the header name '" + h.name + "' is not a valid HTTP token";
        // The value itself is never quoted: it may be a token or a signature.
        if (has_control(h.value, true)) return "the value of header " + h.name + " holds a line break or control character";
    }
    return "";
}

std::string transport_error(httplib::Error e, const Endpoint& ep, const HttpOptions& o, bool too_large) {
    const std::string where = ep.url();
    switch (e) {
    case httplib::Error::Connection:
        return "cannot connect to " + where + " (name not resolved, connection refused or network unreachable)";
    case httplib::Error::ConnectionTimeout:
        return "timed out connecting to " + where + " after " + std::to_string(o.connect_timeout_ms) + " ms";
    case httplib::Error::Read:
        return "the connection to " + where + " broke or went silent while reading the answer (read timeout " +
               std::to_string(o.read_timeout_ms) + " ms)";
    case httplib::Error::Write:
        return "the connection to " + where + " broke or went silent while sending the request";
    case httplib::Error::Canceled:
        if (too_large)
            return "the answer from " + where + " is larger than " + std::to_string(o.max_response_bytes) + " bytes";
        return "the request to " + where + " was canceled";
    case httplib::Error::SSLConnection:
        return "the TLS handshake with " + where + " failed";
    case httplib::Error::SSLLoadingCerts:
        return "could not load the system's CA certificates to check " + where;
    case httplib::Error::SSLServerVerification:
        return "the TLS certificate of " + where + " could not be verified";
    case httplib::Error::Compression:
        return "the answer from " + where + " could not be decompressed";
    default:
        return "the request to " + where + " failed (" + httplib::to_string(e) + ")";
    }
}

void set_timeouts(httplib::ClientImpl& c, const HttpOptions& o) {
    auto split = [](int ms, auto setter) { setter(static_cast<time_t>(ms / 1000), static_cast<time_t>((ms % 1000) * 1000)); };
    split(o.connect_timeout_ms, [&](time_t s, time_t us) { c.set_connection_timeout(s, us); });
    split(o.read_timeout_ms, [&](time_t s, time_t us) { c.set_read_timeout(s, us); });
    split(o.read_timeout_ms, [&](time_t s, time_t us) { c.set_write_timeout(s, us); });
}

}  // namespace

std::string Endpoint::url() const {
    std::string out = scheme + "://" + host;
    if (port != default_port(scheme)) out += ":" + std::to_string(port);
    out += base_path;
    return out;
}

std::string Endpoint::host_header() const {
    if (port == default_port(scheme)) return host;
    return host + ":" + std::to_string(port);
}

std::string_view header_value(const std::vector<Header>& headers, std::string_view name) {
    for (const Header& h : headers)
        if (ascii_iequals(h.name, name)) return h.value;
    return {};
}

std::string wire_path(const Endpoint& endpoint, const HttpRequest& request) {
    std::string base = endpoint.base_path;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (request.path.empty() || request.path[0] != '/') return base + "/" + request.path;
    return base + request.path;
}

HttpResponse http_send(const Endpoint& endpoint, const HttpRequest& request, const HttpOptions& options) {
    HttpResponse out;
    const std::string path = wire_path(endpoint, request);
    if (std::string why = check_request(endpoint, request, path); !why.empty()) {
        out.error = "cannot send to " + endpoint.url() + ": " + why;
        return out;
    }
    // httplib wants an IPv6 literal without its brackets.
    std::string host = endpoint.host;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);

    std::unique_ptr<httplib::ClientImpl> client;
    if (endpoint.scheme == "https") {
        auto ssl = std::make_unique<httplib::SSLClient>(host, endpoint.port);
        ssl->enable_server_certificate_verification(true);
        client = std::move(ssl);
    } else {
        client = std::make_unique<httplib::ClientImpl>(host, endpoint.port);
    }
    set_timeouts(*client, options);
    client->set_keep_alive(false);
    client->set_follow_location(false);  // an AWS answer is never a redirect worth following blind
    client->set_decompress(false);       // bodies pass through byte for byte (the proxy relays them)

    httplib::Request req;
    req.method = request.method;
    req.path = request.query.empty() ? path : path + "?" + request.query;
    for (const Header& h : request.headers)
        if (!ascii_iequals(h.name, "host")) req.headers.emplace(h.name, h.value);
    req.headers.emplace("Host", endpoint.host_header());
    if (!req.has_header("User-Agent")) req.headers.emplace("User-Agent", "ssmview");
    if (!req.has_header("Accept-Encoding")) req.headers.emplace("Accept-Encoding", "identity");
    req.body = request.body;

    bool too_large = false;
    std::string body;
    req.content_receiver = [&](const char* data, std::size_t n, std::uint64_t offset, std::uint64_t total) {
        if (body.size() + n > options.max_response_bytes) {
            too_large = true;
            return false;
        }
        // Content-Length known: one allocation, not a doubling series of copies (a 10 MB S3
        // object cost the proxy ~5x its transfer time in reallocation and page faults).
        if (offset == 0 && total > n && total <= options.max_response_bytes) body.reserve(static_cast<std::size_t>(total));
        body.append(data, n);
        return true;
    };

    httplib::Response res;
    httplib::Error err = httplib::Error::Success;
    const bool ok = client->send(req, res, err);
    if (!ok || too_large) {
        out.error = transport_error(too_large ? httplib::Error::Canceled : err, endpoint, options, too_large);
        return out;
    }
    out.status = res.status;
    for (const auto& [name, value] : res.headers) out.headers.push_back({name, value});
    out.body = std::move(body);
    assert(out.status != 0);
    return out;
}

}  // namespace ssmview::aws

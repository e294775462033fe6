// proxy/proxy_config.cpp: see proxy_config.h.
//
// Index
//   kProxyUsage
//   Listen address     HOST:PORT, [IPv6]:PORT; loopback test
//   Numbers            seconds (decimals allowed) and byte counts, each with its bounds
//   parse_proxy_args   one pass over argv, then the start checks
#include "proxy_config.h"

#include <arpa/inet.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "auth.h"
#include "endpoint.h"  // is_loopback_host: the one loopback test of the project
#include "cors.h"
#include "output_location.h"  // s3_bucket_name_ok

namespace ssmview::proxy {

const char kProxyUsage[] =
    "usage: ssmview-proxy [--listen HOST:PORT] [--token-file FILE | --token TOKEN]\n"
    "                     [--allow-origin ORIGIN]... [--allow-action [SERVICE:]ACTION]...\n"
    "                     [--allow-bucket BUCKET]...\n"
    "                     [--region R] [--profile P] [--endpoint-url URL]\n"
    "                     [--simulate [--simulate-speed N]]\n"
    "                     [--max-body BYTES] [--request-timeout S] [--idle-timeout S]\n"
    "                     [--upstream-timeout S] [--max-connections N]\n"
    "\n"
    "A signing proxy for the ssmview page: it holds the AWS credentials, signs read-only SSM\n"
    "requests and CloudWatch Logs reads of the SSM agent's output streams (Signature Version 4)\n"
    "and forwards them to AWS; the browser never sees a key. Clients speak the JSON protocols\n"
    "unchanged (POST /, X-Amz-Target: AmazonSSM.<Action> or Logs_20140328.<Action>), so\n"
    "`aws --endpoint-url http://127.0.0.1:8787 --no-sign-request ssm ...` (or `logs ...`) works too.\n"
    "\n"
    "  --listen HOST:PORT      where to listen (default 127.0.0.1:8787; port 0 picks a free one).\n"
    "                          Any address other than loopback requires a bearer token.\n"
    "  --token-file FILE       require `Authorization: Bearer <token>`, the token being FILE's first\n"
    "                          line (at least 16 characters)\n"
    "  --token TOKEN           the same, from the command line (visible to other users in `ps`)\n"
    "  --allow-origin ORIGIN   a web page allowed to use the proxy (CORS), repeatable\n"
    "                          (default http://127.0.0.1:8080 and http://localhost:8080)\n"
    "  --allow-action ACTION   forward only these actions, repeatable; each must be one of the\n"
    "                          read-only defaults: ssm:GetCommandInvocation, ssm:ListCommandInvocations,\n"
    "                          ssm:ListCommands, logs:GetLogEvents, logs:FilterLogEvents (only streams\n"
    "                          named <CommandId>/<InstanceId>/<plugin>/stdout|stderr, or <CommandId>/...),\n"
    "                          s3:GetObject, s3:HeadObject (GET|HEAD /s3/<region>/<bucket>/<key>, keys\n"
    "                          .../<CommandId>/<InstanceId>/.../stdout|stderr only)\n"
    "  --allow-bucket BUCKET   read S3 objects only from these buckets, repeatable (default: any bucket)\n"
    "  --region R              AWS region (default AWS_REGION, AWS_DEFAULT_REGION, the profile's)\n"
    "  --profile P             profile of ~/.aws/config and ~/.aws/credentials (default AWS_PROFILE)\n"
    "  --endpoint-url URL      send every service's requests to this endpoint instead of AWS's (tests;\n"
    "                          default per service: AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS,\n"
    "                          AWS_ENDPOINT_URL_S3,\n"
    "                          then AWS_ENDPOINT_URL, then the profile's)\n"
    "  --simulate              answer from built-in simulated commands; no AWS, no credentials\n"
    "  --simulate-speed N      play the simulated commands N times faster (1 to 20; default 1)\n"
    "  --max-body BYTES        largest request body (default 65536): larger ones get 413\n"
    "  --request-timeout S     a request's head and body must arrive within S seconds (default 10)\n"
    "  --idle-timeout S        close a kept-alive connection idle for S seconds (default 5)\n"
    "  --upstream-timeout S    AWS must answer within S seconds, else 504 (default 30)\n"
    "  --max-connections N     connections served at once (default 32); more wait their turn\n"
    "  --help, --version\n"
    "\n"
    "Credentials come from the AWS chain: AWS_ACCESS_KEY_ID/..., the profile (static keys,\n"
    "credential_process, SSO and role profiles through the AWS CLI v2), the container endpoint,\n"
    "then IMDSv2. GET /healthz shows the region, the credentials' source and the allowlist.\n"
    "Every error is AWS-shaped JSON ({\"__type\": ..., \"message\": ...}). Logs go to stderr, one\n"
    "line per request, never with a body, a key or a token.\n"
    "\n"
    "Exit status: 0 after SIGINT/SIGTERM, 2 usage or configuration error, 1 cannot listen.\n";

// ---- Listen address ---------------------------------------------------------------------------

namespace {

bool parse_port(const std::string& text, int& port) {
    if (text.empty() || text.size() > 5) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    port = std::atoi(text.c_str());
    return port <= 65535;
}

bool ipv4_literal(const std::string& host, in_addr& out) { return inet_pton(AF_INET, host.c_str(), &out) == 1; }
bool ipv6_literal(const std::string& host, in6_addr& out) { return inet_pton(AF_INET6, host.c_str(), &out) == 1; }

bool parse_listen(const std::string& text, ProxyConfig& c, std::string& error) {
    const std::string quoted = "--listen " + quoted_input(text);
    std::string host, port;
    if (!text.empty() && text.front() == '[') {
        const std::size_t close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            error = quoted + ": write an IPv6 address as [ADDRESS]:PORT";
            return false;
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const std::size_t colon = text.rfind(':');
        if (colon == std::string::npos || text.find(':') != colon) {
            error = quoted + ": expected HOST:PORT, e.g. 127.0.0.1:8787 (IPv6: [::1]:8787)";
            return false;
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    if (!parse_port(port, c.listen_port)) {
        error = quoted + ": the port must be a number from 0 to 65535";
        return false;
    }
    if (host == "localhost") host = "127.0.0.1";
    in_addr a4{};
    in6_addr a6{};
    if (!ipv4_literal(host, a4) && !ipv6_literal(host, a6)) {
        error = quoted + ": the host must be an IP address (127.0.0.1, ::1, 0.0.0.0) or localhost";
        return false;
    }
    c.listen_host = host;
    return true;
}

// ---- Numbers ----------------------------------------------------------------------------------

bool parse_seconds(const std::string& flag, const std::string& text, double min_s, double max_s, int& out_ms,
                   std::string& error) {
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v) || v < min_s || v > max_s) {
        char bounds[64];
        std::snprintf(bounds, sizeof bounds, "%g to %g", min_s, max_s);
        error = flag + " " + quoted_input(text) + ": expected seconds from " + bounds;
        return false;
    }
    out_ms = static_cast<int>(std::lround(v * 1000.0));
    return true;
}

bool parse_count(const std::string& flag, const std::string& text, long long min_v, long long max_v, long long& out,
                 std::string& error) {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || errno != 0 || end != text.c_str() + text.size() || v < min_v || v > max_v) {
        error = flag + " " + quoted_input(text) + ": expected a whole number from " + std::to_string(min_v) + " to " +
                std::to_string(max_v);
        return false;
    }
    out = v;
    return true;
}

}  // namespace

namespace {
// "::1" -> "[::1]": the form URLs and Host headers use (and aws::is_loopback_host reads).
std::string bracketed(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}
}  // namespace

bool ProxyConfig::listen_is_loopback() const { return aws::is_loopback_host(bracketed(listen_host)); }

std::string ProxyConfig::listen_display() const { return bracketed(listen_host) + ":" + std::to_string(listen_port); }

// ---- parse_proxy_args -------------------------------------------------------------------------

ConfigParse parse_proxy_args(const std::vector<std::string>& args, const ReadFile& read_file) {
    ConfigParse r;
    ProxyConfig& c = r.config;
    std::vector<std::string> origins, actions, buckets;
    std::string token_file;
    bool have_token = false, have_speed = false;
    auto fail = [&](std::string message) {
        r.ok = false;
        r.error = std::move(message);
        return r;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i], value;
        bool inline_value = false;
        if (flag.rfind("--", 0) == 0 && flag.find('=') != std::string::npos) {
            value = flag.substr(flag.find('=') + 1);
            flag = flag.substr(0, flag.find('='));
            inline_value = true;
        }
        auto take = [&](std::string& out) {
            if (inline_value) {
                out = value;
                return true;
            }
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        auto needs_value = [&] { return fail(flag + " needs a value"); };
        if (flag == "--help" || flag == "-h") {
            r.help = true;
            r.ok = true;
            return r;
        }
        if (flag == "--version") {
            r.version = true;
            r.ok = true;
            return r;
        }
        if (flag == "--simulate") {
            if (inline_value) return fail("--simulate takes no value");
            c.simulate = true;
            continue;
        }
        std::string v;
        if (flag == "--listen") {
            if (!take(v)) return needs_value();
            std::string error;
            if (!parse_listen(v, c, error)) return fail(error);
        } else if (flag == "--token") {
            if (!take(v)) return needs_value();
            if (have_token) return fail("give one of --token and --token-file, once");
            have_token = true;
            c.token = v;
            c.token_source = "--token";
            r.warnings.push_back("--token is visible to other users of this machine (ps); --token-file is not");
        } else if (flag == "--token-file") {
            if (!take(v)) return needs_value();
            if (have_token) return fail("give one of --token and --token-file, once");
            have_token = true;
            token_file = v;
        } else if (flag == "--allow-origin") {
            if (!take(v)) return needs_value();
            origins.push_back(v);
        } else if (flag == "--allow-bucket") {
            if (!take(v)) return needs_value();
            buckets.push_back(v);
        } else if (flag == "--allow-action") {
            if (!take(v)) return needs_value();
            actions.push_back(v);
        } else if (flag == "--region") {
            if (!take(c.region)) return needs_value();
        } else if (flag == "--profile") {
            if (!take(c.profile)) return needs_value();
        } else if (flag == "--endpoint-url") {
            if (!take(c.endpoint_url)) return needs_value();
        } else if (flag == "--max-body") {
            if (!take(v)) return needs_value();
            long long n = 0;
            std::string error;
            if (!parse_count(flag, v, 1, 64LL * 1024 * 1024, n, error)) return fail(error);
            c.max_body_bytes = static_cast<std::size_t>(n);
        } else if (flag == "--max-connections") {
            if (!take(v)) return needs_value();
            long long n = 0;
            std::string error;
            if (!parse_count(flag, v, 1, 1024, n, error)) return fail(error);
            c.max_connections = static_cast<int>(n);
        } else if (flag == "--simulate-speed") {
            if (!take(v)) return needs_value();
            long long n = 0;
            std::string error;
            if (!parse_count(flag, v, 1, 20, n, error)) return fail(error);
            c.simulate_speed = static_cast<int>(n);
            have_speed = true;
        } else if (flag == "--request-timeout" || flag == "--idle-timeout" || flag == "--upstream-timeout") {
            if (!take(v)) return needs_value();
            int& out = flag == "--request-timeout" ? c.request_timeout_ms
                       : flag == "--idle-timeout"  ? c.idle_timeout_ms
                                                   : c.upstream_timeout_ms;
            std::string error;
            if (!parse_seconds(flag, v, 0.1, 3600, out, error)) return fail(error);
        } else {
            return fail("unknown argument " + quoted_input(args[i]));
        }
    }

    if (have_speed && !c.simulate) return fail("--simulate-speed needs --simulate");

    // The token: from a file (first line, trailing CR/LF dropped), checked before it is used.
    if (!token_file.empty()) {
        const aws::FileText f = read_file(token_file, 4096);
        if (f.status != aws::FileText::Status::Ok)
            return fail("--token-file " + quoted_input(token_file) + ": " +
                        (f.status == aws::FileText::Status::Missing ? std::string("no such file") : f.error));
        std::string t = f.text.substr(0, f.text.find('\n'));
        if (!t.empty() && t.back() == '\r') t.pop_back();
        c.token = t;
        c.token_source = "--token-file " + token_file;
    }
    if (!c.token.empty() || have_token) {
        const std::string problem = token_problem(c.token);
        if (!problem.empty()) return fail("the token of " + c.token_source + " " + problem);
    }
    if (!c.listen_is_loopback() && c.token.empty()) {
        return fail("refusing to listen on " + c.listen_display() +
                    " without a bearer token: anyone who can reach that address could act with this proxy's AWS "
                    "credentials. Give --token-file FILE (the page then sends the token), or listen on 127.0.0.1");
    }

    if (origins.empty())
        for (const char* o : kDefaultPageOrigins) origins.emplace_back(o);
    for (const std::string& o : origins) {
        std::string normalized, error;
        if (!normalize_origin(o, normalized, error)) return fail(error);
        if (normalized == "null")
            r.warnings.push_back("--allow-origin null lets pages opened from files and sandboxed frames of any site use this proxy");
        bool seen = false;
        for (const std::string& have : c.allow_origins) seen = seen || have == normalized;
        if (!seen) c.allow_origins.push_back(normalized);
    }

    std::string error;
    if (!narrow_allowlist(actions, c.allowlist, error)) return fail(error);
    for (const std::string& b : buckets) {
        if (!s3_bucket_name_ok(b)) return fail("--allow-bucket " + quoted_input(b) + ": not an S3 bucket name");
        c.allowlist.buckets.push_back(b);
    }
    r.ok = true;
    return r;
}

}  // namespace ssmview::proxy

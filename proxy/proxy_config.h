// proxy/proxy_config.h: ssmview-proxy's flags, their defaults, and the checks made before it
// listens.
//
// Index
//   kProxyUsage          the help text (every flag, its default, and why the safe choices)
//   ProxyConfig          every setting, with its default
//   ConfigParse          the config, or help/version, or an error for people
//   parse_proxy_args     argv -> ConfigParse (reads --token-file through the given reader)
//
// Call flow: main.cpp calls parse_proxy_args; a usage error prints the message and kProxyUsage
// and exits 2 before anything listens. The refusals that keep the proxy safe live here, at start:
// a non-loopback --listen without a bearer token, a weak token, a wildcard origin, and an
// --allow-action that is not read-only (routes.cpp's narrow_allowlist). proxy_server.cpp turns the
// config into its front policy and limits.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "environment.h"  // FileText
#include "routes.h"       // Allowlist

namespace ssmview::proxy {

extern const char kProxyUsage[];

struct ProxyConfig {
    std::string listen_host = "127.0.0.1";     // an IP literal ("localhost" becomes 127.0.0.1)
    int         listen_port = 8787;            // 0: any free port (tests)
    std::string token;                         // "" = none; never logged
    std::string token_source;                  // "--token" or "--token-file PATH" (for messages)
    std::vector<std::string> allow_origins;    // normalized (cors.h); kDefaultPageOrigins when none given
    Allowlist   allowlist;                     // default_allowlist(), or narrowed by --allow-action
    std::string region;                        // --region ("" = AWS_REGION, AWS_DEFAULT_REGION, profile)
    std::string profile;                       // --profile ("" = AWS_PROFILE, else default)
    std::string endpoint_url;                  // --endpoint-url ("" = AWS_ENDPOINT_URL_SSM, ..., AWS)
    bool        simulate = false;              // --simulate: answer from built-in commands, no AWS
    int         simulate_speed = 1;            // --simulate-speed: N times faster timelines (demos, tests)
    std::size_t max_body_bytes = 64 * 1024;    // --max-body: SSM read requests are < 1 KiB
    int         request_timeout_ms = 10000;    // --request-timeout: head + body must arrive within it
    int         idle_timeout_ms = 5000;        // --idle-timeout: a kept-alive connection waits this long
    int         upstream_timeout_ms = 30000;   // --upstream-timeout: AWS must answer within it (504)
    int         max_connections = 32;          // --max-connections: worker threads, one per connection
    bool        listen_is_loopback() const;    // aws::is_loopback_host: 127.0.0.0/8, [::1], localhost
    std::string listen_display() const;        // "127.0.0.1:8787", "[::1]:8787"
};

struct ConfigParse {
    bool        ok = false;
    bool        help = false;     // --help: print kProxyUsage, exit 0
    bool        version = false;  // --version
    ProxyConfig config;
    std::string error;            // when !ok: one sentence naming the flag
    std::vector<std::string> warnings;  // printed at start ("--token is visible to other users in ps")
};

using ReadFile = std::function<aws::FileText(const std::string& path, std::size_t max_bytes)>;

// `args` excludes argv[0].
ConfigParse parse_proxy_args(const std::vector<std::string>& args, const ReadFile& read_file);

}  // namespace ssmview::proxy

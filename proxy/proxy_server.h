// proxy/proxy_server.h: ssmview-proxy's HTTP server, wired: limits, front, upstream, log.
//
// Index
//   ProxyServer   bind (port 0 = any free one), run until stop(), stop from any thread
//
// Call flow of one connection (a worker thread of the pool; --max-connections of them):
//   DeadlineStream (request_limits.h) ── cpp-httplib parses the head ──> pre-routing: decide() (front.h)
//     ├─ Answer  (preflight, refusal) ─────────────────────────────> written
//     ├─ Healthz ──> healthz_answer(config, upstream.describe()) ───> written
//     │    (both: a body is never read, so a request that has one closes the connection)
//     └─ Forward ──> cpp-httplib reads the body (--max-body) ──> make_proxy_request (routes.h)
//                    ──> upstream.send() ──> answer_from_upstream (front.h) ──> written
//   Every answer carries the decision's CORS headers, and every request, answered or cut off by a
//   limit, gets one access-log line (access_log.h) after its answer went out. Errors cpp-httplib
//   raises itself (malformed HTTP, an unreadable Range header) are rewritten into the awsJson
//   shape by the error handler, so no answer of the proxy has another error shape.
#pragma once
#include <memory>
#include <string>

#include "access_log.h"
#include "proxy_config.h"
#include "upstream.h"

namespace ssmview::proxy {

class ProxyServer {
public:
    // `upstream` and `log` must outlive the server.
    ProxyServer(const ProxyConfig& config, Upstream& upstream, AccessLog& log);
    ~ProxyServer();
    ProxyServer(const ProxyServer&) = delete;
    ProxyServer& operator=(const ProxyServer&) = delete;

    // Binds config.listen_host:listen_port. False with `error` ("address in use").
    bool bind(std::string& error);
    int  port() const;  // after bind: the bound port (the free one chosen for port 0)
    // Serves until stop(). Precondition: bind() succeeded.
    void run();
    // Stops accepting; connections in progress finish their current request. Any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ssmview::proxy

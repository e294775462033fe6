// proxy/request_limits.h: how much and how long a client may take, so a slow or greedy one cannot hold
// the proxy.
//
// Index
//   ConnectionLimits   request deadline, idle wait, write timeout, byte budget, requests per connection
//   make_connection_limits   ProxyConfig -> ConnectionLimits
//   DeadlineStream     a cpp-httplib Stream over one accepted socket that enforces them
//   ReadFailure        why the stream stopped reading: deadline passed, budget spent, peer closed
//   limit_refusal      the awsJson answer for a request the limits cut off (408 / 413)
//   body_refusal       the awsJson answer for a body over --max-body (413)
//
// Why a stream of our own: cpp-httplib's socket stream applies its read timeout to each recv(), so
// a client that sends one byte every few seconds ("slowloris") keeps a worker thread forever, and
// with a fixed pool a handful of them stop the proxy. DeadlineStream gives each request one
// deadline for its head and body together (--request-timeout) and a byte budget (head + body),
// measured from the request's first byte; the next request of a kept-alive connection must start
// within --idle-timeout. proxy_server.cpp runs cpp-httplib's request parser (process_request) on
// it, one request at a time.
//
// Call flow (proxy_server.cpp, one worker thread per connection):
//   DeadlineStream s(fd, limits)
//   loop: s.wait_for_request(idle or request timeout) -> s.begin_request() -> process_request(s)
//         -> stop when the client closes, asks to, a limit was hit, or max requests were served
// The pool's size (--max-connections) caps the connections served at once; more wait in the
// kernel's accept queue and the pool's queue.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>

#include <httplib.h>

#include "exchange.h"
#include "proxy_config.h"

namespace ssmview::proxy {

struct ConnectionLimits {
    int         request_timeout_ms = 10000;
    int         idle_timeout_ms = 5000;
    int         write_timeout_ms = 10000;
    std::size_t max_request_bytes = 0;     // head + body as received (chunk framing included)
    int         max_requests_per_connection = 1000;
};

// The head of a request (request line + headers) may take this many bytes; a real one takes a
// few hundred. cpp-httplib also refuses a request line over 8,192 bytes on its own.
constexpr std::size_t kMaxRequestHeadBytes = 32 * 1024;

ConnectionLimits make_connection_limits(const ProxyConfig& config);

enum class ReadFailure { None, Deadline, Budget, Closed };

class DeadlineStream final : public httplib::Stream {
public:
    DeadlineStream(int fd, const ConnectionLimits& limits);

    // Waits up to `wait_ms` for the first byte of the next request (or finds it already
    // buffered). False when the peer closed or nothing came.
    bool wait_for_request(int wait_ms);
    // Starts the deadline and the byte budget of one request.
    void begin_request();
    ReadFailure read_failure() const { return failure_; }
    std::size_t request_bytes() const { return request_bytes_; }
    std::chrono::steady_clock::time_point request_started() const { return started_; }

    bool    is_readable() const override;
    bool    is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;  // all of it, or -1
    void    get_remote_ip_and_port(std::string& ip, int& port) const override;
    void    get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

private:
    bool wait(short events, std::chrono::steady_clock::time_point until) const;

    int                                   fd_;
    ConnectionLimits                      limits_;
    char                                  buffer_[4096];
    std::size_t                           begin_ = 0, end_ = 0;  // unread bytes in buffer_
    std::chrono::steady_clock::time_point started_{};
    std::chrono::steady_clock::time_point deadline_{};
    std::size_t                           request_bytes_ = 0;
    ReadFailure                           failure_ = ReadFailure::None;
};

// The answer for a request that hit a limit: 408 RequestTimeoutException (deadline) or 413
// RequestEntityTooLargeException (budget). Precondition: failure is Deadline or Budget.
ProxyAnswer limit_refusal(ReadFailure failure, const ConnectionLimits& limits);

// 413 RequestEntityTooLargeException for a body over --max-body: announced by Content-Length
// (front.cpp, before reading it), found while reading it (cpp-httplib), or counted once read (a
// chunked body). `body_bytes` 0 = not known.
ProxyAnswer body_refusal(std::size_t body_bytes, std::size_t max_body_bytes);

}  // namespace ssmview::proxy

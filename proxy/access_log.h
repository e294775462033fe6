// proxy/access_log.h: one line per request on stderr, and nothing a client could abuse in it.
//
// Index
//   AccessRecord        what a line says: time, peer, method, path, origin, action, status, latency
//   format_access_line  AccessRecord -> "2026-11-25T10:00:00.123Z peer=... status=200 latency_ms=1.234"
//   AccessLog           writes whole lines, one at a time, from any worker thread
//
// Call flow: proxy_server.cpp fills an AccessRecord for every request it answers (forwarded,
// refused, preflight, health, malformed, cut off by a limit) and writes it after the answer went
// out. What is never in a line, by construction: a body (the record has no member for one), a
// header other than Origin, so no Authorization, token, cookie or signature, and nothing from
// upstream but its status. Values from the request are quoted_input'd (printable ASCII, \xHH for
// the rest, bounded) and spaces escaped, so each line is `key=value` pairs a script can split.
#pragma once
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace ssmview::proxy {

struct AccessRecord {
    std::int64_t time_ms = 0;   // when the request started, ms since the Unix epoch (UTC)
    std::string  peer;          // remote address
    std::string  method;        // "-" when no request line was read
    std::string  path;
    std::string  origin;        // "" when absent
    std::string  action;        // FrontDecision::log_action, "-" when none
    int          status = 0;
    double       latency_ms = 0;  // first byte received -> answer written
};

std::string format_access_line(const AccessRecord& record);  // no trailing newline

class AccessLog {
public:
    explicit AccessLog(std::FILE* out) : out_(out) {}
    void write(const AccessRecord& record);

private:
    std::mutex mutex_;
    std::FILE* out_;
};

}  // namespace ssmview::proxy

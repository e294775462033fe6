// proxy/access_log.cpp: see access_log.h.
//
// Index
//   field           quoted_input + spaces escaped; "-" for empty
//   format_access_line, AccessLog::write
#include "access_log.h"

#include "exchange.h"
#include "iso_time.h"  // format_iso8601_utc

namespace ssmview::proxy {

namespace {

std::string field(const std::string& value) {
    if (value.empty()) return "-";
    std::string out;
    for (char c : quoted_input(value)) {
        if (c == ' ')
            out += "\\x20";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string format_access_line(const AccessRecord& r) {
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.3f", r.latency_ms);
    return format_iso8601_utc(r.time_ms) + " peer=" + field(r.peer) + " method=" + field(r.method) + " path=" + field(r.path) +
           " origin=" + field(r.origin) + " action=" + field(r.action) + " status=" + std::to_string(r.status) +
           " latency_ms=" + latency;
}

void AccessLog::write(const AccessRecord& record) {
    const std::string line = format_access_line(record) + "\n";
    std::lock_guard<std::mutex> lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), out_);
    std::fflush(out_);
}

}  // namespace ssmview::proxy

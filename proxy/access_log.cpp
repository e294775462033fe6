// proxy/access_log.cpp: see access_log.h.
//
// Index
//   field           quoted_input + spaces escaped; "-" for empty
//   utc_time        ms since the epoch -> ISO-8601 with milliseconds
//   format_access_line, AccessLog::write
#include "access_log.h"

#include <ctime>

#include "exchange.h"

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

std::string utc_time(std::int64_t ms) {
    const std::time_t s = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    return buf;
}

}  // namespace

std::string format_access_line(const AccessRecord& r) {
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.3f", r.latency_ms);
    return utc_time(r.time_ms) + " peer=" + field(r.peer) + " method=" + field(r.method) + " path=" + field(r.path) +
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

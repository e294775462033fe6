// core/iso_time.h: the ISO-8601 times and durations SSM reports.
//
// Index
//   Timestamp, parse_timestamp     "2026-11-20T14:03:07.512Z", "...+02:00", "" (not yet)
//   Duration,  parse_duration      "PT0.091S", "PT2M3S", "PT1H0M5.5S", "P1DT2H"
//   Times                          an invocation's start, end and elapsed time, parsed
//   format_duration                "2 min 3.0 s" for people
//   format_timestamp_utc           "2026-11-20 14:03:07.512 UTC"
//   format_iso8601_utc             "2026-11-20T14:03:07.512Z" (what SSM writes; logs, the simulator)
//   format_iso8601_cli             "2026-11-20T09:03:07.512000-05:00" (what the AWS CLI prints; fleet links)
//   format_iso8601_duration        "PT2M7.472S": ExecutionElapsedTime as SSM writes it
//   format_relative                "3 minutes ago" / "in 5 seconds" given a "now"
//
// All arithmetic is in milliseconds since the Unix epoch, computed with the civil-from-days
// algorithm, so it needs no time zone database and no <ctime> (identical natively and in wasm).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ssmview {

struct Timestamp {
    bool         valid = false;
    std::int64_t epoch_ms = 0;        // UTC
    int          offset_minutes = 0;  // the offset written in the text (Z = 0)
};
// Accepts YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z, +HH:MM, +HHMM or +HH ('t', 'z' and a
// space for 'T' too). Fractions beyond milliseconds are truncated. Returns valid=false otherwise.
Timestamp parse_timestamp(std::string_view text);

struct Duration {
    bool         valid = false;
    std::int64_t ms = 0;
};
// ISO-8601 durations: P[nD]T[nH][nM][n[.f]S] (weeks 'W' too). "PT" alone is invalid.
Duration parse_duration(std::string_view text);

// ExecutionStartDateTime, ExecutionEndDateTime and ExecutionElapsedTime as validate() parsed them.
struct Times {
    Timestamp start, end;  // valid=false when absent, "" or unparsable
    Duration  elapsed;
};

std::string format_duration(std::int64_t ms);
std::string format_timestamp_utc(std::int64_t epoch_ms);
// The ISO-8601 form SSM writes, always with milliseconds and Z (24 characters for years 0-9999).
std::string format_iso8601_utc(std::int64_t epoch_ms);
// The form the AWS CLI prints the list APIs' times in: local time of `offset_minutes` with
// microseconds and the offset ("2024-05-01T08:34:56.789000-04:00"); parse_timestamp reads it back.
std::string format_iso8601_cli(std::int64_t epoch_ms, int offset_minutes);
// ExecutionElapsedTime as SSM writes it, java.time.Duration.toString(): "PT", then hours "H" and
// minutes "M" when not zero, then seconds with the fraction's trailing zeros dropped ("PT3.04S"),
// left out when they and the fraction are zero and something came before ("PT10M"); 0 is "PT0S".
std::string format_iso8601_duration(std::int64_t ms);  // ms >= 0
// `offset_minutes` shifts to a local zone; the suffix names it ("UTC", "UTC+02:00").
std::string format_timestamp(std::int64_t epoch_ms, int offset_minutes);
std::string format_relative(std::int64_t epoch_ms, std::int64_t now_ms);

}  // namespace ssmview

// tests/core/iso_time_test.cpp: ISO-8601 times and durations.
#include <limits>
#include <string>

#include <catch2/catch.hpp>

#include "iso_time.h"

using namespace ssmview;

TEST_CASE("timestamps with Z, offsets and fractions give epoch milliseconds", "[time]") {
    CHECK(parse_timestamp("1970-01-01T00:00:00Z").epoch_ms == 0);
    CHECK(parse_timestamp("2026-11-20T14:03:07.512Z").epoch_ms == 1795183387512LL);
    CHECK(parse_timestamp("2026-11-20T16:03:07.512+02:00").epoch_ms == 1795183387512LL);
    CHECK(parse_timestamp("2026-11-20T09:03:07.512-0500").epoch_ms == 1795183387512LL);
    CHECK(parse_timestamp("2026-11-20T14:03:07.5129999Z").epoch_ms == 1795183387512LL);
    CHECK(parse_timestamp("2026-11-20T14:03:07.5Z").epoch_ms == 1795183387500LL);
    CHECK(parse_timestamp("2026-11-20 14:03Z").epoch_ms == 1795183380000LL);
    CHECK(parse_timestamp("2024-02-29T00:00:00Z").valid);
    CHECK(parse_timestamp("1969-12-31T23:59:59.999Z").epoch_ms == -1);
    CHECK(parse_timestamp("2026-11-20T16:03:07+02:00").offset_minutes == 120);
}

TEST_CASE("malformed timestamps are invalid, not guessed", "[time]") {
    for (const char* t : {"", "2026-11-20", "2026-11-20T14:03:07", "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                          "2026-11-20T25:00:00Z", "2026-11-20T14:03:07.Z", "2026-11-20T14:03:07Zjunk", "20261120T140307Z",
                          "yesterday", "2026-11-20T14:03:07+2:00"}) {
        INFO(t);
        CHECK_FALSE(parse_timestamp(t).valid);
    }
}

TEST_CASE("durations: seconds with fractions, minutes, hours, days, weeks", "[time]") {
    CHECK(parse_duration("PT0.091S").ms == 91);
    CHECK(parse_duration("PT12.034S").ms == 12034);
    CHECK(parse_duration("PT2M3S").ms == 123000);
    CHECK(parse_duration("PT10M0.317S").ms == 600317);
    CHECK(parse_duration("PT1H0M5.5S").ms == 3605500);
    CHECK(parse_duration("P1DT2H").ms == 93600000);
    CHECK(parse_duration("P1W").ms == 604800000);
    CHECK(parse_duration("PT0S").valid);
}

TEST_CASE("malformed durations are invalid", "[time]") {
    for (const char* d : {"", "P", "PT", "T1S", "PT1", "PT1.5M", "P1Y", "P1M", "PTS", "PT1S2", "PT1H1H", "PT9999999999999S", "12s"}) {
        INFO(d);
        CHECK_FALSE(parse_duration(d).valid);
    }
}

TEST_CASE("a duration past 64 bits of milliseconds is invalid, not wrapped around", "[time]") {
    // Found by fuzz_analyze (UBSan: signed overflow): 18,446,744,073 weeks.
    CHECK_FALSE(parse_duration("P18446744073W").valid);
    CHECK_FALSE(parse_duration("P999999999999DT999999999999H").valid);
    // The largest whole weeks that fit, and one more.
    const std::int64_t weeks = std::numeric_limits<std::int64_t>::max() / (7 * 86400000LL);
    CHECK(parse_duration("P" + std::to_string(weeks) + "W").valid);
    CHECK(parse_duration("P" + std::to_string(weeks) + "W").ms == weeks * 7 * 86400000LL);
    CHECK_FALSE(parse_duration("P" + std::to_string(weeks + 1) + "W").valid);
}

TEST_CASE("formatting for people", "[time]") {
    CHECK(format_timestamp_utc(1795183387512LL) == "2026-11-20 14:03:07.512 UTC");
    CHECK(format_timestamp(1795183387512LL, 60) == "2026-11-20 15:03:07.512 UTC+01:00");
    CHECK(format_timestamp(1795183387512LL, -330) == "2026-11-20 08:33:07.512 UTC-05:30");
    CHECK(format_duration(91) == "91 ms");
    CHECK(format_duration(12034) == "12.034 s");
    CHECK(format_duration(123000) == "2 min 3.0 s");
    CHECK(format_duration(3605500) == "1 h 0 min 5 s");
    CHECK(format_relative(0, 180000) == "3 minutes ago");
    CHECK(format_relative(0, 1000) == "1 second ago");
    CHECK(format_relative(5000, 0) == "in 5 seconds");
    CHECK(format_relative(0, 86400000LL * 2) == "2 days ago");
    CHECK(format_relative(0, 500) == "just now");
}

TEST_CASE("format_iso8601_utc writes SSM's form, and parse_timestamp reads it back to the millisecond", "[time]") {
    CHECK(format_iso8601_utc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(format_iso8601_utc(1795183200000) == "2026-11-20T14:00:00.000Z");
    CHECK(format_iso8601_utc(1795183387512) == "2026-11-20T14:03:07.512Z");
    for (std::int64_t ms : {std::int64_t{0}, std::int64_t{951782400123} /* 2000-02-29 */, std::int64_t{1795183387512},
                            std::int64_t{4102444799999} /* 2099-12-31 */}) {
        const Timestamp t = parse_timestamp(format_iso8601_utc(ms));
        REQUIRE(t.valid);
        CHECK(t.epoch_ms == ms);
    }
}

TEST_CASE("durations are written as SSM writes ExecutionElapsedTime, java.time.Duration.toString(), and read back", "[time]") {
    CHECK(format_iso8601_duration(0) == "PT0S");
    CHECK(format_iso8601_duration(525) == "PT0.525S");
    CHECK(format_iso8601_duration(3040) == "PT3.04S");
    CHECK(format_iso8601_duration(30878) == "PT30.878S");
    CHECK(format_iso8601_duration(127472) == "PT2M7.472S");
    CHECK(format_iso8601_duration(600317) == "PT10M0.317S");
    CHECK(format_iso8601_duration(600000) == "PT10M");
    CHECK(format_iso8601_duration(3600000) == "PT1H");
    CHECK(format_iso8601_duration(3605500) == "PT1H5.5S");
    for (std::int64_t ms = 0; ms < 4000000; ms += 12347) {
        Duration d = parse_duration(format_iso8601_duration(ms));
        REQUIRE(d.valid);
        CHECK(d.ms == ms);
    }
}

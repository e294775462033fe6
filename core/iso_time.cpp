// core/iso_time.cpp: ISO-8601 times and durations without a time zone database.
//
// Index
//   Cursor helpers        fixed-width digits, optional fractions
//   days_from_civil       proleptic Gregorian date -> days since 1970-01-01 (H. Hinnant's method)
//   civil_from_days       the inverse, for formatting
//   parse_timestamp / parse_duration
//   format_*              for people: UTC or a fixed offset, durations, "3 minutes ago"
#include "iso_time.h"

#include <cassert>
#include <limits>

#include <cstdio>

namespace ssmview {
namespace {

// ---- Cursor helpers -------------------------------------------------------------------------

struct Cursor {
    std::string_view s;
    std::size_t      i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    bool eat(char c) { if (peek() == c) { ++i; return true; } return false; }
    // Exactly n digits.
    bool digits(int n, int& out) {
        int v = 0;
        for (int k = 0; k < n; ++k) {
            const char c = peek();
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
            ++i;
        }
        out = v;
        return true;
    }
    // A fraction after '.' or ',' -> milliseconds (truncated). Needs at least one digit.
    bool fraction_ms(int& ms) {
        if (!(eat('.') || eat(','))) { ms = 0; return true; }
        int v = 0, n = 0;
        while (peek() >= '0' && peek() <= '9') {
            if (n < 3) v = v * 10 + (peek() - '0');
            ++n;
            ++i;
        }
        if (n == 0) return false;
        for (int k = n; k < 3; ++k) v *= 10;
        ms = v;
        return true;
    }
};

// ---- days_from_civil / civil_from_days ------------------------------------------------------

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

}  // namespace

// ---- parse_timestamp ------------------------------------------------------------------------

Timestamp parse_timestamp(std::string_view text) {
    Timestamp t;
    Cursor c{text};
    int y, mo, d, h, mi, s = 0, ms = 0;
    if (!c.digits(4, y) || !c.eat('-') || !c.digits(2, mo) || !c.eat('-') || !c.digits(2, d)) return t;
    if (!(c.eat('T') || c.eat('t') || c.eat(' '))) return t;
    if (!c.digits(2, h) || !c.eat(':') || !c.digits(2, mi)) return t;
    if (c.eat(':')) {
        if (!c.digits(2, s) || !c.fraction_ms(ms)) return t;
    }
    int offset = 0;
    if (c.eat('Z') || c.eat('z')) {
        offset = 0;
    } else if (c.peek() == '+' || c.peek() == '-') {
        const int sign = c.peek() == '-' ? -1 : 1;
        ++c.i;
        int oh = 0, om = 0;
        if (!c.digits(2, oh)) return t;
        if (c.eat(':')) { if (!c.digits(2, om)) return t; }
        else if (!c.done()) { if (!c.digits(2, om)) return t; }
        if (oh > 23 || om > 59) return t;
        offset = sign * (oh * 60 + om);
    } else {
        return t;  // SSM always writes a zone; a bare local time would be a guess
    }
    if (!c.done()) return t;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 24 || mi > 59 || s > 60) return t;
    if (h == 24 && (mi != 0 || s != 0 || ms != 0)) return t;
    if (s == 60) s = 59;  // a leap second reads as the second before it
    const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    const std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - offset * 60;
    t.valid = true;
    t.epoch_ms = secs * 1000 + ms;
    t.offset_minutes = offset;
    return t;
}

// ---- parse_duration -------------------------------------------------------------------------

Duration parse_duration(std::string_view text) {
    Duration out;
    Cursor c{text};
    if (!(c.eat('P') || c.eat('p'))) return out;
    bool in_time = false, any = false;
    int last_rank = -1;  // units must come in order, each once: W D T H M S
    std::int64_t total = 0;
    while (!c.done()) {
        if (c.eat('T') || c.eat('t')) {
            if (in_time) return out;
            in_time = true;
            if (c.done()) return out;
            continue;
        }
        std::int64_t whole = 0;
        int n = 0;
        while (c.peek() >= '0' && c.peek() <= '9') {
            if (++n > 12) return out;  // no real duration has more digits (whole stays far in range)
            whole = whole * 10 + (c.peek() - '0');
            ++c.i;
        }
        if (n == 0) return out;
        int ms = 0;
        if (!c.fraction_ms(ms)) return out;
        const char unit = c.peek();
        ++c.i;
        std::int64_t scale;
        int rank;
        if (!in_time && (unit == 'W' || unit == 'w')) { scale = 7 * 86400000LL; rank = 0; }
        else if (!in_time && (unit == 'D' || unit == 'd')) { scale = 86400000LL; rank = 1; }
        else if (in_time && (unit == 'H' || unit == 'h')) { scale = 3600000LL; rank = 2; }
        else if (in_time && (unit == 'M' || unit == 'm')) { scale = 60000LL; rank = 3; }
        else if (in_time && (unit == 'S' || unit == 's')) { scale = 1000LL; rank = 4; }
        else return out;  // years and months have no fixed length: SSM never writes them
        if (rank <= last_rank) return out;
        last_rank = rank;
        if (ms != 0 && scale != 1000) return out;  // fractions only on seconds
        // Twelve digits of weeks overflow 64 bits of milliseconds (found by fuzz_analyze:
        // "P18446744073W"): a duration past what int64 holds is no real one.
        const std::int64_t part = scale == 1000 ? ms : 0;
        if (whole > (std::numeric_limits<std::int64_t>::max() - total - part) / scale) return out;
        total += whole * scale + part;
        any = true;
    }
    if (!any) return out;
    out.valid = true;
    out.ms = total;
    return out;
}

// ---- format_* -------------------------------------------------------------------------------

std::string format_duration(std::int64_t ms) {
    const bool negative = ms < 0;
    if (negative) ms = -ms;
    char buf[64];
    if (ms < 1000) std::snprintf(buf, sizeof buf, "%lld ms", static_cast<long long>(ms));
    else if (ms < 60000) std::snprintf(buf, sizeof buf, "%.3f s", static_cast<double>(ms) / 1000.0);
    else if (ms < 3600000)
        std::snprintf(buf, sizeof buf, "%lld min %.1f s", static_cast<long long>(ms / 60000), static_cast<double>(ms % 60000) / 1000.0);
    else
        std::snprintf(buf, sizeof buf, "%lld h %lld min %lld s", static_cast<long long>(ms / 3600000),
                      static_cast<long long>((ms / 60000) % 60), static_cast<long long>((ms / 1000) % 60));
    return negative ? "-" + std::string(buf) : std::string(buf);
}

std::string format_timestamp(std::int64_t epoch_ms, int offset_minutes) {
    const std::int64_t local = epoch_ms + static_cast<std::int64_t>(offset_minutes) * 60000;
    std::int64_t days = local / 86400000, rem = local % 86400000;
    if (rem < 0) { rem += 86400000; --days; }
    std::int64_t y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    char zone[16] = "UTC";
    if (offset_minutes != 0) {
        const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
        std::snprintf(zone, sizeof zone, "UTC%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    }
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld:%02lld.%03lld %s", static_cast<long long>(y), m, d,
                  static_cast<long long>(rem / 3600000), static_cast<long long>((rem / 60000) % 60),
                  static_cast<long long>((rem / 1000) % 60), static_cast<long long>(rem % 1000), zone);
    return buf;
}

std::string format_timestamp_utc(std::int64_t epoch_ms) { return format_timestamp(epoch_ms, 0); }

std::string format_iso8601_utc(std::int64_t epoch_ms) {
    // The people's form with its separators swapped: one civil-from-days computation for both.
    std::string t = format_timestamp(epoch_ms, 0);  // "YYYY-MM-DD HH:MM:SS.mmm UTC"
    assert(t.size() >= 27 && t.compare(t.size() - 4, 4, " UTC") == 0);
    t.resize(t.size() - 4);
    t[t.size() - 13] = 'T';
    return t + "Z";
}

std::string format_iso8601_cli(std::int64_t epoch_ms, int offset_minutes) {
    std::string t = format_iso8601_utc(epoch_ms + static_cast<std::int64_t>(offset_minutes) * 60000);
    t.pop_back();  // the 'Z'
    const int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char zone[16];
    std::snprintf(zone, sizeof zone, "000%c%02d:%02d", offset_minutes < 0 ? '-' : '+', m / 60 % 100, m % 60);
    return t + zone;
}

std::string format_iso8601_duration(std::int64_t ms) {
    assert(ms >= 0);
    if (ms == 0) return "PT0S";
    const std::int64_t total_s = ms / 1000, millis = ms % 1000;
    const std::int64_t hours = total_s / 3600, minutes = (total_s % 3600) / 60, seconds = total_s % 60;
    std::string out = "PT";
    if (hours) out += std::to_string(hours) + "H";
    if (minutes) out += std::to_string(minutes) + "M";
    if (seconds == 0 && millis == 0) return out;
    out += std::to_string(seconds);
    if (millis) {
        char frac[8];
        std::snprintf(frac, sizeof frac, "%03d", static_cast<int>(millis));
        std::string f(frac);
        while (f.back() == '0') f.pop_back();
        out += "." + f;
    }
    return out + "S";
}

std::string format_relative(std::int64_t epoch_ms, std::int64_t now_ms) {
    std::int64_t delta = now_ms - epoch_ms;
    const bool future = delta < 0;
    if (future) delta = -delta;
    const std::int64_t s = delta / 1000;
    struct Unit { std::int64_t seconds; const char* name; };
    static const Unit units[] = {{86400 * 365, "year"}, {86400 * 30, "month"}, {86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}};
    if (s < 1) return "just now";
    for (const Unit& u : units) {
        if (s >= u.seconds) {
            const std::int64_t n = s / u.seconds;
            std::string out = std::to_string(n) + " " + u.name + (n == 1 ? "" : "s");
            return future ? "in " + out : out + " ago";
        }
    }
    return "just now";
}

}  // namespace ssmview

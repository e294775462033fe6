// proxy/simulate_wire.cpp: the wire forms of simulate_wire.h.
//
// Index
//   wire_json / write_value   recursive compact writer; nlohmann writes strings, integers, booleans
//   java_double               shortest round-trip digits, laid out the way Java lays them out
//   uuid_from                 splitmix64 twice, version and variant bits set
//   fingerprint               FNV-1a 64
//   error_reply, to_http
#include "simulate_wire.h"

#include <cassert>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "ssm_api.h"  // kSsmContentType

namespace ssmview::proxy {

namespace {

void write_value(const WireJson& v, std::string& out) {
    switch (v.type()) {
        case WireJson::value_t::object: {
            out += '{';
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!first) out += ',';
                first = false;
                out += WireJson(it.key()).dump(-1, ' ', false, WireJson::error_handler_t::replace);
                out += ':';
                write_value(it.value(), out);
            }
            out += '}';
            return;
        }
        case WireJson::value_t::array: {
            out += '[';
            bool first = true;
            for (const auto& item : v) {
                if (!first) out += ',';
                first = false;
                write_value(item, out);
            }
            out += ']';
            return;
        }
        case WireJson::value_t::number_float:
            out += java_double(v.get<double>());
            return;
        default:
            // Strings: raw UTF-8, '"' and '\\' escaped, control characters as \n \t \r or \u00XX
            // (ESC is \u001b): what AWS's serializers write too.
            out += v.dump(-1, ' ', false, WireJson::error_handler_t::replace);
            return;
    }
}

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace

std::string wire_json(const WireJson& value) {
    std::string out;
    write_value(value, out);
    return out;
}

// Java's Double.toString: the shortest digits that read back as the same double; plain decimal
// notation for 10^-3 <= |v| < 10^7, otherwise one digit, a point, the rest and "E<exponent>";
// always at least one digit after the point ("5.0", "1.0E9").
std::string java_double(double value) {
    assert(std::isfinite(value));
    if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
    std::string sign = value < 0 ? "-" : "";
    double magnitude = std::fabs(value);

    char buf[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision - 1, magnitude);
        if (std::strtod(buf, nullptr) == magnitude) break;
    }
    // buf is "d.ddde+XX" (or "de+XX" for one digit).
    std::string text(buf);
    std::size_t e_at = text.find('e');
    std::string digits = text.substr(0, 1) + (e_at > 2 ? text.substr(2, e_at - 2) : "");
    int exponent = std::atoi(text.c_str() + e_at + 1);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

    if (magnitude >= 1e-3 && magnitude < 1e7) {
        std::string whole, fraction;
        if (exponent >= 0) {
            std::size_t int_len = static_cast<std::size_t>(exponent) + 1;
            whole = digits.substr(0, std::min(int_len, digits.size()));
            if (whole.size() < int_len) whole.append(int_len - whole.size(), '0');
            fraction = digits.size() > int_len ? digits.substr(int_len) : "0";
        } else {
            whole = "0";
            fraction = std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        }
        return sign + whole + "." + fraction;
    }
    std::string mantissa = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
    return sign + mantissa + "E" + std::to_string(exponent);
}

WireJson epoch_seconds(std::int64_t epoch_ms) {
    return WireJson(static_cast<double>(epoch_ms) / 1000.0);
}

std::string uuid_from(std::uint64_t seed) {
    std::uint64_t state = seed;
    std::uint64_t hi = splitmix64(state), lo = splitmix64(state);
    hi = (hi & ~0xF000ull) | 0x4000ull;              // version 4
    lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);  // variant 10xx
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08" PRIx64 "-%04" PRIx64 "-%04" PRIx64 "-%04" PRIx64 "-%012" PRIx64, hi >> 32,
                  (hi >> 16) & 0xFFFF, hi & 0xFFFF, lo >> 48, lo & std::uint64_t{0xFFFFFFFFFFFF});
    return buf;
}

std::string fingerprint(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : text) {
        h ^= ch;
        h *= 1099511628211ull;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
    return buf;
}

Reply error_reply(std::string_view type, std::string_view message, int status) {
    assert(!type.empty() && status >= 400);
    WireJson body = WireJson::object();
    body["__type"] = std::string(type);
    if (!message.empty()) body["message"] = std::string(message);
    return Reply{status, wire_json(body), std::string(type)};
}

aws::HttpResponse to_http(const Reply& reply, std::string_view request_id) {
    aws::HttpResponse r;
    r.status = reply.status;
    r.body = reply.body;
    r.headers.push_back({"Content-Type", kSsmContentType});
    r.headers.push_back({"x-amzn-RequestId", std::string(request_id)});
    if (!reply.error_type.empty()) r.headers.push_back({"x-amzn-ErrorType", reply.error_type});
    return r;
}

}  // namespace ssmview::proxy

// proxy/exchange.cpp: see exchange.h.
//
// Index
//   aws_json_error    the error answer (nlohmann::json writes the body, so any message is escaped)
//   quoted_input      printable ASCII, \xHH for the rest, bounded
#include "exchange.h"

#include <cassert>

#include <nlohmann/json.hpp>

#include "ssm_api.h"        // kSsmContentType: the awsJson 1.1 media type

namespace ssmview::proxy {

ProxyAnswer aws_json_error(const ErrorType& type, std::string_view message) {
    assert(type.status >= 400 && type.name && *type.name);
    ProxyAnswer a;
    a.status = type.status;
    nlohmann::ordered_json body;
    body["__type"] = type.name;
    body["message"] = std::string(message);
    // `replace`: a message that quotes request input (an origin, an action) with invalid UTF-8
    // still serializes; the bad bytes become U+FFFD instead of an exception.
    a.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    a.headers.push_back({"Content-Type", kSsmContentType});
    a.headers.push_back({"x-amzn-ErrorType", type.name});
    return a;
}

std::string quoted_input(std::string_view input, std::size_t max_bytes) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    const std::size_t n = input.size() < max_bytes ? input.size() : max_bytes;
    out.reserve(n + 3);
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(input[i]);
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    if (input.size() > n) out += "...";
    return out;
}

}  // namespace ssmview::proxy

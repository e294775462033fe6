// core/percent_encoding.h: RFC 3986 percent-encoding: the one encoder and the one hex-digit reader.
//
// Index
//   percent_encode_to   append: every byte but the unreserved ones (and '/', when keep_slash) as %XX
//   percent_encode      the same, returned
//   hex_digit_value     '0'-'9', 'a'-'f', 'A'-'F' -> 0..15; anything else -> -1
//   percent_decode_lenient  %XX -> byte; a malformed escape stays as written
//   percent_decode_strict   %XX -> byte; a malformed escape (or %00, when asked) fails
//
// Users: live links' query values (fetch_link.cpp), the view's console links (view/links.cpp),
// SigV4's canonical URI (keep_slash) and canonical query (aws/sigv4.cpp). Unreserved is RFC 3986's
// set, A-Z a-z 0-9 - . _ ~, in ASCII whatever the locale; hex digits are uppercase, which SigV4
// requires and the other users do not mind. Decoding has two rules, both here: lenient (SigV4's
// canonical query, the key of an S3 URL a report carries: what a lenient server would have seen)
// and strict (a live link, with '+' as a space as forms write it; the proxy's S3 keys, where an
// encoded NUL is refused too).
#pragma once
#include <string>
#include <string_view>

namespace ssmview {

void        percent_encode_to(std::string_view in, bool keep_slash, std::string& out);
std::string percent_encode(std::string_view in, bool keep_slash = false);

constexpr int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode_lenient(std::string_view in);
bool        percent_decode_strict(std::string_view in, std::string& out, bool plus_is_space, bool refuse_nul);

}  // namespace ssmview

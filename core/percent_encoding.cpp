// core/percent_encoding.cpp: see percent_encoding.h.
//
// Index
//   unreserved, percent_encode_to, percent_encode
#include "percent_encoding.h"

namespace ssmview {

namespace {

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

}  // namespace

void percent_encode_to(std::string_view in, bool keep_slash, std::string& out) {
    static const char digits[] = "0123456789ABCDEF";
    for (char ch : in) {
        if (unreserved(ch) || (keep_slash && ch == '/')) {
            out += ch;
        } else {
            const auto c = static_cast<unsigned char>(ch);
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
}

std::string percent_encode(std::string_view in, bool keep_slash) {
    std::string out;
    out.reserve(in.size());
    percent_encode_to(in, keep_slash, out);
    return out;
}

}  // namespace ssmview

// core/percent_encoding.cpp: see percent_encoding.h.
//
// Index
//   unreserved, percent_encode_to, percent_encode
//   percent_decode_lenient, percent_decode_strict
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

std::string percent_decode_lenient(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size()) {
            const int hi = hex_digit_value(in[i + 1]), lo = hex_digit_value(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += in[i];
    }
    return out;
}

bool percent_decode_strict(std::string_view in, std::string& out, bool plus_is_space, bool refuse_nul) {
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '%') {
            if (i + 2 >= in.size()) return false;
            const int hi = hex_digit_value(in[i + 1]), lo = hex_digit_value(in[i + 2]);
            if (hi < 0 || lo < 0 || (refuse_nul && hi == 0 && lo == 0)) return false;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += plus_is_space && in[i] == '+' ? ' ' : in[i];
        }
    }
    return true;
}

}  // namespace ssmview

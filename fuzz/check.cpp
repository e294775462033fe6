// fuzz/check.cpp: the failure report and the UTF-8 oracle (see check.h).
//
// Index
//   fuzz_fail       print file:line, the condition and its context, then abort()
//   is_valid_utf8   byte ranges straight from RFC 3629's table (no overlongs, no surrogates)
#include "check.h"

#include <cstdio>
#include <cstdlib>

namespace ssmview_fuzz {

void fuzz_fail(const char* file, int line, const char* condition, const std::string& context) {
    std::fprintf(stderr, "\n==== fuzz invariant broken at %s:%d\n     %s\n     %s\n", file, line, condition, context.c_str());
    std::fflush(stderr);
    std::abort();
}

bool is_valid_utf8(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        if (c < 0x80) { ++i; continue; }
        // RFC 3629 section 4: the lead byte fixes the length and the range of the second byte.
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return false;
        if (i + len > s.size()) return false;
        if (byte(i + 1) < lo || byte(i + 1) > hi) return false;
        for (std::size_t k = 2; k < len; ++k)
            if ((byte(i + k) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace ssmview_fuzz

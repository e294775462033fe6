// core/text_encoding.cpp: counting code points, the UTF-8 encoder, the UTF-16 transcoder.
//
// Index
//   utf8_length / utf8_advance
//   has_utf16_bom
//   utf16_to_utf8    code units in the BOM's byte order -> code points -> UTF-8
//   append_utf8
#include "text_encoding.h"

#include <cassert>
#include <cstdint>

namespace ssmview {

namespace {
inline bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

// ---- Counting -------------------------------------------------------------------------------

std::size_t utf8_length(std::string_view s, std::size_t begin, std::size_t end) {
    assert(begin <= end && end <= s.size());
    std::size_t n = 0;
    // A branch-free sum: the compiler vectorizes it (the view counts every line of a 10 MB output).
    for (std::size_t i = begin; i < end; ++i) n += !continuation(s[i]);
    return n;
}

std::size_t utf8_length(std::string_view s) { return utf8_length(s, 0, s.size()); }

std::size_t utf8_advance(std::string_view s, std::size_t from, std::size_t count) {
    std::size_t i = from < s.size() ? from : s.size();
    while (i < s.size() && count > 0) {
        ++i;
        while (i < s.size() && continuation(s[i])) ++i;
        --count;
    }
    return i;
}

// ---- UTF-16 ---------------------------------------------------------------------------------

bool has_utf16_bom(std::string_view b) {
    return b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'));
}

std::string utf16_to_utf8(std::string_view b) {
    const bool little = b[0] == '\xFF';
    auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto lo = static_cast<unsigned char>(b[little ? i : i + 1]);
        const auto hi = static_cast<unsigned char>(b[little ? i + 1 : i]);
        return static_cast<std::uint32_t>(hi << 8 | lo);
    };
    std::string out;
    out.reserve(b.size() / 2);
    for (std::size_t i = 2; i + 1 < b.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < b.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

// ---- Encoding -------------------------------------------------------------------------------

void append_utf8(std::string& s, std::uint32_t cp) {
    if (cp < 0x80) s += static_cast<char>(cp);
    else if (cp < 0x800) { s += static_cast<char>(0xC0 | (cp >> 6)); s += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace ssmview

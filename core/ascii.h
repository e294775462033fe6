// core/ascii.h: ASCII-only case folding for protocol words.
//
// Index
//   ascii_lower     one character, or a whole string
//   ascii_iequals   equal when ASCII letters are folded
//
// HTTP header names, media types, AWS error codes, config keys and hostnames compare without case
// in ASCII only: a locale must never change what `Content-Type` matches, and a non-ASCII byte is
// never a letter here. One home for it: the core, aws/ and proxy/ all call these.
#pragma once
#include <string>
#include <string_view>

namespace ssmview {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

constexpr bool ascii_iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

}  // namespace ssmview

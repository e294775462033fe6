// core/ascii.h: ASCII-only case folding for protocol words.
//
// Index
//   ascii_lower     one character, or a whole string
//   ascii_iequals   equal when ASCII letters are folded
//   ascii_trim      without the spaces, tabs, CRs and LFs at either end
//
// HTTP header names, media types, AWS error codes, config keys and hostnames compare without case
// in ASCII only: a locale must never change what `Content-Type` matches, and a non-ASCII byte is
// never a letter here. One home for it: the core, aws/ and proxy/ all call these. ascii_trim is
// the trim of pasted links, tokens and helpers' output lines: exactly ' ', '\t', '\r' and '\n'
// (no locale, no '\v' or '\f'; SigV4's header trim is its own rule, in aws/sigv4.cpp).
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

constexpr std::string_view ascii_trim(std::string_view s) {
    constexpr std::string_view kBlank = " \t\r\n";
    while (!s.empty() && kBlank.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
    while (!s.empty() && kBlank.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    return s;
}

}  // namespace ssmview

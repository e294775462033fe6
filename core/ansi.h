// core/ansi.h: terminal escape sequences in command output -> plain text + style runs.
//
// Index
//   AnsiColor        default, one of the 256 palette entries, or 24-bit RGB, in one uint32
//   AnsiStyle        foreground, background, flags (bold, dim, italic, underline, inverse, strike)
//   AnsiRun          a style that holds from a byte offset of the plain text to the next run
//   AnsiText         the parse result: plain text (escapes removed) + runs
//   ansi_parse       the parser (pure: no ImGui, no allocation per escape)
//   ansi_apply_sgr   one SGR parameter list applied to a style (exposed for tests)
//   ansi_palette_rgb the fixed part of the 256-colour palette (16..255); 0..15 belong to the theme
//
// Call flow: the view's text_doc.cpp calls ansi_parse() once per output pane when an invocation
// loads, and the text view looks runs up by binary search for the rows it draws; the CLI strips
// escapes with the same parser (cli/inspect_text.cpp sanitize_for_terminal, and the command's own
// output when it is not written to a terminal). One parser, so a sequence the page hides is never
// shown by the CLI. Only SGR ("ESC [ ... m")
// changes the style; every other sequence (CSI cursor moves, OSC titles and hyperlinks, DCS,
// charset selection, C1 controls) is removed, because a log viewer cannot honour them and showing
// their bytes is noise. Malformed or truncated sequences end where the first byte that cannot
// belong to them stands, and that byte is kept: a stray ESC never eats the output after it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ssmview {

struct AnsiColor {
    // 0 = default; (1 << 24) | index = palette entry 0..255; (2 << 24) | 0xRRGGBB = direct colour.
    std::uint32_t v = 0;
    static AnsiColor palette(int index) { return {(1u << 24) | static_cast<std::uint32_t>(index & 0xFF)}; }
    static AnsiColor rgb(int r, int g, int b) {
        return {(2u << 24) | (static_cast<std::uint32_t>(r & 0xFF) << 16) |
                (static_cast<std::uint32_t>(g & 0xFF) << 8) | static_cast<std::uint32_t>(b & 0xFF)};
    }
    bool is_default() const { return v == 0; }
    bool is_palette() const { return (v >> 24) == 1; }
    int  index() const { return static_cast<int>(v & 0xFF); }
    std::uint32_t rgb_value() const { return v & 0xFFFFFFu; }  // when neither default nor palette
    bool operator==(const AnsiColor& o) const { return v == o.v; }
    bool operator!=(const AnsiColor& o) const { return v != o.v; }
};

enum AnsiFlag : std::uint8_t {
    kAnsiBold = 1, kAnsiDim = 2, kAnsiItalic = 4, kAnsiUnderline = 8, kAnsiInverse = 16, kAnsiStrike = 32,
};

struct AnsiStyle {
    AnsiColor    fg, bg;
    std::uint8_t flags = 0;
    bool is_default() const { return fg.is_default() && bg.is_default() && flags == 0; }
    bool operator==(const AnsiStyle& o) const { return fg == o.fg && bg == o.bg && flags == o.flags; }
    bool operator!=(const AnsiStyle& o) const { return !(*this == o); }
};

struct AnsiRun {
    std::size_t begin = 0;  // byte offset into AnsiText::text
    AnsiStyle   style;
};

struct AnsiText {
    std::string          text;  // escapes removed; everything else (including other controls) kept
    std::vector<AnsiRun> runs;  // sorted by begin, no two at the same offset; empty = all default
    int                  sequences = 0;  // escape sequences removed (SGR or not)
};

AnsiText ansi_parse(std::string_view input);

// Applies one SGR parameter string (the bytes between "ESC [" and "m", e.g. "1;38;5;208").
void ansi_apply_sgr(AnsiStyle& style, std::string_view params);

// 0xRRGGBB of palette entries 16..255 (6x6x6 cube and grey ramp, as xterm defines them).
// Entries 0..15 return the xterm defaults; the view replaces them with its theme's palette.
std::uint32_t ansi_palette_rgb(int index);

// The style in force at byte `offset` (binary search over runs).
AnsiStyle ansi_style_at(const std::vector<AnsiRun>& runs, std::size_t offset);

}  // namespace ssmview

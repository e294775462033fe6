// core/ansi.cpp: the escape-sequence parser (see ansi.h).
//
// Index
//   SgrReader          streams SGR parameters group by group (no vector, any length)
//   apply_group        one SGR code (with its colon sub-parameters) applied to a style
//   ansi_apply_sgr     SgrReader over a parameter string
//   skip_*             how far each kind of escape sequence reaches
//   sgr_params_plain   tells SGR from private CSI ... m commands
//   ansi_parse         byte loop: copy text, cut sequences, record style changes as runs
//   ansi_palette_rgb, ansi_style_at
//
// Call flow: ansi_parse walks the input once. Plain bytes are copied in spans (memchr-like scan
// for ESC and the C1 lead byte 0xC2), so a 10 MB output without escapes costs one copy. At ESC
// it asks skip_escape() where the sequence ends; an SGR sequence's parameters go through
// ansi_apply_sgr, and a run is appended when the style actually changed.
#include "ansi.h"

#include <algorithm>

namespace ssmview {

namespace {

constexpr int kMaxSub = 8;  // "38:2:cs:r:g:b" is the longest meaningful group

// Legacy extended colours ("38;5;n", "38;2;r;g;b") span several ';'-separated groups, so the
// reader keeps a small state machine between groups instead of looking ahead.
struct SgrReader {
    AnsiStyle& style;
    int        ext_target = 0;  // 38 fg, 48 bg, 58 underline colour (parsed, ignored)
    int        ext_mode = 0;    // 0 = waiting for 2 or 5
    int        ext_vals[3] = {0, 0, 0};
    int        ext_count = 0;

    void set_ext(int target, AnsiColor c) {
        if (target == 38) style.fg = c;
        else if (target == 48) style.bg = c;
    }

    // v[0..n): one group; v[i] < 0 means an empty parameter.
    void group(const int* v, int n) {
        if (ext_target != 0 && n == 1) {
            int x = v[0] < 0 ? 0 : v[0];
            if (ext_mode == 0) {
                if (x == 5 || x == 2) { ext_mode = x; ext_count = 0; return; }
                ext_target = 0;  // not an extended colour after all: drop it, read x normally
            } else {
                ext_vals[ext_count++] = x;
                const int need = ext_mode == 5 ? 1 : 3;
                if (ext_count == need) {
                    if (ext_mode == 5) set_ext(ext_target, AnsiColor::palette(std::min(x, 255)));
                    else set_ext(ext_target, AnsiColor::rgb(std::min(ext_vals[0], 255), std::min(ext_vals[1], 255),
                                                            std::min(ext_vals[2], 255)));
                    ext_target = 0;
                }
                return;
            }
        }
        ext_target = 0;
        apply_group(v, n);
    }

    void apply_group(const int* v, int n) {
        const int code = v[0] < 0 ? 0 : v[0];
        auto sub = [&](int i) { return i < n && v[i] >= 0 ? v[i] : 0; };
        switch (code) {
        case 0: style = AnsiStyle{}; return;
        case 1: style.flags |= kAnsiBold; return;
        case 2: style.flags |= kAnsiDim; return;
        case 3: style.flags |= kAnsiItalic; return;
        case 4:  // "4:0" turns underline off; "4:1".."4:5" are underline styles
            if (n > 1 && sub(1) == 0) style.flags &= static_cast<std::uint8_t>(~kAnsiUnderline);
            else style.flags |= kAnsiUnderline;
            return;
        case 7: style.flags |= kAnsiInverse; return;
        case 9: style.flags |= kAnsiStrike; return;
        case 21: style.flags |= kAnsiUnderline; return;
        case 22: style.flags &= static_cast<std::uint8_t>(~(kAnsiBold | kAnsiDim)); return;
        case 23: style.flags &= static_cast<std::uint8_t>(~kAnsiItalic); return;
        case 24: style.flags &= static_cast<std::uint8_t>(~kAnsiUnderline); return;
        case 27: style.flags &= static_cast<std::uint8_t>(~kAnsiInverse); return;
        case 29: style.flags &= static_cast<std::uint8_t>(~kAnsiStrike); return;
        case 39: style.fg = AnsiColor{}; return;
        case 49: style.bg = AnsiColor{}; return;
        case 38: case 48: case 58:
            if (n == 1) { ext_target = code; ext_mode = 0; ext_count = 0; return; }
            // Colon form: "38:5:n", "38:2:r:g:b" or, per ITU T.416, "38:2:colorspace:r:g:b".
            if (sub(1) == 5 && n >= 3) {
                set_ext(code, AnsiColor::palette(std::min(sub(2), 255)));
            } else if (sub(1) == 2 && n >= 5) {
                const int o = n >= 6 ? 3 : 2;
                set_ext(code, AnsiColor::rgb(std::min(sub(o), 255), std::min(sub(o + 1), 255), std::min(sub(o + 2), 255)));
            }
            return;
        default: break;
        }
        if (code >= 30 && code <= 37) style.fg = AnsiColor::palette(code - 30);
        else if (code >= 40 && code <= 47) style.bg = AnsiColor::palette(code - 40);
        else if (code >= 90 && code <= 97) style.fg = AnsiColor::palette(code - 90 + 8);
        else if (code >= 100 && code <= 107) style.bg = AnsiColor::palette(code - 100 + 8);
        // Everything else (blink, conceal, fonts, ...) has no meaning in a log view.
    }
};

bool is_csi_final(unsigned char c) { return c >= 0x40 && c <= 0x7E; }

// Where a CSI sequence whose parameters start at `i` ends (index past its final byte), or, when it
// is malformed or cut short, the index of the first byte that cannot belong to it.
std::size_t skip_csi(std::string_view s, std::size_t i, bool& complete) {
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (is_csi_final(c)) { complete = true; return i + 1; }
        if (c < 0x20 || c > 0x7E) break;  // a control or non-ASCII byte: the sequence was broken
        ++i;
    }
    complete = false;
    return i;
}

// OSC, DCS, SOS, PM and APC carry a string ended by BEL or ST (ESC \ or U+009C). A newline also
// ends it here: real terminals would keep swallowing, but in a log an unterminated OSC would then
// hide every line after it.
std::size_t skip_string(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0x07) return i + 1;
        if (c == 0x1B) return (i + 1 < s.size() && s[i + 1] == '\\') ? i + 2 : i;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x9C) return i + 2;
        if (c == '\n' || c == '\r') return i;
        ++i;
    }
    return i;
}

// SGR proper has only digits, ';' and ':'. A private marker ("ESC [ > 4 m", xterm's modifyKeys)
// or an intermediate byte makes it a different command that must not touch the style.
bool sgr_params_plain(std::string_view p) {
    for (char c : p)
        if (!((c >= '0' && c <= '9') || c == ';' || c == ':')) return false;
    return true;
}

}  // namespace

void ansi_apply_sgr(AnsiStyle& style, std::string_view params) {
    SgrReader r{style};
    int v[kMaxSub];
    int n = 0;
    int cur = -1;  // -1: empty so far
    auto end_param = [&] {
        if (n < kMaxSub) v[n++] = cur;
        cur = -1;
    };
    for (char ch : params) {
        if (ch >= '0' && ch <= '9') {
            cur = cur < 0 ? 0 : cur;
            if (cur < 100000) cur = cur * 10 + (ch - '0');  // clamp: huge numbers stay huge, never overflow
        } else if (ch == ':') {
            end_param();
        } else if (ch == ';') {
            end_param();
            r.group(v, n);
            n = 0;
        }
        // Other bytes (private markers) never reach here: ansi_parse ignores such sequences.
    }
    end_param();
    r.group(v, n);
}

AnsiText ansi_parse(std::string_view in) {
    AnsiText out;
    out.text.reserve(in.size());
    AnsiStyle style;
    auto set_style = [&](const AnsiStyle& next) {
        if (next == style) return;
        style = next;
        const std::size_t at = out.text.size();
        if (!out.runs.empty() && out.runs.back().begin == at) {
            out.runs.back().style = style;  // two changes with no text between: keep the last
            if (out.runs.size() >= 2 && out.runs[out.runs.size() - 2].style == style) out.runs.pop_back();
            else if (out.runs.size() == 1 && at == 0 && style.is_default()) out.runs.pop_back();
        } else {
            out.runs.push_back({at, style});
        }
    };

    std::size_t i = 0;
    const std::size_t n = in.size();
    while (i < n) {
        // Copy the plain span up to the next possible escape in one go.
        std::size_t j = i;
        while (j < n && in[j] != '\x1b' && in[j] != '\xc2') ++j;
        out.text.append(in.data() + i, j - i);
        i = j;
        if (i >= n) break;

        if (in[i] == '\xc2') {
            // U+0080..U+009F (C1 controls) in UTF-8: CSI, OSC and string introducers, others dropped.
            const unsigned char c1 = i + 1 < n ? static_cast<unsigned char>(in[i + 1]) : 0;
            if (c1 < 0x80 || c1 > 0x9F) { out.text.push_back(in[i]); ++i; continue; }
            ++out.sequences;
            i += 2;
            if (c1 == 0x9B) {
                bool complete = false;
                const std::size_t start = i;
                i = skip_csi(in, i, complete);
                if (complete && in[i - 1] == 'm' && sgr_params_plain(in.substr(start, i - 1 - start))) {
                    AnsiStyle next = style;
                    ansi_apply_sgr(next, in.substr(start, i - 1 - start));
                    set_style(next);
                }
            } else if (c1 == 0x9D || c1 == 0x90 || c1 == 0x98 || c1 == 0x9E || c1 == 0x9F) {
                i = skip_string(in, i);
            }
            continue;
        }

        // ESC
        ++out.sequences;
        if (i + 1 >= n) { i = n; break; }  // a lone ESC at the very end
        const unsigned char k = static_cast<unsigned char>(in[i + 1]);
        if (k == '[') {
            const std::size_t start = i + 2;
            bool complete = false;
            i = skip_csi(in, start, complete);
            // SGR only when it has no private marker ("<=>?") and no intermediate bytes.
            if (complete && in[i - 1] == 'm' && sgr_params_plain(in.substr(start, i - 1 - start))) {
                AnsiStyle next = style;
                ansi_apply_sgr(next, in.substr(start, i - 1 - start));
                set_style(next);
            }
        } else if (k == ']' || k == 'P' || k == 'X' || k == '^' || k == '_') {
            i = skip_string(in, i + 2);
        } else if (k >= 0x20 && k <= 0x2F) {
            // nF escape ("ESC ( B"): intermediates, then one final byte 0x30..0x7E.
            std::size_t p = i + 1;
            while (p < n && static_cast<unsigned char>(in[p]) >= 0x20 && static_cast<unsigned char>(in[p]) <= 0x2F) ++p;
            if (p < n && static_cast<unsigned char>(in[p]) >= 0x30 && static_cast<unsigned char>(in[p]) <= 0x7E) ++p;
            i = p;
        } else if (k >= 0x30 && k <= 0x7E) {
            i += 2;  // two-byte escape ("ESC 7", "ESC =", "ESC c")
        } else {
            i += 1;  // ESC followed by a control or non-ASCII byte: drop the ESC, keep the byte
        }
    }
    return out;
}

std::uint32_t ansi_palette_rgb(int index) {
    static const std::uint32_t kXterm16[16] = {
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    };
    index &= 0xFF;
    if (index < 16) return kXterm16[index];
    if (index < 232) {
        static const std::uint32_t kLevels[6] = {0x00, 0x5F, 0x87, 0xAF, 0xD7, 0xFF};
        const int c = index - 16;
        return (kLevels[c / 36] << 16) | (kLevels[(c / 6) % 6] << 8) | kLevels[c % 6];
    }
    const std::uint32_t g = static_cast<std::uint32_t>(8 + (index - 232) * 10);
    return (g << 16) | (g << 8) | g;
}

AnsiStyle ansi_style_at(const std::vector<AnsiRun>& runs, std::size_t offset) {
    auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                               [](std::size_t o, const AnsiRun& r) { return o < r.begin; });
    if (it == runs.begin()) return AnsiStyle{};
    return std::prev(it)->style;
}

}  // namespace ssmview

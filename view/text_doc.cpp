// view/text_doc.cpp: building display texts (see text_doc.h for the rules).
//
// Index
//   utf8_valid_length     length of a well-formed UTF-8 sequence at a position, 0 if malformed
//   invisible_format_char zero-width format characters, dropped from display
//   sanitize_display_text the rules, one pass, runs remapped as it goes
//   make_output_doc, make_raw_doc
//
// Call flow: view_state.cpp builds the stdout and stderr docs on load (and the raw doc the first
// time the raw tab is shown); nothing else writes a TextDoc. A text that needs no change (the
// common case) is copied in long spans, so a clean 10 MB output costs little more than a memcpy.
#include "text_doc.h"

#include "text_encoding.h"  // append_utf8: the core's encoder writes the replacement glyphs

namespace ssmview {

namespace {

// RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
std::size_t utf8_valid_length(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        if (c == 0xE0 && at(1) < 0xA0) return 0;   // overlong
        if (c == 0xED && at(1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if (c == 0xF0 && at(1) < 0x90) return 0;
        if (c == 0xF4 && at(1) >= 0x90) return 0;
        return 4;
    }
    return 0;
}

// Zero-width joiners and spaces, word joiner, variation selectors 15/16 and the BOM as a
// character: invisible by definition, they only steer shaping, which ImGui does not do. Drawn,
// they would take a cell each (as U+FFFD) and split "⚠️" or "👩‍💻" into several boxes.
bool invisible_format_char(std::string_view s, std::size_t i, std::size_t len) {
    if (len != 3) return false;
    const unsigned char a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]),
                        c = static_cast<unsigned char>(s[i + 2]);
    if (a == 0xE2 && b == 0x80 && c >= 0x8B && c <= 0x8D) return true;  // U+200B..U+200D
    if (a == 0xE2 && b == 0x81 && c == 0xA0) return true;               // U+2060
    if (a == 0xEF && b == 0xB8 && (c == 0x8E || c == 0x8F)) return true; // U+FE0E, U+FE0F
    if (a == 0xEF && b == 0xBB && c == 0xBF) return true;               // U+FEFF
    return false;
}

}  // namespace

std::string sanitize_display_text(std::string_view in, std::vector<AnsiRun>& runs) {
    std::string out;
    out.reserve(in.size() + in.size() / 16);
    std::size_t run = 0;       // next run (offsets into `in`) to move to `out`
    std::size_t col = 0;       // column in the current line (for tab stops)
    std::size_t i = 0;
    const std::size_t n = in.size();
    // Runs are remapped when the loop reaches their offset. Runs never begin inside a UTF-8
    // sequence (ansi_parse only splits at escapes), so checking at each step start suffices.
    auto move_runs = [&] {
        while (run < runs.size() && runs[run].begin <= i) runs[run++].begin = out.size();
    };
    while (i < n) {
        move_runs();
        // Fast path: a span of printable ASCII up to the next run boundary.
        const std::size_t limit = run < runs.size() ? runs[run].begin : n;
        std::size_t j = i;
        while (j < limit) {
            const unsigned char c = static_cast<unsigned char>(in[j]);
            if (c < 0x20 || c >= 0x7F) break;
            ++j;
        }
        if (j > i) {
            out.append(in.data() + i, j - i);
            col += j - i;
            i = j;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(in[i]);
        if (c == '\n') {
            out.push_back('\n'); col = 0; ++i;
        } else if (c == '\r') {
            out.push_back('\n'); col = 0; ++i;
            if (i < n && in[i] == '\n') { move_runs(); ++i; }
        } else if (c == '\t') {
            const std::size_t spaces = 8 - col % 8;
            out.append(spaces, ' ');
            col += spaces; ++i;
        } else if (c < 0x20 || c == 0x7F) {
            out.push_back('^');  // caret notation, as `cat -v` shows them: NUL ^@, ESC ^[, DEL ^?
            out.push_back(c == 0x7F ? '?' : static_cast<char>(c + 64));
            col += 2; ++i;
        } else {
            const std::size_t len = utf8_valid_length(in, i);
            if (len == 0) {
                append_utf8(out, 0xFFFD); ++i;
            } else if (len == 2 && c == 0xC2 && static_cast<unsigned char>(in[i + 1]) < 0xA0) {
                append_utf8(out, 0xFFFD); i += 2;  // C1 control: invisible in every font
            } else if (invisible_format_char(in, i, len)) {
                i += len;
                continue;  // no cell: see invisible_format_char
            } else {
                std::size_t at = out.size();
                out.append(in.data() + i, len); i += len;
                col += static_cast<std::size_t>(cell_width(utf8_decode(out, at)));  // tab stops count cells
                continue;
            }
            ++col;
        }
    }
    move_runs();
    // Runs that landed on the same offset (their text vanished): keep the last of each.
    std::size_t w = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (w > 0 && runs[w - 1].begin == runs[r].begin) runs[w - 1] = runs[r];
        else runs[w++] = runs[r];
    }
    runs.resize(w);
    return out;
}

TextDoc make_output_doc(std::string_view raw) {
    TextDoc doc;
    doc.source_bytes = raw.size();
    AnsiText parsed = ansi_parse(raw);
    doc.escapes_removed = parsed.sequences;
    doc.runs = std::move(parsed.runs);
    doc.text = sanitize_display_text(parsed.text, doc.runs);
    doc.lines = index_lines(doc.text);
    return doc;
}

TextDoc make_raw_doc(std::string_view raw) {
    TextDoc doc;
    doc.source_bytes = raw.size();
    std::vector<AnsiRun> none;
    doc.text = sanitize_display_text(raw, none);
    doc.lines = index_lines(doc.text);
    return doc;
}

}  // namespace ssmview

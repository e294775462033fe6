// view/text_doc.h: a text made ready to draw: one line break, no tabs, no invisible bytes.
//
// Index
//   TextDoc          display text + line index + style runs (+ how many bytes came in)
//   make_output_doc  command output: ANSI SGR -> runs, other escapes removed, then sanitized
//   make_raw_doc     the pasted input as it was: no ANSI interpretation, only sanitized
//
// Sanitizing, and why each rule:
//   "\r\n" and a lone "\r" become "\n"   the same line numbers core's TextLocator gives, so a
//                                        diagnostic's line is the raw view's line
//   tab -> spaces to the next multiple of 8   terminals' tab stops, counted in cells (text_cells.h)
//   other C0 controls and DEL -> caret notation ("^@", "^[", "^?", as `cat -v` writes them)
//                                        visible instead of silently vanishing; Control
//                                        Pictures (U+2400..) would be nicer but the bundled
//                                        font (DejaVu Sans Mono) has none of them
//   zero-width format characters (ZWJ, ZWSP, variation selectors, BOM) dropped: they take no cell
//   invalid UTF-8 byte -> U+FFFD          ImGui would decode it to something anyway; this makes it
//                                        one cell and keeps the text valid for find and copy
// Column positions in the display text are therefore exact multiples of the font's advance.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ansi.h"
#include "text_lines.h"

namespace ssmview {

struct TextDoc {
    std::string          text;   // display text
    TextLines            lines;
    std::vector<AnsiRun> runs;   // byte offsets into `text`; empty = default style throughout
    std::size_t          source_bytes = 0;
    int                  escapes_removed = 0;
};

TextDoc make_output_doc(std::string_view raw);
TextDoc make_raw_doc(std::string_view raw);

// The sanitizing pass alone (tests). `runs` (offsets into `in`) are remapped into the result.
std::string sanitize_display_text(std::string_view in, std::vector<AnsiRun>& runs);

}  // namespace ssmview

// fuzz/fuzz_ansi.cpp: the escape-sequence parser (core/ansi.h) on arbitrary output bytes.
//
// Index
//   check_subsequence        the plain text is the input with bytes removed, never added or moved
//   check_runs               sorted, inside the text, each a real change, only defined flags
//   check_style_lookup       ansi_style_at (binary search) against a walk of the runs
//   LLVMFuzzerTestOneInput   ansi_parse(bytes) -> the checks; ansi_apply_sgr on the raw bytes too
//
// Call flow: the input is one command output as StandardOutputContent carries it. ansi_parse
// removes every escape sequence (ESC and the C1 introducers) and turns SGR into style runs; the
// checks say what a caller (text_doc.cpp, the text view) relies on. An output with no ESC and no
// 0xC2 byte (the C1 lead byte) must come back unchanged, with no runs: the fast path's contract.
// Seeds: fuzz/corpus/fuzz_ansi (the fixtures' outputs, with their SGR colours, OSC titles, \r).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ansi.h"
#include "check.h"

namespace {

using ssmview::AnsiRun;
using ssmview::AnsiStyle;

void check_subsequence(std::string_view in, std::string_view out) {
    FUZZ_CHECK(out.size() <= in.size(), "the plain text is longer than the input");
    std::size_t i = 0;
    for (std::size_t o = 0; o < out.size(); ++o, ++i) {
        while (i < in.size() && in[i] != out[o]) ++i;
        FUZZ_CHECK(i < in.size(), "plain text byte " + std::to_string(o) + " is not from the input, in order");
    }
    FUZZ_CHECK(out.find('\x1b') == std::string_view::npos, "an ESC survived in the plain text");
}

void check_runs(const ssmview::AnsiText& t) {
    constexpr unsigned kAllFlags = ssmview::kAnsiBold | ssmview::kAnsiDim | ssmview::kAnsiItalic |
                                   ssmview::kAnsiUnderline | ssmview::kAnsiInverse | ssmview::kAnsiStrike;
    for (std::size_t k = 0; k < t.runs.size(); ++k) {
        const AnsiRun& r = t.runs[k];
        const std::string where = "run " + std::to_string(k) + " at " + std::to_string(r.begin);
        FUZZ_CHECK(r.begin <= t.text.size(), where + " is past the text (" + std::to_string(t.text.size()) + " bytes)");
        FUZZ_CHECK((r.style.flags & ~kAllFlags) == 0, where + " has undefined flags");
        if (k == 0) {
            FUZZ_CHECK(r.begin > 0 || !r.style.is_default(), "a default run at 0: the empty list says that");
            continue;
        }
        FUZZ_CHECK(r.begin > t.runs[k - 1].begin, where + " does not come after the previous run");
        FUZZ_CHECK(r.style != t.runs[k - 1].style, where + " repeats the previous run's style");
    }
}

void check_style_lookup(const ssmview::AnsiText& t, std::size_t offset) {
    AnsiStyle expected;
    for (const AnsiRun& r : t.runs)
        if (r.begin <= offset) expected = r.style;
    FUZZ_CHECK(ssmview::ansi_style_at(t.runs, offset) == expected, "ansi_style_at disagrees at " + std::to_string(offset));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const ssmview::AnsiText t = ssmview::ansi_parse(in);

    check_subsequence(in, t.text);
    check_runs(t);
    // Each sequence removed takes at least its introducer (ESC, or the two bytes of a C1).
    FUZZ_CHECK(t.sequences >= 0 && t.text.size() + static_cast<std::size_t>(t.sequences) <= in.size(),
               std::to_string(t.sequences) + " sequences counted, " + std::to_string(in.size() - t.text.size()) + " bytes removed");
    if (in.find('\x1b') == std::string_view::npos && in.find('\xc2') == std::string_view::npos)
        FUZZ_CHECK(t.text == in && t.runs.empty() && t.sequences == 0, "text without escapes did not come back unchanged");
    for (const AnsiRun& r : t.runs) {
        check_style_lookup(t, r.begin);
        if (r.begin > 0) check_style_lookup(t, r.begin - 1);
    }
    check_style_lookup(t, t.text.size());

    // The SGR parameter reader takes any bytes (ansi_parse only hands it digits, ';' and ':').
    AnsiStyle style;
    ssmview::ansi_apply_sgr(style, in);
    FUZZ_CHECK((style.flags & ~0x3Fu) == 0, "ansi_apply_sgr set undefined flags");
    return 0;
}

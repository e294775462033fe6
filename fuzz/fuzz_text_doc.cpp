// fuzz/fuzz_text_doc.cpp: what the view runs on a pasted output: display text, lines, find.
//
// Index
//   Input layout             flags, query length and place, then the output (or the paste)
//   check_display_text       valid UTF-8, one line break, no control or invisible characters
//   check_runs               style runs inside the text, sorted, on code point boundaries
//   check_lines              the line index against a walk of the text; columns -> bytes
//   check_matches_core_lines the raw view has the lines core's diagnostics are placed on
//   check_find               find_all against a naive search (bytes, or folded code points);
//                            step, nearest, matches_in
//   LLVMFuzzerTestOneInput
//
// Call flow, as view_state.cpp and output_panel.cpp do it: make_output_doc(stdout or stderr)
// (ANSI -> runs, then sanitize) or make_raw_doc(pasted text), whose line index the text view
// draws from; then find_all(doc.text, query) when someone types in the find box, and
// find_step / find_nearest / matches_in as they move through the matches and rows are drawn.
//
// Input layout: byte 0 holds flags (bit 0 case-sensitive, bit 1 raw doc instead of output doc,
// bit 2 take the query from the display text so that it matches), byte 1 the query's length
// (mod 33), byte 2 where in the display text the query starts (bit 2 only). Without bit 2 the
// query is the next bytes of the input, as typed: anything at all. The rest is the text.
// Seeds: fuzz/corpus/fuzz_text_doc (the fixtures' outputs and pasted terminal text, with headers).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.h"
#include "diagnostic.h"
#include "text_doc.h"
#include "text_find.h"
#include "text_lines.h"

namespace {

using ssmview::TextDoc;
using ssmview::TextLines;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// ---- check_display_text ---------------------------------------------------------------------

void check_display_text(const std::string& t) {
    FUZZ_CHECK(ssmview_fuzz::is_valid_utf8(t), "the display text is not valid UTF-8");
    const auto at = [&](std::size_t i) { return i < t.size() ? static_cast<unsigned char>(t[i]) : 0u; };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const unsigned c = at(i);
        FUZZ_CHECK((c >= 0x20 && c != 0x7F) || c == '\n', "control byte " + std::to_string(c) + " at " + std::to_string(i));
        if (c < 0xC2) continue;
        const unsigned b = at(i + 1), d = at(i + 2);
        FUZZ_CHECK(c != 0xC2 || b >= 0xA0, "a C1 control at " + std::to_string(i));
        // ZWSP, ZWNJ, ZWJ (U+200B..D), WORD JOINER (U+2060), VS15/VS16 (U+FE0E/F), BOM (U+FEFF)
        const bool invisible = (c == 0xE2 && b == 0x80 && d >= 0x8B && d <= 0x8D) || (c == 0xE2 && b == 0x81 && d == 0xA0) ||
                               (c == 0xEF && b == 0xB8 && (d == 0x8E || d == 0x8F)) || (c == 0xEF && b == 0xBB && d == 0xBF);
        FUZZ_CHECK(!invisible, "an invisible format character at " + std::to_string(i));
    }
}

void check_runs(const TextDoc& doc) {
    for (std::size_t k = 0; k < doc.runs.size(); ++k) {
        const std::size_t b = doc.runs[k].begin;
        FUZZ_CHECK(b <= doc.text.size(), "run " + std::to_string(k) + " at " + std::to_string(b) + " is past the text");
        FUZZ_CHECK(k == 0 || b > doc.runs[k - 1].begin, "run " + std::to_string(k) + " is not after the previous one");
        FUZZ_CHECK(b == doc.text.size() || !continuation(doc.text[b]), "run " + std::to_string(k) + " starts inside a character");
    }
}

// ---- check_lines ----------------------------------------------------------------------------

void check_lines(const std::string& t, const TextLines& lines) {
    FUZZ_CHECK(lines.text_size == t.size(), "text_size differs from the text");
    FUZZ_CHECK(lines.ends_with_newline == (!t.empty() && t.back() == '\n'), "ends_with_newline is wrong");
    std::size_t expected_count = 0, start = 0;
    std::uint32_t max_cols = 0;
    while (start < t.size()) {
        const std::size_t nl = t.find('\n', start);
        const std::size_t end = nl == std::string::npos ? t.size() : nl;
        // Cells, one code point at a time (the index takes an ASCII fast path and utf8_cells).
        std::uint32_t cols = 0;
        for (std::size_t i = start; i < end;) cols += static_cast<std::uint32_t>(ssmview::cell_width(ssmview::utf8_decode(t, i)));
        const auto cells = [&](std::size_t from, std::size_t to) {
            std::size_t n = 0;
            for (std::size_t i = from; i < to;) n += static_cast<std::size_t>(ssmview::cell_width(ssmview::utf8_decode(t, i)));
            return n;
        };
        const std::string line = "line " + std::to_string(expected_count);
        FUZZ_CHECK(expected_count < lines.count(), "fewer lines indexed than the text has");
        FUZZ_CHECK(lines.starts[expected_count] == start, line + " starts elsewhere");
        FUZZ_CHECK(lines.end(expected_count) == end, line + " ends elsewhere");
        FUZZ_CHECK(lines.cols[expected_count] == cols, line + " has a different column count");
        FUZZ_CHECK(ssmview::line_of_offset(lines, start) == expected_count && ssmview::line_of_offset(lines, end) == expected_count,
                   line + ": line_of_offset disagrees");
        // Columns -> bytes, as the text view clips and wraps: the first code point starting at the
        // column or after (a wide one may straddle it: one cell later), never a zero-width one
        // (it stays with its base), and `at` the cell it really starts at.
        for (std::size_t col : {std::size_t{0}, std::size_t{1}, std::size_t{cols / 2}, std::size_t{cols}, std::size_t{cols} + 3}) {
            std::size_t at = 0;
            const std::size_t b = ssmview::byte_of_column(t, lines, expected_count, col, &at);
            const std::string where = line + ": byte_of_column(" + std::to_string(col) + ")";
            FUZZ_CHECK(b >= start && b <= end, where + " leaves the line");
            FUZZ_CHECK(b == end || !continuation(t[b]), where + " lands inside a character");
            FUZZ_CHECK(cells(start, b) == at, where + ": the cell it reports is not where it is");
            FUZZ_CHECK(b == end ? at == cols : (at >= col && at <= col + 1), where + " is off");
            if (b < end && col > 0) {
                std::size_t j = b;
                FUZZ_CHECK(ssmview::cell_width(ssmview::utf8_decode(t, j)) > 0, where + " starts at a zero-width code point");
            }
        }
        max_cols = std::max(max_cols, cols);
        ++expected_count;
        start = end + 1;
    }
    FUZZ_CHECK(lines.count() == expected_count && lines.cols.size() == expected_count,
               std::to_string(lines.count()) + " lines indexed, the text has " + std::to_string(expected_count));
    FUZZ_CHECK(lines.max_cols == max_cols, "max_cols is not the longest line");
}

// The raw tab jumps to a diagnostic's line, so its line breaks must be the core's (text_doc.h).
void check_matches_core_lines(std::string_view pasted, const TextDoc& raw) {
    int line = 0, column = 0;
    ssmview::TextLocator(pasted).locate(pasted.size(), line, column);
    const std::size_t view_lines = raw.lines.count() + (raw.text.empty() || raw.lines.ends_with_newline ? 1 : 0);
    FUZZ_CHECK(static_cast<std::size_t>(line) == view_lines,
               "core places the end of the text on line " + std::to_string(line) + ", the raw view has " +
                   std::to_string(view_lines));
}

// ---- check_find -----------------------------------------------------------------------------

// Case-folded text as code points, each with the byte offset it starts at (and the end last).
struct Folded {
    std::vector<char32_t>    cp;
    std::vector<std::size_t> at;
};
Folded fold_all(std::string_view s) {
    Folded f;
    for (std::size_t i = 0; i < s.size();) {
        f.at.push_back(i);
        f.cp.push_back(ssmview::fold_case(ssmview::utf8_decode(s, i)));
    }
    f.at.push_back(s.size());
    return f;
}

void check_find(const std::string& t, const TextLines& lines, std::string_view q, bool cs) {
    // The oracle: left to right, non-overlapping, one position at a time: bytes when case
    // matters, else whole folded code points (a match may differ in bytes from the query).
    std::vector<std::size_t> expected, lengths;
    if (!q.empty() && cs) {
        for (std::size_t at = 0; at + q.size() <= t.size();) {
            if (t.compare(at, q.size(), q) == 0) { expected.push_back(at); lengths.push_back(q.size()); at += q.size(); }
            else ++at;
        }
    } else if (!q.empty()) {
        const Folded ft = fold_all(t), fq = fold_all(q);
        const std::size_t m = fq.cp.size();
        for (std::size_t k = 0; k + m <= ft.cp.size();) {
            if (std::equal(fq.cp.begin(), fq.cp.end(), ft.cp.begin() + static_cast<std::ptrdiff_t>(k))) {
                expected.push_back(ft.at[k]);
                lengths.push_back(ft.at[k + m] - ft.at[k]);
                k += m;
            } else {
                ++k;
            }
        }
    }

    const ssmview::FindResult r = ssmview::find_all(t, q, cs);
    FUZZ_CHECK(r.query == q && r.case_sensitive == cs, "the result names another query");
    FUZZ_CHECK(r.count == expected.size() && r.offsets == expected,
               "find_all counted " + std::to_string(r.count) + ", a naive search " + std::to_string(expected.size()));
    FUZZ_CHECK(std::equal(r.lengths.begin(), r.lengths.end(), lengths.begin(), lengths.end()), "a match's length is off");
    FUZZ_CHECK(!r.capped(), "capped below the cap");

    const ssmview::FindResult few = ssmview::find_all(t, q, cs, 2);
    FUZZ_CHECK(few.count == expected.size() && few.offsets.size() == std::min<std::size_t>(2, expected.size()) &&
                   std::equal(few.offsets.begin(), few.offsets.end(), expected.begin()) && few.capped() == (expected.size() > 2),
               "a capped find lost the count or the first matches");

    const int n = static_cast<int>(r.offsets.size());
    for (int current : {-1, 0, n - 1, n})
        for (int delta : {-1, 1}) {
            const int s = ssmview::find_step(r, current, delta);
            FUZZ_CHECK(n == 0 ? s == -1 : (s >= 0 && s < n), "find_step left the matches");
        }
    for (std::size_t offset : {std::size_t{0}, t.size() / 2, t.size()}) {
        const int i = ssmview::find_nearest(r, offset);
        if (n == 0) { FUZZ_CHECK(i == -1, "find_nearest found a match in none"); continue; }
        const auto first_at_or_after = std::lower_bound(expected.begin(), expected.end(), offset);
        const int want = first_at_or_after == expected.end() ? 0 : static_cast<int>(first_at_or_after - expected.begin());
        FUZZ_CHECK(i == want, "find_nearest(" + std::to_string(offset) + ") is " + std::to_string(i));
    }
    // The rows being drawn: exactly the matches that overlap each row's bytes.
    const std::size_t rows = std::min<std::size_t>(lines.count(), 64);
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t b = lines.starts[row], e = lines.end(row);
        const auto [lo, hi] = ssmview::matches_in(r, b, e);
        for (std::size_t k = 0; k < expected.size(); ++k) {
            const bool overlaps = expected[k] < e && expected[k] + lengths[k] > b;
            FUZZ_CHECK(overlaps == (k >= lo && k < hi), "matches_in(row " + std::to_string(row) + ") disagrees on match " +
                                                            std::to_string(k));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const bool case_sensitive = data[0] & 1, raw = data[0] & 2, query_from_text = data[0] & 4;
    std::size_t query_len = data[1] % 33;
    std::string_view rest(reinterpret_cast<const char*>(data) + 3, size - 3);
    std::string_view typed;
    if (!query_from_text) {
        query_len = std::min(query_len, rest.size());
        typed = rest.substr(0, query_len);
        rest.remove_prefix(query_len);
    }

    const TextDoc doc = raw ? ssmview::make_raw_doc(rest) : ssmview::make_output_doc(rest);
    FUZZ_CHECK(doc.source_bytes == rest.size(), "source_bytes is not the input's size");
    FUZZ_CHECK(!raw || (doc.runs.empty() && doc.escapes_removed == 0), "the raw doc interpreted escapes");
    check_display_text(doc.text);
    check_runs(doc);
    check_lines(doc.text, doc.lines);
    if (raw) check_matches_core_lines(rest, doc);

    const std::string_view query =
        query_from_text ? std::string_view(doc.text).substr(doc.text.size() * data[2] / 256, query_len) : typed;
    check_find(doc.text, doc.lines, query, case_sensitive);
    return 0;
}

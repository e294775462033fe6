// core/text_encoding.h: UTF-8 counting and encoding; UTF-16 text (with a byte order mark) to UTF-8.
//
// Index
//   utf8_length        code points in UTF-8 text (or in a byte range of it)
//   utf8_advance       the byte offset a number of code points further on
//   append_utf8        one code point, encoded (the JSON reader's \u escapes use it too)
//   has_utf16_bom      FF FE or FE FF at the start
//   utf16_to_utf8      transcode; unpaired surrogates become U+FFFD
//
// Code points are the unit of the API model's length limits ("24,000 characters") and of diagnostic
// columns (the view's text panes count terminal cells instead: view/text_cells.h). Everything that counts them, in the
// core, the view and the benchmarks, calls utf8_length: a code point starts at each byte that is
// not a continuation byte (10xxxxxx). Invalid UTF-8 costs nothing but accuracy: a stray
// continuation byte is not counted, a lone lead byte counts once.
//
// Windows PowerShell 5.1 writes `aws ... > out.json` as UTF-16LE with a BOM. Front ends that read
// files (the CLI) transcode such bytes before analyze(); analyze() itself names the encoding and
// the fix when it is handed UTF-16 directly (input.utf16), since its diagnostics are placed by
// byte offsets in the text it was given.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ssmview {

std::size_t utf8_length(std::string_view s);
// Code points in s[begin, end).
std::size_t utf8_length(std::string_view s, std::size_t begin, std::size_t end);
// The offset of the code point `count` code points after the one at `from` (at most s.size()).
std::size_t utf8_advance(std::string_view s, std::size_t from, std::size_t count);

bool has_utf16_bom(std::string_view bytes);
std::string utf16_to_utf8(std::string_view bytes);  // bytes must start with the BOM
void append_utf8(std::string& out, std::uint32_t code_point);

}  // namespace ssmview

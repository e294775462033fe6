// core/text_encoding.h: UTF-16 text (with a byte order mark) to UTF-8.
//
// Index
//   has_utf16_bom      FF FE or FE FF at the start
//   utf16_to_utf8      transcode; unpaired surrogates become U+FFFD
//   append_utf8        one code point, encoded (the JSON reader's \u escapes use it too)
//
// Windows PowerShell 5.1 writes `aws ... > out.json` as UTF-16LE with a BOM. Front ends that read
// files (the CLI) transcode such bytes before analyze(); analyze() itself names the encoding and
// the fix when it is handed UTF-16 directly (input.utf16), since its diagnostics are placed by
// byte offsets in the text it was given.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ssmview {

bool has_utf16_bom(std::string_view bytes);
std::string utf16_to_utf8(std::string_view bytes);  // bytes must start with the BOM
void append_utf8(std::string& out, std::uint32_t code_point);

}  // namespace ssmview

// cli/inspect_text.h: the human-readable summary `ssmview inspect` prints.
//
// Index
//   TextStyle            colour on or off (a terminal without NO_COLOR gets colour)
//   format_summary       header, state, times, output previews
//   format_diagnostics   compiler-style "name:line:col: severity: message [code]" lines
//   sanitize_for_terminal  strip escape sequences and control characters from untrusted text
#pragma once
#include <string>

#include "report.h"

namespace ssmview {

struct TextStyle {
    bool colour = false;
    int  preview_lines = 10;  // lines of stdout/stderr shown; the rest is counted
};

std::string format_summary(const Report& r, const TextStyle& style);
std::string format_diagnostics(const Report& r, const std::string& input_name, const TextStyle& style);
std::string sanitize_for_terminal(std::string_view text);

}  // namespace ssmview

// fuzz/report_checks.h: what must hold of any Report, whatever text produced it.
//
// Index
//   check_diagnostics  the "diagnostics" and "places" invariants alone (any stage's findings)
//   check_report       every invariant below, on the text analyze() was given and its report
//
// The invariants, each cheap next to analyze() itself:
//   diagnostics      every code is in the catalogue, with the catalogue's severity; the message is
//                    a sentence ('.' or '?' at the end); the path is a JSON pointer (RFC 6901)
//   places           line and column are both 0 or both >= 1; a placed finding's line:column is
//                    what an independent count of line breaks (\n, \r\n, lone \r) and code points
//                    gives for its offset, and the offset lies inside the text
//   validity         no invocation => an error says why (valid() is false); an invocation => the
//                    input was recognized as JSON or YAML; the document's span lies inside the text
//   member places    each member read onto the model points at its value: '"' for strings, '{'
//                    for CloudWatchOutputConfig, a digit or '-' for ResponseCode, t/f for booleans
//                    (YAML: the value's first character, never a blank; any style of string)
//   UTF-8            valid UTF-8 in => the report serializes as strict JSON (no byte needs the
//                    `replace` error handler the front ends pass to dump())
//   share round trip an invocation's canonical JSON analyzes to an invocation with the same
//                    canonical JSON: a link re-shared from an opened link is the same link
//   fleet            a fleet is never also an invocation and comes from JSON or YAML; each stream's exact
//                    and similar groups hold each invocation with plugins exactly once (similar:
//                    never more groups); invocations are placed at their '{' (YAML: their first
//                    key); phase counts add up
//
// Used by fuzz_analyze (pasted text), fuzz_share_link (the inflated JSON of a link) and, for the
// diagnostics alone, fuzz_json_reader.
#pragma once
#include <string_view>
#include <vector>

#include "report.h"

namespace ssmview_fuzz {

void check_diagnostics(std::string_view text, const std::vector<ssmview::Diagnostic>& diagnostics);
void check_report(std::string_view text, const ssmview::Report& r);

}  // namespace ssmview_fuzz

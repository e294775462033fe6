// core/output_groups.h: each distinct output once, with the targets that printed it (clubak -b).
//
// Index
//   GroupMode               Exact, or Similar: digits, hex ids and timestamps ignored
//   OutputGroup             one distinct text, its invocations, how many exact variants it joins
//   invocation_stream_text  an invocation's stdout or stderr: its plugins' texts, headed by the
//                           plugin name when there are several steps
//   similarity_key          the text with every run of digits or hex with a digit in it as '#'
//   group_outputs           the groups of one stream, largest first
//
// Only invocations read with their plugins (list-command-invocations --details) have outputs;
// the others are not grouped. An empty output is a group like any other (text ""): "which
// targets printed nothing" is a question people ask.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fleet.h"
#include "output_location.h"

namespace ssmview {

enum class GroupMode { Exact, Similar };

struct OutputGroup {
    OutputStream             stream = OutputStream::Stdout;
    std::string              text;         // the first member's text (Similar: one of the variants)
    std::vector<std::size_t> invocations;  // indices into Fleet::invocations, in fleet order
    std::size_t              variants = 1;  // distinct exact texts in the group (Exact: 1)
    bool                     cut = false;   // some member's text was cut by the agent
};

std::string invocation_stream_text(const FleetInvocation& inv, OutputStream s);
std::string similarity_key(std::string_view text);
std::vector<OutputGroup> group_outputs(const Fleet& fleet, OutputStream s, GroupMode mode);

}  // namespace ssmview

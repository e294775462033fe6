// bench/core/bench_inputs.h: the benchmark's inputs, generated in code (nothing large is committed).
//
// Index
//   BenchInput               one document: the bytes as `aws ssm get-command-invocation --output json`
//                            prints them, plus what the generator knows about them (for sanity checks)
//   make_maximal_invocation  (a) 24,000-character stdout (ANSI SGR + UTF-8), 8,000-character stderr
//   make_large_invocation    (b) the same envelope around ~10 MB of such stdout (JSON-escaped)
//   make_fleet               (c) `aws ssm list-command-invocations --details` of 10,000 invocations:
//                            a handful of distinct outputs, each varied in its numbers
//   json_escape_aws_cli      the AWS CLI v2's string escaping (Python json, ensure_ascii=False)
//   fnv1a64                  a digest printed with each input: equal digests = identical bytes in
//                            the native and the wasm run
//
// Call flow: bench_native.cpp / bench_wasm.cpp call make_*() once at start-up; each maker asks
// bench_inputs.cpp's line generator (a seeded splitmix64, so every run and both builds see the
// same bytes) for stdout/stderr text, escapes it and wraps it in the CLI's 4-space-indented,
// model-ordered object. The documents are identical natively and in WebAssembly. Code points (the
// unit of the service's limits) are counted with the core's utf8_length (text_encoding.h).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text_encoding.h"

namespace ssmview::bench {

struct BenchInput {
    std::string label;          // "maximal invocation", "10 MB input"
    std::string json;           // the whole document, trailing newline included (as the CLI prints)
    std::size_t stdout_chars = 0, stdout_bytes = 0;  // StandardOutputContent, unescaped
    std::size_t stderr_chars = 0, stderr_bytes = 0;  // StandardErrorContent, unescaped
    std::string status;         // the Status member, for the sanity checks
    std::size_t invocations = 0;  // (c): CommandInvocations listed
    std::size_t similar_groups = 0;  // (c): distinct stdouts once digits are ignored
};

// (a) The largest invocation the service returns: StandardOutputContent at its 24,000-character
// limit (ending in the agent's ---Output truncated--- marker), StandardErrorContent at 8,000.
BenchInput make_maximal_invocation();

// (b) The same envelope with a stdout of such text grown until the document is `total_bytes`
// bytes exactly (default 10,000,000: "10 MB").
BenchInput make_large_invocation(std::size_t total_bytes = 10000000);

// (c) A fleet as one --details page lists it (the CLI's paginator joins the pages): `invocations`
// CommandInvocations, 4-space indented, each with one plugin whose Output is one of a few texts
// (a success report with a latency figure, an outdated-release report, a failure with the agent's
// ERROR section); 1 in 100 never delivered (no output).
BenchInput make_fleet(std::size_t invocations = 10000);

std::string json_escape_aws_cli(std::string_view utf8);
std::uint64_t fnv1a64(std::string_view bytes);

}  // namespace ssmview::bench

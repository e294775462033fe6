// core/data_limits.h: every numeric limit of the data, in one place.
//
// Index
//   Input            kMaxInputBytes, kBinarySniffBytes, kMaxJsonDepth
//   Diagnostics      kMaxPerCode
//   Model            the API model's length constraints (CommandId, Comment, PluginName, DocumentName)
//                    and ssmview's bound on a PluginName
//   Outputs          kMaxStdoutChars, kMaxStderrChars (GetCommandInvocation), kMaxPluginOutputChars,
//                    kMaxDiffEdits (comparing two outputs line by line)
//   Share links      kMaxLinkPayloadChars, kMaxLinkDecodedBytes, kLongLinkChars, kMinFleetLinkJsonBytes;
//                    kMaxFetchLinkChars
//   Service errors   kMaxErrorBodyBytes, kMaxErrorMessageBytes (an AWS error answer, read)
//
// Why one header: a limit written in two places drifts (the view once tested the output limit
// with >= while the core used ==). Every stage, front end and test reads the number from here, and
// messages and documentation print it from here. The header has no dependencies, so a stage that
// needs a limit does not pull in the pipeline (report.h). Markers and the per-member description
// of the two outputs live next door, in truncation.h. (Not "limits.h": with core/ on the include
// path, that name would shadow the C library's <limits.h> for every file, <climits> included.)
#pragma once
#include <cstddef>

namespace ssmview {

// ---- Input ----------------------------------------------------------------------------------

// Larger inputs are refused with input.too_large before anything is parsed. 32 MiB holds a
// 10 MB output several times over even when every byte is escaped.
constexpr std::size_t kMaxInputBytes = 32u * 1024u * 1024u;
// Binary input is recognized from this many leading bytes (as git does): formats show themselves
// in their headers, and a NUL further in is still refused by the JSON reader.
constexpr std::size_t kBinarySniffBytes = 8000;
// JSON nesting deeper than this is refused (the real document nests 2 levels).
constexpr int kMaxJsonDepth = 512;

// ---- Diagnostics ----------------------------------------------------------------------------

// A hostile input can repeat one problem a million times; people read the first few, and
// locating each one costs a scan of its line. So each code keeps this many places, then a count.
constexpr int kMaxPerCode = 20;

// ---- Model ----------------------------------------------------------------------------------
// GetCommandInvocationResult's constraints (botocore ssm/2014-11-06 service-2.json), in
// characters (code points).

constexpr std::size_t kCommandIdChars = 36;        // CommandId: a UUID, min = max = 36
constexpr std::size_t kMaxCommentChars = 100;      // Comment
constexpr std::size_t kMinPluginNameChars = 4;     // PluginName
// Not the model's: it sets PluginName no maximum. ssmview's bound on a typed or linked step name,
// in bytes, so a form or a link cannot send megabytes as one.
constexpr std::size_t kMaxPluginNameBytes = 1024;
constexpr std::size_t kMinDocumentNameChars = 3;   // DocumentName's pattern ^[a-zA-Z0-9_\-.]{3,128}$
constexpr std::size_t kMaxDocumentNameChars = 128;

// ---- Outputs --------------------------------------------------------------------------------

// GetCommandInvocation returns at most the first 24,000 characters of standard output and 8,000
// of standard error (the API reference and the model's `max`; the agent's iohandler cuts at the
// same MaxStdoutLength / MaxStderrLength). The rest is only in S3 or CloudWatch Logs, when the
// command sent it there.
constexpr std::size_t kMaxStdoutChars = 24000;
constexpr std::size_t kMaxStderrChars = 8000;
// For the fleet view (list-command-invocations --details): each plugin's `Output` is stdout and
// stderr joined by the agent into at most 2,500 characters (agent contracts/iohandler
// MaximumPluginOutputSize; older agents used 2,400). It is cut with the same two markers as
// the outputs above, and stderr inside it follows a "----------ERROR-------" title line (see
// kPluginOutputErrorTitle in truncation.h). The proxy's simulated SSM writes such outputs; the
// fleet view will read them.
constexpr std::size_t kMaxPluginOutputChars = 2500;
// Comparing two outputs (line_diff.h): Myers' search keeps one row per edit, so its memory grows
// with the square of the edits. Past this many edits the outputs have little in common, and the
// rest is shown as removed, then added, with a note saying so (about 4 MB of search at most).
constexpr std::size_t kMaxDiffEdits = 1000;

// ---- Share links ----------------------------------------------------------------------------

// The longest payload (after "#v1.") a link may carry: Chromium's URL limit is 2 MB; other
// browsers are lower.
constexpr std::size_t kMaxLinkPayloadChars = 2u * 1024u * 1024u;
// The largest inflated JSON a link may carry: inflaters stop there, so a "zip bomb" costs nothing.
constexpr std::size_t kMaxLinkDecodedBytes = 16u * 1024u * 1024u;
// Links longer than this work in browsers but get cut by some chat tools and e-mail clients, so
// the share panel says so.
constexpr std::size_t kLongLinkChars = 8000;
// A fleet's link (fleet_link.h) first tries to carry every invocation, in JSON up to the decoded
// bound. When its compressed payload is still over kMaxLinkPayloadChars, the link maker tries
// again with half the JSON, down to this floor: 64 KiB of JSON compresses below the payload
// bound whatever it holds, so only a command page larger than this makes no link at all.
constexpr std::size_t kMinFleetLinkJsonBytes = 64u * 1024u;
// A live link (#fetch?command=...&instance=...) carries ids, not a report: links are typed into
// address bars and chat messages, so a few kilobytes is already absurd.
constexpr std::size_t kMaxFetchLinkChars = 8192;

// ---- Service errors -------------------------------------------------------------------------

// Error bodies are small; anything longer is not an awsJson error and is not read.
constexpr std::size_t kMaxErrorBodyBytes = 64u * 1024u;
// A message is shown on one line in a panel: keep what a person can read.
constexpr std::size_t kMaxErrorMessageBytes = 2048;

}  // namespace ssmview

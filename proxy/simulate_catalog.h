// proxy/simulate_catalog.h: the built-in commands of `ssmview-proxy --simulate`, and how each evolves over time.
//
// Index
//   Ending                  how a step or an undelivered invocation ends
//   (Line, Output           one stream's text and when it grows: simulate_output.h)
//   Step                    one plugin (step) of a document: when it runs, how it ends, what it prints
//   SimInvocation           one instance's invocation: when it becomes visible, its steps or how
//                           its delivery fails, when a cancel is requested
//   SimCommand              a command as SendCommand would have made it: ids, document, parameters,
//                           where output goes, its invocations
//   catalog                 the commands (fixed ids, documented in README "Simulated SSM"); the
//                           fleets, made rather than listed: simulate_catalog_fleet.h
//   find_command            by CommandId
//   StepView / view_step    a step at time t: status, code, times, output so far
//   InvocationView / view_invocation   an invocation at time t (the list APIs' view)
//   CommandView / view_command         a command at time t: aggregate status and counts
//   command_ends_at         when the last invocation of a command is terminal
//   output_url              a step's StandardOutputUrl / StandardErrorUrl (S3, path-style)
//   invocation_content      StandardOutputContent / StandardErrorContent: the first 24,000 / 8,000
//                           bytes, cut as the agent cuts (bytes, so a character can be split)
//   plugin_output           a step's `Output` in ListCommandInvocations --details (stdout, the
//                           agent's ERROR title, stderr; cut to the model's 2,500 characters)
//
// Time. Every offset here is in milliseconds after the command's RequestedDateTime, which is the
// moment the simulator first heard of it (simulate_runs.h decides when that is). The views take
// `t`, an offset on that same axis, so the whole catalog is a pure function of time: tests drive
// it with a ManualClock and every instant always gives the same answer.
//
// Life of an invocation (as the service reports it):
//   t < visible_ms                         not there yet: GetCommandInvocation answers
//                                          InvocationDoesNotExist, the list leaves it out
//   delivered:    Pending -> InProgress (from the first step's start; output grows line by line)
//                 -> the ending (Success, Failed, TimedOut/ExecutionTimedOut, or Cancelling from
//                 cancel_requested_ms and Cancelled at the step's end)
//   undelivered:  Pending -> TimedOut/DeliveryTimedOut or Failed/Undeliverable at undelivered_ms
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulate_output.h"
#include "truncation.h"  // OutputMember

namespace ssmview::proxy {

enum class Ending { Success, Failed, ExecutionTimedOut, Cancelled, DeliveryTimedOut, Undeliverable };

struct Step {
    std::string  name;  // PluginName: "aws:runShellScript" (schema 1.2 documents) or a 2.2 step name
    std::int64_t start_ms = 0, end_ms = 0;
    Ending       ending = Ending::Success;  // Success, Failed, ExecutionTimedOut or Cancelled
    int          response_code = 0;
    Output       out, err;  // every write happens before end_ms - start_ms (a test checks)
};

struct SimInvocation {
    std::string       instance_id;
    std::string       instance_name;  // InstanceName in the list (the node's host name)
    std::int64_t      visible_ms = 0;
    std::vector<Step> steps;          // the document's steps, in order (at least one)
    bool              delivered = true;
    Ending            undelivered_ending = Ending::DeliveryTimedOut;  // when !delivered
    std::int64_t      undelivered_ms = 0;                             // when !delivered
    std::int64_t      cancel_requested_ms = -1;                       // -1: nobody cancels it
};

struct SimCommand {
    std::string                command_id;
    std::string                comment;
    std::string                document_name;
    std::string                document_version;   // "$DEFAULT", "1", "3"
    std::string                parameters_json;    // Parameters as ListCommands returns them
    std::string                targets_json;       // Targets (tags) as ListCommands returns them; "" =
                                                   // sent to InstanceIds (the invocations' ids)
    std::string                max_concurrency = "50";  // MaxConcurrency as SendCommand took it
    int                        timeout_seconds = 3600;  // TimeoutSeconds: the delivery time-out
    std::string                output_s3_bucket;   // "" = no S3 output (simulate_uploads.h: the objects)
    std::string                output_s3_prefix;
    std::string                cloudwatch_log_group;  // "" with cloudwatch_enabled: /aws/ssm/<DocumentName>
    bool                       cloudwatch_enabled = false;  // simulate_uploads.h: the log streams
    std::string                story;              // one line: what it shows (README, /healthz)
    std::vector<SimInvocation> invocations;
};

// The simulated region: S3 output URLs and OutputS3Region name it.
constexpr const char* kSimRegion = "us-east-1";

const std::vector<SimCommand>& catalog();
const SimCommand* find_command(const std::string& command_id);  // null when unknown
std::size_t       command_index(const SimCommand& command);     // its place in catalog()

struct StepView {
    std::string  status;          // Pending, InProgress, Success, Failed, TimedOut, Cancelled, Cancelling
    std::string  status_details;  // Pending, InProgress, Success, Failed, ExecutionTimedOut, ...
    std::string  plugin_status;   // the CommandPlugin enum (no Cancelling: InProgress then)
    int          response_code = -1;
    std::int64_t start_ms = -1, end_ms = -1;  // -1: not started / not ended
    // What it has written so far, whole: views into the catalog's text (which outlives any view).
    std::string_view out, err;
};
StepView view_step(const SimCommand& command, const SimInvocation& inv, std::size_t step, std::int64_t t);

struct InvocationView {
    bool        visible = false;
    std::string status, status_details;
    bool        terminal = false;
    std::vector<StepView> steps;  // empty until visible
};
InvocationView view_invocation(const SimCommand& command, const SimInvocation& inv, std::int64_t t);

struct CommandView {
    std::string status, status_details;
    int         target_count = 0, completed_count = 0, error_count = 0, delivery_timed_out_count = 0;
};
CommandView view_command(const SimCommand& command, std::int64_t t);

std::int64_t command_ends_at(const SimCommand& command);

// S3 URL of a step's stdout/stderr when the command writes to S3 and the invocation was
// delivered; "" otherwise. (GetCommandInvocation shows it once the step has ended; the object
// exists only when that output is not empty: simulate_uploads.h.)
std::string output_url(const SimCommand& command, const SimInvocation& inv, std::size_t step, const char* stream);

// What GetCommandInvocation returns of a stream: all of it when it fits the member's limit
// (core's output_spec: 24,000 for stdout, 8,000 for stderr), else its first (limit - marker) bytes
// and the agent's marker for that stream ("\n---Output truncated---", "\n---Error truncated----",
// core's kTruncationMarkers). The agent counts bytes, so the cut can fall inside a UTF-8
// character; the agent's JSON encoder then writes each byte of the broken character as U+FFFD,
// and so does this. The result is valid UTF-8, at most `limit` characters.
std::string invocation_content(std::string_view text, OutputMember member);

std::string plugin_output(const StepView& step);

}  // namespace ssmview::proxy

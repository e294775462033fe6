// core/output_location.h: where the whole output of an invocation lives: the SSM agent's S3 and
// CloudWatch Logs layout, read from a report and checked in a request.
//
// Index
//   OutputStream             stdout / stderr, and the last segment of a key or stream name
//   output_stream_index/_at  0 / 1 for arrays kept per stream (the view's panes, the whole output)
//   output_content, output_url   an invocation's StandardOutput/ErrorContent and ...Url of a stream
//   S3Location, parse_s3_url the URL shapes StandardOutputUrl takes (path-style, virtual-hosted,
//                            legacy dash region, s3://); the key is percent-decoded
//   s3_bucket_name_ok        a bucket name the proxy may put into a path
//   s3_output_key_ok         <prefix>/<CommandId>/<InstanceId>/<plugin...>/stdout|stderr
//   s3_proxy_path            /s3/<region>/<bucket>/<key>: where ssmview-proxy serves an object
//   s3_object_size           an S3 answer's Content-Range / Content-Length -> the object's size
//   log_group_name_ok        CloudWatch Logs' pattern for a group name
//   default_log_group        /aws/ssm/<DocumentName>, with the agent's replacement of other chars
//   log_stream_segment       a PluginName as the agent writes it into a stream name
//   log_stream_name          <CommandId>/<InstanceId>/<plugin>/stdout|stderr
//   log_stream_name_ok       the same shape, checked (the proxy signs nothing else)
//   log_stream_prefix_ok     <CommandId>/..., for FilterLogEvents over a whole command
//   LogOutput, invocation_log_output   a report's invocation -> its group and two stream names
//
// Why here: the page shows console links and loads the complete output, the CLI follows the
// logs, the proxy refuses any name outside this layout and the simulator writes it. Each reads
// the layout from this file, so a name the simulator writes is one the proxy accepts and the page
// asks for. Facts (from the agent's source and the API references; docs/aws-output-layout.md):
//   - the group is CloudWatchOutputConfig.CloudWatchLogGroupName when set, else
//     "/aws/ssm/" + DocumentName with every character outside [A-Za-z0-9_-/.#] replaced by '.';
//   - streams are "<CommandId>/<InstanceId>/<PluginName, ':' and '*' as '-'>/stdout|stderr"
//     (AWS-RunShellScript: ".../aws-runShellScript/stdout"; schema 2.x: the step name);
//   - S3 keys end ".../<CommandId>/<InstanceId>/<plugin>/<step>/stdout|stderr" after the
//     command's OutputS3KeyPrefix.
// Pure string work: no I/O, nothing fetched.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "invocation.h"

namespace ssmview {

enum class OutputStream { Stdout, Stderr };
const char* output_stream_name(OutputStream s);  // "stdout", "stderr"
int          output_stream_index(OutputStream s);  // 0, 1
OutputStream output_stream_at(int index);          // 0 -> Stdout, 1 -> Stderr
const Field<std::string>& output_content(const Invocation& inv, OutputStream s);
Field<std::string>&       output_content(Invocation& inv, OutputStream s);
const Field<std::string>& output_url(const Invocation& inv, OutputStream s);

// ---- S3 -------------------------------------------------------------------------------------

struct S3Location {
    bool        ok = false;
    std::string bucket, key, region;  // region "" when the URL does not say (s3://, s3.amazonaws.com)
};
S3Location parse_s3_url(std::string_view url);

// 3 to 63 characters: lowercase letters, digits, '.', '-', starting and ending with a letter or a
// digit; legacy us-east-1 names may also hold uppercase letters and '_' (up to 255). Nothing that
// could change a URL's shape ('/', '?', '%', ...) passes.
bool s3_bucket_name_ok(std::string_view bucket);

// A key in the agent's layout: some segment is a CommandId (UUID-shaped), the next an InstanceId,
// at least one segment follows them, and the last is "stdout" or "stderr". No "." or ".."
// segment, no control characters, at most 1,024 bytes (S3's limit). `why` says what is wrong.
bool s3_output_key_ok(std::string_view key, std::string* why = nullptr);

// "/s3/<region>/<bucket>/<key, percent-encoded, '/' kept>": the path ssmview-proxy serves an
// object under (proxy/routes.h), signing for the path's region. A URL without a region names the
// global endpoint, s3.amazonaws.com, which is us-east-1's.
std::string s3_proxy_path(const S3Location& object);
// The whole object's size from a GetObject answer: the total of "bytes 0-9/1234" (a Range read),
// else Content-Length (a whole read). -1 when neither says (or says something unreadable).
std::int64_t s3_object_size(std::string_view content_range, std::string_view content_length);

// ---- CloudWatch Logs ------------------------------------------------------------------------

// 1 to 512 characters of [A-Za-z0-9_-/.#] (the API's pattern for logGroupName).
bool        log_group_name_ok(std::string_view group);
std::string default_log_group(std::string_view document_name);

std::string log_stream_segment(std::string_view plugin_name);
std::string log_stream_name(std::string_view command_id, std::string_view instance_id, std::string_view plugin_name,
                            OutputStream stream);

// <UUID-shaped CommandId>/<InstanceId>/<one or more segments>/stdout|stderr, at most 512
// characters, no ':' or '*' (the API refuses them in stream names) and no control characters.
bool log_stream_name_ok(std::string_view stream, std::string* why = nullptr);
// "<CommandId>/" followed by anything a stream name may hold: every stream of one command.
bool log_stream_prefix_ok(std::string_view prefix, std::string* why = nullptr);

struct LogOutput {
    bool        enabled = false;  // CloudWatchOutputConfig.CloudWatchOutputEnabled, and the ids to name streams
    std::string group;
    std::string stdout_stream, stderr_stream;
};
// Needs CommandId, InstanceId and PluginName; the group falls back to DocumentName's default.
LogOutput invocation_log_output(const Invocation& inv);

}  // namespace ssmview

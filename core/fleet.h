// core/fleet.h: a Run Command across many targets, as plain structs.
//
// Index
//   FleetSource        which AWS CLI output a page was (send-command, list-commands, list-command-invocations)
//   kFleetOutputs      each one's top-level member, operation name, and `--output text` row name
//   CommandState       a command's Status x StatusDetails, classified (command_state.h)
//   FleetCommand       every member of the API's Command (send-command, list-commands)
//   FleetPlugin        every member of a CommandPlugin, with its `Output` split back into two streams
//   FleetInvocation    every member of a CommandInvocation, classified like a single invocation
//   FleetLinkDropped   what a share link left out of the fleet (fleet_link.h), per Status
//   Fleet              the pages read: commands, invocations, and what the pages said about paging
//
// Read by fleet_reader.cpp from the pasted text; classified with the same rules as a single
// invocation (classify.h) and the command vocabulary (command_state.h); summarized and grouped by
// fleet_report.h. Like Invocation, members are Fields: the API model marks every one optional,
// and validation reports what a member's absence means rather than the reader guessing.
// Structures the report only shows (Parameters, Targets, NotificationConfig, AlarmConfiguration,
// TriggeredAlarms, CloudWatchOutputConfig) are type-checked member by member and kept as JSON.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "classify.h"
#include "invocation.h"
#include "iso_time.h"

namespace ssmview {

enum class FleetSource { SendCommand, ListCommands, ListCommandInvocations };
const char* fleet_source_name(FleetSource s);  // "send-command", "list-commands", "list-command-invocations"

// How each fleet output shows itself: fleet_reader.cpp dispatches on `member`, and input_format.cpp
// recognizes the CLI's other formats by it (yaml `Commands:`), by `operation` (the title of
// `--output table`) and by `text_row` (the first field of `--output text` rows).
struct FleetOutputName { FleetSource source; const char* member; const char* operation; const char* text_row; };
inline constexpr FleetOutputName kFleetOutputs[] = {
    {FleetSource::ListCommandInvocations, "CommandInvocations", "ListCommandInvocations", "COMMANDINVOCATIONS"},
    {FleetSource::ListCommands, "Commands", "ListCommands", "COMMANDS"},
    {FleetSource::SendCommand, "Command", "SendCommand", "COMMAND"},
};

struct CommandState {
    Phase       phase = Phase::Unknown;
    bool        terminal = false;
    std::string explanation;  // one sentence from the API reference
};

struct FleetCommand {
    Field<std::string>  command_id, document_name, document_version, comment, status, status_details;
    Field<std::string>  output_s3_region, output_s3_bucket_name, output_s3_key_prefix;
    Field<std::string>  max_concurrency, max_errors, service_role;
    Field<std::int64_t> target_count, completed_count, error_count, delivery_timed_out_count, timeout_seconds;
    Timestamp           requested, expires_after;
    Json                instance_ids = Json::array();   // InstanceIds, as given
    Json                details = Json::object();      // Parameters, Targets, NotificationConfig, ...: shown as given
    CommandState        state;
    std::size_t         offset = 0;  // where the Command object starts in the text
};

struct FleetPlugin {
    Field<std::string>  name, status, status_details, output;
    Field<std::string>  standard_output_url, standard_error_url;
    Field<std::string>  output_s3_region, output_s3_bucket_name, output_s3_key_prefix;
    Field<std::int64_t> response_code;
    Timestamp           start, finish;  // ResponseStartDateTime, ResponseFinishDateTime
    // `Output` split at the agent's ERROR title (plugin_output.h): what each stream held, and
    // whether the agent cut it to fit kMaxPluginOutputChars.
    std::string stdout_text, stderr_text;
    bool        stdout_cut = false, stderr_cut = false;
    bool        split = false;  // the Output held the agent's ERROR title
    State       state;  // classify() on Status, StatusDetails and ResponseCode, as for one invocation
};

struct FleetInvocation {
    Field<std::string> command_id, instance_id, instance_name, comment, document_name, document_version;
    Field<std::string> status, status_details, trace_output, standard_output_url, standard_error_url, service_role;
    Timestamp          requested;
    bool               has_plugins = false;  // CommandPlugins listed some (list-command-invocations --details)
    std::vector<FleetPlugin> plugins;
    Json               details = Json::object();  // NotificationConfig, CloudWatchOutputConfig: shown as given
    State              state;
    std::size_t        offset = 0;  // where the invocation's object starts in the text
    int                page = 0;    // 0-based: which pasted page it came from
};

// A link too small for the whole fleet keeps the failures first and says, in kFleetLinkMember
// of its invocations page, how many invocations of each Status it left out.
struct FleetLinkDropped {
    bool                                              present = false;
    std::vector<std::pair<std::string, std::int64_t>> by_status;  // as written, each count >= 0
    std::int64_t                                      total = 0;
};

struct Fleet {
    std::vector<FleetSource>     sources;      // per page, in text order
    std::vector<FleetCommand>    commands;     // from send-command / list-commands pages
    std::vector<FleetInvocation> invocations;  // from list-command-invocations pages, duplicates dropped
    int  pages = 0;
    bool more_pages = false;  // the last page of invocations (or commands) ended with a NextToken
    bool broken = false;      // the last page's JSON broke off (cut short, or a syntax error): only
                              // its list's elements read whole before the break are here
    FleetLinkDropped link_dropped;  // read from a share link's page; absent in CLI output
};

}  // namespace ssmview

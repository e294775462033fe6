// core/ssm_api.h: the SSM requests a fetch sends, and the list answers a fetch panel offers.
//
// Index
//   kSsmActions              the read-only actions ssmview uses (the proxy's default allowlist)
//   kSsmTargetService        "AmazonSSM" (X-Amz-Target = service + "." + action)
//   kSsmContentType          "application/x-amz-json-1.1" (aws/service.cpp's SSM entry uses both)
//   get_command_invocation_request / list_command_invocations_request / list_commands_request
//   CommandSummary, read_list_commands              ListCommands answer -> recent commands
//   InvocationSummary, read_list_command_invocations ListCommandInvocations answer -> per
//                                                    instance: status and the plugins (steps)
//
// Call flow: a front end (the page's fetch panel, `ssmview fetch`/`follow`) builds the body here,
// sends it (through the browser's fetch or aws/json_api), and gives the answer body back: a
// GetCommandInvocation answer goes through analyze() like a paste (fetching is a source beside
// paste, not a second path); a list answer comes here and is read by the fleet reader
// (core/fleet_reader.h, the one reader of Command and CommandInvocation), which type-checks every
// member: one of the wrong type is left empty, never trusted; an unreadable answer yields
// ok=false and a sentence.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ssmview {

constexpr const char* kSsmActions[] = {"GetCommandInvocation", "ListCommandInvocations", "ListCommands"};
constexpr const char* kSsmTargetService = "AmazonSSM";
constexpr const char* kSsmContentType = "application/x-amz-json-1.1";

// Compact JSON bodies, members in API-model order. Empty optional arguments are left out.
std::string get_command_invocation_request(std::string_view command_id, std::string_view instance_id,
                                           std::string_view plugin_name);
std::string list_command_invocations_request(std::string_view command_id, std::string_view instance_id,
                                             bool details, int max_results, std::string_view next_token);
std::string list_commands_request(std::string_view command_id, int max_results, std::string_view next_token);

struct CommandSummary {
    std::string              command_id;
    std::string              document_name;
    std::string              status;
    std::string              comment;
    double                   requested_epoch_s = 0;  // RequestedDateTime (0 = absent)
    std::vector<std::string> instance_ids;
    int                      target_count = -1;      // -1 = absent
};

struct PluginSummary {
    std::string name;
    std::string status;
};

struct InvocationSummary {
    std::string                command_id;
    std::string                instance_id;
    std::string                instance_name;
    std::string                status;
    std::vector<PluginSummary> plugins;  // only with Details=true
};

struct ListRead {
    bool        ok = false;
    std::string error;       // a sentence when !ok
    std::string next_token;  // "" = last page
};

ListRead read_list_commands(std::string_view body, std::vector<CommandSummary>& out);
ListRead read_list_command_invocations(std::string_view body, std::vector<InvocationSummary>& out);

}  // namespace ssmview

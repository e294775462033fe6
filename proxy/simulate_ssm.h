// proxy/simulate_ssm.h: the SSM JSON protocol as the simulator speaks it: requests in, SSM's answers and errors out.
//
// Index
//   kSimMaxResults   the page size when a list request gives no MaxResults (and the model's maximum)
//   answer_ssm       one request (action + body) at one instant -> Reply
//
// What it answers (botocore ssm/2014-11-06 service-2.json shapes; member order as on the wire:
// GetCommandInvocation in the model's order, the list APIs' items alphabetically):
//   GetCommandInvocation     CommandId, InstanceId, PluginName -> one step of one invocation;
//                            times as ISO strings, ExecutionElapsedTime as a Duration string;
//                            the outputs cut as the agent cuts them (invocation_content)
//   ListCommandInvocations   CommandId, InstanceId, Details, Filters, MaxResults, NextToken;
//                            CommandPlugins (with Output) only with Details; RequestedDateTime and
//                            the plugins' times as epoch-second floats
//   ListCommands             CommandId, InstanceId, Filters, MaxResults, NextToken
// and, in the service's shapes (status 400, "__type", x-amzn-ErrorType):
//   ValidationException      Coral's words: "1 validation error detected: Value 'x' at 'commandId'
//                            failed to satisfy constraint: Member must have length ..."
//   SerializationException   a body that is not a JSON object, a member of the wrong type
//   InvalidCommandId         a 36-character CommandId that is not a UUID
//   InvocationDoesNotExist   unknown command or instance, or an invocation not visible yet
//   InvalidPluginName        a multi-step document without PluginName, or a step it does not have
//   InvalidNextToken         a token this query did not issue
//   UnknownOperationException an action the simulator does not know
//
// Call flow: simulate_upstream.cpp (which already counted the request and may have throttled it)
// -> answer_ssm -> one of three handlers: read and validate the members, mention the commands
// looked at (simulate_runs), view them at their `t` (simulate_catalog), write (simulate_wire).
// Unknown commands start nothing; a list of an unknown but well-formed CommandId is an empty list
// (as SSM answers right after SendCommand), not an error.
#pragma once
#include <cstdint>
#include <string_view>

#include "simulate_runs.h"
#include "simulate_wire.h"

namespace ssmview::proxy {

constexpr int kSimMaxResults = 50;

Reply answer_ssm(std::string_view action, std::string_view body, Runs& runs, std::int64_t now_ms);

}  // namespace ssmview::proxy

// core/invocation.h: the GetCommandInvocation result, as a plain struct.
//
// Index
//   Field<T>                  a member that may be absent, with where it stood in the text
//   CloudWatchOutputConfig    the nested structure
//   Invocation                every member of the API's GetCommandInvocationResult
//   kModelMembers             the members' names in API-model order (canonical JSON uses it)
//
// The API model (botocore ssm/2014-11-06 service-2.json) marks every member optional, so each is
// a Field with `present`. Values are kept exactly as given: validation and classification read
// them, they never rewrite them. Members the model does not know are kept, in the order given,
// in `unknown` so they can be reported and survive a share-link round trip.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ssmview {

using Json = nlohmann::ordered_json;  // keeps member order, like the CLI prints it

template <typename T>
struct Field {
    bool        present = false;
    T           value{};
    std::size_t offset = 0;  // byte offset of the value in the analyzed text
};

// Writes a member when it was given: the writers of the model's shapes (invocation_to_json,
// core/fleet_link) leave absent members out, as the service does.
template <typename T>
void put_given(Json& obj, const char* name, const Field<T>& f) {
    if (f.present) obj[name] = f.value;
}

struct CloudWatchOutputConfig {
    Field<std::string> log_group_name;  // CloudWatchLogGroupName
    Field<bool>        output_enabled;  // CloudWatchOutputEnabled
    std::vector<std::pair<std::string, Json>> unknown;  // members the model does not define
};

struct Invocation {
    Field<std::string>            command_id;                // CommandId
    Field<std::string>            instance_id;               // InstanceId
    Field<std::string>            comment;                   // Comment
    Field<std::string>            document_name;             // DocumentName
    Field<std::string>            document_version;          // DocumentVersion
    Field<std::string>            plugin_name;               // PluginName
    Field<std::int64_t>           response_code;             // ResponseCode (int32 in the model)
    Field<std::string>            execution_start_date_time; // ExecutionStartDateTime ("" before start)
    Field<std::string>            execution_elapsed_time;    // ExecutionElapsedTime (ISO-8601 duration)
    Field<std::string>            execution_end_date_time;   // ExecutionEndDateTime ("" before end)
    Field<std::string>            status;                    // Status
    Field<std::string>            status_details;            // StatusDetails
    Field<std::string>            standard_output_content;   // StandardOutputContent (<= kMaxStdoutChars)
    Field<std::string>            standard_output_url;       // StandardOutputUrl
    Field<std::string>            standard_error_content;    // StandardErrorContent (<= kMaxStderrChars)
    Field<std::string>            standard_error_url;        // StandardErrorUrl
    Field<CloudWatchOutputConfig> cloud_watch_output_config; // CloudWatchOutputConfig

    // Members the model does not define, in the order given (SDK envelopes excluded).
    std::vector<std::pair<std::string, Json>> unknown;
};

// API-model order of GetCommandInvocationResult, which is also the order the AWS CLI prints.
extern const char* const kModelMembers[17];

// The invocation as a JSON object: known members in model order, then unknown members.
Json invocation_to_json(const Invocation& inv);

}  // namespace ssmview

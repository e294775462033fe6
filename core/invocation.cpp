// core/invocation.cpp: the model's member order and the invocation as JSON.
//
// Index
//   kModelMembers        GetCommandInvocationResult members in API-model order
//   invocation_to_json   known members in that order (as given), then unknown members
#include "invocation.h"

namespace ssmview {

const char* const kModelMembers[17] = {
    "CommandId",          "InstanceId",           "Comment",
    "DocumentName",       "DocumentVersion",      "PluginName",
    "ResponseCode",       "ExecutionStartDateTime", "ExecutionElapsedTime",
    "ExecutionEndDateTime", "Status",             "StatusDetails",
    "StandardOutputContent", "StandardOutputUrl", "StandardErrorContent",
    "StandardErrorUrl",   "CloudWatchOutputConfig",
};

Json invocation_to_json(const Invocation& inv) {
    Json obj = Json::object();
    put_given(obj, "CommandId", inv.command_id);
    put_given(obj, "InstanceId", inv.instance_id);
    put_given(obj, "Comment", inv.comment);
    put_given(obj, "DocumentName", inv.document_name);
    put_given(obj, "DocumentVersion", inv.document_version);
    put_given(obj, "PluginName", inv.plugin_name);
    if (inv.response_code.present) obj["ResponseCode"] = inv.response_code.value;
    put_given(obj, "ExecutionStartDateTime", inv.execution_start_date_time);
    put_given(obj, "ExecutionElapsedTime", inv.execution_elapsed_time);
    put_given(obj, "ExecutionEndDateTime", inv.execution_end_date_time);
    put_given(obj, "Status", inv.status);
    put_given(obj, "StatusDetails", inv.status_details);
    put_given(obj, "StandardOutputContent", inv.standard_output_content);
    put_given(obj, "StandardOutputUrl", inv.standard_output_url);
    put_given(obj, "StandardErrorContent", inv.standard_error_content);
    put_given(obj, "StandardErrorUrl", inv.standard_error_url);
    if (inv.cloud_watch_output_config.present) {
        const CloudWatchOutputConfig& cw = inv.cloud_watch_output_config.value;
        Json c = Json::object();
        put_given(c, "CloudWatchLogGroupName", cw.log_group_name);
        if (cw.output_enabled.present) c["CloudWatchOutputEnabled"] = cw.output_enabled.value;
        for (const auto& [name, value] : cw.unknown) c[name] = value;
        obj["CloudWatchOutputConfig"] = std::move(c);
    }
    for (const auto& [name, value] : inv.unknown) obj[name] = value;
    return obj;
}

}  // namespace ssmview

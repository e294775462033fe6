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

namespace {
void put(Json& obj, const char* name, const Field<std::string>& f) {
    if (f.present) obj[name] = f.value;
}
}  // namespace

Json invocation_to_json(const Invocation& inv) {
    Json obj = Json::object();
    put(obj, "CommandId", inv.command_id);
    put(obj, "InstanceId", inv.instance_id);
    put(obj, "Comment", inv.comment);
    put(obj, "DocumentName", inv.document_name);
    put(obj, "DocumentVersion", inv.document_version);
    put(obj, "PluginName", inv.plugin_name);
    if (inv.response_code.present) obj["ResponseCode"] = inv.response_code.value;
    put(obj, "ExecutionStartDateTime", inv.execution_start_date_time);
    put(obj, "ExecutionElapsedTime", inv.execution_elapsed_time);
    put(obj, "ExecutionEndDateTime", inv.execution_end_date_time);
    put(obj, "Status", inv.status);
    put(obj, "StatusDetails", inv.status_details);
    put(obj, "StandardOutputContent", inv.standard_output_content);
    put(obj, "StandardOutputUrl", inv.standard_output_url);
    put(obj, "StandardErrorContent", inv.standard_error_content);
    put(obj, "StandardErrorUrl", inv.standard_error_url);
    if (inv.cloud_watch_output_config.present) {
        const CloudWatchOutputConfig& cw = inv.cloud_watch_output_config.value;
        Json c = Json::object();
        put(c, "CloudWatchLogGroupName", cw.log_group_name);
        if (cw.output_enabled.present) c["CloudWatchOutputEnabled"] = cw.output_enabled.value;
        for (const auto& [name, value] : cw.unknown) c[name] = value;
        obj["CloudWatchOutputConfig"] = std::move(c);
    }
    for (const auto& [name, value] : inv.unknown) obj[name] = value;
    return obj;
}

}  // namespace ssmview

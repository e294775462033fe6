// core/invocation_reader.cpp: members onto the model.
//
// Index
//   read_cloudwatch the one nested structure
//   read_invocation the member dispatch (model members, SDK envelopes, unknown members)
//
// The typed readers (take_string, take_int32, ...) and the place index are member_reader.h's.
#include "invocation_reader.h"

#include "member_reader.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace ssmview {
namespace {

void read_cloudwatch(MemberReader& ctx, Json& v, Field<CloudWatchOutputConfig>& f) {
    const std::string base = "/CloudWatchOutputConfig";
    if (!v.is_object()) return ctx.wrong_type(base, "CloudWatchOutputConfig", "an object", v);
    f.present = true;
    f.offset = ctx.places.value(base);
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        Json& member = it.value();
        const std::string path = base + "/" + json_pointer_token(key);
        if (key == "CloudWatchLogGroupName") ctx.take_string(path, "CloudWatchLogGroupName", member, f.value.log_group_name);
        else if (key == "CloudWatchOutputEnabled") ctx.take_bool(path, "CloudWatchOutputEnabled", member, f.value.output_enabled);
        else {
            ctx.unknown_member(path, key, "CloudWatchOutputConfig");
            f.value.unknown.emplace_back(key, std::move(member));
        }
    }
}

}  // namespace

bool read_invocation(JsonRead& json, std::size_t json_begin, Invocation& inv, DiagnosticSink& sink) {
    Json& root = json.value;
    if (!root.is_object()) {
        sink.add(Severity::Error, "model.not_object",
                 std::string("The JSON is ") + json_type_name(root) +
                     "; `aws ssm get-command-invocation` prints an object ({ \"CommandId\": ... }).",
                 "", json_begin);
        return false;
    }
    Places places{json.places, json_begin};
    MemberReader ctx{places, sink};
    int known = 0;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string& key = it.key();
        Json& v = it.value();
        const std::string path = "/" + json_pointer_token(key);
        // Compared as strings, never as C strings: "Status\u0000" is another member, not Status
        // (strcmp stopped at the NUL: found by fuzz_analyze).
        const char* k = key.c_str();  // only for messages: the name up to a NUL
        auto is = [&](const char* name) { return key == name ? (++known, true) : false; };
        if (is("CommandId")) ctx.take_string(path, k, v, inv.command_id);
        else if (is("InstanceId")) ctx.take_string(path, k, v, inv.instance_id);
        else if (is("Comment")) ctx.take_string(path, k, v, inv.comment);
        else if (is("DocumentName")) ctx.take_string(path, k, v, inv.document_name);
        else if (is("DocumentVersion")) ctx.take_string(path, k, v, inv.document_version);
        else if (is("PluginName")) ctx.take_string(path, k, v, inv.plugin_name);
        else if (is("ResponseCode")) ctx.take_int32(path, k, v, inv.response_code);
        else if (is("ExecutionStartDateTime")) ctx.take_string(path, k, v, inv.execution_start_date_time);
        else if (is("ExecutionElapsedTime")) ctx.take_string(path, k, v, inv.execution_elapsed_time);
        else if (is("ExecutionEndDateTime")) ctx.take_string(path, k, v, inv.execution_end_date_time);
        else if (is("Status")) ctx.take_string(path, k, v, inv.status);
        else if (is("StatusDetails")) ctx.take_string(path, k, v, inv.status_details);
        else if (is("StandardOutputContent")) ctx.take_string(path, k, v, inv.standard_output_content);
        else if (is("StandardOutputUrl")) ctx.take_string(path, k, v, inv.standard_output_url);
        else if (is("StandardErrorContent")) ctx.take_string(path, k, v, inv.standard_error_content);
        else if (is("StandardErrorUrl")) ctx.take_string(path, k, v, inv.standard_error_url);
        else if (is("CloudWatchOutputConfig")) read_cloudwatch(ctx, v, inv.cloud_watch_output_config);
        else if (key == "ResponseMetadata" || key == "$metadata") {
            sink.add(Severity::Info, "model.sdk_metadata",
                     "\"" + key + "\" is SDK response metadata, not part of the invocation; it is skipped.", path, places.key(path));
        } else {
            ctx.unknown_member(path, key, "GetCommandInvocationResult");
            inv.unknown.emplace_back(key, std::move(v));
        }
    }
    if (known == 0)
        sink.add(Severity::Warning, "model.no_members",
                 "This object has none of GetCommandInvocation's members (CommandId, Status, ...): is it the right output?",
                 "", json_begin);
    return true;
}

}  // namespace ssmview

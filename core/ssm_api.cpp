// core/ssm_api.cpp: see ssm_api.h.
//
// Index
//   Requests        bodies built with nlohmann's ordered_json (escaping done right once)
//   Reading helpers one bounded parse; typed member access that skips the wrong types
//   read_list_commands, read_list_command_invocations
#include "ssm_api.h"

#include "invocation.h"
#include "json_reader.h"
#include "report.h"

namespace ssmview {

// ---- Requests ---------------------------------------------------------------------------------

std::string get_command_invocation_request(std::string_view command_id, std::string_view instance_id,
                                           std::string_view plugin_name) {
    Json j = Json::object();
    j["CommandId"] = std::string(command_id);
    j["InstanceId"] = std::string(instance_id);
    if (!plugin_name.empty()) j["PluginName"] = std::string(plugin_name);
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string list_command_invocations_request(std::string_view command_id, std::string_view instance_id,
                                             bool details, int max_results, std::string_view next_token) {
    Json j = Json::object();
    if (!command_id.empty()) j["CommandId"] = std::string(command_id);
    if (!instance_id.empty()) j["InstanceId"] = std::string(instance_id);
    if (max_results > 0) j["MaxResults"] = max_results;
    if (!next_token.empty()) j["NextToken"] = std::string(next_token);
    if (details) j["Details"] = true;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string list_commands_request(std::string_view command_id, int max_results, std::string_view next_token) {
    Json j = Json::object();
    if (!command_id.empty()) j["CommandId"] = std::string(command_id);
    if (max_results > 0) j["MaxResults"] = max_results;
    if (!next_token.empty()) j["NextToken"] = std::string(next_token);
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ---- Reading helpers --------------------------------------------------------------------------

namespace {

bool parse_object(std::string_view body, Json& out, std::string& error) {
    if (read_json_object(body, kMaxInputBytes, out)) return true;
    error = body.size() > kMaxInputBytes
                ? "The answer is larger than " + std::to_string(kMaxInputBytes / (1024 * 1024)) + " MiB and was not read."
                : "The answer is not a JSON object.";
    return false;
}

std::string str(const Json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const Json* array_member(const Json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_array() ? &*it : nullptr;
}

}  // namespace

ListRead read_list_commands(std::string_view body, std::vector<CommandSummary>& out) {
    ListRead r;
    Json j;
    if (!parse_object(body, j, r.error)) return r;
    const Json* commands = array_member(j, "Commands");
    if (!commands) {
        r.error = "The answer has no Commands list: it is not a ListCommands answer.";
        return r;
    }
    for (const Json& c : *commands) {
        if (!c.is_object()) continue;
        CommandSummary s;
        s.command_id = str(c, "CommandId");
        if (s.command_id.empty()) continue;
        s.document_name = str(c, "DocumentName");
        s.status = str(c, "Status");
        s.comment = str(c, "Comment");
        auto t = c.find("RequestedDateTime");
        if (t != c.end() && t->is_number()) s.requested_epoch_s = t->get<double>();
        if (const Json* ids = array_member(c, "InstanceIds"))
            for (const Json& id : *ids)
                if (id.is_string()) s.instance_ids.push_back(id.get<std::string>());
        auto n = c.find("TargetCount");
        if (n != c.end() && n->is_number_integer()) {
            const auto v = n->get<std::int64_t>();
            s.target_count = v >= 0 && v <= 1000000000 ? static_cast<int>(v) : -1;
        }
        out.push_back(std::move(s));
    }
    r.next_token = str(j, "NextToken");
    r.ok = true;
    return r;
}

ListRead read_list_command_invocations(std::string_view body, std::vector<InvocationSummary>& out) {
    ListRead r;
    Json j;
    if (!parse_object(body, j, r.error)) return r;
    const Json* invocations = array_member(j, "CommandInvocations");
    if (!invocations) {
        r.error = "The answer has no CommandInvocations list: it is not a ListCommandInvocations answer.";
        return r;
    }
    for (const Json& c : *invocations) {
        if (!c.is_object()) continue;
        InvocationSummary s;
        s.command_id = str(c, "CommandId");
        s.instance_id = str(c, "InstanceId");
        if (s.instance_id.empty()) continue;
        s.instance_name = str(c, "InstanceName");
        s.status = str(c, "Status");
        if (const Json* plugins = array_member(c, "CommandPlugins"))
            for (const Json& p : *plugins) {
                if (!p.is_object()) continue;
                PluginSummary ps{str(p, "Name"), str(p, "Status")};
                if (!ps.name.empty()) s.plugins.push_back(std::move(ps));
            }
        out.push_back(std::move(s));
    }
    r.next_token = str(j, "NextToken");
    r.ok = true;
    return r;
}

}  // namespace ssmview

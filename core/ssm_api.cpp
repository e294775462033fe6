// core/ssm_api.cpp: see ssm_api.h.
//
// Index
//   Requests        bodies built with nlohmann's ordered_json (escaping done right once)
//   Reading a page  the fleet reader's (core/fleet_reader), then what the fetch panel lists
//   read_list_commands, read_list_command_invocations
#include "ssm_api.h"

#include "data_limits.h"
#include "fleet_reader.h"
#include "invocation.h"
#include "json_reader.h"

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

// ---- Reading a page -----------------------------------------------------------------------------

namespace {

// One page of a list answer, read by the fleet reader (core/fleet_reader: the one reader of
// Command and CommandInvocation, with every member type-checked). False, with a sentence, when
// the body is no JSON object or has no `member` list.
bool read_page(std::string_view body, const char* member, const char* answer, Fleet& fleet, ListRead& r) {
    if (body.size() > kMaxInputBytes) {
        r.error = "The answer is larger than " + std::to_string(kMaxInputBytes / (1024 * 1024)) + " MiB and was not read.";
        return false;
    }
    DiagnosticSink sink(body);  // the fetch panel lists; a paste of the same page reports
    FleetListReader lists(sink);
    JsonRead page = read_json(body, 0, sink, &lists);
    if (!page.ok || !page.value.is_object()) {
        r.error = "The answer is not a JSON object.";
        return false;
    }
    const auto list = page.value.find(member);
    if (list == page.value.end() || !list->is_array()) {
        r.error = std::string("The answer has no ") + member + " list: it is not a " + answer + " answer.";
        return false;
    }
    const auto token = page.value.find("NextToken");
    if (token != page.value.end() && token->is_string()) r.next_token = token->get<std::string>();
    JsonPages more(body, page.end, sink, &lists);
    read_fleet(page, 0, lists, more, fleet, sink);
    r.ok = true;
    return true;
}

}  // namespace

ListRead read_list_commands(std::string_view body, std::vector<CommandSummary>& out) {
    ListRead r;
    Fleet fleet;
    if (!read_page(body, "Commands", "ListCommands", fleet, r)) return r;
    for (FleetCommand& c : fleet.commands) {
        if (!c.command_id.present || c.command_id.value.empty()) continue;
        CommandSummary s;
        s.command_id = std::move(c.command_id.value);
        s.document_name = std::move(c.document_name.value);
        s.status = std::move(c.status.value);
        s.comment = std::move(c.comment.value);
        if (c.requested.valid) s.requested_epoch_s = static_cast<double>(c.requested.epoch_ms) / 1000.0;
        for (const Json& id : c.instance_ids)
            if (id.is_string()) s.instance_ids.push_back(id.get<std::string>());
        if (c.target_count.present && c.target_count.value >= 0) s.target_count = static_cast<int>(c.target_count.value);
        out.push_back(std::move(s));
    }
    return r;
}

ListRead read_list_command_invocations(std::string_view body, std::vector<InvocationSummary>& out) {
    ListRead r;
    Fleet fleet;
    if (!read_page(body, "CommandInvocations", "ListCommandInvocations", fleet, r)) return r;
    for (FleetInvocation& inv : fleet.invocations) {
        if (!inv.instance_id.present || inv.instance_id.value.empty()) continue;
        InvocationSummary s;
        s.command_id = std::move(inv.command_id.value);
        s.instance_id = std::move(inv.instance_id.value);
        s.instance_name = std::move(inv.instance_name.value);
        s.status = std::move(inv.status.value);
        for (FleetPlugin& p : inv.plugins)
            if (p.name.present && !p.name.value.empty()) s.plugins.push_back({std::move(p.name.value), std::move(p.status.value)});
        out.push_back(std::move(s));
    }
    return r;
}

}  // namespace ssmview

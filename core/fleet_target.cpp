// core/fleet_target.cpp: a fleet's invocation and step as a GetCommandInvocation answer.
//
// Index
//   fleet_target_step
//   fleet_target_answer   an Invocation filled member by member, written by invocation_to_json (the
//                         one writer of GetCommandInvocation's members, in the model's order)
//   fleet_target_name / fleet_target_note
//
// Where each member comes from: the ids, comment and document from the CommandInvocation; status,
// code, times, URLs and the two outputs from the CommandPlugin (GetCommandInvocation reports one
// step); CloudWatchOutputConfig from the invocation, as given. The times: the list's
// ResponseStartDateTime / ResponseFinishDateTime are the step's, written as GetCommandInvocation
// writes ExecutionStartDateTime / ExecutionEndDateTime (iso_time.h), with the elapsed time between.
#include "fleet_target.h"

#include <cassert>

#include "data_limits.h"
#include "truncation.h"

namespace ssmview {

namespace {

Field<std::string> given(std::string value) { return Field<std::string>{true, std::move(value), 0}; }

// The invocation's CloudWatchOutputConfig, kept by the reader as JSON (type-checked), as the model's struct.
Field<CloudWatchOutputConfig> cloud_watch_config(const Json& details) {
    Field<CloudWatchOutputConfig> out;
    if (!details.is_object() || !details.contains("CloudWatchOutputConfig")) return out;
    const Json& cw = details["CloudWatchOutputConfig"];
    if (!cw.is_object()) return out;
    out.present = true;
    for (const auto& [name, value] : cw.items()) {
        if (name == "CloudWatchLogGroupName" && value.is_string()) out.value.log_group_name = given(value.get<std::string>());
        else if (name == "CloudWatchOutputEnabled" && value.is_boolean()) out.value.output_enabled = {true, value.get<bool>(), 0};
        else out.value.unknown.emplace_back(name, value);
    }
    return out;
}

}  // namespace

// ---- fleet_target_step ------------------------------------------------------------------------------------------

std::size_t fleet_target_step(const FleetInvocation& inv) {
    for (std::size_t i = 0; i < inv.plugins.size(); ++i)
        if (inv.plugins[i].state.phase != Phase::Success) return i;
    return 0;
}

// ---- fleet_target_answer ----------------------------------------------------------------------------------------

std::string fleet_target_answer(const FleetInvocation& inv, std::size_t step) {
    assert(inv.plugins.empty() || step < inv.plugins.size());
    const FleetPlugin* p = step < inv.plugins.size() ? &inv.plugins[step] : nullptr;
    Invocation out;
    out.command_id = inv.command_id;
    out.instance_id = inv.instance_id;
    out.comment = inv.comment;
    out.document_name = inv.document_name;
    out.document_version = inv.document_version;
    if (!p) {
        out.status = inv.status;
        out.status_details = inv.status_details;
        out.standard_output_url = inv.standard_output_url;
        out.standard_error_url = inv.standard_error_url;
    } else {
        out.plugin_name = p->name;
        out.response_code = p->response_code;
        // GetCommandInvocation writes "" for a time that has not come yet.
        out.execution_start_date_time = given(p->start.valid ? format_iso8601_utc(p->start.epoch_ms) : "");
        if (p->start.valid && p->finish.valid && p->finish.epoch_ms >= p->start.epoch_ms)
            out.execution_elapsed_time = given(format_iso8601_duration(p->finish.epoch_ms - p->start.epoch_ms));
        out.execution_end_date_time = given(p->finish.valid ? format_iso8601_utc(p->finish.epoch_ms) : "");
        out.status = p->status;
        out.status_details = p->status_details;
        if (p->output.present) {
            out.standard_output_content = given(p->stdout_text);
            out.standard_error_content = given(p->stderr_text);
        }
        out.standard_output_url = p->standard_output_url;
        out.standard_error_url = p->standard_error_url;
    }
    out.cloud_watch_output_config = cloud_watch_config(inv.details);
    return invocation_to_json(out).dump(4) + "\n";
}

// ---- fleet_target_name / fleet_target_note ----------------------------------------------------------------------

std::string fleet_target_name(const FleetInvocation& inv, std::size_t step) {
    std::string name = inv.instance_id.present ? inv.instance_id.value : std::string("(no InstanceId)");
    if (step < inv.plugins.size() && inv.plugins[step].name.present) name += " \xC2\xB7 " + inv.plugins[step].name.value;
    return name;
}

std::string fleet_target_note(const FleetInvocation& inv, std::size_t step) {
    if (step >= inv.plugins.size())
        return "As list-command-invocations gave it: without --details the list carries no output. "
               "Fetch the invocation (GetCommandInvocation) to read it.";
    const FleetPlugin& p = inv.plugins[step];
    std::string s = "As list-command-invocations --details gave it: the step's Output holds at most " +
                    with_thousands(kMaxPluginOutputChars) + " characters of stdout and stderr together";
    if (p.split) s += ", split back at the agent's ERROR line";
    s += ". GetCommandInvocation returns up to " + with_thousands(kMaxStdoutChars) + " and " +
         with_thousands(kMaxStderrChars) + ".";
    return s;
}

}  // namespace ssmview

// core/fleet_link.cpp: a fleet written back as the AWS CLI's pages, within a budget.
//
// Index
//   Writers          command_json, plugin_json, invocation_json: members in the API model's
//                    order (botocore ssm/2014-11-06 Command, CommandInvocation, CommandPlugin),
//                    times as the CLI prints them, structures shown as given
//   mask_strings     redact_text on every string value, and on Parameters' names
//   link_order       failures first, then by output, so repeats sit side by side
//   fleet_link_records / fleet_link_document / next_fleet_link_budget / fleet_link_dropped_text
//
// Only what the reader keeps is written: a member it reported as unknown or of the wrong type was
// not kept, so a link carries the fleet as ssmview understood it.
#include "fleet_link.h"

#include <algorithm>
#include <cassert>
#include <unordered_map>

#include "data_limits.h"
#include "truncation.h"

namespace ssmview {

namespace {

// ---- Writers --------------------------------------------------------------------------------

void put_time(Json& o, const char* name, const Timestamp& t) {
    if (t.valid) o[name] = format_iso8601_cli(t.epoch_ms, t.offset_minutes);
}
void put_shown(Json& o, const Json& details, const char* name) {
    if (details.is_object() && details.contains(name)) o[name] = details[name];
}

Json command_json(const FleetCommand& c) {
    Json o = Json::object();
    put_given(o, "CommandId", c.command_id);
    put_given(o, "DocumentName", c.document_name);
    put_given(o, "DocumentVersion", c.document_version);
    put_given(o, "Comment", c.comment);
    put_time(o, "ExpiresAfter", c.expires_after);
    put_shown(o, c.details, "Parameters");
    if (c.instance_ids.is_array() && !c.instance_ids.empty()) o["InstanceIds"] = c.instance_ids;
    put_shown(o, c.details, "Targets");
    put_time(o, "RequestedDateTime", c.requested);
    put_given(o, "Status", c.status);
    put_given(o, "StatusDetails", c.status_details);
    put_given(o, "OutputS3Region", c.output_s3_region);
    put_given(o, "OutputS3BucketName", c.output_s3_bucket_name);
    put_given(o, "OutputS3KeyPrefix", c.output_s3_key_prefix);
    put_given(o, "MaxConcurrency", c.max_concurrency);
    put_given(o, "MaxErrors", c.max_errors);
    put_given(o, "TargetCount", c.target_count);
    put_given(o, "CompletedCount", c.completed_count);
    put_given(o, "ErrorCount", c.error_count);
    put_given(o, "DeliveryTimedOutCount", c.delivery_timed_out_count);
    put_given(o, "ServiceRole", c.service_role);
    put_shown(o, c.details, "NotificationConfig");
    put_shown(o, c.details, "CloudWatchOutputConfig");
    put_given(o, "TimeoutSeconds", c.timeout_seconds);
    put_shown(o, c.details, "AlarmConfiguration");
    put_shown(o, c.details, "TriggeredAlarms");
    return o;
}

Json plugin_json(const FleetPlugin& p) {
    Json o = Json::object();
    put_given(o, "Name", p.name);
    put_given(o, "Status", p.status);
    put_given(o, "StatusDetails", p.status_details);
    put_given(o, "ResponseCode", p.response_code);
    put_time(o, "ResponseStartDateTime", p.start);
    put_time(o, "ResponseFinishDateTime", p.finish);
    put_given(o, "Output", p.output);  // as given: the reader splits it back with the same rule
    put_given(o, "StandardOutputUrl", p.standard_output_url);
    put_given(o, "StandardErrorUrl", p.standard_error_url);
    put_given(o, "OutputS3Region", p.output_s3_region);
    put_given(o, "OutputS3BucketName", p.output_s3_bucket_name);
    put_given(o, "OutputS3KeyPrefix", p.output_s3_key_prefix);
    return o;
}

Json invocation_json(const FleetInvocation& inv) {
    Json o = Json::object();
    put_given(o, "CommandId", inv.command_id);
    put_given(o, "InstanceId", inv.instance_id);
    put_given(o, "InstanceName", inv.instance_name);
    put_given(o, "Comment", inv.comment);
    put_given(o, "DocumentName", inv.document_name);
    put_given(o, "DocumentVersion", inv.document_version);
    put_time(o, "RequestedDateTime", inv.requested);
    put_given(o, "Status", inv.status);
    put_given(o, "StatusDetails", inv.status_details);
    put_given(o, "TraceOutput", inv.trace_output);
    put_given(o, "StandardOutputUrl", inv.standard_output_url);
    put_given(o, "StandardErrorUrl", inv.standard_error_url);
    Json plugins = Json::array();
    for (const FleetPlugin& p : inv.plugins) plugins.push_back(plugin_json(p));
    o["CommandPlugins"] = std::move(plugins);  // the service sends [] without --details
    put_given(o, "ServiceRole", inv.service_role);
    put_shown(o, inv.details, "NotificationConfig");
    put_shown(o, inv.details, "CloudWatchOutputConfig");
    return o;
}

// ---- mask_strings ---------------------------------------------------------------------------

// Every string value. Keys are the model's member names, except in Parameters, a map whose keys
// are the document's parameter names: those are masked too, as a secret can be either.
int mask_strings(Json& j, const RedactOptions& masking, bool keys = false) {
    int n = 0;
    if (j.is_string()) return redact_text(j.get_ref<std::string&>(), masking);
    if (j.is_array()) {
        for (Json& e : j) n += mask_strings(e, masking, keys);
    } else if (j.is_object()) {
        Json masked = Json::object();
        for (auto it = j.begin(); it != j.end(); ++it) {
            std::string key = it.key();
            if (keys) n += redact_text(key, masking);
            n += mask_strings(it.value(), masking, keys || (key == "Parameters" && it.value().is_object()));
            masked[key] = std::move(it.value());
        }
        j = std::move(masked);
    }
    return n;
}

// ---- link_order -----------------------------------------------------------------------------

std::vector<std::size_t> link_order(const Fleet& f) {
    std::unordered_map<std::string, std::size_t> first_of;  // output -> first invocation with it
    std::vector<std::size_t> group(f.invocations.size());
    for (std::size_t i = 0; i < f.invocations.size(); ++i) {
        std::string key;
        for (const FleetPlugin& p : f.invocations[i].plugins) (key += p.output.value) += '\0';
        group[i] = first_of.emplace(std::move(key), i).first->second;
    }
    std::vector<std::size_t> order(f.invocations.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto succeeded = [&](std::size_t i) { return f.invocations[i].state.phase == Phase::Success; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (succeeded(a) != succeeded(b)) return !succeeded(a);
        return group[a] < group[b];
    });
    return order;
}

std::string status_of(const FleetInvocation& inv) {
    return inv.status.present && !inv.status.value.empty() ? inv.status.value : std::string("(no Status)");
}

}  // namespace

// ---- fleet_link_document --------------------------------------------------------------------

FleetLinkRecords fleet_link_records(const Fleet& fleet, const RedactOptions& masking) {
    FleetLinkRecords out;
    // The commands' page, in the shape it was pasted in: one send-command answer stays one.
    if (!fleet.commands.empty()) {
        const bool sent = fleet.commands.size() == 1 && !fleet.sources.empty() && fleet.sources.front() == FleetSource::SendCommand;
        Json page = Json::object();
        if (sent) {
            page["Command"] = command_json(fleet.commands.front());
        } else {
            page["Commands"] = Json::array();
            for (const FleetCommand& c : fleet.commands) page["Commands"].push_back(command_json(c));
        }
        out.replacements += mask_strings(page, masking);
        out.commands = page.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    }
    out.invocations.reserve(fleet.invocations.size());
    for (const FleetInvocation& inv : fleet.invocations) {
        Json rec = invocation_json(inv);
        out.replacements += mask_strings(rec, masking);
        out.invocations.push_back(rec.dump(-1, ' ', false, Json::error_handler_t::replace));
    }
    return out;
}

FleetLinkDocument fleet_link_document(const Fleet& fleet, const FleetLinkRecords& records, std::size_t json_budget) {
    assert(records.invocations.size() == fleet.invocations.size());  // made from this fleet
    FleetLinkDocument doc;
    doc.replacements = records.replacements;
    doc.json = records.commands;
    if (fleet.invocations.empty()) return doc;

    // The invocations' page: every record in the order pasted when they all fit (the link opens
    // the same report), else link_order's prefix that fits, then counts of what was left out.
    // The member that says so is a few hundred bytes (one entry per distinct Status).
    const std::vector<std::string>& texts = records.invocations;
    const std::string head = "{\"CommandInvocations\":[";
    std::size_t all = doc.json.size() + head.size() + 4;
    for (const std::string& t : texts) all += t.size() + 1;
    const bool fits = all <= json_budget;
    std::vector<std::size_t> order;
    if (fits) {
        order.resize(texts.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    } else {
        order = link_order(fleet);
    }
    std::string records_json;
    std::size_t used = doc.json.size() + head.size() + 256;
    bool full = false;
    for (std::size_t i : order) {
        if (fits || (!full && used + texts[i].size() + 1 <= json_budget)) {
            used += texts[i].size() + 1;
            if (!records_json.empty()) records_json += ',';
            records_json += texts[i];
            ++doc.carried;
            continue;
        }
        full = true;  // keep a prefix of the order: failures first, whole groups together
        const std::string status = status_of(fleet.invocations[i]);
        auto it = std::find_if(doc.dropped.by_status.begin(), doc.dropped.by_status.end(),
                               [&](const auto& e) { return e.first == status; });
        if (it == doc.dropped.by_status.end()) doc.dropped.by_status.emplace_back(status, 1);
        else ++it->second;
        ++doc.dropped.total;
    }
    doc.dropped.present = doc.dropped.total > 0;
    doc.json += head + records_json + "]";
    if (doc.dropped.present) {
        Json link = Json::object();
        Json counts = Json::object();
        for (const auto& [status, n] : doc.dropped.by_status) counts[status] = n;
        link["DroppedInvocations"] = std::move(counts);
        doc.json += ",\"" + std::string(kFleetLinkMember) + "\":" + link.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    doc.json += "}\n";
    assert(doc.carried + static_cast<std::size_t>(doc.dropped.total) == fleet.invocations.size());
    return doc;
}

FleetLinkDocument fleet_link_document(const Fleet& fleet, const RedactOptions& masking, std::size_t json_budget) {
    return fleet_link_document(fleet, fleet_link_records(fleet, masking), json_budget);
}

std::size_t next_fleet_link_budget(std::size_t json_bytes) {
    const std::size_t half = json_bytes / 2;
    return half < kMinFleetLinkJsonBytes ? 0 : half;
}

// ---- fleet_link_dropped_text ----------------------------------------------------------------

std::string fleet_link_dropped_text(const FleetLinkDropped& dropped, std::size_t carried) {
    if (!dropped.present || dropped.total <= 0) return {};
    const std::size_t total = static_cast<std::size_t>(dropped.total);
    std::string s = "This link leaves out " + with_thousands(total) + " of the fleet's " + with_thousands(total + carried) +
                    " invocations to fit in a link (";
    std::size_t shown = 0;
    for (const auto& [status, n] : dropped.by_status) {
        if (shown == 8) {
            s += ", ...";
            break;
        }
        if (shown++) s += ", ";
        s += with_thousands(static_cast<std::size_t>(std::max<std::int64_t>(n, 0))) + " " + status;
    }
    s += "); those that did not succeed were kept first. The counts and groups below are of the " +
         with_thousands(carried) + " it carries.";
    return s;
}

}  // namespace ssmview

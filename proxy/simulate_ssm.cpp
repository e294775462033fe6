// proxy/simulate_ssm.cpp: reading SSM requests, validating them as the service does, writing its answers.
//
// Index
//   Request reading      read_body (core's bounded JSON reader), typed member access
//   Validation           Coral's ValidationException sentences, collected then joined
//   Filters              CommandFilter: key enum, value checks, matching
//   Paging               NextToken = base64url("sim1:<offset>:<fingerprint of the query>")
//   Wire shapes          GetCommandInvocation body, CommandInvocation + CommandPlugin, Command
//   Handlers             get_command_invocation, list_command_invocations, list_commands
//   answer_ssm           dispatch on the action
#include "simulate_ssm.h"

#include <algorithm>
#include <cassert>
#include <optional>

#include "classify.h"
#include "command_state.h"
#include "diagnostic.h"
#include "ids.h"
#include "iso_time.h"
#include "json_reader.h"
#include "data_limits.h"
#include "share_link.h"
#include "text_encoding.h"

namespace ssmview::proxy {

namespace {

using Json = ssmview::Json;

// ---- Request reading ------------------------------------------------------------------------

// The request body as an object; an empty body is {} (what SDKs send for no arguments).
std::optional<Reply> read_body(std::string_view body, Json& out) {
    std::size_t begin = body.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) {
        out = Json::object();
        return std::nullopt;
    }
    DiagnosticSink sink(body);
    JsonRead read = read_json(body, begin, sink);
    bool trailing = read.ok && body.find_first_not_of(" \t\r\n", read.end) != std::string_view::npos;
    if (!read.ok || trailing) return error_reply("SerializationException", "The request body is not valid JSON.");
    if (!read.value.is_object())
        return error_reply("SerializationException", "The request body must be a JSON object.");
    out = std::move(read.value);
    return std::nullopt;
}

// A member of the wrong JSON type is a SerializationException naming it; null counts as absent.
std::optional<Reply> wrong_type(const char* member, const char* type) {
    return error_reply("SerializationException", std::string(member) + " must be " + type + ".");
}

std::optional<Reply> get_string(const Json& o, const char* key, std::optional<std::string>& out) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) return wrong_type(key, "a string");
    out = it->get<std::string>();
    return std::nullopt;
}

std::optional<Reply> get_bool(const Json& o, const char* key, bool& out) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) return wrong_type(key, "a boolean");
    out = it->get<bool>();
    return std::nullopt;
}

std::optional<Reply> get_int(const Json& o, const char* key, std::optional<std::int64_t>& out) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) return wrong_type(key, "an integer");
    out = it->get<std::int64_t>();
    return std::nullopt;
}

// ---- Validation -----------------------------------------------------------------------------

constexpr const char* kFilterKeys[] = {"InvokedAfter", "InvokedBefore", "Status", "ExecutionStage", "DocumentName"};
constexpr int kMaxFilters = 5;
constexpr std::size_t kMaxFilterValueChars = 128;

struct Validation {
    std::vector<std::string> errors;

    void value(const std::string& shown, const char* at, const std::string& constraint) {
        errors.push_back("Value " + shown + " at '" + at + "' failed to satisfy constraint: " + constraint);
    }
    void bad(const std::string& v, const char* at, const std::string& constraint) { value("'" + v + "'", at, constraint); }
    void null(const char* at) { value("null", at, "Member must not be null"); }

    void command_id(const std::optional<std::string>& id, bool required) {
        if (!id) {
            if (required) null("commandId");
            return;
        }
        std::size_t n = utf8_length(*id);
        if (n < kCommandIdChars)
            bad(*id, "commandId", "Member must have length greater than or equal to " + std::to_string(kCommandIdChars));
        else if (n > kCommandIdChars)
            bad(*id, "commandId", "Member must have length less than or equal to " + std::to_string(kCommandIdChars));
    }
    void instance_id(const std::optional<std::string>& id, bool required) {
        if (!id) {
            if (required) null("instanceId");
            return;
        }
        if (!instance_id_ok(*id))
            bad(*id, "instanceId", std::string("Member must satisfy regular expression pattern: ") + kInstanceIdPattern);
    }
    void max_results(const std::optional<std::int64_t>& n) {
        if (!n) return;
        if (*n < 1) bad(std::to_string(*n), "maxResults", "Member must have value greater than or equal to 1");
        if (*n > kSimMaxResults)
            bad(std::to_string(*n), "maxResults",
                "Member must have value less than or equal to " + std::to_string(kSimMaxResults));
    }

    std::optional<Reply> reply() const {
        if (errors.empty()) return std::nullopt;
        std::string message = std::to_string(errors.size()) +
                              (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (std::size_t i = 0; i < errors.size(); ++i) message += (i ? "; " : "") + errors[i];
        return error_reply("ValidationException", message);
    }
};

// ---- Filters --------------------------------------------------------------------------------

struct Filter {
    std::string key, value;
    std::int64_t time_ms = 0;  // InvokedAfter / InvokedBefore
};

// What a filter compares: the command's or the invocation's Status, whether it is terminal, its
// document and when it was requested.
struct Subject {
    const std::string& status;
    bool               terminal;
    const std::string& document_name;
    std::int64_t       requested_ms;
};

bool matches(const std::vector<Filter>& filters, const Subject& s) {
    for (const Filter& f : filters) {
        if (f.key == "Status" && s.status != f.value) return false;
        if (f.key == "ExecutionStage" && s.terminal != (f.value == "Complete")) return false;
        if (f.key == "DocumentName" && s.document_name != f.value) return false;
        if (f.key == "InvokedAfter" && s.requested_ms < f.time_ms) return false;
        if (f.key == "InvokedBefore" && s.requested_ms > f.time_ms) return false;
    }
    return true;
}

// A list's Status enum (commands and invocations differ): membership, and the words a refusal
// names, in the model's order.
struct StatusEnum {
    bool (*known)(std::string_view status);
    std::string (*vocabulary)();
};

// Reads "Filters": [{"key": ..., "value": ...}] (the model's lower-case member names).
std::optional<Reply> read_filters(const Json& req, const StatusEnum& statuses, Validation& v,
                                  std::vector<Filter>& out) {
    auto it = req.find("Filters");
    if (it == req.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) return wrong_type("Filters", "a list");
    if (it->empty() || it->size() > kMaxFilters) {
        v.bad(it->dump(), "filters",
              it->empty() ? "Member must have length greater than or equal to 1"
                          : "Member must have length less than or equal to " + std::to_string(kMaxFilters));
        return std::nullopt;
    }
    int n = 0;
    for (const Json& item : *it) {
        ++n;
        std::string at_key = "filters." + std::to_string(n) + ".member.key";
        std::string at_value = "filters." + std::to_string(n) + ".member.value";
        if (!item.is_object()) return wrong_type("Each filter", "an object with key and value");
        std::optional<std::string> key, value;
        if (auto e = get_string(item, "key", key)) return e;
        if (auto e = get_string(item, "value", value)) return e;
        if (!key) v.null(at_key.c_str());
        if (!value) v.null(at_value.c_str());
        if (!key || !value) continue;
        if (std::find(std::begin(kFilterKeys), std::end(kFilterKeys), *key) == std::end(kFilterKeys)) {
            v.bad(*key, at_key.c_str(),
                  "Member must satisfy enum value set: [InvokedAfter, InvokedBefore, Status, ExecutionStage, "
                  "DocumentName]");
            continue;
        }
        std::size_t len = utf8_length(*value);
        if (len < 1 || len > kMaxFilterValueChars) {
            v.bad(*value, at_value.c_str(),
                  len < 1 ? "Member must have length greater than or equal to 1"
                          : "Member must have length less than or equal to " + std::to_string(kMaxFilterValueChars));
            continue;
        }
        Filter f{*key, *value};
        if (*key == "InvokedAfter" || *key == "InvokedBefore") {
            Timestamp ts = parse_timestamp(*value);
            if (!ts.valid)
                return error_reply("ValidationException", "The " + *key + " filter value '" + *value +
                                                              "' is not an ISO-8601 date and time such as "
                                                              "2026-11-20T00:00:00Z.");
            f.time_ms = ts.epoch_ms;
        } else if (*key == "Status" && !statuses.known(*value)) {
            return error_reply("ValidationException",
                               "The Status filter value '" + *value + "' is not one of: " + statuses.vocabulary() + ".");
        } else if (*key == "ExecutionStage" && *value != "Executing" && *value != "Complete") {
            return error_reply("ValidationException",
                               "The ExecutionStage filter value '" + *value + "' is not Executing or Complete.");
        }
        out.push_back(f);
    }
    return std::nullopt;
}

// An invocation's Status is the model's CommandInvocationStatus: core/classify.h's vocabulary.
const StatusEnum kInvocationStatuses = {status_is_canonical, status_vocabulary};

// A command's Status is the model's CommandStatus: core/command_state.h's vocabulary (no Delayed).
const StatusEnum kCommandStatuses = {command_status_is_canonical, command_status_vocabulary};

// ---- Paging ---------------------------------------------------------------------------------

// A token carries the fingerprint (simulate_wire.h) of the query (everything but MaxResults and
// NextToken): it only continues the query that issued it, as the service's tokens do.

std::string make_token(std::size_t offset, const std::string& fp) {
    return base64url_encode("sim1:" + std::to_string(offset) + ":" + fp);
}

// The offset the token continues from, or nullopt for a token this query did not issue.
std::optional<std::size_t> read_token(const std::string& token, const std::string& fp) {
    std::string decoded, error;
    if (!base64url_decode(token, decoded, error)) return std::nullopt;
    std::size_t colon = decoded.find(':', 5);
    if (decoded.rfind("sim1:", 0) != 0 || colon == std::string::npos || decoded.substr(colon + 1) != fp)
        return std::nullopt;
    std::string digits = decoded.substr(5, colon - 5);
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return static_cast<std::size_t>(std::stoul(digits));
}

struct Page {
    std::size_t begin = 0, end = 0;
    std::string next_token;  // "" on the last page
};

std::optional<Reply> page_of(std::size_t total, const std::optional<std::string>& token,
                             const std::optional<std::int64_t>& max_results, const std::string& fp, Page& page) {
    if (token) {
        std::optional<std::size_t> offset = read_token(*token, fp);
        if (!offset || *offset > total)
            return error_reply("InvalidNextToken", "The specified token is not valid for this request.");
        page.begin = *offset;
    }
    std::size_t size = static_cast<std::size_t>(max_results.value_or(kSimMaxResults));
    page.end = std::min(total, page.begin + size);
    if (page.end < total) page.next_token = make_token(page.end, fp);
    return std::nullopt;
}

// ---- Wire shapes ----------------------------------------------------------------------------

WireJson cloudwatch_config(const SimCommand& c) {
    WireJson j = WireJson::object();
    j["CloudWatchLogGroupName"] = c.cloudwatch_log_group;
    j["CloudWatchOutputEnabled"] = c.cloudwatch_enabled;
    return j;
}

WireJson notification_config() {
    WireJson j = WireJson::object();
    j["NotificationArn"] = "";
    j["NotificationEvents"] = WireJson::array();
    j["NotificationType"] = "";
    return j;
}

WireJson invocation_body(const SimCommand& c, const SimInvocation& inv, std::size_t step, const Run& run,
                         std::int64_t t) {
    StepView v = view_step(c, inv, step, t);
    bool ended = v.end_ms >= 0;
    WireJson b = WireJson::object();
    b["CommandId"] = c.command_id;
    b["InstanceId"] = inv.instance_id;
    b["Comment"] = c.comment;
    b["DocumentName"] = c.document_name;
    b["DocumentVersion"] = c.document_version;
    b["PluginName"] = inv.steps[step].name;
    b["ResponseCode"] = v.response_code;
    b["ExecutionStartDateTime"] = v.start_ms >= 0 ? format_iso8601_utc(run.at(v.start_ms)) : "";
    b["ExecutionElapsedTime"] = ended ? format_iso8601_duration(run.at(v.end_ms) - run.at(v.start_ms)) : "";
    b["ExecutionEndDateTime"] = ended ? format_iso8601_utc(run.at(v.end_ms)) : "";
    b["Status"] = v.status;
    b["StatusDetails"] = v.status_details;
    b["StandardOutputContent"] = invocation_content(v.out, OutputMember::StandardOutput);
    b["StandardOutputUrl"] = ended ? output_url(c, inv, step, "stdout") : "";
    b["StandardErrorContent"] = invocation_content(v.err, OutputMember::StandardError);
    b["StandardErrorUrl"] = ended ? output_url(c, inv, step, "stderr") : "";
    b["CloudWatchOutputConfig"] = cloudwatch_config(c);
    return b;
}

WireJson plugin_json(const SimCommand& c, const SimInvocation& inv, std::size_t step, const StepView& v,
                     const Run& run) {
    bool ended = v.end_ms >= 0;
    WireJson p = WireJson::object();
    p["Name"] = inv.steps[step].name;
    p["Output"] = plugin_output(v);
    p["OutputS3BucketName"] = c.output_s3_bucket;
    p["OutputS3KeyPrefix"] = c.output_s3_prefix;
    p["OutputS3Region"] = kSimRegion;
    p["ResponseCode"] = v.response_code;
    if (ended) p["ResponseFinishDateTime"] = epoch_seconds(run.at(v.end_ms));
    if (v.start_ms >= 0) p["ResponseStartDateTime"] = epoch_seconds(run.at(v.start_ms));
    p["StandardErrorUrl"] = ended ? output_url(c, inv, step, "stderr") : "";
    p["StandardOutputUrl"] = ended ? output_url(c, inv, step, "stdout") : "";
    p["Status"] = v.plugin_status;
    p["StatusDetails"] = v.status_details;
    return p;
}

WireJson command_invocation_json(const SimCommand& c, const SimInvocation& inv, const InvocationView& v,
                                 const Run& run, bool details) {
    // Single-step invocations carry their step's output URLs; multi-step ones leave them to the plugins.
    bool single = inv.steps.size() == 1;
    bool ended = single && v.steps.front().end_ms >= 0;
    WireJson j = WireJson::object();
    j["CloudWatchOutputConfig"] = cloudwatch_config(c);
    j["CommandId"] = c.command_id;
    j["CommandPlugins"] = WireJson::array();
    if (details)
        for (std::size_t i = 0; i < inv.steps.size(); ++i)
            j["CommandPlugins"].push_back(plugin_json(c, inv, i, v.steps[i], run));
    j["Comment"] = c.comment;
    j["DocumentName"] = c.document_name;
    j["DocumentVersion"] = c.document_version;
    j["InstanceId"] = inv.instance_id;
    j["InstanceName"] = inv.instance_name;
    j["NotificationConfig"] = notification_config();
    j["RequestedDateTime"] = epoch_seconds(run.requested_ms);
    j["ServiceRole"] = "";
    j["StandardErrorUrl"] = ended ? output_url(c, inv, 0, "stderr") : "";
    j["StandardOutputUrl"] = ended ? output_url(c, inv, 0, "stdout") : "";
    j["Status"] = v.status;
    j["StatusDetails"] = v.status_details;
    return j;
}

WireJson command_json(const SimCommand& c, const CommandView& v, const Run& run) {
    WireJson j = WireJson::object();
    j["CloudWatchOutputConfig"] = cloudwatch_config(c);
    j["CommandId"] = c.command_id;
    j["Comment"] = c.comment;
    j["CompletedCount"] = v.completed_count;
    j["DeliveryTimedOutCount"] = v.delivery_timed_out_count;
    j["DocumentName"] = c.document_name;
    j["DocumentVersion"] = c.document_version;
    j["ErrorCount"] = v.error_count;
    j["ExpiresAfter"] = epoch_seconds(run.at(std::int64_t{c.timeout_seconds} * 1000));
    // Sent to tags, a command lists no InstanceIds (its invocations name the instances).
    j["InstanceIds"] = WireJson::array();
    if (c.targets_json.empty())
        for (const SimInvocation& inv : c.invocations) j["InstanceIds"].push_back(inv.instance_id);
    j["MaxConcurrency"] = c.max_concurrency;
    j["MaxErrors"] = "0";
    j["NotificationConfig"] = notification_config();
    j["OutputS3BucketName"] = c.output_s3_bucket;
    j["OutputS3KeyPrefix"] = c.output_s3_prefix;
    j["OutputS3Region"] = kSimRegion;
    j["Parameters"] = WireJson::parse(c.parameters_json);
    j["RequestedDateTime"] = epoch_seconds(run.requested_ms);
    j["ServiceRole"] = "";
    j["Status"] = v.status;
    j["StatusDetails"] = v.status_details;
    j["TargetCount"] = v.target_count;
    j["Targets"] = c.targets_json.empty() ? WireJson::array() : WireJson::parse(c.targets_json);
    j["TimeoutSeconds"] = c.timeout_seconds;
    return j;
}

Reply ok(const WireJson& body) { return Reply{200, wire_json(body), ""}; }

// Newest run first, then catalog order: what the service's lists do (most recent first).
template <typename Row>
void newest_first(std::vector<Row>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.run->requested_ms != b.run->requested_ms) return a.run->requested_ms > b.run->requested_ms;
        return command_index(*a.command) < command_index(*b.command);
    });
}

bool has_instance(const SimCommand& c, const std::optional<std::string>& instance_id) {
    if (!instance_id) return true;
    return std::any_of(c.invocations.begin(), c.invocations.end(),
                       [&](const SimInvocation& inv) { return inv.instance_id == *instance_id; });
}

// ---- Handlers -------------------------------------------------------------------------------

Reply get_command_invocation(const Json& req, Runs& runs, std::int64_t now) {
    std::optional<std::string> command_id, instance_id, plugin_name;
    if (auto e = get_string(req, "CommandId", command_id)) return *e;
    if (auto e = get_string(req, "InstanceId", instance_id)) return *e;
    if (auto e = get_string(req, "PluginName", plugin_name)) return *e;
    Validation v;
    v.command_id(command_id, true);
    v.instance_id(instance_id, true);
    if (plugin_name && utf8_length(*plugin_name) < kMinPluginNameChars)
        v.bad(*plugin_name, "pluginName",
              "Member must have length greater than or equal to " + std::to_string(kMinPluginNameChars));
    if (auto e = v.reply()) return *e;
    if (!uuid_shaped(*command_id)) return error_reply("InvalidCommandId");

    const SimCommand* c = find_command(*command_id);
    if (!c) return error_reply("InvocationDoesNotExist");
    const Run& run = runs.mention(*c, now);
    std::int64_t t = run.t(now);
    auto inv = std::find_if(c->invocations.begin(), c->invocations.end(),
                            [&](const SimInvocation& i) { return i.instance_id == *instance_id; });
    if (inv == c->invocations.end() || t < inv->visible_ms) return error_reply("InvocationDoesNotExist");

    std::size_t step = 0;
    if (plugin_name) {
        auto s = std::find_if(inv->steps.begin(), inv->steps.end(), [&](const Step& st) { return st.name == *plugin_name; });
        if (s == inv->steps.end()) return error_reply("InvalidPluginName");
        step = static_cast<std::size_t>(s - inv->steps.begin());
    } else if (inv->steps.size() > 1) {
        // The service cannot pick a step for the caller (see the README's simulated commands).
        return error_reply("InvalidPluginName");
    }
    return ok(invocation_body(*c, *inv, step, run, t));
}

Reply list_command_invocations(const Json& req, Runs& runs, std::int64_t now) {
    std::optional<std::string> command_id, instance_id, next_token;
    std::optional<std::int64_t> max_results;
    bool details = false;
    if (auto e = get_string(req, "CommandId", command_id)) return *e;
    if (auto e = get_string(req, "InstanceId", instance_id)) return *e;
    if (auto e = get_int(req, "MaxResults", max_results)) return *e;
    if (auto e = get_string(req, "NextToken", next_token)) return *e;
    if (auto e = get_bool(req, "Details", details)) return *e;
    Validation v;
    std::vector<Filter> filters;
    v.command_id(command_id, false);
    v.instance_id(instance_id, false);
    v.max_results(max_results);
    if (auto e = read_filters(req, kInvocationStatuses, v, filters)) return *e;
    if (auto e = v.reply()) return *e;
    if (command_id && !uuid_shaped(*command_id)) return error_reply("InvalidCommandId");

    struct Row {
        const SimCommand* command;
        const SimInvocation* inv;
        const Run* run;
        InvocationView view;
    };
    std::vector<Row> rows;
    for (const SimCommand& c : catalog()) {
        if ((command_id && c.command_id != *command_id) || !has_instance(c, instance_id)) continue;
        const Run& run = runs.mention(c, now);
        std::int64_t t = run.t(now);
        for (const SimInvocation& inv : c.invocations) {
            if (instance_id && inv.instance_id != *instance_id) continue;
            InvocationView iv = view_invocation(c, inv, t);
            if (!iv.visible) continue;
            if (!matches(filters, Subject{iv.status, iv.terminal, c.document_name, run.requested_ms})) continue;
            rows.push_back(Row{&c, &inv, &run, std::move(iv)});
        }
    }
    newest_first(rows);

    std::string query = "ListCommandInvocations|" + command_id.value_or("") + "|" + instance_id.value_or("") + "|" +
                        (details ? "1" : "0") + "|" + wire_json(req.value("Filters", Json()));
    Page page;
    if (auto e = page_of(rows.size(), next_token, max_results, fingerprint(query), page)) return *e;
    WireJson body = WireJson::object();
    body["CommandInvocations"] = WireJson::array();
    for (std::size_t i = page.begin; i < page.end; ++i)
        body["CommandInvocations"].push_back(
            command_invocation_json(*rows[i].command, *rows[i].inv, rows[i].view, *rows[i].run, details));
    if (!page.next_token.empty()) body["NextToken"] = page.next_token;
    return ok(body);
}

Reply list_commands(const Json& req, Runs& runs, std::int64_t now) {
    std::optional<std::string> command_id, instance_id, next_token;
    std::optional<std::int64_t> max_results;
    if (auto e = get_string(req, "CommandId", command_id)) return *e;
    if (auto e = get_string(req, "InstanceId", instance_id)) return *e;
    if (auto e = get_int(req, "MaxResults", max_results)) return *e;
    if (auto e = get_string(req, "NextToken", next_token)) return *e;
    Validation v;
    std::vector<Filter> filters;
    v.command_id(command_id, false);
    v.instance_id(instance_id, false);
    v.max_results(max_results);
    if (auto e = read_filters(req, kCommandStatuses, v, filters)) return *e;
    if (auto e = v.reply()) return *e;
    if (command_id && !uuid_shaped(*command_id)) return error_reply("InvalidCommandId");

    struct Row {
        const SimCommand* command;
        const Run* run;
        CommandView view;
    };
    std::vector<Row> rows;
    for (const SimCommand& c : catalog()) {
        if ((command_id && c.command_id != *command_id) || !has_instance(c, instance_id)) continue;
        const Run& run = runs.mention(c, now);
        CommandView cv = view_command(c, run.t(now));
        bool terminal = cv.completed_count == cv.target_count && cv.status != "Cancelling";
        if (!matches(filters, Subject{cv.status, terminal, c.document_name, run.requested_ms})) continue;
        rows.push_back(Row{&c, &run, std::move(cv)});
    }
    newest_first(rows);

    std::string query = "ListCommands|" + command_id.value_or("") + "|" + instance_id.value_or("") + "|" +
                        wire_json(req.value("Filters", Json()));
    Page page;
    if (auto e = page_of(rows.size(), next_token, max_results, fingerprint(query), page)) return *e;
    WireJson body = WireJson::object();
    body["Commands"] = WireJson::array();
    for (std::size_t i = page.begin; i < page.end; ++i)
        body["Commands"].push_back(command_json(*rows[i].command, rows[i].view, *rows[i].run));
    if (!page.next_token.empty()) body["NextToken"] = page.next_token;
    return ok(body);
}

}  // namespace

Reply answer_ssm(std::string_view action, std::string_view body, Runs& runs, std::int64_t now_ms) {
    using Handler = Reply (*)(const Json&, Runs&, std::int64_t);
    Handler handler = nullptr;
    if (action == "GetCommandInvocation") handler = get_command_invocation;
    if (action == "ListCommandInvocations") handler = list_command_invocations;
    if (action == "ListCommands") handler = list_commands;
    if (!handler)
        return error_reply("UnknownOperationException", "ssmview-proxy --simulate does not simulate the " +
                                                            std::string(action) + " action.");
    Json req;
    if (auto e = read_body(body, req)) return *e;
    return handler(req, runs, now_ms);
}

}  // namespace ssmview::proxy

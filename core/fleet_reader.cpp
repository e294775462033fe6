// core/fleet_reader.cpp: the fleet outputs' pages, members and states.
//
// Index
//   Shapes            the structures shown as given (NotificationConfig, Targets, ...) as tables
//   PageReader        one page: read_command, read_plugin, read_invocation, read_page
//   Across pages      next_page (text between pages), duplicates, NextToken, the summary findings
//   FleetListReader   the list elements, read as read_json meets them
//   fleet_source_of, read_fleet
//
// Member names and types are botocore's ssm/2014-11-06 service-2.json (Command, CommandInvocation,
// CommandPlugin and the shapes below). Each object's state is classified as soon as it is read,
// so a finding about it is placed at its members.
#include "fleet_reader.h"

#include <cassert>
#include <iterator>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "command_state.h"
#include "data_limits.h"
#include "fleet_link.h"
#include "member_reader.h"
#include "plugin_output.h"
#include "truncation.h"
#include "validate.h"

namespace ssmview {

const char* fleet_source_name(FleetSource s) {
    switch (s) {
        case FleetSource::SendCommand: return "send-command";
        case FleetSource::ListCommands: return "list-commands";
        case FleetSource::ListCommandInvocations: return "list-command-invocations";
    }
    return "";
}

namespace {

// ---- Shapes ---------------------------------------------------------------------------------

using K = MemberKind;
const ShapeMember kNotificationConfigMembers[] = {
    {"NotificationArn", K::String}, {"NotificationEvents", K::StringList}, {"NotificationType", K::String}};
const Shape kNotificationConfig{"NotificationConfig", kNotificationConfigMembers, 3};
const ShapeMember kCloudWatchMembers[] = {{"CloudWatchLogGroupName", K::String}, {"CloudWatchOutputEnabled", K::Boolean}};
const Shape kCloudWatchOutputConfig{"CloudWatchOutputConfig", kCloudWatchMembers, 2};
const ShapeMember kAlarmMembers[] = {{"Name", K::String}};
const Shape kAlarm{"Alarm", kAlarmMembers, 1};
const ShapeMember kAlarmConfigurationMembers[] = {{"IgnorePollAlarmFailure", K::Boolean}, {"Alarms", K::StructureList, &kAlarm}};
const Shape kAlarmConfiguration{"AlarmConfiguration", kAlarmConfigurationMembers, 2};
const ShapeMember kAlarmStateMembers[] = {{"Name", K::String}, {"State", K::String}};
const Shape kAlarmStateInformation{"AlarmStateInformation", kAlarmStateMembers, 2};
const ShapeMember kTargetMembers[] = {{"Key", K::String}, {"Values", K::StringList}};
const Shape kTarget{"Target", kTargetMembers, 2};

// The members of Command and CommandInvocation the report shows as given, kept in `details`.
const ShapeMember kShownAsGiven[] = {
    {"Parameters", K::StringListMap},
    {"Targets", K::StructureList, &kTarget},
    {"NotificationConfig", K::Structure, &kNotificationConfig},
    {"CloudWatchOutputConfig", K::Structure, &kCloudWatchOutputConfig},
    {"AlarmConfiguration", K::Structure, &kAlarmConfiguration},
    {"TriggeredAlarms", K::StructureList, &kAlarmStateInformation},
};
const ShapeMember* shown_as_given(std::string_view key, bool command) {
    for (const ShapeMember& m : kShownAsGiven)
        if (key == m.name) {
            const bool command_only = key != "NotificationConfig" && key != "CloudWatchOutputConfig";
            return command || !command_only ? &m : nullptr;
        }
    return nullptr;
}

// ---- PageReader -----------------------------------------------------------------------------

// A page's list, read by FleetListReader, onto the fleet's.
template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
    if (to.empty()) to.swap(from);
    else to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    from.clear();
}

struct PageReader {
    MemberReader& r;
    int           page;

    // Calls f(name, key, path, value) for each member of `obj`, `path` its pointer under `base`
    // written over one buffer. Compare `name`: it carries its length, so "Status\u0000" is another
    // member (see invocation_reader.cpp).
    template <typename F>
    static void each_member(const std::string& base, Json& obj, F&& f) {
        std::string path = base + "/";
        const std::size_t stem = path.size();
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            path.resize(stem);
            append_json_pointer_token(path, it.key());
            f(std::string_view(it.key()), it.key(), path, it.value());
        }
    }

    void read_command(const std::string& base, Json& obj, FleetCommand& c) {
        c.offset = r.places.value(base);
        each_member(base, obj, [&](std::string_view name, const std::string& key, const std::string& path, Json& v) {
            const char* k = key.c_str();
            if (name == "CommandId") r.take_string(path, k, v, c.command_id);
            else if (name == "DocumentName") r.take_string(path, k, v, c.document_name);
            else if (name == "DocumentVersion") r.take_string(path, k, v, c.document_version);
            else if (name == "Comment") r.take_string(path, k, v, c.comment);
            else if (name == "ExpiresAfter") r.take_timestamp(path, k, v, c.expires_after);
            else if (name == "RequestedDateTime") r.take_timestamp(path, k, v, c.requested);
            else if (name == "Status") r.take_string(path, k, v, c.status);
            else if (name == "StatusDetails") r.take_string(path, k, v, c.status_details);
            else if (name == "OutputS3Region") r.take_string(path, k, v, c.output_s3_region);
            else if (name == "OutputS3BucketName") r.take_string(path, k, v, c.output_s3_bucket_name);
            else if (name == "OutputS3KeyPrefix") r.take_string(path, k, v, c.output_s3_key_prefix);
            else if (name == "MaxConcurrency") r.take_string(path, k, v, c.max_concurrency);
            else if (name == "MaxErrors") r.take_string(path, k, v, c.max_errors);
            else if (name == "ServiceRole") r.take_string(path, k, v, c.service_role);
            else if (name == "TargetCount") r.take_int32(path, k, v, c.target_count);
            else if (name == "CompletedCount") r.take_int32(path, k, v, c.completed_count);
            else if (name == "ErrorCount") r.take_int32(path, k, v, c.error_count);
            else if (name == "DeliveryTimedOutCount") r.take_int32(path, k, v, c.delivery_timed_out_count);
            else if (name == "TimeoutSeconds") r.take_int32(path, k, v, c.timeout_seconds);
            else if (name == "InstanceIds") {
                if (r.check(path, k, ShapeMember{"InstanceIds", K::StringList}, v)) c.instance_ids = std::move(v);
            } else if (const ShapeMember* m = shown_as_given(key, true)) {
                if (r.check(path, k, *m, v)) c.details[key] = std::move(v);
            } else {
                r.unknown_member(path, key, "Command");
            }
        });
        c.state = classify_command(c);
        State st;
        st.phase = c.state.phase;
        StateMembers m{c.status, c.status_details};
        m.base = base;
        m.object_offset = c.offset;
        m.vocabulary = command_status_vocabulary;
        m.canonical = command_status_is_canonical;
        m.details_known = command_details_known;
        m.details_spelled = nullptr;  // the reference writes "In Progress", the service "InProgress": both are right
        m.agree = command_status_and_details_agree;
        check_state_members(m, st, r.sink);
        const std::string counters = check_counters(c);
        if (!counters.empty())
            r.sink.add(Severity::Warning, "fleet.counters", "The command's counters disagree: " + counters, base, c.offset);
    }

    void read_plugin(const std::string& base, Json& obj, FleetPlugin& p) {
        each_member(base, obj, [&](std::string_view name, const std::string& key, const std::string& path, Json& v) {
            const char* k = key.c_str();
            if (name == "Name") r.take_string(path, k, v, p.name);
            else if (name == "Status") r.take_string(path, k, v, p.status);
            else if (name == "StatusDetails") r.take_string(path, k, v, p.status_details);
            else if (name == "ResponseCode") r.take_int32(path, k, v, p.response_code);
            else if (name == "ResponseStartDateTime") r.take_timestamp(path, k, v, p.start);
            else if (name == "ResponseFinishDateTime") r.take_timestamp(path, k, v, p.finish);
            else if (name == "Output") r.take_string(path, k, v, p.output);
            else if (name == "StandardOutputUrl") r.take_string(path, k, v, p.standard_output_url);
            else if (name == "StandardErrorUrl") r.take_string(path, k, v, p.standard_error_url);
            else if (name == "OutputS3Region") r.take_string(path, k, v, p.output_s3_region);
            else if (name == "OutputS3BucketName") r.take_string(path, k, v, p.output_s3_bucket_name);
            else if (name == "OutputS3KeyPrefix") r.take_string(path, k, v, p.output_s3_key_prefix);
            else r.unknown_member(path, key, "CommandPlugin");
        });
        if (p.output.present) {
            const PluginOutputSplit split = split_plugin_output(p.output.value);
            p.stdout_text = std::string(split.out);
            p.stderr_text = std::string(split.err);
            p.stdout_cut = split.out_cut;
            p.stderr_cut = split.err_cut;
            p.split = split.titles > 0;
            if (split.titles > 1)
                r.sink.add(Severity::Warning, "fleet.output_ambiguous",
                           "This Output holds the agent's ----------ERROR------- line " + std::to_string(split.titles) +
                               " times: the script printed it too. Standard error is taken to start at the first one.",
                           base + "/Output", p.output.offset);
        }
        p.state = classify(p.status, p.status_details, p.response_code);  // exactly like an invocation's
        StateMembers m{p.status, p.status_details};
        m.response_code = &p.response_code;
        m.has_output = !p.stdout_text.empty() || !p.stderr_text.empty();
        m.base = base;
        m.object_offset = r.places.value(base);
        check_state_members(m, p.state, r.sink);
    }

    void read_invocation(const std::string& base, Json& obj, FleetInvocation& inv) {
        inv.offset = r.places.value(base);
        inv.page = page;
        each_member(base, obj, [&](std::string_view name, const std::string& key, const std::string& path, Json& v) {
            const char* k = key.c_str();
            if (name == "CommandId") r.take_string(path, k, v, inv.command_id);
            else if (name == "InstanceId") r.take_string(path, k, v, inv.instance_id);
            else if (name == "InstanceName") r.take_string(path, k, v, inv.instance_name);
            else if (name == "Comment") r.take_string(path, k, v, inv.comment);
            else if (name == "DocumentName") r.take_string(path, k, v, inv.document_name);
            else if (name == "DocumentVersion") r.take_string(path, k, v, inv.document_version);
            else if (name == "RequestedDateTime") r.take_timestamp(path, k, v, inv.requested);
            else if (name == "Status") r.take_string(path, k, v, inv.status);
            else if (name == "StatusDetails") r.take_string(path, k, v, inv.status_details);
            else if (name == "TraceOutput") r.take_string(path, k, v, inv.trace_output);
            else if (name == "StandardOutputUrl") r.take_string(path, k, v, inv.standard_output_url);
            else if (name == "StandardErrorUrl") r.take_string(path, k, v, inv.standard_error_url);
            else if (name == "ServiceRole") r.take_string(path, k, v, inv.service_role);
            else if (name == "CommandPlugins") {
                if (!v.is_array()) return r.wrong_type(path, k, "a list of objects", v);
                // Without Details the service sends an empty list: "listed" means at least one plugin.
                inv.has_plugins = !v.empty();
                for (std::size_t i = 0; i < v.size(); ++i) {
                    const std::string plugin_path = path + "/" + std::to_string(i);
                    if (!v[i].is_object()) {
                        r.wrong_type(plugin_path, "A CommandPlugins element", "an object", v[i]);
                        continue;
                    }
                    inv.plugins.emplace_back();
                    read_plugin(plugin_path, v[i], inv.plugins.back());
                }
            } else if (const ShapeMember* m = shown_as_given(key, false)) {
                if (r.check(path, k, *m, v)) inv.details[key] = std::move(v);
            } else {
                r.unknown_member(path, key, "CommandInvocation");
            }
        });
        inv.state = classify(inv.status, inv.status_details, Field<std::int64_t>{});  // ResponseCode is per plugin
        StateMembers m{inv.status, inv.status_details};
        m.base = base;
        m.object_offset = inv.offset;
        check_state_members(m, inv.state, r.sink);
    }

    // A share link's note of the invocations it left out (fleet_link.h).
    void read_link_member(const std::string& path, const Json& v, FleetLinkDropped& out) {
        if (!v.is_object()) { r.wrong_type(path, kFleetLinkMember, "an object", v); return; }
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string member = path + "/" + json_pointer_token(it.key());
            if (it.key() != "DroppedInvocations") { r.unknown_member(member, it.key(), kFleetLinkMember); continue; }
            if (!it.value().is_object()) { r.wrong_type(member, "DroppedInvocations", "an object of counts", it.value()); continue; }
            for (auto e = it.value().begin(); e != it.value().end(); ++e) {
                const std::string item = member + "/" + json_pointer_token(e.key());
                Field<std::int64_t> n;
                r.take_int32(item, e.key().c_str(), e.value(), n);
                if (!n.present) continue;
                if (n.value < 0) { r.wrong_type(item, e.key().c_str(), "a count (0 or more)", e.value()); continue; }
                out.present = true;
                out.by_status.emplace_back(e.key(), n.value);
                out.total += n.value;  // at most 2^31 per entry, entries bounded by the input's size
            }
        }
    }

    // One page's envelope; its list's elements were read into `lists` while the page was read.
    // Returns the page's source; `next_token` says whether it ended with one.
    FleetSource read_page(Json& root, FleetSource source, FleetListReader& lists, Fleet& out, bool& next_token) {
        const char* result_shape = source == FleetSource::SendCommand    ? "SendCommandResult"
                                   : source == FleetSource::ListCommands ? "ListCommandsResult"
                                                                         : "ListCommandInvocationsResult";
        next_token = false;
        for (auto it = root.begin(); it != root.end(); ++it) {
            const std::string& key = it.key();
            Json& v = it.value();
            const std::string path = "/" + json_pointer_token(key);
            if (key == "Command" && source == FleetSource::SendCommand) {
                if (!v.is_object()) { r.wrong_type(path, "Command", "an object", v); continue; }
                out.commands.emplace_back();
                read_command(path, v, out.commands.back());
            } else if ((key == "Commands" && source == FleetSource::ListCommands) ||
                       (key == "CommandInvocations" && source == FleetSource::ListCommandInvocations)) {
                if (!v.is_array()) { r.wrong_type(path, key.c_str(), "a list of objects", v); continue; }
                // read_json handed the elements to `lists` (and left the array empty): the last
                // list of this name is the one in force, as for any key given twice.
                assert(v.empty());
                if (source == FleetSource::ListCommands) append(out.commands, lists.commands);
                else append(out.invocations, lists.invocations);
            } else if (key == "NextToken") {
                Field<std::string> token;
                r.take_string(path, "NextToken", v, token);
                next_token = token.present && !token.value.empty();
            } else if (key == kFleetLinkMember && source == FleetSource::ListCommandInvocations) {
                read_link_member(path, v, out.link_dropped);
            } else if (key == "ResponseMetadata" || key == "$metadata") {
                r.sink.add(Severity::Info, "model.sdk_metadata",
                           "\"" + key + "\" is SDK response metadata, not part of the output; it is skipped.", path, r.places.key(path));
            } else {
                r.unknown_member(path, key, result_shape);
            }
        }
        return source;
    }
};

// ---- Across pages ---------------------------------------------------------------------------

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where the next page starts after `pos`: the next '{' after white space, else the next line that
// starts with '{' (past a prompt or the next command line, said with input.text_between); npos at
// the end or when only other text follows (input.text_after).
std::size_t next_page(std::string_view text, std::size_t pos, DiagnosticSink& sink) {
    while (pos < text.size() && blank(text[pos])) ++pos;
    if (pos >= text.size()) return std::string_view::npos;
    if (text[pos] == '{') return pos;
    const std::size_t line = text.find("\n{", pos);
    if (line == std::string_view::npos) {
        sink.add(Severity::Info, "input.text_after", "Text after the JSON (a prompt) was skipped.", "", pos);
        return std::string_view::npos;
    }
    sink.add(Severity::Info, "input.text_between", "Text between two pages (a prompt, the next command line) was skipped.", "", pos);
    return line + 1;
}

struct IdPairHash {
    std::size_t operator()(const std::pair<std::string_view, std::string_view>& p) const {
        const std::size_t a = std::hash<std::string_view>{}(p.first), b = std::hash<std::string_view>{}(p.second);
        return a ^ (b + 0x9e3779b9u + (a << 6) + (a >> 2));
    }
};

void drop_duplicates(Fleet& out, DiagnosticSink& sink) {
    // Views into the invocations' ids, so nothing moves until every duplicate is known.
    std::unordered_set<std::pair<std::string_view, std::string_view>, IdPairHash> seen;
    seen.reserve(out.invocations.size());
    std::vector<bool> keep(out.invocations.size(), true);
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < out.invocations.size(); ++i) {
        const FleetInvocation& inv = out.invocations[i];
        if (!inv.command_id.present || !inv.instance_id.present) continue;
        if (seen.emplace(inv.command_id.value, inv.instance_id.value).second) continue;
        sink.add(Severity::Warning, "fleet.duplicate_invocation",
                 inv.instance_id.value + " is listed again for command " + inv.command_id.value + " (page " +
                     std::to_string(inv.page + 1) + "): pages overlap, as when a NextToken is used twice. The first listing is kept.",
                 "", inv.offset);
        keep[i] = false;
        ++dropped;
    }
    if (dropped == 0) return;
    seen.clear();  // its views are about to dangle
    std::size_t to = 0;
    for (std::size_t i = 0; i < out.invocations.size(); ++i)
        if (keep[i]) {
            if (to != i) out.invocations[to] = std::move(out.invocations[i]);
            ++to;
        }
    out.invocations.resize(to);
}

// A page whose JSON broke off (read_json said where and why): the elements its list read whole
// before the break are kept, so a paste cut short still shows the targets it holds.
void keep_broken_page(FleetListReader& lists, Fleet& out, DiagnosticSink& sink) {
    const bool invocations = !lists.invocations.empty();  // both: the page's source would be this one
    const std::size_t n = invocations ? lists.invocations.size() : lists.commands.size();
    if (n == 0) return;
    out.sources.push_back(invocations ? FleetSource::ListCommandInvocations : FleetSource::ListCommands);
    if (invocations) append(out.invocations, lists.invocations);
    else append(out.commands, lists.commands);
    ++out.pages;
    out.broken = true;
    sink.add_unplaced(Severity::Warning, "fleet.page_broken",
                      "The JSON of the last page breaks off (see the error): the " +
                          counted(n, invocations ? "invocation" : "command", invocations ? "invocations" : "commands") +
                          " read whole before the break " + (n == 1 ? "is" : "are") + " shown; the rest of that page is not.");
}

void summary_findings(const Fleet& out, DiagnosticSink& sink) {
    if (out.pages > 1)
        sink.add_unplaced(Severity::Info, "fleet.pages", std::to_string(out.pages) + " pages were read, one after the other.");
    if (out.link_dropped.present && out.link_dropped.total > 0)
        sink.add_unplaced(Severity::Warning, "fleet.link_dropped", fleet_link_dropped_text(out.link_dropped, out.invocations.size()));
    if (out.more_pages)
        sink.add_unplaced(Severity::Warning, "fleet.more_pages",
                          "The last page ends with a NextToken: there is more. Paste every page, or let the AWS CLI page for "
                          "you (leave out --max-items and --no-paginate).");
    std::size_t without_plugins = 0, split = 0, cut = 0;
    for (const FleetInvocation& inv : out.invocations) {
        without_plugins += !inv.has_plugins;
        for (const FleetPlugin& p : inv.plugins) {
            split += p.split;
            cut += p.stdout_cut || p.stderr_cut;
        }
    }
    if (without_plugins > 0 && without_plugins == out.invocations.size())
        sink.add_unplaced(Severity::Info, "fleet.no_details",
                          "These invocations carry no output: `aws ssm list-command-invocations` gives each plugin's output "
                          "only with --details.");
    if (split > 0)
        sink.add_unplaced(Severity::Info, "fleet.output_split",
                          "A plugin's Output joins standard output and standard error; " + counted(split, "was", "were") +
                              " split back at the agent's ----------ERROR------- line.");
    if (cut > 0)
        sink.add_unplaced(Severity::Info, "fleet.plugin_output_cut",
                          counted(cut, "plugin output was", "plugin outputs were") + " cut by the agent to " +
                              with_thousands(kMaxPluginOutputChars) + " characters. `aws ssm get-command-invocation` returns up to " +
                              with_thousands(kMaxStdoutChars) + " characters of standard output, and S3 or CloudWatch Logs "
                              "hold all of it when the command sent it there.");
    // TargetCount against the invocations listed for the same command, when every page is here.
    // While a command runs, fewer is no sign of a lost page: the service creates a command's
    // invocations as it resolves its targets (tags, resource groups), so only a command that has
    // ended, or more invocations than targets, says a page is missing or doubled.
    if (!out.more_pages && !out.broken)
        for (const FleetCommand& c : out.commands) {
            if (!c.target_count.present || !c.command_id.present) continue;
            // Invocations a share link left out were listed too (they are not per command: a link
            // carries one command's fleet).
            std::int64_t listed = out.link_dropped.total;
            for (const FleetInvocation& inv : out.invocations) listed += inv.command_id.present && inv.command_id.value == c.command_id.value;
            const bool settled = c.state.terminal || listed > c.target_count.value;
            if (listed > 0 && listed != c.target_count.value && settled)
                sink.add(Severity::Warning, "fleet.count_mismatch",
                         "TargetCount is " + std::to_string(c.target_count.value) + " but " + counted(static_cast<std::size_t>(listed), "invocation of this command was",
                                     "invocations of this command were") +
                             " pasted: is a page missing?",
                         "", c.offset);
        }
}

}  // namespace

// ---- FleetListReader ------------------------------------------------------------------------

bool FleetListReader::wants(std::string_view list_path) {
    // The lists read_page takes, named by kFleetOutputs; send-command's Command is one object,
    // read with the page.
    if (list_path.empty() || list_path[0] != '/') return false;
    for (const FleetOutputName& o : kFleetOutputs) {
        if (o.source == FleetSource::SendCommand || list_path.substr(1) != o.member) continue;
        list_ = o.source;
        if (list_ == FleetSource::ListCommands) commands.clear();  // a key given twice: the last list is in force
        else invocations.clear();
        return true;
    }
    return false;
}

void FleetListReader::element(const std::string& path, Json& value, PlaceSpan span) {
    assert(span.count >= 1 && span.first->path == path);  // the element's own place comes first
    places_.assign(span, span.first->value_offset);
    MemberReader r{places_, sink};
    PageReader reader{r, page};
    if (!value.is_object()) return r.wrong_type(path, "A list element", "an object", value);
    if (list_ == FleetSource::ListCommands) {
        commands.emplace_back();
        reader.read_command(path, value, commands.back());
    } else {
        invocations.emplace_back();
        reader.read_invocation(path, value, invocations.back());
    }
}

std::optional<FleetSource> fleet_source_of(const Json& root) {
    if (!root.is_object()) return std::nullopt;
    for (const FleetOutputName& o : kFleetOutputs)
        if (root.contains(o.member)) return o.source;
    return std::nullopt;
}

bool JsonPages::next(JsonRead& page, std::size_t& begin) {
    const std::size_t at = next_page(text_, end_, sink_);
    if (at == std::string_view::npos) return false;
    begin = at;
    page = read_json(text_, at, sink_, lists_);
    end_ = page.end;
    return true;
}

std::size_t read_fleet(JsonRead& first, std::size_t first_begin, FleetListReader& lists, PageSource& more, Fleet& out,
                       DiagnosticSink& sink) {
    JsonRead page = std::move(first);
    std::size_t begin = first_begin;
    for (;;) {
        assert(lists.page == out.pages);  // what was streamed was numbered as the page it is
        if (!page.ok) {  // the reader said why; the pages before stand, and this one's whole elements
            keep_broken_page(lists, out, sink);
            drop_duplicates(out, sink);
            summary_findings(out, sink);
            return page.end;
        }
        const std::optional<FleetSource> source = fleet_source_of(page.value);
        if (!source) {
            sink.add(Severity::Warning, "fleet.other_document",
                     "This page is not send-command, list-commands or list-command-invocations output; it is skipped.", "", begin);
        } else {
            const Places places{page.places, begin};
            MemberReader r{places, sink};
            PageReader reader{r, out.pages};
            bool token = false;
            out.sources.push_back(reader.read_page(page.value, *source, lists, out, token));
            // The last page decides: a NextToken on an earlier page is answered by the pages after it.
            out.more_pages = token;
            ++out.pages;
        }
        lists.commands.clear();  // a page that was no fleet output (or did not use them)
        lists.invocations.clear();
        lists.page = out.pages;
        const std::size_t end = page.end;
        if (!more.next(page, begin)) {
            drop_duplicates(out, sink);
            summary_findings(out, sink);
            return end;
        }
    }
}

}  // namespace ssmview

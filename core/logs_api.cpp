// core/logs_api.cpp: see logs_api.h.
//
// Index
//   Requests            bodies built with nlohmann's ordered_json
//   check_logs_request  parse (bounded) -> each member by the action's table -> required members
//                       -> the canonical body
//   read_log_events     either action's answer
#include "logs_api.h"

#include "data_limits.h"
#include "invocation.h"  // Json
#include "json_reader.h"
#include "output_location.h"

namespace ssmview {

namespace {

// A Logs request ssmview sends is a few hundred bytes; anything near this is not one of them.
constexpr std::size_t kMaxLogsRequestBytes = 16 * 1024;
// Tokens the service issues are ~60 printable characters ("f/3849.../s"); this bounds hostile ones.
constexpr std::size_t kMaxLogsTokenBytes = 4096;
// FilterLogEvents' logStreamNames: the API's maximum.
constexpr std::size_t kMaxLogStreamNames = 100;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

// ---- Requests ---------------------------------------------------------------------------------

std::string get_log_events_request(std::string_view group, std::string_view stream, std::string_view next_token) {
    Json j = Json::object();
    j["logGroupName"] = std::string(group);
    j["logStreamName"] = std::string(stream);
    if (!next_token.empty()) j["nextToken"] = std::string(next_token);
    j["startFromHead"] = true;
    return dump(j);
}

std::string filter_log_events_request(std::string_view group, std::string_view prefix, std::string_view next_token) {
    Json j = Json::object();
    j["logGroupName"] = std::string(group);
    j["logStreamNamePrefix"] = std::string(prefix);
    if (!next_token.empty()) j["nextToken"] = std::string(next_token);
    return dump(j);
}

// ---- check_logs_request -----------------------------------------------------------------------

namespace {

bool token_ok(std::string_view t) {
    if (t.empty() || t.size() > kMaxLogsTokenBytes) return false;
    for (char c : t)
        if (c < 0x21 || c > 0x7e) return false;
    return true;
}

bool non_negative_integer(const Json& v) {
    return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
}

LogsRequestCheck refuse(std::string why) {
    LogsRequestCheck c;
    c.why = std::move(why);
    return c;
}

}  // namespace

LogsRequestCheck check_logs_request(std::string_view action, std::string_view body) {
    const bool get = action == "GetLogEvents";
    const bool filter = action == "FilterLogEvents";
    if (!get && !filter) return refuse("the action is not GetLogEvents or FilterLogEvents");
    if (body.size() > kMaxLogsRequestBytes)
        return refuse("the body is larger than " + std::to_string(kMaxLogsRequestBytes / 1024) + " KiB");
    Json in;
    if (!read_json_object(body, kMaxLogsRequestBytes, in)) return refuse("the body is not a JSON object");

    // Members in the order the canonical body writes them, whatever order they came in.
    Json out = Json::object();
    std::string why;
    for (auto it = in.begin(); it != in.end(); ++it) {
        const std::string& key = it.key();
        const Json& v = it.value();
        if (key == "logGroupName") {
            if (!v.is_string() || !log_group_name_ok(v.get<std::string>()))
                return refuse("logGroupName is not a log group name (1 to 512 characters of A-Z a-z 0-9 _ - / . #)");
        } else if (key == "logStreamName" && get) {
            if (!v.is_string()) return refuse("logStreamName is not a string");
            if (!log_stream_name_ok(v.get<std::string>(), &why)) return refuse("logStreamName: " + why);
        } else if (key == "logStreamNamePrefix" && filter) {
            if (!v.is_string()) return refuse("logStreamNamePrefix is not a string");
            if (!log_stream_prefix_ok(v.get<std::string>(), &why)) return refuse("logStreamNamePrefix: " + why);
        } else if (key == "logStreamNames" && filter) {
            if (!v.is_array() || v.empty() || v.size() > kMaxLogStreamNames)
                return refuse("logStreamNames is not a list of 1 to 100 stream names");
            for (const Json& s : v) {
                if (!s.is_string()) return refuse("logStreamNames holds something other than a string");
                if (!log_stream_name_ok(s.get<std::string>(), &why)) return refuse("logStreamNames: " + why);
            }
        } else if (key == "nextToken") {
            if (!v.is_string() || !token_ok(v.get<std::string>()))
                return refuse("nextToken is not a token (1 to 4,096 printable ASCII characters)");
        } else if (key == "limit") {
            if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > kMaxLogEventsPerPage)
                return refuse("limit is not a whole number from 1 to 10,000");
        } else if (key == "startTime" || key == "endTime") {
            if (!non_negative_integer(v)) return refuse(key + " is not a time in milliseconds since 1970");
        } else if ((key == "startFromHead" && get) || (key == "interleaved" && filter)) {
            if (!v.is_boolean()) return refuse(key + " is not true or false");
        } else {
            // Not quoted: a member name is request input; the sentence stays ours.
            return refuse(std::string("the body holds a member ssmview does not send with ") +
                          (get ? "GetLogEvents" : "FilterLogEvents") + " (only logGroupName, " +
                          (get ? "logStreamName, startFromHead" : "logStreamNamePrefix or logStreamNames, interleaved") +
                          ", nextToken, limit, startTime, endTime)");
        }
        out[key] = v;
    }
    if (!out.contains("logGroupName")) return refuse("logGroupName is missing");
    if (get && !out.contains("logStreamName")) return refuse("logStreamName is missing");
    if (filter && out.contains("logStreamNamePrefix") == out.contains("logStreamNames"))
        return refuse("FilterLogEvents needs logStreamNamePrefix or logStreamNames (one of them)");
    LogsRequestCheck c;
    c.ok = true;
    c.canonical_body = dump(out);
    return c;
}

// ---- read_log_events --------------------------------------------------------------------------

LogEventsPage read_log_events(std::string_view body) {
    LogEventsPage page;
    Json j;
    if (!read_json_object(body, kMaxInputBytes, j)) {
        page.error = body.size() > kMaxInputBytes ? "The CloudWatch Logs answer is larger than " +
                                                        std::to_string(kMaxInputBytes / (1024 * 1024)) + " MiB and was not read."
                                                  : "The CloudWatch Logs answer is not a JSON object.";
        return page;
    }
    const auto events = j.find("events");
    if (events != j.end() && !events->is_array()) {
        page.error = "The CloudWatch Logs answer's events is not a list.";
        return page;
    }
    if (events != j.end()) {
        for (const Json& e : *events) {
            if (!e.is_object()) continue;  // not an event: skipped, never trusted
            const auto m = e.find("message");
            if (m == e.end() || !m->is_string()) continue;
            LogEvent ev;
            ev.message = m->get<std::string>();
            const auto t = e.find("timestamp");
            if (t != e.end() && t->is_number_integer()) ev.timestamp_ms = t->get<std::int64_t>();
            const auto s = e.find("logStreamName");
            if (s != e.end() && s->is_string()) ev.stream = s->get<std::string>();
            page.events.push_back(std::move(ev));
        }
    }
    for (const char* key : {"nextForwardToken", "nextToken"}) {
        const auto t = j.find(key);
        if (t != j.end() && t->is_string()) page.next_token = t->get<std::string>();
    }
    page.ok = true;
    return page;
}

// ---- Pace -----------------------------------------------------------------------------------

bool log_page_is_backlog(const LogEventsPage& page) {
    std::size_t bytes = 0;
    for (const LogEvent& e : page.events) bytes += e.message.size();
    return page.events.size() >= kBacklogEvents || bytes >= kBacklogBytes;
}

bool log_page_at_end(const LogEventsPage& page, std::string_view sent_token) {
    return page.next_token.empty() || page.next_token == sent_token;
}

}  // namespace ssmview

// proxy/simulate_logs.cpp: reading Logs requests with the core's rule, answering from the catalog's streams.
//
// Index
//   Streams at an instant   Landed: a stream, its command's run, how many events have landed
//   Time window             startTime (included) .. endTime (excluded), on event timestamps
//   GetLogEvents tokens     "f|b/" + 20 digits of the stream's fingerprint + 36 of the position + "/s"
//   FilterLogEvents tokens  base64url("simf1|<query fingerprint>|<timestamp>|<position>|<stream>")
//   get_log_events, filter_log_events
//   answer_logs             action -> check_logs_request -> handler
#include "simulate_logs.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <optional>
#include <tuple>
#include <vector>

#include "logs_api.h"
#include "share_link.h"  // base64url
#include "simulate_uploads.h"

namespace ssmview::proxy {

namespace {

using Json = nlohmann::json;

Reply ok(const WireJson& body) { return Reply{200, wire_json(body), ""}; }

Reply no_group() { return error_reply("ResourceNotFoundException", "The specified log group does not exist."); }
Reply no_stream() { return error_reply("ResourceNotFoundException", "The specified log stream does not exist."); }
Reply bad_token() { return error_reply("InvalidParameterException", "The specified nextToken is invalid."); }

// ---- Streams at an instant --------------------------------------------------------------------

struct Landed {
    const SimLogStream* stream = nullptr;
    const Run*          run = nullptr;  // null: the command never started
    std::size_t         count = 0;      // events landed; 0: the stream does not exist (yet)

    std::int64_t timestamp(std::size_t i) const { return run->at(stream->step_start_ms() + stream->events[i].at_ms); }
    std::int64_t ingestion(std::size_t i) const {
        return run->at(stream->step_start_ms() + stream->events[i].landed_ms);
    }
    std::string_view message(std::size_t i) const { return stream->message(stream->events[i]); }
};

Landed landed(const SimLogStream& s, Runs& runs, std::int64_t now) {
    Landed l;
    l.stream = &s;
    l.run = runs.touch(*s.command, now);
    if (l.run) l.count = landed_events(s, l.run->t(now));
    return l;
}

// ---- Time window ------------------------------------------------------------------------------

struct Window {
    std::optional<std::int64_t> start, end;
    bool holds(std::int64_t t) const { return (!start || t >= *start) && (!end || t < *end); }
};

Window window_of(const Json& req) {
    Window w;
    if (req.contains("startTime")) w.start = req["startTime"].get<std::int64_t>();
    if (req.contains("endTime")) w.end = req["endTime"].get<std::int64_t>();
    return w;
}

// ---- GetLogEvents tokens ----------------------------------------------------------------------

constexpr std::size_t kTokenStreamDigits = 20, kTokenPositionDigits = 36;

// The stream's fingerprint as 20 decimal digits (a 64-bit number has at most 20).
std::string stream_digits(const SimLogStream& s) {
    const std::uint64_t h = std::stoull(fingerprint(s.group + "\n" + s.name), nullptr, 16);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%020" PRIu64, h);
    return buf;
}

std::string get_token(char direction, const SimLogStream& s, std::size_t position) {
    char pos[40];
    std::snprintf(pos, sizeof pos, "%036zu", position);
    return std::string(1, direction) + "/" + stream_digits(s) + pos + "/s";
}

struct GetPosition {
    char        direction;  // 'f' or 'b'
    std::size_t position;
};

// What a token says, or nullopt when it was not issued for this stream (or names a position past
// what has landed: the simulator never issues one).
std::optional<GetPosition> read_get_token(const std::string& token, const SimLogStream& s, std::size_t landed) {
    const std::size_t digits = kTokenStreamDigits + kTokenPositionDigits;
    if (token.size() != digits + 4 || (token[0] != 'f' && token[0] != 'b') || token[1] != '/' ||
        token.compare(2 + digits, 2, "/s") != 0)
        return std::nullopt;
    const std::string number = token.substr(2, digits);
    if (number.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    if (number.compare(0, kTokenStreamDigits, stream_digits(s)) != 0) return std::nullopt;
    const std::string pos = number.substr(kTokenStreamDigits);
    const std::size_t nonzero = pos.find_first_not_of('0');
    std::size_t position = 0;
    if (nonzero != std::string::npos) {
        if (pos.size() - nonzero > 9) return std::nullopt;
        position = static_cast<std::size_t>(std::stoul(pos.substr(nonzero)));
    }
    if (position > landed) return std::nullopt;
    return GetPosition{token[0], position};
}

// ---- FilterLogEvents tokens ---------------------------------------------------------------------

// An event in the merged order of FilterLogEvents: (timestamp, stream name, position).
struct Key {
    std::int64_t timestamp;
    std::string  stream;
    std::size_t  position;
    bool operator<(const Key& o) const {
        return std::tie(timestamp, stream, position) < std::tie(o.timestamp, o.stream, o.position);
    }
};

std::string filter_token(const std::string& query_fp, const Key& after) {
    return base64url_encode("simf1|" + query_fp + "|" + std::to_string(after.timestamp) + "|" +
                            std::to_string(after.position) + "|" + after.stream);
}

// The key a token continues after, or nullopt when this query did not issue it.
std::optional<Key> read_filter_token(const std::string& token, const std::string& query_fp) {
    std::string decoded, error;
    if (!base64url_decode(token, decoded, error)) return std::nullopt;
    std::vector<std::string> f;
    std::size_t at = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t bar = decoded.find('|', at);
        if (bar == std::string::npos) return std::nullopt;
        f.push_back(decoded.substr(at, bar - at));
        at = bar + 1;
    }
    const auto digits = [](const std::string& d) {
        return !d.empty() && d.size() <= 15 && d.find_first_not_of("0123456789") == std::string::npos;
    };
    if (f[0] != "simf1" || f[1] != query_fp || !digits(f[2]) || !digits(f[3])) return std::nullopt;
    return Key{std::stoll(f[2]), decoded.substr(at), static_cast<std::size_t>(std::stoull(f[3]))};
}

// ---- Handlers ---------------------------------------------------------------------------------

const SimLogStream* find_stream(const std::string& group, const std::string& name) {
    for (const SimLogStream& s : log_streams())
        if (s.group == group && s.name == name) return &s;
    return nullptr;
}

Reply get_log_events(const Json& req, Runs& runs, std::int64_t now) {
    const std::string group = req["logGroupName"];
    if (!log_group_exists(group)) return no_group();
    const SimLogStream* stream = find_stream(group, req["logStreamName"]);
    if (!stream) return no_stream();
    const Landed l = landed(*stream, runs, now);
    if (l.count == 0) return no_stream();

    GetPosition from{'f', 0};
    if (req.contains("nextToken")) {
        std::optional<GetPosition> read = read_get_token(req["nextToken"], *stream, l.count);
        if (!read) return bad_token();
        from = *read;
    } else if (!req.value("startFromHead", false)) {
        from = {'b', l.count};  // the API's default: the most recent page
    }
    const std::size_t limit = req.value("limit", static_cast<std::size_t>(kMaxLogEventsPerPage));
    const Window window = window_of(req);

    // Scan from the position in the token's direction; [lo, hi) is what was scanned.
    std::vector<std::size_t> taken;
    std::size_t bytes = 0, lo = from.position, hi = from.position;
    const auto take = [&](std::size_t i) {
        if (!window.holds(l.timestamp(i))) return true;
        if (taken.size() == limit) return false;
        bytes += l.message(i).size();
        if (!taken.empty() && bytes > kSimLogsPageBytes) return false;
        taken.push_back(i);
        return true;
    };
    if (from.direction == 'f') {
        while (hi < l.count && take(hi)) ++hi;
    } else {
        while (lo > 0 && take(lo - 1)) --lo;
        std::reverse(taken.begin(), taken.end());
    }

    WireJson body = WireJson::object();
    body["events"] = WireJson::array();
    for (std::size_t i : taken) {
        WireJson e = WireJson::object();
        e["timestamp"] = l.timestamp(i);
        e["message"] = std::string(l.message(i));
        e["ingestionTime"] = l.ingestion(i);
        body["events"].push_back(std::move(e));
    }
    body["nextForwardToken"] = get_token('f', *stream, hi);
    body["nextBackwardToken"] = get_token('b', *stream, lo);
    return ok(body);
}

Reply filter_log_events(const Json& req, Runs& runs, std::int64_t now) {
    const std::string group = req["logGroupName"];
    if (!log_group_exists(group)) return no_group();
    const bool by_prefix = req.contains("logStreamNamePrefix");
    const std::string prefix = by_prefix ? req["logStreamNamePrefix"].get<std::string>() : "";
    const std::vector<std::string> names =
        by_prefix ? std::vector<std::string>{} : req["logStreamNames"].get<std::vector<std::string>>();
    const Window window = window_of(req);
    const std::size_t limit = req.value("limit", static_cast<std::size_t>(kMaxLogEventsPerPage));

    // The query, for its tokens: everything but limit and nextToken.
    std::string query = "FilterLogEvents\n" + group + "\n" + (by_prefix ? "prefix " + prefix : "names");
    for (const std::string& n : names) query += "\n" + n;
    query += "\n" + (window.start ? std::to_string(*window.start) : "") + "\n" +
             (window.end ? std::to_string(*window.end) : "");
    const std::string query_fp = fingerprint(query);

    std::vector<Landed> streams;
    std::vector<std::size_t> ordinals;  // each stream's place in log_streams(), for eventId
    for (std::size_t n = 0; n < log_streams().size(); ++n) {
        const SimLogStream& s = log_streams()[n];
        if (s.group != group) continue;
        const bool wanted = by_prefix ? s.name.compare(0, prefix.size(), prefix) == 0
                                      : std::find(names.begin(), names.end(), s.name) != names.end();
        if (!wanted) continue;
        Landed l = landed(s, runs, now);
        if (l.count == 0) continue;
        streams.push_back(l);
        ordinals.push_back(n);
    }
    struct Item {
        Key         key;
        std::size_t stream;  // index into streams
    };
    std::vector<Item> merged;
    for (std::size_t s = 0; s < streams.size(); ++s)
        for (std::size_t i = 0; i < streams[s].count; ++i)
            if (window.holds(streams[s].timestamp(i))) merged.push_back({{streams[s].timestamp(i), streams[s].stream->name, i}, s});
    std::sort(merged.begin(), merged.end(), [](const Item& a, const Item& b) { return a.key < b.key; });

    std::size_t start = 0;
    if (req.contains("nextToken")) {
        std::optional<Key> after = read_filter_token(req["nextToken"], query_fp);
        if (!after) return bad_token();
        start = static_cast<std::size_t>(
            std::upper_bound(merged.begin(), merged.end(), *after, [](const Key& k, const Item& it) { return k < it.key; }) -
            merged.begin());
    }

    WireJson body = WireJson::object();
    body["events"] = WireJson::array();
    std::size_t end = start, bytes = 0;
    for (; end < merged.size() && end - start < limit; ++end) {
        const Item& it = merged[end];
        const Landed& l = streams[it.stream];
        bytes += l.message(it.key.position).size();
        if (end > start && bytes > kSimLogsPageBytes) break;
        char id[64];
        std::snprintf(id, sizeof id, "%020" PRId64 "%012zu%024zu", it.key.timestamp, ordinals[it.stream], it.key.position);
        WireJson e = WireJson::object();
        e["logStreamName"] = it.key.stream;
        e["timestamp"] = it.key.timestamp;
        e["message"] = std::string(l.message(it.key.position));
        e["ingestionTime"] = l.ingestion(it.key.position);
        e["eventId"] = id;
        body["events"].push_back(std::move(e));
    }
    body["searchedLogStreams"] = WireJson::array();  // deprecated; AWS still sends it, empty
    if (end < merged.size()) body["nextToken"] = filter_token(query_fp, merged[end - 1].key);
    return ok(body);
}

}  // namespace

Reply answer_logs(std::string_view action, std::string_view body, Runs& runs, std::int64_t now_ms) {
    using Handler = Reply (*)(const Json&, Runs&, std::int64_t);
    Handler handler = nullptr;
    if (action == "GetLogEvents") handler = get_log_events;
    if (action == "FilterLogEvents") handler = filter_log_events;
    if (!handler)
        return error_reply("UnknownOperationException", "ssmview-proxy --simulate does not simulate the " +
                                                            std::string(action) + " action.");
    // The proxy's rule, read the same way: what passes it is what the simulator serves.
    const LogsRequestCheck check = check_logs_request(action, body);
    if (!check.ok) return error_reply("InvalidParameterException", "The request is not one ssmview sends: " + check.why + ".");
    return handler(Json::parse(check.canonical_body), runs, now_ms);
}

}  // namespace ssmview::proxy

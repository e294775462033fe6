// view/whole_output.cpp: see whole_output.h.
//
// Index
//   Names                whole_source_name, whole_phase_name
//   Reads                read_logs (one GetLogEvents page), read_s3_part (one Range of the object),
//                        read_next (whichever the stream's source is)
//   Loading              whole_on_load, whole_after_poll (live), whole_can_load, whole_load_complete,
//                        whole_load_rest, whole_cancel, whole_retry
//   Answers              on_logs, on_s3, whole_on_answer
//   Frames               whole_frame_end: a stopped follow, settling after the end, retries
//   Showing              whole_pane_text, whole_shown_anywhere, whole_in_share_link
//   JSON                 whole_state_json
//
// Call flow: see whole_output.h. No ImGui here: output_panel.cpp calls the actions on clicks,
// fetch_follow.cpp calls whole_after_poll and whole_on_answer, view_frame calls whole_frame_end,
// and the native tests call everything directly.
#include "whole_output.h"

#include <algorithm>
#include <cassert>

#include "fetch_ops.h"
#include "logs_api.h"
#include "truncation.h"

namespace ssmview {

// ---- Names ----------------------------------------------------------------------------------

const char* whole_source_name(WholeSource s) {
    switch (s) {
    case WholeSource::None: return "none";
    case WholeSource::Logs: return "logs";
    case WholeSource::S3: return "s3";
    }
    return "none";
}

const char* whole_phase_name(WholePhase p) {
    switch (p) {
    case WholePhase::None: return "none";
    case WholePhase::Live: return "live";
    case WholePhase::Loading: return "loading";
    case WholePhase::Partial: return "partial";
    case WholePhase::Done: return "done";
    case WholePhase::Failed: return "failed";
    }
    return "none";
}

namespace {

// A read that failed in passing (throttled, a 5xx, no answer) is tried again this many times,
// after core/follow.h's back-off, before the stream shows the error.
constexpr int kMaxRetries = 4;

std::string identity_of(const Invocation& inv) {
    if (!inv.command_id.present) return {};
    return inv.command_id.value + "/" + inv.instance_id.value + "/" + inv.plugin_name.value;
}

// Reads of the logs name the group and the agent's two streams (core/output_location.h).
void use_logs(WholeOutput& w, const LogOutput& logs) {
    w.group = logs.group;
    w.streams[0] = logs.stdout_stream;
    w.streams[1] = logs.stderr_stream;
}
std::string logs_where(const WholeOutput& w, int i) { return w.group + " " + w.streams[i]; }

bool busy(const WholeOutput& w) { return w.s[0].request != 0 || w.s[1].request != 0; }

// ---- Reads ----------------------------------------------------------------------------------

void read_logs(ViewState& s, int i) {
    WholeOutput& w = s.whole;
    WholeStream& st = w.s[i];
    assert(st.source == WholeSource::Logs && st.request == 0);
    FetchRequest r;
    r.url = w.proxy_url;
    r.action = "GetLogEvents";
    r.headers = {{"Content-Type", kLogsContentType}, {"X-Amz-Target", std::string(kLogsTargetService) + ".GetLogEvents"}};
    r.body = get_log_events_request(w.group, w.streams[i], st.log_token);
    st.sent_token = st.log_token;
    st.request = fetch_send(s.fetch, FetchKind::LogsRead, std::move(r), {}, output_stream_at(i));
    ++w.reads;
}

void read_s3_part(ViewState& s, int i) {
    WholeOutput& w = s.whole;
    WholeStream& st = w.s[i];
    assert(st.source == WholeSource::S3 && st.request == 0 && st.object.ok);
    const std::int64_t from = static_cast<std::int64_t>(st.text.size());
    std::int64_t end = std::min(from + kS3PartBytes, st.read_limit);  // exclusive
    if (st.total_bytes >= 0) end = std::min(end, st.total_bytes);
    if (end <= from) end = from + 1;  // a total that shrank: ask for one byte, S3 answers 416
    FetchRequest r;
    r.method = "GET";
    r.url = w.proxy_url;
    r.action = "GetObject";
    r.headers = {{"Range", "bytes=" + std::to_string(from) + "-" + std::to_string(end - 1)}};
    st.request = fetch_send(s.fetch, FetchKind::S3Read, std::move(r), s3_proxy_path(st.object), output_stream_at(i));
}

void read_next(ViewState& s, int i) {
    if (s.whole.s[i].source == WholeSource::S3) read_s3_part(s, i);
    else read_logs(s, i);
}

void start_round(ViewState& s, std::int64_t now_ms) {
    WholeOutput& w = s.whole;
    ++w.rounds;
    w.last_round_ms = now_ms;
    for (int i = 0; i < 2; ++i) {
        WholeStream& st = w.s[i];
        if (st.phase != WholePhase::Live || st.request != 0) continue;
        st.pages = 0;
        read_logs(s, i);
    }
}

void fail(WholeStream& st, ServiceError e) {
    st.phase = WholePhase::Failed;
    st.error = std::move(e);
    st.retry_at_ms = 0;
}

}  // namespace

// ---- Loading --------------------------------------------------------------------------------

std::string whole_proxy_url(const ViewState& s, std::string* why) {
    const FetchState& f = s.fetch;
    if (f.following) return f.target.proxy_url;  // the proxy that fetched what is shown
    return fetch_checked_proxy(f.proxy_url, why);
}

void whole_on_load(ViewState& s) {
    const std::string id = identity_of(s.report.invocation);
    if (id == s.whole.identity && !id.empty()) return;  // the same invocation again (a follow's poll)
    s.whole = WholeOutput{};  // reads in flight no longer match any stream's request: dropped
    s.whole.identity = id;
}

void whole_after_poll(ViewState& s, std::int64_t now_ms) {
    WholeOutput& w = s.whole;
    const FetchState& f = s.fetch;
    if (!w.live) {
        // Live reading starts with a running invocation whose output goes to CloudWatch Logs. One
        // that had already ended when following began is whole in its answer, or cut: the cut
        // one offers "Load the complete output" like a paste does.
        const LogOutput logs = invocation_log_output(s.report.invocation);
        if (!logs.enabled || s.report.state.terminal || w.s[0].phase != WholePhase::None || w.s[1].phase != WholePhase::None)
            return;
        w.live = true;
        w.proxy_url = f.target.proxy_url;
        use_logs(w, logs);
        for (int i = 0; i < 2; ++i) {
            w.s[i].source = WholeSource::Logs;
            w.s[i].phase = WholePhase::Live;
            w.s[i].where = logs_where(w, i);
        }
    }
    if (s.report.state.terminal && w.ended_ms == 0) {
        // The status can turn terminal before the last batch lands: read on at the follow's pace
        // until nothing grew for kLogsSettleMs (whole_frame_end).
        w.ended_ms = now_ms;
        w.next_read_ms = now_ms + kFollowIntervalMs;
    }
    start_round(s, now_ms);
}

std::string whole_can_load(const ViewState& s, OutputStream which) {
    const Report& r = s.report;
    if (!r.has_invocation) return "No invocation is loaded.";
    if (!output_cut(r, output_member(which)).cut()) return "The output was not cut: the answer holds all of it.";
    const WholeStream& st = s.whole.s[output_stream_index(which)];
    if (st.phase == WholePhase::Loading || st.phase == WholePhase::Live) return "It is being read.";
    if (st.phase == WholePhase::Done) return "The complete output is shown.";
    const Field<std::string>& url = output_url(r.invocation, which);
    const bool s3 = url.present && parse_s3_url(url.value).ok;
    if (!s3 && !invocation_log_output(r.invocation).enabled)
        return "The command sent its output to neither S3 nor CloudWatch Logs, so the rest is not kept.";
    // Offered whether or not a proxy answered yet: clicking is asking, and with no proxy the read
    // fails with core's hint on starting one. The banner's console links stay either way.
    return {};
}

void whole_load_complete(ViewState& s, OutputStream which) {
    if (!whole_can_load(s, which).empty()) return;
    WholeOutput& w = s.whole;
    const int i = output_stream_index(which);
    const FetchState& f = s.fetch;
    std::string why;
    w.proxy_url = whole_proxy_url(s, &why);
    WholeStream& st = w.s[i];
    const int version = st.version;
    st = WholeStream{};
    st.version = version + 1;
    if (w.proxy_url.empty()) {
        fail(st, unreachable_error(why, f.proxy_url));
        return;
    }
    const Invocation& inv = s.report.invocation;
    const Field<std::string>& url = output_url(inv, which);
    const S3Location object = url.present ? parse_s3_url(url.value) : S3Location{};
    st.phase = WholePhase::Loading;
    if (object.ok) {
        st.source = WholeSource::S3;
        st.object = object;
        st.where = "s3://" + object.bucket + "/" + object.key;
        st.read_limit = kS3ReadAtOnceBytes;
        read_s3_part(s, i);
        return;
    }
    use_logs(w, invocation_log_output(inv));
    st.source = WholeSource::Logs;
    st.where = logs_where(w, i);
    read_logs(s, i);
}

void whole_load_rest(ViewState& s, OutputStream which) {
    WholeStream& st = s.whole.s[output_stream_index(which)];
    if (st.phase != WholePhase::Partial && st.phase != WholePhase::Failed) return;
    if (st.source == WholeSource::None || st.request != 0) return;
    st.phase = WholePhase::Loading;
    st.cancelled = false;
    st.retries = 0;
    st.read_limit = static_cast<std::int64_t>(st.text.size()) + kS3ReadAtOnceBytes;
    read_next(s, output_stream_index(which));
}

void whole_cancel(ViewState& s, OutputStream which) {
    WholeStream& st = s.whole.s[output_stream_index(which)];
    if (st.phase != WholePhase::Loading) return;
    st.phase = WholePhase::Partial;
    st.cancelled = true;
    if (st.request != 0) s.fetch.cancels.push_back(st.request);  // its transfer (up to a 16 MB part) is aborted
    st.request = 0;  // its answer, or the failure the abort brings, matches nothing
    st.retry_at_ms = 0;
}

void whole_retry(ViewState& s, OutputStream which) {
    WholeStream& st = s.whole.s[output_stream_index(which)];
    if (st.phase != WholePhase::Failed) return;
    if (st.text.empty()) {
        st.phase = WholePhase::None;  // from the start, by the same rules as the first time
        whole_load_complete(s, which);
        return;
    }
    whole_load_rest(s, which);
}

// ---- Answers --------------------------------------------------------------------------------

namespace {

ServiceError error_of(const FetchAnswer& a, const FetchInFlight& req, const char* service) {
    return a.failed ? unreachable_error(a.body, req.url)
                    : read_service_error(a.status, a.error_type, a.request_id, a.body, req.action, service);
}

// A read that failed: in passing (live: the next round reads again; loading: after a back-off),
// or for good.
void on_failure(WholeStream& st, ServiceError e, std::int64_t now_ms) {
    if (e.retry && st.phase == WholePhase::Live) return;
    if (e.retry && st.phase == WholePhase::Loading && st.retries < kMaxRetries) {
        st.retry_at_ms = now_ms + follow_backoff_ms(++st.retries);
        return;
    }
    fail(st, std::move(e));
}

void grow(WholeOutput& w, WholeStream& st, std::int64_t now_ms) {
    ++st.version;
    w.last_growth_ms = now_ms;
}

void on_logs(ViewState& s, int i, const FetchAnswer& a, const FetchInFlight& req, std::int64_t now_ms) {
    WholeOutput& w = s.whole;
    WholeStream& st = w.s[i];
    if (a.failed || a.status != 200) {
        ServiceError e = error_of(a, req, "logs");
        // The agent creates a stream with its first output: none yet is normal, never an error.
        if (e.type == "ResourceNotFoundException") {
            st.no_stream = true;
            if (st.phase == WholePhase::Loading) st.phase = WholePhase::Done;  // no output at all
            return;
        }
        on_failure(st, std::move(e), now_ms);
        return;
    }
    LogEventsPage page = read_log_events(a.body);
    if (!page.ok) {
        fail(st, malformed_answer_error(page.error, req.action, "logs"));
        return;
    }
    st.no_stream = false;
    std::size_t bytes = 0;
    for (const LogEvent& e : page.events) bytes += e.message.size();
    if (bytes > 0) {
        st.text.reserve(st.text.size() + bytes);
        for (const LogEvent& e : page.events) st.text += e.message;
        grow(w, st, now_ms);
    }
    st.events += static_cast<int>(page.events.size());
    const bool at_end = log_page_at_end(page, st.sent_token);
    if (!page.next_token.empty()) st.log_token = page.next_token;
    ++st.pages;
    st.retries = 0;
    if (st.phase == WholePhase::Loading) {
        if (at_end) st.phase = WholePhase::Done;
        else read_logs(s, i);
        return;
    }
    // Live: the next poll reads on from the token; a backlog reads a few pages now.
    if (!at_end && log_page_is_backlog(page) && st.pages < kMaxPagesPerRead) read_logs(s, i);
}

void on_s3(ViewState& s, int i, FetchAnswer& a, const FetchInFlight& req, std::int64_t now_ms) {
    WholeOutput& w = s.whole;
    WholeStream& st = w.s[i];
    if (!a.failed && a.status == 416 && st.text.empty()) {  // a Range on an empty object
        st.total_bytes = 0;
        st.phase = WholePhase::Done;
        return;
    }
    if (a.failed || (a.status != 200 && a.status != 206)) {
        on_failure(st, error_of(a, req, "s3"), now_ms);
        return;
    }
    const std::int64_t before = static_cast<std::int64_t>(st.text.size());
    if (a.status == 200) {  // the whole object (whatever answered ignored the Range)
        st.text = std::move(a.body);
        st.total_bytes = static_cast<std::int64_t>(st.text.size());
    } else {
        if (st.text.empty()) st.text = std::move(a.body);  // the first part: no copy
        else st.text += a.body;
        const std::int64_t total = s3_object_size(a.content_range, "");
        if (total >= 0) st.total_bytes = total;
    }
    grow(w, st, now_ms);
    st.retries = 0;
    const std::int64_t have = static_cast<std::int64_t>(st.text.size());
    if (st.total_bytes >= 0 && have >= st.total_bytes) st.phase = WholePhase::Done;
    else if (have == before && a.status == 206) st.phase = WholePhase::Done;  // nothing more came: never spin
    else if (have >= st.read_limit) st.phase = WholePhase::Partial;  // a first part: offer the rest
    else read_s3_part(s, i);
}

}  // namespace

void whole_on_answer(ViewState& s, FetchAnswer& a, const FetchInFlight& req, std::int64_t now_ms) {
    const int i = output_stream_index(req.stream);
    WholeStream& st = s.whole.s[i];
    if (req.id != st.request) return;  // cancelled, or another invocation was loaded since
    st.request = 0;
    if (req.kind == FetchKind::S3Read) on_s3(s, i, a, req, now_ms);
    else on_logs(s, i, a, req, now_ms);
}

// ---- Frames ---------------------------------------------------------------------------------

std::int64_t whole_frame_end(ViewState& s, std::int64_t now_ms) {
    WholeOutput& w = s.whole;
    std::int64_t wait = -1;
    const auto wake_at = [&](std::int64_t at) {
        const std::int64_t ms = std::max<std::int64_t>(0, at - now_ms);
        if (wait < 0 || ms < wait) wait = ms;
    };
    for (int i = 0; i < 2; ++i) {
        WholeStream& st = w.s[i];
        if (st.retry_at_ms == 0 || st.phase != WholePhase::Loading) continue;
        if (now_ms >= st.retry_at_ms) {
            st.retry_at_ms = 0;
            if (st.request == 0) read_next(s, i);
        } else {
            wake_at(st.retry_at_ms);
        }
    }
    if (!w.live) return wait;
    const FetchState& f = s.fetch;
    const bool ended = f.follow.done && f.follow.last == PollOutcome::Terminal;
    if (w.ended_ms == 0 && (!f.following || (f.follow.done && !ended))) {
        // Following stopped before the end (Stop, an error, another load): keep what was read.
        w.live = false;
        for (WholeStream& st : w.s)
            if (st.phase == WholePhase::Live) st.phase = WholePhase::Partial;
        return wait;
    }
    if (w.ended_ms == 0) return wait;  // polls drive the rounds until the end
    if (busy(w)) return wait;          // the answer draws a frame
    if (w.last_round_ms - std::max(w.ended_ms, w.last_growth_ms) >= kLogsSettleMs) {
        // A round read kLogsSettleMs after the end and after the last growth, and brought nothing.
        w.live = false;
        for (WholeStream& st : w.s)
            if (st.phase == WholePhase::Live) st.phase = WholePhase::Done;
        return wait;
    }
    if (now_ms >= w.next_read_ms) {
        w.next_read_ms = now_ms + kFollowIntervalMs;
        start_round(s, now_ms);
        return wait;
    }
    wake_at(w.next_read_ms);
    return wait;
}

// ---- Showing --------------------------------------------------------------------------------

const std::string* whole_pane_text(const ViewState& s, OutputStream which) {
    const WholeStream& st = s.whole.s[output_stream_index(which)];
    if (st.phase == WholePhase::None || st.text.empty()) return nullptr;
    // The logs can lag behind (or lack) what the answer holds: show the longer of the two.
    const Field<std::string>& content = output_content(s.report.invocation, which);
    if (st.source == WholeSource::Logs && content.present && st.text.size() < content.value.size()) return nullptr;
    return &st.text;
}

bool whole_shown_anywhere(const ViewState& s) {
    return whole_pane_text(s, OutputStream::Stdout) != nullptr || whole_pane_text(s, OutputStream::Stderr) != nullptr;
}

bool whole_in_share_link(const ViewState& s) { return s.ui.share_whole && whole_shown_anywhere(s); }

// ---- JSON -----------------------------------------------------------------------------------

Json whole_state_json(const WholeOutput& w) {
    Json j;
    j["live"] = w.live;
    j["rounds"] = w.rounds;
    j["logs_reads"] = w.reads;
    for (int i = 0; i < 2; ++i) {
        const WholeStream& st = w.s[i];
        Json k;
        k["source"] = whole_source_name(st.source);
        k["phase"] = whole_phase_name(st.phase);
        k["bytes"] = st.text.size();
        k["total_bytes"] = st.total_bytes >= 0 ? Json(st.total_bytes) : Json(nullptr);
        k["where"] = st.where;
        k["events"] = st.events;
        k["no_stream"] = st.no_stream;
        k["cancelled"] = st.cancelled;
        k["in_flight"] = st.request != 0;
        k["retries"] = st.retries;
        if (st.phase == WholePhase::Failed) {
            Json e = service_error_to_json_fields(st.error);
            e["title"] = service_error_title(st.error);
            k["error"] = std::move(e);
        } else {
            k["error"] = nullptr;
        }
        j[output_stream_name(output_stream_at(i))] = std::move(k);
    }
    return j;
}

}  // namespace ssmview

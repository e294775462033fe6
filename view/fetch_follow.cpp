// view/fetch_follow.cpp: the fetch panel's state machine: requests out, answers in, the cadence.
//
// Index
//   Names                   list_phase_name, fetch_resolving, fetch_phase_name
//   Requests                send (headers; the bearer token only to the proxy it was typed for),
//                           request_steps
//   Following               fetch_follow, fetch_follow_form, pick, pause/resume/stop/close, confirm
//   Answers                 on_poll (a load like a paste), on_commands, on_steps, view_fetch_answer,
//                           view_fetch_failed, view_fetch_open_link, view_fetch_discover
//   Frames                  fetch_frame_begin, fetch_frame_end (due poll, countdown tick)
//   JSON                    fetch_state_json
//
// Call flow: see fetch_state.h. No ImGui here: the panels (fetch_panel.cpp) call these on clicks,
// view_frame calls the two frame functions, and the native tests call everything directly.
#include <algorithm>
#include <cassert>

#include "classify.h"
#include "fetch_ops.h"
#include "whole_output.h"
#include "view_layout.h"

namespace ssmview {

// ---- Names ----------------------------------------------------------------------------------------

const char* list_phase_name(ListPhase p) {
    switch (p) {
    case ListPhase::None: return "none";
    case ListPhase::Loading: return "loading";
    case ListPhase::Ok: return "ok";
    case ListPhase::Failed: return "failed";
    }
    return "none";
}

bool fetch_resolving(const FetchState& f) { return !f.following && f.resolve_then_follow && f.steps.request_id != 0; }

const char* fetch_phase_name(const FetchState& f) {
    if (f.confirm_pending) return "confirm";
    if (!f.following) return fetch_resolving(f) ? "resolving" : "idle";
    // Ended: by the invocation's end ("done"), else by an error polling cannot fix, a Stop, or
    // another load ("stopped"). follow.last says which; nothing else keeps a second copy of it.
    if (f.follow.done) return f.follow.last == PollOutcome::Terminal ? "done" : "stopped";
    if (f.follow.paused) return "paused";
    if (f.poll_request != 0) return "requesting";
    return "waiting";
}

namespace {

// ---- Requests -------------------------------------------------------------------------------------

std::string_view without_trailing_slash(std::string_view url) {
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    return url;
}

bool same_proxy(std::string_view a, std::string_view b) { return without_trailing_slash(a) == without_trailing_slash(b); }

std::string trimmed(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
    return s.substr(b, e - b);
}

// A proxy URL as requests use it: trimmed (a pasted URL often ends in a space or a newline), then
// checked with core's rule. Unchecked, a typo such as "127.0.0.1:8787" is a relative URL to the
// browser's fetch(), which would POST it, bearer token included, to the page's own server.
struct ProxyUrl {
    std::string url;
    std::string error;  // core's sentence ("" = fine): nothing may be sent to `url` then
};

ProxyUrl checked_proxy(const std::string& url) {
    ProxyUrl p{trimmed(url), {}};
    p.error = check_proxy_url(p.url);
    return p;
}

// The form's proxy field: every entry point that sends to it goes through here.
ProxyUrl form_proxy(const FetchState& f) { return checked_proxy(f.proxy_url); }

int send(FetchState& f, FetchKind kind, const char* action, std::string body, const std::string& url) {
    FetchRequest r;
    r.url = url;
    r.action = action;
    r.headers = {{"Content-Type", kSsmContentType}, {"X-Amz-Target", std::string(kSsmTargetService) + "." + action}};
    r.body = std::move(body);
    return fetch_send(f, kind, std::move(r), {}, OutputStream::Stdout);
}

// The steps (plugins) of a command's invocations, with Details, to offer them.
void request_steps(FetchState& f, const std::string& command_id, const std::string& instance_id, const std::string& url) {
    f.steps = {};
    f.steps_command = command_id;
    f.steps_instance = instance_id;
    f.steps.phase = ListPhase::Loading;
    f.steps.request_id = send(f, FetchKind::ListSteps, "ListCommandInvocations",
                              list_command_invocations_request(command_id, instance_id, true, 50, ""), url);
}

bool status_terminal(const std::string& status) { return phase_is_terminal(status_phase(status)); }

// What a pick follows, from any list (commands, instances, steps): the first item still running,
// else the first; null when the list is empty.
template <class T>
const T* running_else_first(const std::vector<T>& items) {
    for (const T& item : items)
        if (!status_terminal(item.status)) return &item;
    return items.empty() ? nullptr : &items.front();
}

}  // namespace

// Every request leaves through here: its id, the bearer token, the record of what is in flight.
// r.url is the proxy's URL (checked); `path` follows it (S3: core's s3_proxy_path).
int fetch_send(FetchState& f, FetchKind kind, FetchRequest r, const std::string& path, OutputStream stream) {
    assert(check_proxy_url(r.url).empty() && "every URL is checked before it reaches fetch_send()");
    r.id = f.next_id++;
    // The token was typed next to one proxy URL; a request anywhere else (a live link's proxy the
    // person accepted, an edited field) goes without it.
    if (!f.token.empty() && same_proxy(r.url, form_proxy(f).url)) r.headers.push_back({"Authorization", "Bearer " + f.token});
    if (!path.empty()) r.url = std::string(without_trailing_slash(r.url)) + path;
    f.in_flight.push_back({r.id, kind, r.url, r.action, stream});
    f.outbox.push_back(std::move(r));
    return f.next_id - 1;
}

std::string fetch_checked_proxy(const std::string& url, std::string* why) {
    ProxyUrl p = checked_proxy(url);
    if (why) *why = p.error;
    return p.error.empty() ? p.url : std::string();
}

// ---- Following ------------------------------------------------------------------------------------

std::string fetch_follow(ViewState& s, FetchTarget t) {
    FetchState& f = s.fetch;
    s.back = ViewBack{};  // following something new leaves the fleet (view_open_target sets it after)
    const ProxyUrl proxy = t.proxy_url.empty() ? form_proxy(f) : checked_proxy(t.proxy_url);
    t.proxy_url = proxy.url;
    // A CommandId alone follows every invocation of the command, as `ssmview follow` does.
    const bool fleet = t.instance_id.empty() && t.plugin_name.empty() && !t.command_id.empty();
    std::string why = proxy.error;
    if (why.empty()) why = fleet ? check_command_id(t.command_id) : check_fetch_target(t);
    f.form_error = why;
    if (!why.empty()) return why;
    f.command_id = t.command_id;
    f.instance_id = t.instance_id;
    f.plugin_name = t.plugin_name;
    f.target = std::move(t);
    f.following = true;
    f.stop_reason.clear();
    f.has_error = false;
    f.last_error = {};
    f.answer_problem.clear();
    f.loads = 0;
    f.confirm_pending = false;
    f.resolve_then_follow = false;
    f.poll_request = 0;  // the answer of an earlier follow's poll no longer counts
    f.loaded_generation = s.generation;
    follow_start(f.follow, f.now_ms);
    f.fleet = fleet;
    if (fleet) {
        fleet_follow_start(f.fleet_follow, f.target.command_id, f.now_ms);
        return {};
    }
    // Without a PluginName the person may not know the document has several steps: list them.
    const bool steps_known = f.steps_command == f.target.command_id && f.steps.phase != ListPhase::Failed &&
                             f.steps.phase != ListPhase::None &&
                             (f.steps_instance.empty() || f.steps_instance == f.target.instance_id);
    if (f.target.plugin_name.empty() && !steps_known)
        request_steps(f, f.target.command_id, f.target.instance_id, f.target.proxy_url);
    return {};
}

void fetch_follow_form(ViewState& s) {
    FetchState& f = s.fetch;
    f.proxy_url = form_proxy(f).url;  // the field shows what is used
    fetch_follow(s, FetchTarget{trimmed(f.command_id), trimmed(f.instance_id), trimmed(f.plugin_name), ""});
}

void fetch_pick_command(ViewState& s, const CommandSummary& c, bool then_follow) {
    FetchState& f = s.fetch;
    f.command_id = c.command_id;
    f.instance_id = c.instance_ids.empty() ? std::string() : c.instance_ids.front();
    f.plugin_name.clear();
    f.pick_instance = f.instance_id;
    const ProxyUrl proxy = form_proxy(f);
    f.form_error = proxy.error;
    f.resolve_then_follow = false;
    if (!proxy.error.empty()) return;
    request_steps(f, c.command_id, "", proxy.url);
    f.resolve_then_follow = then_follow;
}

void fetch_pick_step(ViewState& s, const std::string& command_id, const std::string& instance_id, const std::string& plugin_name) {
    fetch_follow(s, FetchTarget{command_id, instance_id, plugin_name, ""});
}

void fetch_list_commands(FetchState& f) {
    const ProxyUrl proxy = form_proxy(f);
    if (!proxy.error.empty()) {
        f.form_error = proxy.error;  // shown under the form, beside the field to correct
        return;
    }
    f.commands.phase = ListPhase::Loading;
    f.commands.error = {};
    f.commands.read_error.clear();
    f.commands.request_id = send(f, FetchKind::ListCommands, "ListCommands", list_commands_request("", 20, ""), proxy.url);
}

void fetch_pause(FetchState& f) { follow_pause(f.follow); }
void fetch_resume(FetchState& f) {
    follow_resume(f.follow, f.now_ms);
    if (f.fleet && f.fleet_follow.end == FleetEnd::Running) f.fleet_follow.next_ms = f.now_ms;
}

// A follow that has not ended ends here, so it reads "stopped" (its last outcome is not Terminal).
void fetch_stop(FetchState& f) {
    f.follow.done = true;
    f.poll_request = 0;
}

void fetch_close(FetchState& f) {
    fetch_stop(f);
    f.following = false;
}

void fetch_confirm_accept(ViewState& s) {
    FetchState& f = s.fetch;
    if (!f.confirm_pending) return;
    const FetchTarget t = f.confirm_target;
    // The token belongs to the person's own proxy; the link's proxy never sees it.
    f.token.clear();
    f.proxy_url = t.proxy_url;
    f.confirm_pending = false;
    fetch_follow(s, t);
}

void fetch_confirm_use_mine(ViewState& s) {
    FetchState& f = s.fetch;
    if (!f.confirm_pending) return;
    FetchTarget t = f.confirm_target;
    t.proxy_url.clear();  // the form's proxy
    f.confirm_pending = false;
    fetch_follow(s, t);
}

void fetch_confirm_cancel(FetchState& f) { f.confirm_pending = false; }

std::string fetch_live_link(const FetchState& f) {
    FetchTarget t = f.following ? f.target : FetchTarget{f.command_id, f.instance_id, f.plugin_name, form_proxy(f).url};
    // The default proxy goes without saying; another one is named, and whoever opens the link
    // is asked before anything is sent there.
    if (same_proxy(t.proxy_url, kDefaultProxyUrl)) t.proxy_url.clear();
    return make_fetch_link(f.page_base_url, t);
}

const CommandSummary* fetch_suggested_command(const FetchState& f) {
    return f.commands.phase == ListPhase::Ok ? running_else_first(f.commands.items) : nullptr;
}

// ---- Answers --------------------------------------------------------------------------------------

namespace {

ServiceError error_of(const FetchAnswer& a, const FetchInFlight& req) {
    return a.failed ? unreachable_error(a.body, req.url)
                    : read_service_error(a.status, a.error_type, a.request_id, a.body, req.action, "ssm");
}

// A whole command: the round's answer goes to core/fleet_follow; a whole round is loaded like a
// paste of the same pages; `follow` mirrors the fleet follow for the bar, the phase and state().
void on_fleet(ViewState& s, const FetchAnswer& a, const FetchInFlight& req, std::int64_t now, double jitter) {
    FetchState& f = s.fetch;
    FleetFollow& ff = f.fleet_follow;
    if (!a.failed && a.status == 200) {
        f.has_error = false;
        // A round that changed nothing keeps what is shown (scroll, selection), as one
        // invocation's unchanged answer does.
        if (fleet_follow_answer(ff, a.body, now) && (ff.changed || f.loaded_generation != s.generation || f.loads == 0)) {
            const ViewTab tab = s.ui.tab;
            // The round's text and the report fleet_follow made of it: analyzed once.
            view_load_analyzed(s, ff.commands_text + "\n" + ff.last_pages_text, ff.report, LoadSource::Fetch,
                               f.target.proxy_url);
            if (f.loads > 0) s.ui.tab = tab;  // later rounds keep the person's place
            ++f.loads;
            f.loaded_generation = s.generation;
        }
    } else {
        f.last_error = error_of(a, req);
        f.has_error = true;
        fleet_follow_error(ff, f.last_error, now, jitter);
    }
    f.follow.polls = ff.requests;
    f.follow.next_poll_ms = ff.next_ms;
    f.follow.backoff_streak = ff.backoff_streak;
    if (ff.end == FleetEnd::Ended) {
        f.follow.done = true;
        f.follow.last = PollOutcome::Terminal;
    } else if (ff.end == FleetEnd::Stopped) {
        f.follow.done = true;
        f.follow.last = PollOutcome::Stop;
        if (!ff.stop_reason.empty()) f.stop_reason = "Stopped: " + ff.stop_reason + ".";
    }
}

void on_poll(ViewState& s, const FetchAnswer& a, const FetchInFlight& req, std::int64_t now, double jitter) {
    FetchState& f = s.fetch;
    if (f.fleet) {
        on_fleet(s, a, req, now, jitter);
        return;
    }
    PollOutcome outcome;
    if (!a.failed && a.status == 200) {
        // The same answer again (nothing moved): keep what is shown, scroll positions included.
        if (!(s.source == LoadSource::Fetch && s.text == a.body && f.loaded_generation == s.generation)) {
            const ViewTab tab = s.ui.tab;
            const OutputStream stream = s.ui.stream;
            view_load_text(s, a.body, LoadSource::Fetch, f.target.proxy_url);
            // The first answer opens at the output like any load; later ones keep the person's place.
            if (f.loads > 0) {
                s.ui.tab = tab;
                s.ui.stream = stream;
            }
        }
        ++f.loads;
        f.loaded_generation = s.generation;
        f.has_error = false;
        outcome = poll_outcome(s.report);
        f.answer_problem = outcome == PollOutcome::BackOff
                               ? "The proxy answered, but not with an invocation (see Diagnostics); asking again later."
                               : std::string();
    } else {
        f.last_error = error_of(a, req);
        f.has_error = true;
        f.answer_problem.clear();
        outcome = poll_outcome(f.last_error);
    }
    follow_record(f.follow, outcome, now, jitter);
    // The logs are read at the polls' pace, beside them (whole_output.h).
    if (!a.failed && a.status == 200 && s.report.has_invocation) whole_after_poll(s, now);
}

void on_commands(FetchState& f, const FetchAnswer& a, const FetchInFlight& req) {
    f.commands.request_id = 0;
    f.commands.answered_ms = f.now_ms;
    f.commands.items.clear();
    if (a.failed || a.status != 200) {
        f.commands.phase = ListPhase::Failed;
        f.commands.error = error_of(a, req);
        return;
    }
    const ListRead r = read_list_commands(a.body, f.commands.items);
    f.commands.phase = r.ok ? ListPhase::Ok : ListPhase::Failed;
    f.commands.read_error = r.error;
    // Newest first, whatever order the proxy used.
    std::stable_sort(f.commands.items.begin(), f.commands.items.end(),
                     [](const CommandSummary& x, const CommandSummary& y) { return x.requested_epoch_s > y.requested_epoch_s; });
}

std::string step_to_follow(const InvocationSummary& inv) {
    if (inv.plugins.size() < 2) return {};  // one step: GetCommandInvocation needs no PluginName
    return running_else_first(inv.plugins)->name;
}

void on_steps(ViewState& s, const FetchAnswer& a, const FetchInFlight& req) {
    FetchState& f = s.fetch;
    f.steps.request_id = 0;
    f.steps.items.clear();
    if (a.failed || a.status != 200) {
        f.steps.phase = ListPhase::Failed;
        f.steps.error = error_of(a, req);
    } else {
        const ListRead r = read_list_command_invocations(a.body, f.steps.items);
        f.steps.phase = r.ok ? ListPhase::Ok : ListPhase::Failed;
        f.steps.read_error = r.error;
    }
    if (!f.resolve_then_follow) return;
    f.resolve_then_follow = false;
    // A pick with "Follow": the running instance (else the first), its running step when the
    // document has several. Without the list, the command's first target and no step.
    if (const InvocationSummary* inv = f.steps.phase == ListPhase::Ok ? running_else_first(f.steps.items) : nullptr) {
        fetch_follow(s, FetchTarget{f.steps_command, inv->instance_id, step_to_follow(*inv), ""});
    } else if (!f.pick_instance.empty()) {
        fetch_follow(s, FetchTarget{f.steps_command, f.pick_instance, "", ""});
    } else {
        f.form_error = "The command's invocations could not be listed, and it names no instance: type the InstanceId.";
    }
}

void handle(ViewState& s, FetchAnswer& a, std::int64_t now, double jitter) {
    FetchState& f = s.fetch;
    auto it = std::find_if(f.in_flight.begin(), f.in_flight.end(), [&](const FetchInFlight& r) { return r.id == a.id; });
    if (it == f.in_flight.end()) return;  // not ours, or answered twice
    const FetchInFlight req = *it;
    f.in_flight.erase(it);
    // Only the newest request of each kind counts: a slow answer to a superseded request is dropped.
    switch (req.kind) {
    case FetchKind::Poll:
        if (req.id == f.poll_request) {
            f.poll_request = 0;
            on_poll(s, a, req, now, jitter);
        }
        break;
    case FetchKind::ListCommands:
        if (req.id == f.commands.request_id) on_commands(f, a, req);
        break;
    case FetchKind::ListSteps:
        if (req.id == f.steps.request_id) on_steps(s, a, req);
        break;
    case FetchKind::LogsRead:
    case FetchKind::S3Read:
        whole_on_answer(s, a, req, now);  // it knows which read of which stream counts
        break;
    }
}

}  // namespace

void view_fetch_answer(ViewState& state, int id, int status, std::string error_type, std::string request_id, std::string body,
                       std::string content_range) {
    FetchAnswer a;
    a.content_range = std::move(content_range);
    a.id = id;
    a.status = status;
    a.error_type = std::move(error_type);
    a.request_id = std::move(request_id);
    a.body = std::move(body);
    state.fetch.inbox.push_back(std::move(a));
}

void view_fetch_failed(ViewState& state, int id, std::string detail) {
    FetchAnswer a;
    a.id = id;
    a.failed = true;
    a.body = std::move(detail);
    state.fetch.inbox.push_back(std::move(a));
}

void view_fetch_open_link(ViewState& state, const FetchTarget& target) {
    FetchState& f = state.fetch;
    f.command_id = target.command_id;
    f.instance_id = target.instance_id;
    f.plugin_name = target.plugin_name;
    if (!target.proxy_url.empty() && !same_proxy(target.proxy_url, form_proxy(f).url)) {
        // Another proxy: whoever runs it would see what is asked (and could answer anything).
        // Nothing is sent until the person chooses, and never the token.
        fetch_stop(f);
        f.following = false;
        f.confirm_pending = true;
        f.confirm_target = target;
        return;
    }
    FetchTarget t = target;
    t.proxy_url.clear();  // the form's proxy
    fetch_follow(state, t);
}

void view_fetch_discover(ViewState& state) { fetch_list_commands(state.fetch); }

// ---- Frames ---------------------------------------------------------------------------------------

namespace {

// Something else was loaded (a paste, a file, a link, a sample): the follow no longer owns what
// is shown, and a later poll must not replace it.
void stop_if_replaced(ViewState& s) {
    FetchState& f = s.fetch;
    if (!f.following || f.loaded_generation == s.generation) return;
    // A follow that already ended stays as it ended ("done" stays done).
    if (!f.follow.done) {
        f.stop_reason = "Stopped: another invocation was loaded.";
        fetch_stop(f);
    }
    f.loaded_generation = s.generation;
}

// What the fetch bar depends on, coarsely: when it changes, its height may too.
std::string bar_key(const FetchState& f) {
    return std::string(fetch_phase_name(f)) + '|' + std::to_string(f.follow.polls) + '|' + (f.has_error ? "e" : "") +
           list_phase_name(f.commands.phase) + '|' + list_phase_name(f.steps.phase) + '|' + f.form_error + '|' +
           f.stop_reason + '|' + f.answer_problem;
}

}  // namespace

std::string fetch_frame_begin(ViewState& s, const ViewEnv& env) {
    FetchState& f = s.fetch;
    f.now_ms = env.now_ms;
    const std::string before = bar_key(f);
    stop_if_replaced(s);
    if (f.inbox.empty()) return before;
    // Math.random() is [0, 1); anything else (NaN, a test's 1.0) is clamped.
    const double jitter = env.random >= 0.0 && env.random < 1.0 ? env.random : 0.0;
    std::vector<FetchAnswer> inbox;
    inbox.swap(f.inbox);
    for (FetchAnswer& a : inbox) handle(s, a, env.now_ms, jitter);
    return before;
}

void fetch_frame_end(Frame& fr, const std::string& before) {
    FetchState& f = fr.s.fetch;
    stop_if_replaced(fr.s);  // a load this frame asked for (a sample, the Load button)
    if (bar_key(f) != before) f.settle_frames = kSettleFramesFetchBar;
    if (f.settle_frames > 0) {
        --f.settle_frames;
        fr.a.wants_more_frames = true;
    }
    const std::int64_t whole_wait = whole_frame_end(fr.s, f.now_ms);
    if (whole_wait >= 0) request_redraw(fr, whole_wait);
    if (f.following && f.fleet && f.poll_request == 0 && !f.follow.paused && !f.follow.done &&
        fleet_follow_due(f.fleet_follow, f.now_ms)) {
        FleetRequest r = fleet_follow_request(f.fleet_follow);
        f.poll_request = send(f, FetchKind::Poll, r.action, std::move(r.body), f.target.proxy_url);
    }
    if (f.following && !f.fleet && f.poll_request == 0 && follow_due(f.follow, f.now_ms))
        f.poll_request = send(f, FetchKind::Poll, "GetCommandInvocation",
                              get_command_invocation_request(f.target.command_id, f.target.instance_id, f.target.plugin_name),
                              f.target.proxy_url);
    if (!f.outbox.empty()) {
        for (FetchRequest& r : f.outbox) fr.a.fetches.push_back(std::move(r));
        f.outbox.clear();
    }
    if (!f.cancels.empty()) {
        fr.a.cancel_fetches.insert(fr.a.cancel_fetches.end(), f.cancels.begin(), f.cancels.end());
        f.cancels.clear();
    }
    // The countdown: one frame when the shown number of seconds changes, none in between. At 0
    // the poll is due, and that frame sends it.
    if (f.following && !f.follow.done && !f.follow.paused && f.poll_request == 0) {
        const std::int64_t remaining = f.follow.next_poll_ms - f.now_ms;
        request_redraw(fr, remaining > 0 ? (remaining - 1) % 1000 + 1 : 0);
    }
}

// ---- JSON -----------------------------------------------------------------------------------------

namespace {

// Core's members, the CLI's spelling (httpStatus, requestId), and what only the page shows: the
// title it draws and whether following goes on.
Json error_json(const ServiceError& e) {
    Json j = service_error_to_json_fields(e);
    j["title"] = service_error_title(e);
    j["retry"] = e.retry;
    return j;
}

template <class T>
Json list_head(const FetchList<T>& l) {
    Json j = {{"phase", list_phase_name(l.phase)}, {"count", l.items.size()}};
    j["error"] = l.phase != ListPhase::Failed ? Json(nullptr)
                 : l.read_error.empty()       ? error_json(l.error)
                                              : Json{{"title", l.read_error}, {"kind", "unreadable"}};
    return j;
}

}  // namespace

Json fetch_state_json(const FetchState& f) {
    Json j;
    // The booleans are the phase, for scripts that test one flag: they cannot disagree with it.
    const std::string phase = fetch_phase_name(f);
    j["phase"] = phase;
    j["following"] = f.following;
    j["paused"] = phase == "paused";
    j["done"] = phase == "done" || phase == "stopped";  // ended, either way
    j["stopped"] = phase == "stopped";
    j["stop_reason"] = f.stop_reason;
    j["polls"] = f.follow.polls;
    j["loads"] = f.loads;
    j["last_outcome"] = f.follow.polls > 0 ? Json(poll_outcome_name(f.follow.last)) : Json(nullptr);
    j["backoff_streak"] = f.follow.backoff_streak;
    const bool counting = f.following && !f.follow.done && !f.follow.paused && f.poll_request == 0;
    j["next_poll_s"] = counting ? Json(follow_seconds_left(f.follow, f.now_ms)) : Json(nullptr);
    j["target"] = f.following ? Json{{"command_id", f.target.command_id}, {"instance_id", f.target.instance_id},
                                     {"plugin_name", f.target.plugin_name}, {"proxy_url", f.target.proxy_url}}
                              : Json(nullptr);
    j["proxy_url"] = f.proxy_url;
    j["token_set"] = !f.token.empty();  // never the token itself
    j["form"] = {{"command_id", f.command_id}, {"instance_id", f.instance_id}, {"plugin_name", f.plugin_name},
                 {"error", f.form_error}};
    j["in_flight"] = f.in_flight.size();
    j["error"] = f.following && f.has_error ? error_json(f.last_error) : Json(nullptr);
    j["answer_problem"] = f.answer_problem;

    Json commands = list_head(f.commands);
    Json items = Json::array();
    for (const CommandSummary& c : f.commands.items)
        items.push_back({{"command_id", c.command_id}, {"document_name", c.document_name}, {"status", c.status},
                         {"instance_ids", c.instance_ids}, {"comment", c.comment}});
    commands["items"] = std::move(items);
    const CommandSummary* suggested = fetch_suggested_command(f);
    commands["suggested"] = suggested ? Json(suggested->command_id) : Json(nullptr);
    j["commands"] = std::move(commands);

    Json steps = list_head(f.steps);
    steps["command_id"] = f.steps_command;
    Json invs = Json::array();
    for (const InvocationSummary& i : f.steps.items) {
        Json plugins = Json::array();
        for (const PluginSummary& p : i.plugins) plugins.push_back({{"name", p.name}, {"status", p.status}});
        invs.push_back({{"instance_id", i.instance_id}, {"status", i.status}, {"plugins", std::move(plugins)}});
    }
    steps["instances"] = std::move(invs);
    j["steps"] = std::move(steps);

    j["confirm"] = f.confirm_pending ? Json{{"proxy_url", f.confirm_target.proxy_url}, {"command_id", f.confirm_target.command_id}}
                                     : Json(nullptr);
    j["live_link"] = f.following && !f.fleet ? fetch_live_link(f) : std::string();
    j["fleet"] = f.fleet ? Json{{"rounds", f.fleet_follow.rounds},
                                {"requests", f.fleet_follow.requests},
                                {"pages", f.fleet_follow.last_pages},
                                {"end", f.fleet_follow.end == FleetEnd::Running ? "running"
                                        : f.fleet_follow.end == FleetEnd::Ended ? "ended" : "stopped"},
                                {"summary", f.fleet_follow.rounds > 0 ? fleet_follow_summary(f.fleet_follow.report) : std::string()}}
                         : Json(nullptr);
    return j;
}

}  // namespace ssmview

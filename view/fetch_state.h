// view/fetch_state.h: fetching an invocation through a proxy and following it, as view state.
//
// Index
//   FetchHeader, FetchRequest   one HTTP request the view asks the platform to send (ViewActions)
//   FetchKind                   what a request asks: a poll, the command list, the steps list
//   ListPhase, FetchList        a list the panel offers (ListCommands, ListCommandInvocations)
//   FetchState                  the form, what is followed (one invocation, or a whole command's
//                               rounds: core/fleet_follow.h), the follow cadence, the last error,
//                               the lists, requests in flight, answers not yet handled
//   view_fetch_answer / view_fetch_failed     the platform's answer to a FetchRequest
//   view_fetch_open_link        a live link (#fetch?...): follow it, or ask first (another proxy)
//   view_fetch_discover         ask the current proxy for its commands (the first screen)
//   fetch_phase_name            the phase state() reports
//
// Call flow (the view never does I/O; fetching is a source beside paste, not a second path):
//   Follow clicked / a live link / a pick from the list -> a FetchRequest in ViewActions.fetches
//   -> the platform sends it (browser fetch) -> view_fetch_answer(id, status, x-amzn-ErrorType,
//   x-amzn-RequestId, body) or view_fetch_failed(id, what the transport said) -> queued here
//   -> the next view_frame handles it with that frame's clock and jitter (ViewEnv): a
//   GetCommandInvocation answer goes through view_load_text(..., LoadSource::Fetch) like a paste;
//   an error through core/service_error; either is reduced by core/follow to the next poll time.
//   Between polls the view asks for one frame per second (the countdown) and nothing else.
// Everything about the data (request bodies, error kinds and hints, the cadence, link format, id
// patterns) lives in core/; this file only holds the state that ties them to the panel.
// The bearer token lives here in memory only: never in a link, never in state(), never stored.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "fetch_link.h"
#include "fleet_follow.h"
#include "follow.h"
#include "output_location.h"
#include "service_error.h"
#include "ssm_api.h"

namespace ssmview {

struct ViewState;

struct FetchHeader {
    std::string name;
    std::string value;
};

// A POST of the awsJson protocol (SSM, core/ssm_api.h; CloudWatch Logs, core/logs_api.h) to the
// proxy's URL, or a GET of an S3 object under it (core/output_location.h s3_proxy_path).
struct FetchRequest {
    int                      id = 0;      // echo it in view_fetch_answer / view_fetch_failed
    std::string              method = "POST";  // or "GET" (no body)
    std::string              url;         // the proxy URL, as the person gave it (+ the S3 path)
    std::string              action;      // "GetCommandInvocation" (also in X-Amz-Target), "GetObject"
    std::vector<FetchHeader> headers;     // Content-Type, X-Amz-Target, Authorization (bearer), Range
    std::string              body;
};

enum class FetchKind { Poll, ListCommands, ListSteps, LogsRead, S3Read };

enum class ListPhase { None, Loading, Ok, Failed };
const char* list_phase_name(ListPhase p);  // "none", "loading", "ok", "failed"

template <class T>
struct FetchList {
    ListPhase      phase = ListPhase::None;
    std::vector<T> items;
    ServiceError   error;           // when phase == Failed
    std::string    read_error;      // a 200 answer that was not the list (core's sentence)
    int            request_id = 0;  // the request whose answer counts (0 = none in flight)
    std::int64_t   answered_ms = 0; // when its answer came (the list is a snapshot of then)
};

struct FetchInFlight {
    int          id = 0;
    FetchKind    kind = FetchKind::Poll;
    std::string  url;
    std::string  action;
    OutputStream stream = OutputStream::Stdout;  // LogsRead, S3Read: the stream it reads
};

struct FetchAnswer {
    int         id = 0;
    bool        failed = false;   // no HTTP answer (view_fetch_failed)
    int         status = 0;
    std::string error_type;       // x-amzn-ErrorType
    std::string request_id;       // x-amzn-RequestId (S3: x-amz-request-id)
    std::string body;             // or, when failed, what the transport said
    std::string content_range;    // S3: "bytes 0-9/1234" of a Range read
};

struct FetchState {
    // The form, as the person typed it (what is followed is `target`).
    std::string proxy_url = kDefaultProxyUrl;
    std::string token;            // bearer token for a proxy off loopback: memory only
    std::string command_id, instance_id, plugin_name;
    std::string form_error;       // why the form cannot be followed ("" = fine)

    // Set once by the platform: where the page lives (hints, live links).
    std::string page_origin;      // "http://127.0.0.1:8080"
    std::string page_base_url;    // the page's URL without its fragment

    // What is followed, and how far.
    bool         following = false;   // a target is shown in the fetch bar (maybe done; "stopped"
                                      // is follow.done without a Terminal outcome: fetch_phase_name)
    FetchTarget  target;              // proxy_url filled in: where its polls go
    FollowState  follow;
    int          poll_request = 0;    // the GetCommandInvocation in flight (0 = none)
    int          loaded_generation = -1;  // ViewState.generation of this follow's last load
    int          loads = 0;           // answers of this follow that went through view_load_text
    bool         has_error = false;   // the last poll's answer was an error
    ServiceError last_error;
    std::string  answer_problem;      // the last 200 answer was no readable invocation (why)
    std::string  stop_reason;         // why following stopped early ("" = it did not)
    // A whole command (no InstanceId): core/fleet_follow.h's rounds. `follow` then mirrors it
    // (done, last outcome, next_poll_ms, polls = requests), so phases, the countdown, pause and
    // stop read the same for both; poll_request is the round's request in flight.
    bool         fleet = false;
    FleetFollow  fleet_follow;
    bool         resolve_then_follow = false;  // a pick from the list: steps first, then follow

    // Lists offered to pick from.
    FetchList<CommandSummary>    commands;   // ListCommands
    FetchList<InvocationSummary> steps;      // ListCommandInvocations (Details) of one command
    std::string                  steps_command;   // the CommandId `steps` belongs to
    std::string                  steps_instance;  // and its InstanceId filter ("" = every instance)
    std::string                  pick_instance;   // a picked command's first target, if steps fail

    // A live link named another proxy: nothing is sent until the person chooses.
    bool        confirm_pending = false;
    FetchTarget confirm_target;

    // Transport: requests waiting to leave (drained into ViewActions.fetches by view_frame),
    // requests sent and not answered, answers not yet handled.
    int                        next_id = 1;
    std::vector<FetchRequest>  outbox;
    std::vector<int>           cancels;  // sent requests nobody waits for any more: their transfer
                                         // is aborted (drained into ViewActions.cancel_fetches)
    std::vector<FetchInFlight> in_flight;
    std::vector<FetchAnswer>   inbox;
    std::int64_t               now_ms = 0;  // the clock of the last frame (state()'s countdown)
    int                        settle_frames = 0;  // frames owed after the fetch bar changed: it
                                                   // sizes itself from the frame before (ImGui)
};

// The platform's answer to FetchRequest `id`: an HTTP status with the two headers the awsJson
// protocol uses (S3's request id header in the second), the body, and S3's Content-Range. Handled by the next view_frame: draw one.
void view_fetch_answer(ViewState& state, int id, int status, std::string error_type, std::string request_id,
                       std::string body, std::string content_range = {});
// No HTTP answer at all: refused, a DNS failure, CORS or a Private Network refusal (the browser
// reports all of them as one TypeError), a timeout, an answer over the size bound.
void view_fetch_failed(ViewState& state, int id, std::string detail);
// A live link: follows the target at once through the current proxy, or, when the link names a
// different proxy, asks first (and will not send the bearer token there).
void view_fetch_open_link(ViewState& state, const FetchTarget& target);
// Lists the current proxy's commands, quietly: a failure shows only in the Fetch tab.
void view_fetch_discover(ViewState& state);

const char* fetch_phase_name(const FetchState& f);  // "idle", "confirm", "resolving", "requesting",
                                                    // "waiting", "paused", "done", "stopped"

}  // namespace ssmview

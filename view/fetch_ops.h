// view/fetch_ops.h: what the fetch panel and view_frame do to FetchState (view-private).
//
// Index
//   fetch_follow            start following a target (checked first; the first poll is due now)
//   fetch_follow_form       the form's ids and proxy -> fetch_follow (+ the steps when no PluginName)
//   fetch_pick_command      a command from the list: fill the form, list its steps; maybe follow
//   fetch_pick_step         follow one instance's step (multi-step documents)
//   fetch_list_commands     ListCommands on the form's proxy
//   fetch_pause / fetch_resume / fetch_stop / fetch_close
//   fetch_confirm_*         the answer to "this link names another proxy"
//   fetch_live_link         #fetch?... for what is followed (core/fetch_link)
//   fetch_suggested_command the command the first screen offers (a running one, else the newest)
//   fetch_resolving         a pick with Follow waits for its steps (phase "resolving"; the bar says so)
//   fetch_frame_begin       handle queued answers (loads go through view_load_text), stop a follow
//                           whose invocation was replaced by another load
//   fetch_frame_end         send a due poll, hand requests to ViewActions, the countdown's tick
//   fetch_state_json        state()["fetch"]
//   fetch_send              every request: id, bearer token (its own proxy only), in flight, outbox
//   fetch_checked_proxy     a proxy URL trimmed and checked by core ("" and why when it is not one)
//
// Call flow: view_frame -> fetch_frame_begin -> panels (draw_fetch_bar, draw_fetch_panel call the
// ops above on clicks) -> fetch_frame_end. All times are the frame's ViewEnv.now_ms (kept in
// FetchState.now_ms), all randomness ViewEnv.random: deterministic under test.
#pragma once
#include <string>

#include "view_model.h"

namespace ssmview {

std::string fetch_follow(ViewState& s, FetchTarget target);  // "" or why not (also in form_error)
void fetch_follow_form(ViewState& s);
void fetch_pick_command(ViewState& s, const CommandSummary& c, bool then_follow);
void fetch_pick_step(ViewState& s, const std::string& command_id, const std::string& instance_id,
                     const std::string& plugin_name);
void fetch_list_commands(FetchState& f);
void fetch_pause(FetchState& f);
void fetch_resume(FetchState& f);
void fetch_stop(FetchState& f);
void fetch_close(FetchState& f);
void fetch_confirm_accept(ViewState& s);    // fetch through the link's proxy (no token sent there)
void fetch_confirm_use_mine(ViewState& s);  // same ids, the person's own proxy
void fetch_confirm_cancel(FetchState& f);
std::string fetch_live_link(const FetchState& f);
const CommandSummary* fetch_suggested_command(const FetchState& f);
bool fetch_resolving(const FetchState& f);

// fetch_frame_begin returns what the fetch bar showed before this frame's answers; given back to
// fetch_frame_end, a change asks for one more frame (the bar's height settles).
std::string fetch_frame_begin(ViewState& s, const ViewEnv& env);
void fetch_frame_end(Frame& f, const std::string& before);
Json fetch_state_json(const FetchState& f);

int fetch_send(FetchState& f, FetchKind kind, FetchRequest r, const std::string& path, OutputStream stream);
std::string fetch_checked_proxy(const std::string& url, std::string* why = nullptr);

}  // namespace ssmview

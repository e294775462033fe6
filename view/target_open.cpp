// view/target_open.cpp: a fleet's target opened as the single-invocation report, and Back.
//
// Index
//   view_open_target   the fleet moves into ViewState::back; the target's answer (core/fleet_target.h)
//                      loads as LoadSource::Target; a fleet followed through the proxy follows the
//                      target's GetCommandInvocation instead
//   view_go_back       the fleet moves back, unchanged; a followed fleet is followed again
//
// Call flow: a click in the targets table or on a step button (fleet_panel.cpp, target_bar in
// view_frame.cpp) -> ViewModel::open_* -> after the frame, view_frame -> here -> view_load_text.
// The fleet is moved, not copied or analyzed again: 10,000 invocations cost nothing to go back to.
// No ImGui here: tests drive it directly.
#include <cassert>

#include "fetch_ops.h"
#include "fleet_target.h"
#include "view_model.h"

namespace ssmview {

// ---- view_open_target ---------------------------------------------------------------------------------------------

void view_open_target(ViewState& s, std::size_t invocation, std::size_t step) {
    // Only a target the fleet lists (a click cannot name another; a test or a stale request may).
    const Report& fleet = s.back.active ? s.back.report : s.report;
    if (fleet.kind != ReportKind::Fleet || invocation >= fleet.fleet.invocations.size()) return;
    ViewBack back;
    if (s.back.active) {
        back = std::move(s.back);  // another step of the open target: the same way back
    } else {
        back.active = true;
        back.text = std::move(s.text);
        back.report = std::move(s.report);
        back.source = s.source;
        back.source_name = s.source_name;
        back.model = s.model;
        back.tab = s.ui.tab;
        // Followed through the proxy (still running or ended): the target is asked of the proxy too.
        back.refollow = s.source == LoadSource::Fetch && s.fetch.following && s.fetch.fleet;
        if (back.refollow) back.fleet_target = s.fetch.target;
    }
    assert(invocation < back.report.fleet.invocations.size());
    const FleetInvocation& inv = back.report.fleet.invocations[invocation];
    if (step >= inv.plugins.size()) step = fleet_target_step(inv);
    back.invocation = invocation;
    back.step = step;
    view_load_text(s, fleet_target_answer(inv, step), LoadSource::Target, fleet_target_name(inv, step));
    if (back.refollow && inv.instance_id.present) {
        const std::string plugin = step < inv.plugins.size() && inv.plugins[step].name.present ? inv.plugins[step].name.value : "";
        fetch_follow(s, FetchTarget{inv.command_id.present ? inv.command_id.value : back.fleet_target.command_id,
                                    inv.instance_id.value, plugin, back.fleet_target.proxy_url});
    }
    s.back = std::move(back);
}

// ---- view_go_back -------------------------------------------------------------------------------------------------

void view_go_back(ViewState& s) {
    if (!s.back.active) return;
    ViewBack back = std::move(s.back);
    s.back = ViewBack{};
    show_document(s, std::move(back.text), std::move(back.report), back.source, std::move(back.source_name),
                  std::move(back.model));
    // The kept model settles and tells the page's text version again, as after a load.
    s.model->mirror_key = ViewModel::kMirrorKeyNone;
    s.model->frames_since_load = 0;
    s.ui.tab = back.tab;
    if (back.refollow) fetch_follow(s, back.fleet_target);
}

}  // namespace ssmview

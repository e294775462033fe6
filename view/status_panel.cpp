// view/status_panel.cpp: "is it done, and how did it go?" at a glance.
//
// Index
//   phase_label        the badge text ("TIMED OUT", with the detail when it narrows the phase)
//   waiter_sentence    what `aws ssm wait command-executed` would do with this invocation
//   draw_status_panel  badge + finished/still running, Status/StatusDetails as given,
//                      the explanation, ResponseCode and its meaning
//
// Everything shown comes from core's State (classify.h): the view adds colour and words, never
// its own judgement, so the CLI and the page cannot disagree.
#include <string>

#include "panels.h"
#include "widgets.h"

namespace ssmview {

namespace {

std::string phase_label(const State& st) {
    std::string s;
    switch (st.phase) {
    case Phase::Pending: s = "PENDING"; break;
    case Phase::InProgress: s = "IN PROGRESS"; break;
    case Phase::Delayed: s = "DELAYED"; break;
    case Phase::Success: s = "SUCCESS"; break;
    case Phase::Failed: s = "FAILED"; break;
    case Phase::TimedOut: s = "TIMED OUT"; break;
    case Phase::Cancelled: s = "CANCELLED"; break;
    case Phase::Cancelling: s = "CANCELLING"; break;
    case Phase::Unknown: s = "UNKNOWN"; break;
    }
    switch (st.detail) {
    case Detail::DeliveryTimedOut: s += " (delivery)"; break;
    case Detail::ExecutionTimedOut: s += " (execution)"; break;
    case Detail::Undeliverable: s += ": UNDELIVERABLE"; break;
    case Detail::Terminated: s += ": TERMINATED"; break;
    case Detail::None: break;
    }
    return s;
}

const char* waiter_sentence(Waiter w) {
    switch (w) {
    case Waiter::Success: return "`aws ssm wait command-executed` would return success.";
    case Waiter::Failure: return "`aws ssm wait command-executed` would stop with a failure.";
    case Waiter::Retry: break;
    }
    return "`aws ssm wait command-executed` would keep polling.";
}

}  // namespace

void draw_status_panel(Frame& f) {
    const Report& r = f.s.report;
    const State& st = r.state;
    ImU32 bg, fg;
    phase_colors(st.phase, f.dark, bg, fg);
    const std::string label = phase_label(st);
    badge(label.c_str(), bg, fg);
    note_control(f, "status.badge");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    // The badge carries the verdict; "finished" stays neutral so a failure never reads green.
    if (st.terminal) ImGui::TextUnformatted("finished");
    else ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.info), "still running");

    auto given = [](const std::string& v) { return v.empty() ? std::string("(absent)") : clip_for_display(v, 80); };
    ImGui::TextDisabled("Status");
    ImGui::SameLine();
    ImGui::TextUnformatted(given(st.status).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("  StatusDetails");
    ImGui::SameLine();
    ImGui::TextUnformatted(given(st.status_details).c_str());

    if (!st.explanation.empty()) ImGui::TextWrapped("%s", clip_for_display(st.explanation, 2000).c_str());

    const Invocation& inv = r.invocation;
    if (inv.response_code.present) {
        // core's meaning starts with the code itself ("137: the script was killed ...").
        ImGui::TextDisabled("ResponseCode");
        ImGui::SameLine();
        if (st.response_code_meaning.empty()) ImGui::Text("%lld", static_cast<long long>(inv.response_code.value));
        else ImGui::TextWrapped("%s", clip_for_display(st.response_code_meaning, 600).c_str());
    }
    ImGui::TextDisabled("%s", waiter_sentence(st.waiter));
}

}  // namespace ssmview

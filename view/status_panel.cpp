// view/status_panel.cpp: "is it done, and how did it go?" at a glance.
//
// Index
//   draw_status_panel  badge (phase_label) + finished/still running, Status/StatusDetails as
//                      given, the explanation, ResponseCode and its meaning, the waiter's verdict
//
// Everything shown comes from core's State (classify.h): the view adds colour and words, never
// its own judgement, so the CLI and the page cannot disagree. The words are wording.h's, which the
// page's text version (view_mirror.cpp) repeats.
#include <string>

#include "panels.h"
#include "view_layout.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

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
    if (st.terminal) ImGui::TextUnformatted(progress_text(st));
    else ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(f.pal.info), "%s", progress_text(st));

    ImGui::TextDisabled("Status");
    ImGui::SameLine();
    text_any_script(given_text(st.status));
    ImGui::SameLine();
    ImGui::TextDisabled("  StatusDetails");
    ImGui::SameLine();
    text_any_script(given_text(st.status_details));

    if (!st.explanation.empty()) ImGui::TextWrapped("%s", clip_for_display(st.explanation, kClipExplanation).c_str());

    const std::string code = response_code_text(r);
    if (!code.empty()) {
        ImGui::TextDisabled("ResponseCode");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", code.c_str());
    }
    ImGui::TextDisabled("%s", waiter_sentence(st.waiter));
}

}  // namespace ssmview

// view/input_panel.cpp: where a first-time visitor starts: paste, open a file, or try a sample.
//
// Index
//   sample_label       "timed_out_delivery" -> "timed out delivery"
//   draw_samples       one button per bundled sample (view_samples)
//   draw_input_panel   paste area + Load (a share link pasted here goes to the platform to
//                      inflate), Open file..., samples, and how else to get text in
//
// Loading is deferred (request_load): it replaces the ViewModel this frame is drawing with.
#include <algorithm>
#include <string>

#include "fetch_link.h"
#include "panels.h"
#include "share_link.h"
#include "widgets.h"

namespace ssmview {

namespace {

std::string sample_label(const char* name) {
    std::string s = name;
    for (char& c : s)
        if (c == '_' || c == '-') c = ' ';
    return s;
}

void draw_samples(Frame& f) {
    int count = 0;
    const Sample* samples = view_samples(count);
    if (count == 0) {
        ImGui::TextDisabled("(no samples were bundled in this build)");
        return;
    }
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (int i = 0; i < count; ++i) {
        const std::string label = sample_label(samples[i].name);
        const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
        if (i > 0) {
            const float next_x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
            if (next_x + w < right) ImGui::SameLine();
        }
        ImGui::PushID(i);
        if (ImGui::Button(label.c_str())) request_load(f, samples[i].text, LoadSource::Sample, samples[i].name);
        note_control(f, ("input.sample." + std::string(samples[i].name)).c_str());
        ImGui::PopID();
    }
}

}  // namespace

void draw_input_panel(Frame& f) {
    ViewUi& ui = f.s.ui;
    ImGui::TextWrapped("Paste the JSON that `aws ssm get-command-invocation` printed (or a share link), then Load. "
                       "You can also paste anywhere on the page (%s+V) or drop a file on it.",
                       f.env.is_mac ? "Cmd" : "Ctrl");
    const float rows_below = ImGui::GetFrameHeightWithSpacing() * 4.0f;
    input_multiline_any_script("##paste", ui.paste_text, ImVec2(-1.0f, std::max(ImGui::GetContentRegionAvail().y - rows_below,
                                                                            ImGui::GetTextLineHeight() * 6.0f)));
    note_control(f, "input.paste_area");
    ImGui::BeginDisabled(ui.paste_text.empty());
    if (ImGui::Button("Load")) {
        const LinkPayload link = extract_link_payload(ui.paste_text);
        // A share link inflates in the platform; a live link (#fetch?...) opens there too, as
        // its fragment would (view_fetch_open_link).
        if (link.ok || is_fetch_link(ui.paste_text)) f.a.load_link = ui.paste_text;
        else request_load(f, ui.paste_text, LoadSource::Paste, "pasted text");
    }
    note_control(f, "input.load");
    ImGui::SameLine();
    if (ImGui::Button("Clear")) ui.paste_text.clear();
    note_control(f, "input.clear");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Open file...")) f.a.open_file_dialog = true;
    note_control(f, "input.open_file");
    ImGui::TextDisabled("Samples, one per state:");
    draw_samples(f);
}

}  // namespace ssmview

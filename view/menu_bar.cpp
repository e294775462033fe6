// view/menu_bar.cpp: the window's menu bar.
//
// Index
//   draw_menu_bar   Open (paste, open file, samples), View (theme, wrap, time zone), and on the
//                   right: where the shown invocation came from, and the transient "Copied" note
//
// Menus duplicate what the panels offer, for discoverability; the panels hold the controls the
// tests click (menus are popups whose positions depend on the previous frame).
#include <algorithm>
#include <string>

#include "panels.h"
#include "widgets.h"
#include "wording.h"

namespace ssmview {

void draw_menu_bar(Frame& f) {
    if (!ImGui::BeginMenuBar()) return;
    ViewUi& ui = f.s.ui;
    if (ImGui::BeginMenu("Open")) {
        if (ImGui::MenuItem("Paste text...")) ui.tab = ViewTab::Input;
        if (ImGui::MenuItem("Open file...", f.env.is_mac ? "Cmd+O" : "Ctrl+O")) f.a.open_file_dialog = true;
        ImGui::Separator();
        if (ImGui::BeginMenu("Samples")) {
            int count = 0;
            const Sample* samples = view_samples(count);
            for (int i = 0; i < count; ++i)
                if (ImGui::MenuItem(samples[i].name)) request_load(f, samples[i].text, LoadSource::Sample, samples[i].name);
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    note_control(f, "menu.open");
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Theme: follow the browser", nullptr, ui.theme == ThemeChoice::Auto)) ui.theme = ThemeChoice::Auto;
        if (ImGui::MenuItem("Theme: light", nullptr, ui.theme == ThemeChoice::Light)) ui.theme = ThemeChoice::Light;
        if (ImGui::MenuItem("Theme: dark", nullptr, ui.theme == ThemeChoice::Dark)) ui.theme = ThemeChoice::Dark;
        ImGui::Separator();
        ImGui::MenuItem("Wrap long lines", nullptr, &ui.wrap);
        ImGui::MenuItem("Times in my time zone", nullptr, &ui.local_time);
        ImGui::EndMenu();
    }
    note_control(f, "menu.view");
    if (ImGui::MenuItem("Share...")) ui.tab = ViewTab::Share;
    note_control(f, "menu.share");

    // Right-aligned: the note, else the source.
    std::string right;
    if (!f.m.note.empty() && f.env.now_ms < f.m.note_until_ms) {
        right = f.m.note;
        request_redraw(f, f.m.note_until_ms - f.env.now_ms);
    } else {
        right = source_text(f.s);
    }
    if (!right.empty()) {
        const float w = ImGui::CalcTextSize(right.c_str()).x;
        const float x = ImGui::GetWindowContentRegionMax().x - w - ImGui::GetStyle().ItemSpacing.x;
        if (x > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(x);
        ImGui::TextDisabled("%s", right.c_str());
        note_control(f, "menu.note");
    }
    ImGui::EndMenuBar();
}

}  // namespace ssmview

// view/widgets.cpp: the shared widgets (see widgets.h).
//
// Index
//   log_drawn_text          text drawn into the draw list, handed to ImGui's text log too
//   note_control, show_note (declared in view_model.h)
//   copy_button, link_text, badge, tab_row, clip_for_display, elide_middle, relative_redraw_ms
//
// Text fields on a std::string are Dear ImGui's own misc/cpp/imgui_stdlib.h (ImGui::InputText and
// friends taking a std::string*), compiled into the imgui library (cmake/deps.cmake).
// link_text and badge draw their text straight into the draw list, so they also hand it to ImGui's
// text log (log_drawn_text), as ImGui's own widgets do: whatever captures the UI's text (the
// tests compare it with the page's text version) sees every word the canvas shows.
#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <imgui_internal.h>  // ImGui::LogRenderedText, GImGui->LogEnabled

#include "fonts.h"
#include "view_layout.h"

namespace ssmview {

namespace {

void log_drawn_text(const ImVec2& pos, const char* text, const char* text_end) {
    if (ImGui::GetCurrentContext()->LogEnabled) ImGui::LogRenderedText(&pos, text, text_end);
}

}  // namespace

void note_control(Frame& f, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    f.m.controls_next[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

void show_note(Frame& f, std::string note) {
    f.m.note = std::move(note);
    f.m.note_until_ms = f.env.now_ms + kNoteLifetimeMs;
}

bool copy_button(Frame& f, const char* id, const std::string& text, const std::string& what, const char* control) {
    ImGui::PushID(id);
    const bool clicked = ImGui::SmallButton("Copy");
    if (control) note_control(f, control);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy %s to the clipboard", clip_for_display(what, kClipStatus).c_str());
    ImGui::PopID();
    if (clicked) {
        f.a.copy_text = text;
        show_note(f, "Copied " + what);
    }
    return clicked;
}

bool link_text(Frame& f, const char* id, const std::string& full_label, const std::string& url, const char* control,
               float max_width) {
    std::string label = clip_for_display(full_label, kClipLink);
    if (max_width > 0.0f) label = elide_middle(label, max_width);
    ImGui::PushID(id);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str(), label.c_str() + label.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("link", ImVec2(std::max(size.x, 1.0f), size.y));
    if (control) note_control(f, control);
    const bool hovered = ImGui::IsItemHovered();
    const ImU32 col = hovered ? f.pal.link_hover : f.pal.link;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(pos, col, label.c_str(), label.c_str() + label.size());
    log_drawn_text(pos, label.c_str(), label.c_str() + label.size());
    if (hovered) {
        dl->AddLine(ImVec2(pos.x, pos.y + size.y - 1.0f), ImVec2(pos.x + size.x, pos.y + size.y - 1.0f), col);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", clip_for_display(url, kClipTooltip).c_str());
    }
    ImGui::PopID();
    if (clicked) f.a.open_url = url;
    return clicked;
}

void badge(const char* text, ImU32 bg, ImU32 fg) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const ImVec2 pad(st.FramePadding.x * 1.5f, st.FramePadding.y);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(ts.x + pad.x * 2.0f, ts.y + pad.y * 2.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, size.y * 0.5f);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), fg, text);
    log_drawn_text(pos, text, nullptr);
    ImGui::Dummy(size);
}

void text_any_script(std::string_view text, bool wrapped) {
    view_fonts_note(text);
    if (!wrapped) {
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

bool input_text_any_script(const char* id, const char* hint, std::string& value, ImGuiInputTextFlags flags) {
    const bool result = ImGui::InputTextWithHint(id, hint, &value, flags);
    view_fonts_note(value);
    return result;
}

bool input_multiline_any_script(const char* id, std::string& value, const ImVec2& size) {
    const bool changed = ImGui::InputTextMultiline(id, &value, size);
    if (changed || ImGui::IsItemActivated()) view_fonts_note(value);
    return changed;
}

bool tab_row(Frame& f, const char* const* labels, int n, int& current, const char* const* controls) {
    bool changed = false;
    const ImGuiStyle& st = ImGui::GetStyle();
    // Own ID scope: a tab labelled "Load" must not share its ID with the Load button (two items
    // with one ID fight over ImGui's active item and neither gets the click).
    ImGui::PushID(controls && controls[0] ? controls[0] : labels[0]);
    for (int i = 0; i < n; ++i) {
        if (i > 0) ImGui::SameLine(0.0f, st.ItemSpacing.x * 0.5f);
        const bool selected = i == current;
        if (selected) {
            ImGui::PushStyleColor(ImGuiCol_Button, st.Colors[ImGuiCol_TabActive]);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_Text));
        } else {
            ImGui::PushStyleColor(ImGuiCol_Button, st.Colors[ImGuiCol_Tab]);
            ImGui::PushStyleColor(ImGuiCol_Text, f.pal.text_dim);
        }
        if (ImGui::Button(labels[i]) && !selected) {
            current = i;
            changed = true;
        }
        if (controls && controls[i]) note_control(f, controls[i]);
        ImGui::PopStyleColor(2);
    }
    ImGui::PopID();
    return changed;
}

std::string clip_for_display(const std::string& s, std::size_t max_cols) {
    std::size_t i = 0, cols = 0;
    while (i < s.size() && cols < max_cols && s[i] != '\n' && s[i] != '\r') {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
        ++cols;
    }
    if (i >= s.size()) return s;
    return s.substr(0, i) + " ... (" + std::to_string(utf8_length(s, i, s.size())) + " more characters)";
}

std::string elide_middle(const std::string& s, float max_width) {
    if (ImGui::CalcTextSize(s.c_str(), s.c_str() + s.size()).x <= max_width) return s;
    const float cell = std::max(1.0f, ImGui::CalcTextSize("M").x);
    const std::size_t keep = static_cast<std::size_t>(std::max(8.0f, std::floor(max_width / cell))) - 1;
    std::vector<std::size_t> starts;  // byte offset of each code point
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
    if (starts.size() <= keep) return s;
    const std::size_t head = keep / 2, tail = keep - head;
    return s.substr(0, starts[head]) + "\xe2\x80\xa6" + s.substr(starts[starts.size() - tail]);
}

// "N seconds/minutes/hours/days ago" changes when the age crosses its unit: redraw just then
// (plus a little slack, so the new text is surely due), not on a fixed tick.
std::int64_t relative_redraw_ms(std::int64_t age_ms) {
    if (age_ms < 0) age_ms = -age_ms;
    const std::int64_t unit = age_ms < 60000 ? 1000 : age_ms < 3600000 ? 60000 : age_ms < 86400000 ? 3600000 : 86400000;
    return unit - age_ms % unit + kRelativeTimeSlackMs;
}

}  // namespace ssmview

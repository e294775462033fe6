// view/theme.cpp: the two themes (see theme.h).
//
// Index
//   kLight, kDark          palettes; ANSI 0..15 follow VS Code's terminal themes, whose light
//                          variant darkens yellow and white so they stay readable on white
//   view_apply_theme       ImGui's StyleColorsLight/Dark, rounder corners, then ScaleAllSizes
//   phase_colors           a hue per phase: green done well, red failed, amber waiting/late,
//                          blue running, grey stopped by a person
//   ansi_color_u32
#include "theme.h"

namespace ssmview {

namespace {

constexpr ImU32 rgb(unsigned v) { return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF); }
constexpr ImU32 rgba(unsigned v, unsigned a) { return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, a); }

const ViewPalette kLight = {
    {rgb(0x000000), rgb(0xCD3131), rgb(0x00BC00), rgb(0x949800), rgb(0x0451A5), rgb(0xBC05BC), rgb(0x0598BC), rgb(0x555555),
     rgb(0x666666), rgb(0xCD3131), rgb(0x14CE14), rgb(0xB5BA00), rgb(0x0451A5), rgb(0xBC05BC), rgb(0x0598BC), rgb(0xA5A5A5)},
    rgb(0x1F2328), rgb(0x656D76), rgb(0x0969DA), rgb(0x0550AE),
    rgb(0xCF222E), rgb(0x9A6700), rgb(0x0969DA), rgb(0x1A7F37),
    rgba(0xFFD33D, 0x90), rgba(0xFF8C00, 0xC0), rgba(0x0969DA, 0x30),
    rgb(0xF0F2F4), rgb(0x8C959F), rgba(0xFFF8C5, 0xFF), rgb(0xFFFFFF),
};

const ViewPalette kDark = {
    {rgb(0x000000), rgb(0xCD3131), rgb(0x0DBC79), rgb(0xE5E510), rgb(0x2472C8), rgb(0xBC3FBC), rgb(0x11A8CD), rgb(0xE5E5E5),
     rgb(0x666666), rgb(0xF14C4C), rgb(0x23D18B), rgb(0xF5F543), rgb(0x3B8EEA), rgb(0xD670D6), rgb(0x29B8DB), rgb(0xE5E5E5)},
    rgb(0xE6EDF3), rgb(0x8D96A0), rgb(0x4493F8), rgb(0x79B8FF),
    rgb(0xF85149), rgb(0xD29922), rgb(0x4493F8), rgb(0x3FB950),
    rgba(0xBB8009, 0x80), rgba(0xFF8C00, 0xC0), rgba(0x388BFD, 0x38),
    rgb(0x161B22), rgb(0x6E7681), rgba(0x3B2E00, 0xFF), rgb(0x0D1117),
};

}  // namespace

const ViewPalette& view_palette(bool dark) { return dark ? kDark : kLight; }

void view_apply_theme(bool dark, float scale) {
    ImGuiStyle style;  // fresh defaults, so repeated calls never compound the scaling
    if (dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f;
    style.ChildRounding = 4.0f;
    style.FrameRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.TabRounding = 4.0f;
    style.FramePadding = ImVec2(6.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    style.WindowPadding = ImVec2(10.0f, 8.0f);
    style.ScrollbarSize = 14.0f;
    style.FrameBorderSize = dark ? 0.0f : 1.0f;  // light frames vanish on white without a border
    const ViewPalette& pal = view_palette(dark);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(dark ? rgb(0x0D1117) : rgb(0xFFFFFF));
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(pal.pane_bg);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(pal.text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(pal.text_dim);
    if (scale > 0.0f && scale != 1.0f) style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void phase_colors(Phase p, bool dark, ImU32& bg, ImU32& fg) {
    unsigned light_bg = 0x6E7781, dark_bg = 0x6E7681;
    switch (p) {
    case Phase::Success:    light_bg = 0x1A7F37; dark_bg = 0x238636; break;
    case Phase::Failed:     light_bg = 0xCF222E; dark_bg = 0xDA3633; break;
    case Phase::TimedOut:   light_bg = 0xBC4C00; dark_bg = 0xBD561D; break;
    case Phase::InProgress: light_bg = 0x0969DA; dark_bg = 0x1F6FEB; break;
    case Phase::Pending:    light_bg = 0x57606A; dark_bg = 0x6E7681; break;
    case Phase::Delayed:    light_bg = 0x9A6700; dark_bg = 0x9E6A03; break;
    case Phase::Cancelled:  light_bg = 0x424A53; dark_bg = 0x484F58; break;
    case Phase::Cancelling: light_bg = 0x6639BA; dark_bg = 0x8957E5; break;
    case Phase::Unknown:    light_bg = 0x8250DF; dark_bg = 0x6E40C9; break;
    }
    bg = rgb(dark ? dark_bg : light_bg);
    fg = rgb(0xFFFFFF);  // every badge colour above is dark enough for white text (WCAG AA)
}

ImU32 ansi_color_u32(AnsiColor c, const ViewPalette& pal, ImU32 fallback) {
    if (c.is_default()) return fallback;
    if (c.is_palette()) {
        const int i = c.index();
        return i < 16 ? pal.ansi[i] : rgb(ansi_palette_rgb(i));
    }
    return rgb(c.rgb_value());
}

}  // namespace ssmview

// view/theme.h: light and dark looks: ImGui's style plus the view's own colours.
//
// Index
//   ViewPalette       colours ImGui's style has no slot for (badges, links, find, ANSI 16)
//   view_palette      the palette of a theme
//   view_apply_theme  ImGui style for a theme at a UI scale
//   phase_colors      badge background and text for a phase
//   ansi_color_u32    an AnsiColor resolved against a palette (0..15 from the theme, rest fixed)
//
// Call flow: view_frame() decides dark or light (ViewUi.theme, else ViewEnv.prefers_dark) and
// calls view_apply_theme only when that or the scale changed (a style copy each frame would
// cost nothing much, but scaling sizes twice would compound). Panels read view_palette().
#pragma once
#include <imgui.h>

#include "ansi.h"
#include "classify.h"

namespace ssmview {

struct ViewPalette {
    ImU32 ansi[16];
    ImU32 text, text_dim, link, link_hover;
    ImU32 error, warning, info, ok;
    ImU32 find_match, find_current, line_highlight;
    ImU32 gutter_bg, gutter_text, banner_bg, pane_bg;
};

const ViewPalette& view_palette(bool dark);
void view_apply_theme(bool dark, float scale);
void phase_colors(Phase p, bool dark, ImU32& bg, ImU32& fg);
ImU32 ansi_color_u32(AnsiColor c, const ViewPalette& pal, ImU32 fallback);

}  // namespace ssmview

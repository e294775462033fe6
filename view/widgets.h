// view/widgets.h: small widgets every panel uses.
//
// Index
//   copy_button     "Copy" -> ViewActions.copy_text (+ the "Copied" note)
//   link_text       text in the link colour, underlined on hover -> ViewActions.open_url
//   badge           a filled rounded label (the status badge)
//   text_any_script text from the data (names, comments, outputs): its code points the bundled
//                   font lacks are asked of the platform (fonts.h view_fonts_note)
//   input_text_any_script, input_multiline_any_script   text fields that do the same
//   tab_row         a row of tab-like buttons bound to an int (ViewUi drives it, not ImGui)
//   (text fields on a std::string: ImGui::InputText(label, &str, ...) from misc/cpp/imgui_stdlib.h)
//   clip_for_display  a member's value cut to a length a label can show (Copy still copies it all)
//   elide_middle      a URL shortened in its middle to fit a width (both ends are the telling parts)
//   relative_redraw_ms  how soon a "3 minutes ago" (iso_time.h's format_relative) next changes
//
// Why tab_row instead of ImGui::BeginTabBar: a tab bar keeps the selected tab in ImGui's own
// storage, so ViewUi (which tests set and state() reports) and ImGui could disagree for a frame.
// Buttons that read and write ViewUi directly have one source of truth.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "view_layout.h"
#include "view_model.h"

namespace ssmview {

bool copy_button(Frame& f, const char* id, const std::string& text, const std::string& what,
                 const char* control = nullptr);
// max_width > 0: a longer label is shortened in the middle ("https://s3...…/stdout") to fit.
bool link_text(Frame& f, const char* id, const std::string& label, const std::string& url,
               const char* control = nullptr, float max_width = 0.0f);
void badge(const char* text, ImU32 bg, ImU32 fg);
void text_any_script(std::string_view text, bool wrapped = false);
// ImGui::InputTextWithHint / InputTextMultiline on a std::string, with what is typed or pasted into
// the field asked of the platform's fonts too (an IME's Japanese in the find box). The multi-line
// field can hold a whole paste, so it is looked at only when it changes.
bool input_text_any_script(const char* id, const char* hint, std::string& value, ImGuiInputTextFlags flags = 0);
bool input_multiline_any_script(const char* id, std::string& value, const ImVec2& size);
// Returns true when the selection changed. `controls[i]` (may be null) names button i.
bool tab_row(Frame& f, const char* const* labels, int n, int& current, const char* const* controls);
// At most max_cols code points of `s`, on its first line, with "... (N more characters)" when cut.
// A pasted input can put a megabyte into Comment or Status; ImGui would lay all of it out.
std::string clip_for_display(const std::string& s, std::size_t max_cols = kClipValue);
// `s` shortened in the middle with U+2026 so it is at most max_width wide in the current font.
std::string elide_middle(const std::string& s, float max_width);
// Every panel that draws format_relative(t, now) asks for a redraw this far ahead (request_redraw),
// or the text goes stale until something else draws a frame.
std::int64_t relative_redraw_ms(std::int64_t age_ms);

}  // namespace ssmview

// tests/view/headless.cpp: the headless harness (see headless.h).
//
// Index
//   read_file, fixture, merge
//   Headless::Headless   context, no ini file, fonts via view_build_fonts (the platform's path)
//   frame                NewFrame -> view_frame -> Render, draw statistics from ImDrawData
//   frame_text           the same with ImGui's text log on, written to a temporary file
//   click / key / type   input events queued exactly as a platform layer queues them
#include "headless.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <imgui_internal.h>  // ImGui::LogToFile, LogFinish

#include "fonts.h"

namespace ssmview::test {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string fixture(const std::string& state, const std::string& ext) {
    const std::string path = std::string(SSMVIEW_FIXTURES) + "/aws-cli/" + state + "." + ext;
    std::string text = read_file(path);
    INFO("fixture " << path);
    REQUIRE(!text.empty());
    return text;
}

ViewActions merge(ViewActions into, const ViewActions& more) {
    if (!more.copy_text.empty()) into.copy_text = more.copy_text;
    if (!more.open_url.empty()) into.open_url = more.open_url;
    if (!more.download_name.empty()) {
        into.download_name = more.download_name;
        into.download_data = more.download_data;
    }
    if (more.request_share_link) {
        into.request_share_link = true;
        into.share_json = more.share_json;
    }
    if (!more.load_link.empty()) into.load_link = more.load_link;
    into.open_file_dialog = into.open_file_dialog || more.open_file_dialog;
    into.mirror_changed = into.mirror_changed || more.mirror_changed;
    into.wants_more_frames = more.wants_more_frames;
    into.redraw_after_ms = more.redraw_after_ms;
    into.fetches.insert(into.fetches.end(), more.fetches.begin(), more.fetches.end());  // every request sent
    into.cancel_fetches.insert(into.cancel_fetches.end(), more.cancel_fetches.begin(), more.cancel_fetches.end());
    return into;
}

Headless::Headless(float width, float height, float pixel_scale) {
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    const std::string ttf = read_file(SSMVIEW_TEST_FONT);
    fonts_ok = view_build_fonts(ttf.data(), ttf.size(), pixel_scale);
    env.ui_scale = pixel_scale;  // as the platform does: the style follows the fonts' scale
    env.now_ms = 1795687200000;  // 2026-11-26 10:00:00 UTC: six days after the fixtures ran
    env.local_offset_minutes = 60;
}

Headless::~Headless() { ImGui::DestroyContext(ctx_); }

ViewActions Headless::frame(ViewState& s) {
    ImGui::SetCurrentContext(ctx_);
    ImGui::NewFrame();
    ViewActions a = view_frame(s, env);
    ImGui::Render();
    const ImDrawData* dd = ImGui::GetDrawData();
    stats_ = DrawStats{dd->TotalVtxCount, dd->TotalIdxCount, 0};
    for (int i = 0; i < dd->CmdListsCount; ++i) stats_.commands += dd->CmdLists[i]->CmdBuffer.Size;
    env.now_ms += 16;
    return a;
}

// ImGui ends a log when a top-level window ends (End() calls LogFinish), and a buffer log is
// cleared there; a file log is written as it goes, so the words survive the window's End.
std::string Headless::frame_text(ViewState& s) {
    ImGui::SetCurrentContext(ctx_);
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("ssmview-view-text-" + std::to_string(::getpid()) + ".txt")).string();
    std::remove(path.c_str());
    ImGui::NewFrame();
    ImGui::LogToFile(-1, path.c_str());
    view_frame(s, env);
    ImGui::LogFinish();  // in case no top-level window ended it
    ImGui::Render();
    env.now_ms += 16;
    std::string text = read_file(path);
    std::remove(path.c_str());
    return text;
}

ViewActions Headless::frames(ViewState& s, int n) {
    ViewActions all;
    for (int i = 0; i < n; ++i) all = merge(all, frame(s));
    return all;
}

ViewActions Headless::click_at(ViewState& s, float x, float y, int button) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(x, y);
    ViewActions a = frame(s);
    io.AddMouseButtonEvent(button, true);
    a = merge(a, frame(s));
    io.AddMouseButtonEvent(button, false);
    a = merge(a, frame(s));
    return a;
}

ViewActions Headless::click(ViewState& s, const std::string& control) {
    float r[4];
    ViewActions a;
    if (!view_control_rect(s, control, r)) a = frames(s, 2);
    INFO("control " << control);
    REQUIRE(view_control_rect(s, control, r));
    return merge(a, click_at(s, r[0] + r[2] * 0.5f, r[1] + r[3] * 0.5f));
}

ViewActions Headless::key(ViewState& s, ImGuiKeyChord chord) {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey k = static_cast<ImGuiKey>(chord & ~ImGuiMod_Mask_);
    const bool ctrl = (chord & ImGuiMod_Ctrl) || (chord & ImGuiMod_Shortcut);
    const bool shift = (chord & ImGuiMod_Shift) != 0;
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
    io.AddKeyEvent(k, true);
    ViewActions a = frame(s);
    io.AddKeyEvent(k, false);
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
    return merge(a, frame(s));
}

ViewActions Headless::type(ViewState& s, const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    return frame(s);
}

}  // namespace ssmview::test

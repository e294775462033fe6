// tests/view/headless.h: drive the view with no window and no GPU.
//
// Index
//   read_file, fixture       test data (tests/fixtures/aws-cli/<state>.json and friends)
//   Headless                 an ImGui context + DejaVu Sans Mono atlas + display size; frame(),
//                            frames(), click() through ImGui's input queue, draw statistics,
//                            frame_text() (the words a frame drew, from ImGui's text log)
//   merge                    several frames' ViewActions as one (a click spans three frames)
//
// Call flow of a test: Headless h; ViewState s; view_load_text(s, fixture("success"), ...);
// h.frame(s); then read view_state_to_json(s) or click a control by name (view_control_rect) and
// look at the ViewActions it produced. Time advances 16 ms per frame from a fixed instant, so
// "3 minutes ago" texts are deterministic.
#pragma once
#include <string>

#include <imgui.h>

#include "view.h"

namespace ssmview::test {

std::string read_file(const std::string& path);
std::string fixture(const std::string& state, const std::string& ext = "json");

ViewActions merge(ViewActions into, const ViewActions& more);

struct DrawStats {
    int vertices = 0;
    int indices = 0;
    int commands = 0;
};

class Headless {
public:
    explicit Headless(float width = 1280.0f, float height = 800.0f, float pixel_scale = 1.0f);
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    ViewActions frame(ViewState& s);
    // One frame with ImGui's text log on: every string the frame drew (Text*, labels, table cells
    // with "|" between them, link_text and badge), items on one line joined by a space.
    std::string frame_text(ViewState& s);
    ViewActions frames(ViewState& s, int n);
    // Moves the mouse to the control's centre, presses and releases: 3 frames, actions merged.
    // Draws one frame first when the control is not known yet. FAILs the test if it never shows.
    ViewActions click(ViewState& s, const std::string& control);
    ViewActions click_at(ViewState& s, float x, float y, int button = 0);
    ViewActions key(ViewState& s, ImGuiKeyChord chord);  // press + release
    ViewActions type(ViewState& s, const std::string& utf8);

    const DrawStats& stats() const { return stats_; }
    ViewEnv env;
    bool    fonts_ok = false;

private:
    ImGuiContext* ctx_ = nullptr;
    DrawStats     stats_;
};

}  // namespace ssmview::test

// wasm/platform_input.cpp: keyboard, mouse, wheel, touch and focus, from <emscripten/html5.h> into ImGui.
//
// Index
//   key mapping        KeyboardEvent.key / .code -> ImGuiKey
//   keyboard           keydown/keyup on the canvas; text from KeyboardEvent.key; which keys the browser keeps
//   text input         while a field is typed in, the hidden #ime textarea has the focus: typed,
//                      composed (IME, dead keys, compose key) and committed text comes from its
//                      input and compositionend events; it sits at ImGui's caret for the IME window
//   mouse              down on the canvas, move/up on the window (drags may leave the canvas)
//   wheel              deltaMode pixel/line/page -> ImGui wheel notches
//   touch              tap = click, drag = scroll (with a touch-screen mouse source)
//   focus              window or canvas blur releases every key (no stuck Ctrl after Alt+Tab)
//   input_init         registers the callbacks; ImGui's macOS behaviours when the browser is a Mac
//   input_paste_into_field   pasted text into the active ImGui field through ImGui's own paste
//   input_held / input_wheel_sent / input_focus_canvas
//   mouse cursor       ImGui's wanted cursor -> CSS cursor on the canvas
//
// Call flow: the browser fires an event -> Emscripten calls the callback synchronously inside the
// DOM handler -> the callback queues ImGui io events (AddKeyEvent, AddMousePosEvent, ...) and
// calls loop_wake_after_input(); ImGui consumes the queue in the next frame. A callback's return
// value is "preventDefault": true for everything ImGui handles, false for what the browser must
// still do (paste, browser zoom, reload, devtools, tab switching).
//
// Why not Emscripten's GLFW: in 3.1.6 it has no clipboard, no devicePixelRatio, raw wheel pixels and
// no touch (docs/toolchain.md, section 3). Coordinates from html5.h are CSS pixels relative to the event target;
// display_css_to_device() turns them into the device pixels the UI is laid out in.
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "platform.h"

// The canvas's position in the viewport: window-level mouse events report client coordinates.
EM_JS(double, js_canvas_left, (), { return document.getElementById("canvas").getBoundingClientRect().left; });
EM_JS(double, js_canvas_top, (), { return document.getElementById("canvas").getBoundingClientRect().top; });
// contextmenu has no html5.h setter: a tiny listener keeps the browser's menu off the canvas
// (right-click belongs to ImGui).
EM_JS(void, js_block_context_menu, (), {
    document.getElementById("canvas").addEventListener("contextmenu", function(e) { e.preventDefault(); });
});
// ---- text input (JS side) ----------------------------------------------------------------------------------
// The #ime textarea (web/index.html) gets what an input method makes: `input` events for plain
// typing (and a dead key's result), compositionend for a composed word. Text moves into ImGui
// through ssmview_on_ime_text and the textarea is emptied at once, so it never holds anything.
// An `input` event inside a composition (isComposing) is skipped: its compositionend carries the
// text. Deletions and moves reach ImGui as keys (on_key) and are not the textarea's business.
EM_JS(void, js_ime_init, (), {
    var ta = document.getElementById("ime");
    if (!ta) return;
    var send = function(text) {
        ta.value = "";
        if (text) Module.ssmSendText(_ssmview_on_ime_text, text);
    };
    ta.addEventListener("compositionend", function(e) { send(e.data); });
    ta.addEventListener("input", function(e) {
        if (e.isComposing) return;
        send(e.inputType === "insertText" || e.inputType === "insertReplacementText" ? e.data : "");
    });
});
// want: a field of the view is being typed in. Focus moves between the canvas and the textarea
// only when one of them has it (never away from the page's other HTML). x, y, h: the caret in
// CSS pixels relative to the canvas.
EM_JS(void, js_ime_place, (int want, double x, double y, double h), {
    var ta = document.getElementById("ime"), c = document.getElementById("canvas");
    if (!ta) return;
    if (want) {
        var r = c.getBoundingClientRect();
        ta.style.left = (r.left + x) + "px";
        ta.style.top = (r.top + y) + "px";
        ta.style.height = Math.max(h, 1) + "px";
        if (document.activeElement === c) ta.focus({preventScroll: true});
    } else if (document.activeElement === ta) {
        c.focus({preventScroll: true});
    }
});

EM_JS(void, js_focus_canvas, (), {
    var c = document.getElementById("canvas");
    if (document.activeElement !== c) c.focus({preventScroll: true});
});

namespace ssmview::web {

namespace {
bool  g_is_mac = false;
bool  g_ime_focused = false;  // the #ime textarea has the focus (a field is being typed in)
std::set<std::string> g_keys_down;  // codes of keys held (ImGui repeats them by time, so frames must continue)
int   g_buttons_down = 0;     // bit set of mouse buttons held since a press on the canvas
bool  g_mouse_inside = false;
float g_wheel_sent[2] = {0, 0};  // wheel notches sent to ImGui so far (x, y): state() shows them to tests

// ---- key mapping -----------------------------------------------------------------------------------------
// Letters, digits and punctuation come from `key` so shortcuts follow the user's layout (Ctrl+Z on
// AZERTY is where the Z is printed); named keys and the keypad come from `code`, which does not
// change with Shift or NumLock.
ImGuiKey key_from_event(const EmscriptenKeyboardEvent& e) {
    const char* k = e.key;
    const char* c = e.code;
    if (std::strncmp(c, "Numpad", 6) == 0) {
        const char* n = c + 6;
        if (n[0] >= '0' && n[0] <= '9' && n[1] == 0) return static_cast<ImGuiKey>(ImGuiKey_Keypad0 + (n[0] - '0'));
        if (!std::strcmp(n, "Decimal")) return ImGuiKey_KeypadDecimal;
        if (!std::strcmp(n, "Divide")) return ImGuiKey_KeypadDivide;
        if (!std::strcmp(n, "Multiply")) return ImGuiKey_KeypadMultiply;
        if (!std::strcmp(n, "Subtract")) return ImGuiKey_KeypadSubtract;
        if (!std::strcmp(n, "Add")) return ImGuiKey_KeypadAdd;
        if (!std::strcmp(n, "Enter")) return ImGuiKey_KeypadEnter;
        if (!std::strcmp(n, "Equal")) return ImGuiKey_KeypadEqual;
    }
    if (k[0] && !k[1]) {  // one ASCII character
        char ch = k[0];
        if (ch >= 'a' && ch <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (ch - 'a'));
        if (ch >= 'A' && ch <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (ch - 'A'));
        if (ch >= '0' && ch <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (ch - '0'));
        switch (ch) {
            case ' ': return ImGuiKey_Space;
            case '\'': return ImGuiKey_Apostrophe;
            case ',': return ImGuiKey_Comma;
            case '-': return ImGuiKey_Minus;
            case '.': return ImGuiKey_Period;
            case '/': return ImGuiKey_Slash;
            case ';': return ImGuiKey_Semicolon;
            case '=': return ImGuiKey_Equal;
            case '[': return ImGuiKey_LeftBracket;
            case '\\': return ImGuiKey_Backslash;
            case ']': return ImGuiKey_RightBracket;
            case '`': return ImGuiKey_GraveAccent;
            default: break;
        }
    }
    struct Named { const char* code; ImGuiKey key; };
    static const Named named[] = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"Escape", ImGuiKey_Escape},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ShiftLeft", ImGuiKey_LeftShift}, {"AltLeft", ImGuiKey_LeftAlt},
        {"MetaLeft", ImGuiKey_LeftSuper}, {"OSLeft", ImGuiKey_LeftSuper}, {"ControlRight", ImGuiKey_RightCtrl},
        {"ShiftRight", ImGuiKey_RightShift}, {"AltRight", ImGuiKey_RightAlt}, {"MetaRight", ImGuiKey_RightSuper},
        {"OSRight", ImGuiKey_RightSuper}, {"ContextMenu", ImGuiKey_Menu}, {"CapsLock", ImGuiKey_CapsLock},
        {"ScrollLock", ImGuiKey_ScrollLock}, {"NumLock", ImGuiKey_NumLock}, {"PrintScreen", ImGuiKey_PrintScreen},
        {"Pause", ImGuiKey_Pause}, {"Quote", ImGuiKey_Apostrophe}, {"Comma", ImGuiKey_Comma},
        {"Minus", ImGuiKey_Minus}, {"Period", ImGuiKey_Period}, {"Slash", ImGuiKey_Slash},
        {"Semicolon", ImGuiKey_Semicolon}, {"Equal", ImGuiKey_Equal}, {"BracketLeft", ImGuiKey_LeftBracket},
        {"Backslash", ImGuiKey_Backslash}, {"BracketRight", ImGuiKey_RightBracket}, {"Backquote", ImGuiKey_GraveAccent},
        {"BrowserBack", ImGuiKey_AppBack}, {"BrowserForward", ImGuiKey_AppForward},
    };
    for (const Named& n : named)
        if (!std::strcmp(c, n.code)) return n.key;
    if (c[0] == 'F' && c[1] >= '1' && c[1] <= '9') {  // F1..F24
        int f = std::atoi(c + 1);
        if (f >= 1 && f <= 24) return static_cast<ImGuiKey>(ImGuiKey_F1 + (f - 1));
    }
    if (std::strncmp(c, "Key", 3) == 0 && c[3] >= 'A' && c[3] <= 'Z' && !c[4])  // a letter typed on a non-Latin layout
        return static_cast<ImGuiKey>(ImGuiKey_A + (c[3] - 'A'));
    if (std::strncmp(c, "Digit", 5) == 0 && c[5] >= '0' && c[5] <= '9' && !c[6])
        return static_cast<ImGuiKey>(ImGuiKey_0 + (c[5] - '0'));
    return ImGuiKey_None;
}

struct Mods { bool ctrl = false, shift = false, alt = false, super = false; };
Mods g_mods;  // as the last keyboard event reported them

void send_mods(const Mods& m) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, m.ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, m.shift);
    io.AddKeyEvent(ImGuiMod_Alt, m.alt);
    io.AddKeyEvent(ImGuiMod_Super, m.super);
}

void send_mods(const EmscriptenKeyboardEvent& e) {
    g_mods = Mods{e.ctrlKey != 0, e.shiftKey != 0, e.altKey != 0, e.metaKey != 0};
    send_mods(g_mods);
}

// ---- keyboard ---------------------------------------------------------------------------------------------
// The shortcut modifier: Cmd on a Mac, Ctrl elsewhere.
bool shortcut_mod(const EmscriptenKeyboardEvent& e) { return g_is_mac ? e.metaKey : e.ctrlKey; }

// Keys the browser must keep. Paste must reach the browser, which then fires the `paste` event
// (platform_clipboard.cpp) with the clipboard's text: a page cannot read the clipboard on a
// keystroke without a permission prompt. Copy and cut are done by ImGui (it knows the selection)
// and written with navigator.clipboard; the browser's own copy finds no selection and does nothing.
bool browser_keeps(const EmscriptenKeyboardEvent& e) {
    const char* c = e.code;
    if (shortcut_mod(e)) {
        if (!std::strcmp(c, "KeyV")) return true;                      // paste
        static const char* const keep[] = {"KeyR", "KeyL", "KeyT", "KeyW", "KeyN", "KeyQ", "Tab",
                                           "Equal", "Minus", "Digit0", "NumpadAdd", "NumpadSubtract",
                                           "Numpad0", "PageUp", "PageDown"};
        for (const char* k : keep)
            if (!std::strcmp(c, k)) return true;                         // reload, location, tabs, zoom
        if (e.shiftKey && (!std::strcmp(c, "KeyI") || !std::strcmp(c, "KeyJ") || !std::strcmp(c, "KeyC")))
            return true;                                                 // devtools
    }
    if (e.altKey && (!std::strcmp(c, "ArrowLeft") || !std::strcmp(c, "ArrowRight"))) return true;  // history
    if (!std::strcmp(c, "F5") || !std::strcmp(c, "F11") || !std::strcmp(c, "F12")) return true;
    if (!std::strcmp(c, "Tab") && !ImGui::GetIO().WantCaptureKeyboard) return true;  // leave the canvas by keyboard
    return false;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    // An input method's own keys ("Process", keyCode 229: the IME is composing) and a dead key
    // belong to the textarea: ImGui must not see Enter confirming a word, or Backspace in it.
    if (g_ime_focused && (e->keyCode == 229 || !std::strcmp(e->key, "Process") || !std::strcmp(e->key, "Dead")))
        return EM_FALSE;
    const bool keep = browser_keeps(*e);
    const bool paste = shortcut_mod(*e) && !std::strcmp(e->code, "KeyV");
    // Ctrl/Cmd+O opens the file dialog right here, inside the keydown: a browser shows a file
    // chooser only during the user activation of an input event, and the frame in which the view
    // would see the chord can come seconds later on a loaded machine (activation then expired and
    // the chooser was silently refused). ImGui never sees this chord in the browser.
    if (down && shortcut_mod(*e) && !e->shiftKey && !e->altKey && !std::strcmp(e->code, "KeyO")) {
        files_open_dialog();
        loop_wake_after_input();
        return EM_TRUE;
    }
    send_mods(*e);
    const ImGuiKey key = key_from_event(*e);
    // Paste goes through the `paste` event; letting ImGui see Ctrl+V too would paste twice (once
    // from ImGui's stale clipboard copy, once from the event).
    if (key != ImGuiKey_None && !paste) {
        io.AddKeyEvent(key, down);
        io.SetKeyEventNativeData(key, static_cast<int>(e->keyCode), 0);
    }
    if (down && key != ImGuiKey_None && !paste) g_keys_down.insert(e->code);
    else g_keys_down.erase(e->code);
    // Text: a printable `key` (one code point, not a name like "Enter") typed without Ctrl/Cmd.
    // AltGr arrives as Ctrl+Alt on Windows and still types text. While the textarea has the focus
    // the browser types it there instead (its input event brings it): the key is not prevented.
    bool text = false;
    if (down && !keep && type == EMSCRIPTEN_EVENT_KEYDOWN) {
        const bool ctrl_only = (e->ctrlKey && !e->altKey) || e->metaKey;
        const unsigned char first = static_cast<unsigned char>(e->key[0]);
        int length = 0;
        if (first) length = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4;
        text = !ctrl_only && length > 0 && static_cast<int>(std::strlen(e->key)) == length && first >= 0x20 && first != 0x7F;
        if (text && !g_ime_focused) io.AddInputCharactersUTF8(e->key);
    }
    loop_wake_after_input();
    if (text && g_ime_focused) return EM_FALSE;
    return keep ? EM_FALSE : EM_TRUE;
}

// ---- mouse ------------------------------------------------------------------------------------------------
ImGuiMouseButton button_from_dom(unsigned short b) {
    switch (b) { case 0: return ImGuiMouseButton_Left; case 1: return ImGuiMouseButton_Middle; case 2: return ImGuiMouseButton_Right; default: return -1; }
}

void send_mouse_pos_client(long client_x, long client_y) {
    float x, y;
    display_css_to_device(static_cast<double>(client_x) - js_canvas_left(), static_cast<double>(client_y) - js_canvas_top(), x, y);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x, y);
}

EM_BOOL on_mouse_down(int, const EmscriptenMouseEvent* e, void*) {
    input_focus_canvas();  // keyboard events go to the canvas from now on
    const ImGuiMouseButton b = button_from_dom(e->button);
    send_mouse_pos_client(e->clientX, e->clientY);
    if (b >= 0) {
        ImGui::GetIO().AddMouseButtonEvent(b, true);
        g_buttons_down |= 1 << b;
    }
    loop_wake_after_input();
    loop_frame_now();  // the press is seen now, so the release below completes a click in its own event
    return EM_TRUE;  // no text selection of the page, no middle-click autoscroll
}

EM_BOOL on_mouse_up(int, const EmscriptenMouseEvent* e, void*) {
    const ImGuiMouseButton b = button_from_dom(e->button);
    if (b < 0 || !(g_buttons_down & (1 << b))) return EM_FALSE;  // a press that began elsewhere on the page
    send_mouse_pos_client(e->clientX, e->clientY);
    ImGui::GetIO().AddMouseButtonEvent(b, false);
    g_buttons_down &= ~(1 << b);
    loop_wake_after_input();
    loop_frame_now();  // a click's action (new tab, download, clipboard) runs inside this activation
    return EM_FALSE;
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
    if (!g_mouse_inside && !g_buttons_down) return EM_FALSE;
    send_mouse_pos_client(e->clientX, e->clientY);
    loop_wake_after_input();
    return EM_FALSE;
}

EM_BOOL on_mouse_enter(int, const EmscriptenMouseEvent* e, void*) {
    g_mouse_inside = true;
    send_mouse_pos_client(e->clientX, e->clientY);
    loop_wake_after_input();
    return EM_FALSE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    g_mouse_inside = false;
    if (!g_buttons_down) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // nothing hovered
    loop_wake(2);
    return EM_FALSE;
}

// ---- wheel ----------------------------------------------------------------------------------------------------
// ImGui's unit is one wheel notch (it scrolls 5 lines). Browsers report pixels (Chromium: 100 per
// notch at zoom 100%, already scaled by the zoom level; trackpads send small fractions), lines
// (Firefox: 3 per notch) or pages. DOM deltas grow downward/rightward; ImGui's grow upward/leftward.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    if (e->mouse.ctrlKey) return EM_FALSE;  // Ctrl+wheel and trackpad pinch: the browser's zoom
    double per_notch = 100.0;
    switch (e->deltaMode) {
        case DOM_DELTA_LINE: per_notch = 3.0; break;
        case DOM_DELTA_PAGE: {
            // One page is the visible height: about canvas height / (5 lines x line height) notches.
            const double line = ImGui::GetFontSize() > 0 ? ImGui::GetFontSize() : 13.0;
            per_notch = 5.0 * line / (display_height() > 0 ? display_height() : 600);
            break;
        }
        default: break;
    }
    ImGuiIO& io = ImGui::GetIO();
    send_mouse_pos_client(e->mouse.clientX, e->mouse.clientY);
    const float wx = static_cast<float>(-e->deltaX / per_notch), wy = static_cast<float>(-e->deltaY / per_notch);
    io.AddMouseWheelEvent(wx, wy);
    g_wheel_sent[0] += wx;
    g_wheel_sent[1] += wy;
    loop_wake_after_input();
    return EM_TRUE;  // the page itself must not scroll under the canvas
}

// ---- touch ---------------------------------------------------------------------------------------------------
// One finger: a tap (press and release within a few CSS pixels) is a click where the finger was;
// a drag scrolls the content under it, following the finger. Two fingers are the browser's pinch
// zoom (CSS touch-action: pinch-zoom on the canvas), which changes devicePixelRatio; we leave it.
struct Touch { int id = -1; double x0 = 0, y0 = 0, x = 0, y = 0; bool dragging = false; };
Touch g_touch;
constexpr double kTapSlop = 8.0;  // CSS pixels a tap may wobble

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const EmscriptenTouchPoint* point = nullptr;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART ? g_touch.id < 0 : static_cast<int>(t.identifier) == g_touch.id) { point = &t; break; }
    }
    if (e->numTouches > 1 && type == EMSCRIPTEN_EVENT_TOUCHSTART) {  // a second finger: give it to the browser
        g_touch.id = -1;
        return EM_FALSE;
    }
    if (!point) return EM_FALSE;
    const double x = static_cast<double>(point->targetX), y = static_cast<double>(point->targetY);
    float dx, dy;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    switch (type) {
        case EMSCRIPTEN_EVENT_TOUCHSTART:
            g_touch = Touch{static_cast<int>(point->identifier), x, y, x, y, false};
            display_css_to_device(x, y, dx, dy);
            io.AddMousePosEvent(dx, dy);  // hover where the finger is (no press yet: it may be a drag)
            break;
        case EMSCRIPTEN_EVENT_TOUCHMOVE: {
            if (!g_touch.dragging && std::hypot(x - g_touch.x0, y - g_touch.y0) > kTapSlop) g_touch.dragging = true;
            if (g_touch.dragging) {
                // Content follows the finger: a finger moving up by one notch's worth of pixels
                // scrolls down one notch. 100 CSS px = one notch, as for a pixel-mode wheel.
                const float wx = static_cast<float>((x - g_touch.x) / 100.0), wy = static_cast<float>((y - g_touch.y) / 100.0);
                io.AddMouseWheelEvent(wx, wy);
                g_wheel_sent[0] += wx;
                g_wheel_sent[1] += wy;
            }
            g_touch.x = x;
            g_touch.y = y;
            break;
        }
        case EMSCRIPTEN_EVENT_TOUCHEND:
            if (!g_touch.dragging) {  // a tap: press and release at the spot (ImGui's queue spreads them over frames)
                display_css_to_device(g_touch.x0, g_touch.y0, dx, dy);
                io.AddMousePosEvent(dx, dy);
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
                input_focus_canvas();
            }
            g_touch.id = -1;
            break;
        default:  // touchcancel
            g_touch.id = -1;
            break;
    }
    loop_wake_after_input();
    return EM_TRUE;  // no synthesized mouse events, no page scroll
}

// ---- focus -----------------------------------------------------------------------------------------------
// Window blur (Alt+Tab, another tab) and canvas blur (focus moved to the page's HTML) both mean the
// canvas gets no more keyup events: forget every held key, or frames would run on forever.
EM_BOOL on_ime_focus(int type, const EmscriptenFocusEvent*, void*);

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    const bool focused = type == EMSCRIPTEN_EVENT_FOCUS;
    ImGui::GetIO().AddFocusEvent(focused);  // false also releases every key ImGui thinks is down
    if (!focused) { g_keys_down.clear(); g_buttons_down = 0; }
    loop_wake(2);
    return EM_FALSE;
}

// The textarea's focus is the view's too: the canvas's blur as the focus moves to it released
// the keys, this says the view has the keyboard again.
EM_BOOL on_ime_focus(int type, const EmscriptenFocusEvent* e, void* user) {
    g_ime_focused = type == EMSCRIPTEN_EVENT_FOCUS;
    return on_focus(type, e, user);
}

// ---- text input (C++ side) --------------------------------------------------------------------------------
// ImGui reports where its caret is (io.SetPlatformImeDataFn, at the end of each frame, when it
// changes); input_sync_text_field moves the textarea there and the focus to it while a field
// wants text.
ImGuiPlatformImeData g_ime;
bool                 g_ime_placed_want = false;
ImVec2               g_ime_placed_pos{-1.0f, -1.0f};

void on_platform_ime(ImGuiViewport*, ImGuiPlatformImeData* data) { g_ime = *data; }
}  // namespace

void input_sync_text_field() {
    const bool want = ImGui::GetIO().WantTextInput;
    if (want == g_ime_placed_want && (!want || (g_ime.InputPos.x == g_ime_placed_pos.x && g_ime.InputPos.y == g_ime_placed_pos.y)))
        return;
    g_ime_placed_want = want;
    g_ime_placed_pos = g_ime.InputPos;
    const double scale = display_scale();  // ImGui works in device pixels, the page in CSS pixels
    js_ime_place(want ? 1 : 0, g_ime.InputPos.x / scale, g_ime.InputPos.y / scale, g_ime.InputLineHeight / scale);
}

// ---- input_init / input_held / input_focus_canvas ---------------------------------------------------------
void input_init(bool is_mac) {
    g_is_mac = is_mac;
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigMacOSXBehaviors = is_mac;      // Cmd shortcuts, Option word jumps
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need 2 frames a second forever
    io.BackendPlatformName = "ssmview_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;

    const char* canvas = "#canvas";
    emscripten_set_keydown_callback(canvas, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(canvas, nullptr, EM_TRUE, on_key);
    emscripten_set_blur_callback(canvas, nullptr, EM_FALSE, on_focus);
    emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse_down);
    emscripten_set_mouseenter_callback(canvas, nullptr, EM_TRUE, on_mouse_enter);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_TRUE, on_mouse_leave);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse_move);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse_up);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
    js_block_context_menu();
    // The textarea that takes typed and composed text while a field is active.
    emscripten_set_keydown_callback("#ime", nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback("#ime", nullptr, EM_TRUE, on_key);
    emscripten_set_focus_callback("#ime", nullptr, EM_FALSE, on_ime_focus);
    emscripten_set_blur_callback("#ime", nullptr, EM_FALSE, on_ime_focus);
    io.SetPlatformImeDataFn = on_platform_ime;
    js_ime_init();
}

// ---- input_paste_into_field ---------------------------------------------------------------------------------
// Text pasted while an ImGui field is active goes in through ImGui's own paste (the shortcut
// chord, reading our clipboard copy), not as typed characters: ImGui drops typed characters while
// Ctrl is down, and Ctrl is down, since the paste came from Ctrl+V. ImGui accepts the chord only
// with exactly the shortcut modifier held, so the chord is sent with that alone, then the real
// modifiers are restored; the input queue keeps the order.
void input_paste_into_field() {
    ImGuiIO& io = ImGui::GetIO();
    Mods chord;
    if (g_is_mac) chord.super = true; else chord.ctrl = true;
    send_mods(chord);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    send_mods(g_mods);
    loop_wake_after_input();
}

void input_wheel_sent(float& x, float& y) { x = g_wheel_sent[0]; y = g_wheel_sent[1]; }

bool input_held() { return !g_keys_down.empty() || g_buttons_down != 0; }

void input_focus_canvas() { js_focus_canvas(); }

// ---- mouse cursor -----------------------------------------------------------------------------------------
// Called once per frame by main.cpp after NewFrame: ImGui's wanted cursor -> CSS cursor.
EM_JS(void, js_set_cursor, (const char* name), {
    document.getElementById("canvas").style.cursor = UTF8ToString(name);
});

void input_update_cursor() {
    static ImGuiMouseCursor last = -2;
    ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (ImGui::GetIO().MouseDrawCursor) cursor = ImGuiMouseCursor_None;
    if (cursor == last) return;
    last = cursor;
    const char* css = "default";
    switch (cursor) {
        case ImGuiMouseCursor_None: css = "none"; break;
        case ImGuiMouseCursor_TextInput: css = "text"; break;
        case ImGuiMouseCursor_ResizeAll: css = "move"; break;
        case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
        case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
        case ImGuiMouseCursor_ResizeNESW: css = "nesw-resize"; break;
        case ImGuiMouseCursor_ResizeNWSE: css = "nwse-resize"; break;
        case ImGuiMouseCursor_Hand: css = "pointer"; break;
        case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
        default: break;
    }
    js_set_cursor(css);
}

}  // namespace ssmview::web

// ---- ssmview_on_ime_text ---------------------------------------------------------------------------------------
extern "C" EMSCRIPTEN_KEEPALIVE void ssmview_on_ime_text(char* bytes, int size) {
    const std::string text(bytes, static_cast<std::size_t>(size));
    std::free(bytes);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    ssmview::web::loop_wake_after_input();
}

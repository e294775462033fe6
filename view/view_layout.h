// view/view_layout.h: the view's own layout and timing numbers, named, in one place.
//
// Index
//   Clip lengths      how many code points of a value a label shows (clip_for_display); the
//                     fetch bar's and the Fetch tab's own, shorter ones
//   Lists             how many findings the diagnostics table (and the HTML mirror) lists; a fleet
//                     group's instances and lines
//   Breakpoints       the width at which the summary goes from one column to two
//   Timing            the "Copied" note's lifetime, ImGui's cursor blink, the longest timer wait
//   Frames            settling frames after a load, retries of a scroll ImGui could not apply yet
//   Sizes             widths and heights given in font sizes (ems), so they follow the UI scale
//
// Why here and not in core/data_limits.h: these numbers are about drawing (how much of a value fits a
// label, how long a note stays), not about the data. A limit of the data itself (output sizes,
// link sizes, per-code caps) lives in core/data_limits.h and the view reads it from there. Every panel
// and the HTML mirror (view_mirror.cpp) read these names, so the canvas and the page's text
// version clip a value at the same length.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ssmview {

// ---- Clip lengths (code points) --------------------------------------------------------------
// A pasted input can put a megabyte into Comment or Status; ImGui would lay all of it out, and a
// screen reader would read all of it. Copy buttons still copy the whole value.
constexpr std::size_t kClipShort = 60;          // codes, the source's name in the menu bar
constexpr std::size_t kClipStatus = 80;         // Status, StatusDetails; "Copy <what>" tooltips
constexpr std::size_t kClipPath = 120;          // a finding's JSON path
constexpr std::size_t kClipLink = 160;          // a link's label (then elided to the width), a link's shown start
constexpr std::size_t kClipValue = 240;         // one-line values (ids, names, times as given)
constexpr std::size_t kClipTooltip = 400;       // a link's URL in its tooltip
constexpr std::size_t kClipSentence = 600;      // messages, wrapped values (Comment), meanings
constexpr std::size_t kClipExplanation = 2000;  // core's explanation of a state

// The fetch bar is one line above the summary and the Fetch tab's lists one line a row, so most of
// their values are cut shorter than kClipValue. Ids from a list answer get kClipValue: a proxy
// (or whatever answers at its URL) can send megabytes, and ImGui would lay them out every frame.
constexpr std::size_t kClipFetchError = 400;       // an error's "<type>: <message>" (wrapped)
constexpr std::size_t kClipFetchProxyAsked = 200;  // a live link's other proxy, in its question (wrapped)
constexpr std::size_t kClipFetchProxy = 80;        // the proxy's URL in the bar's one line
constexpr std::size_t kClipFetchProxyButton = 60;  // the proxy's URL on "Fetch through <URL>"
constexpr std::size_t kClipFetchStep = 60;         // the followed step's PluginName in the bar
constexpr std::size_t kClipFetchBadge = 30;        // the followed invocation's status badge
constexpr std::size_t kClipFetchOffer = 40;        // the offered command's comment or document
constexpr std::size_t kClipFetchOfferStatus = 20;  // the offered command's status
constexpr std::size_t kClipFetchDocument = 60;     // a command's document, in the list
constexpr std::size_t kClipFetchStatus = 24;       // a command's or an instance's status, in the lists
constexpr std::size_t kClipFetchComment = 100;     // a command's comment, under its id
constexpr std::size_t kClipFetchName = 40;         // an instance's name; a step's name on its button
constexpr std::size_t kClipFetchStepStatus = 16;   // a step's status on its button

// ---- Lists -------------------------------------------------------------------------------------
// Diagnostic rows wrap, so they have no fixed height for a clipper; a cap keeps a pathological input
// (thousands of findings) from costing seconds per frame. The CLI lists them all.
constexpr std::size_t kMaxDiagnosticsShown = 500;
// A fleet: instance ids named in a group's heading (the rest counted), and lines of a group's
// text shown before "N more lines" (a plugin Output is at most 2,500 characters; a few have 80 lines).
constexpr std::size_t kFleetGroupInstances = 8;
constexpr int         kFleetGroupLines = 20;

// ---- Breakpoints -------------------------------------------------------------------------------
// Wider than this many font sizes, status + timeline and the header sit side by side.
constexpr float kWideLayoutEms = 55.0f;

// ---- Timing (milliseconds) ------------------------------------------------------------------------
constexpr std::int64_t kNoteLifetimeMs = 1500;      // the "Copied ..." note in the menu bar
constexpr std::int64_t kCursorBlinkMs = 530;        // ImGui's text cursor blink period (imgui_widgets.cpp)
constexpr std::int64_t kMaxRedrawWaitMs = 24 * 3600 * 1000;  // a timer never waits longer than a day
constexpr std::int64_t kRelativeTimeSlackMs = 50;   // redraw "3 minutes ago" this long after it is due

// ---- Frames --------------------------------------------------------------------------------------
// Tables and the clipper measure themselves on their first frame: a load draws this many more.
constexpr int kSettleFramesAfterLoad = 2;
// The fetch bar sizes itself from the frame before (ImGui's AutoResizeY): when what it shows
// changes, it draws that frame and the two its height needs.
constexpr int kSettleFramesFetchBar = 3;
// A window seen for the first time has no content size, so ImGui clamps a scroll request to 0;
// the text view asks again on this many following frames before giving up (ScrollRequest).
constexpr int kScrollRetryFrames = 3;

// ---- Sizes (in font sizes) ---------------------------------------------------------------------------
constexpr float kFindFieldEms = 14.0f;        // the find field
constexpr float kFindBarGapEms = 1.5f;        // stream tabs -> find field
constexpr float kTruncationBannerRows = 1.6f; // the banner's height in frame heights
constexpr float kWholeProgressEms = 16.0f;    // the whole output's progress bar (and a fleet's)
constexpr float kFleetFilterEms = 20.0f;      // the targets table's filter field
constexpr float kScrollTargetFromTop = 0.35f; // a line brought into view lands this far down the pane
constexpr float kScrollTargetFromLeft = 0.3f; // and its column this far from the left edge

}  // namespace ssmview

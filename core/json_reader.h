// core/json_reader.h: strict JSON with positions, for diagnostics a person can act on.
//
// Index
//   MemberPlace     where a member's key and value stand in the text
//   JsonRead        the value, where it ended, and the places of members (kPlaceDepth deep)
//   read_json       one JSON value starting at `begin`
//   read_json_object  a network answer's body as one object, no diagnostics (ssm_api, service_error)
//
// Why not a library parser: diagnostics need the line and column of each member and messages that
// say what went wrong in words ("the JSON ends inside the string that starts at 3:27"), and
// hostile input must cost bounded time and memory. The reader is a recursive descent over the
// bytes with an explicit depth bound (kMaxJsonDepth), building nlohmann::ordered_json values.
// It is strict RFC 8259 with two repairs that keep a report readable rather than refuse it:
// invalid UTF-8 and lone surrogates become U+FFFD (with a warning). Duplicate keys keep the last
// value (with a warning), like the AWS SDKs and JSON.parse.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "invocation.h"

namespace ssmview {

struct MemberPlace {
    std::string path;          // JSON pointer, e.g. "/Status", "/CloudWatchOutputConfig/CloudWatchOutputEnabled"
    std::size_t key_offset;    // the opening quote of the key (an array element: its value)
    std::size_t value_offset;  // the first character of the value
};

struct JsonRead {
    bool                     ok = false;
    Json                     value;
    std::size_t              end = 0;  // one past the value's last character
    std::vector<MemberPlace> places;   // members and array elements at depth 1 to kPlaceDepth, in text order
};

// How deep member places are recorded. An invocation needs 2 (/CloudWatchOutputConfig/...); a
// fleet page needs 5 (/CommandInvocations/7/CommandPlugins/0/Output). Deeper members are read
// but not placed: their diagnostics point at the nearest placed parent.
constexpr int kPlaceDepth = 5;
// And how many: a fleet of 10,000 invocations with details has about 300,000 members. Past this
// bound (a hostile `[{"a":1},...]` of 32 MB would hold millions) members are read but not placed.
constexpr std::size_t kMaxPlacedMembers = 400000;

JsonRead read_json(std::string_view text, std::size_t begin, DiagnosticSink& sink);

// True, with the object in `out`, when `body` is at most `max_bytes` long and holds a JSON object
// after optional whitespace. Text after the object is not looked at, and the reader's warnings
// (invalid UTF-8 repaired) are dropped: callers only need the members, not a report. False for
// anything else; `out` is then untouched.
bool read_json_object(std::string_view body, std::size_t max_bytes, Json& out);

// JSON pointer escaping of one reference token (~ -> ~0, / -> ~1).
std::string json_pointer_token(std::string_view key);
void        append_json_pointer_token(std::string& out, std::string_view key);  // the same, onto `out`

}  // namespace ssmview

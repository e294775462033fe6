// core/json_reader.h: strict JSON with positions, for diagnostics a person can act on.
//
// Index
//   MemberPlace     where a member's key and value stand in the text
//   PathArena       the places' paths, kept in blocks
//   JsonRead        the value, where it ended, and the places of members (kPlaceDepth deep)
//   ListStream      a top-level list handed over element by element as it is read (fleet pages)
//   PageSource      the pages of a paste, one after another (JSON here, YAML in yaml_reader.h)
//   ObjectMembers   an object's members gathered, duplicates found, moved in once (both readers)
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
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "invocation.h"

namespace ssmview {

struct MemberPlace {
    std::string_view path;     // JSON pointer, e.g. "/Status", "/CloudWatchOutputConfig/CloudWatchOutputEnabled"
    std::size_t key_offset;    // the opening quote of the key (an array element: its value)
    std::size_t value_offset;  // the first character of the value
};

// Where the places' paths are kept: copied into blocks that never move, so a place's `path` stays
// valid as long as the arena (a JsonRead moved keeps its blocks). One allocation per 64 KiB of
// paths instead of one per place: a fleet of 10,000 invocations has 340,000 places.
class PathArena {
public:
    struct Mark { std::size_t block = 0, used = 0; };
    std::string_view keep(std::string_view path);
    Mark mark() const { return {block_, used_}; }
    void release(Mark m) { block_ = m.block; used_ = m.used; }  // what was kept after `m` is forgotten, its memory reused
private:
    static constexpr std::size_t kBlockBytes = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::size_t>             sizes_;  // of each block (a path longer than kBlockBytes gets its own)
    std::size_t                          block_ = 0, used_ = 0;
};

struct JsonRead {
    bool                     ok = false;
    Json                     value;
    std::size_t              end = 0;  // one past the value's last character
    PathArena                paths;    // the places' paths
    std::vector<MemberPlace> places;   // members and array elements at depth 1 to kPlaceDepth, in text order
};                                     // (a failed read: `value` null, no places)

// Some of the places, in text order. `unique`: no two have the same path (the value they come
// from has no key given twice), so a lookup may stop at the first match.
struct PlaceSpan {
    const MemberPlace* first = nullptr;
    std::size_t        count = 0;
    bool               unique = false;
};

// How deep member places are recorded. An invocation needs 2 (/CloudWatchOutputConfig/...); a
// fleet page needs 5 (/CommandInvocations/7/CommandPlugins/0/Output). Deeper members are read
// but not placed: their diagnostics point at the nearest placed parent.
constexpr int kPlaceDepth = 5;
// And how many: a fleet of 10,000 invocations with details has about 300,000 members. Past this
// bound (a hostile `[{"a":1},...]` of 32 MB would hold millions) members are read but not placed.
constexpr std::size_t kMaxPlacedMembers = 400000;

// A list of the top-level object read one element at a time. A fleet page of 10,000 invocations
// holds 340,000 members: kept as one DOM and one index of places, building, searching and freeing
// them was most of reading the page (bench/README.md, input (c)). Streamed, each element is read,
// handed over with the places of its own members, and freed, so only one element's DOM and
// places are alive at a time.
//
// For a member of the top-level object whose value is an array, read_json asks wants() with the
// member's pointer ("/CommandInvocations"). When it says yes, every element goes to element() as
// soon as it is read, with its pointer ("/CommandInvocations/7") and its places (its own first,
// then its members' in text order; at most kPlaceDepth deep from the root, like all places;
// `count` >= 1).
// The element is not kept: in the JsonRead the array is empty, and its elements' places are not
// in `places`. The array's own place is. A key given twice asks wants() twice.
struct ListStream {
    virtual bool wants(std::string_view list_path) = 0;
    virtual void element(const std::string& path, Json& value, PlaceSpan places) = 0;
protected:
    ~ListStream() = default;
};

// The documents of a paste, one after another: read_fleet takes a fleet's pages from one. JSON
// pages follow each other after white space or a line of other text (fleet_reader.h JsonPages);
// a yaml-stream's pages are the elements of its list (yaml_reader.h YamlPages).
struct PageSource {
    // The next page into `page`, read with the source's ListStream, and the offset of its first
    // character; false when there is none. A page that broke off has `ok` false and is the last.
    virtual bool next(JsonRead& page, std::size_t& begin) = 0;
protected:
    ~PageSource() = default;
};

// The members of one object while a reader gathers them, then moved into the Json object at its
// exact size when the gathering ends, on every way out (an error's too, so the members read so far
// stay in the value). Why not insert into the object as it goes: ordered_json holds pairs with a
// const key, which cannot be moved, so growing it copied every member read so far, outputs
// included, and its insert searches the keys one by one. A key given twice keeps its first place
// and takes the last value, as the AWS SDKs and JSON.parse do. The readers keep one Gathered per
// depth, reused from object to object (no allocation per object).
using Gathered = std::vector<std::pair<std::string, Json>>;
class ObjectMembers {
public:
    ObjectMembers(Gathered& storage, Json& object);  // `object` becomes an empty object
    ~ObjectMembers();
    ObjectMembers(const ObjectMembers&) = delete;
    ObjectMembers& operator=(const ObjectMembers&) = delete;
    // Adds key: value, moving both; false when the key was given before: its value is replaced,
    // and `key` is left as it was (for the finding that says so).
    bool add(std::string& key, Json& value);
private:
    Gathered&                                    members_;
    Json&                                        object_;
    std::unordered_map<std::string, std::size_t> index_;  // key -> position, built past a few members
};

// `lists` may be nullptr: nothing is streamed.
JsonRead read_json(std::string_view text, std::size_t begin, DiagnosticSink& sink, ListStream* lists = nullptr);

// True, with the object in `out`, when `body` is at most `max_bytes` long and holds a JSON object
// after optional whitespace. Text after the object is not looked at, and the reader's warnings
// (invalid UTF-8 repaired) are dropped: callers only need the members, not a report. False for
// anything else; `out` is then untouched.
bool read_json_object(std::string_view body, std::size_t max_bytes, Json& out);

// JSON pointer escaping of one reference token (~ -> ~0, / -> ~1).
std::string json_pointer_token(std::string_view key);
void        append_json_pointer_token(std::string& out, std::string_view key);  // the same, onto `out`

}  // namespace ssmview

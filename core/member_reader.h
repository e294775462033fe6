// core/member_reader.h: JSON members onto model Fields, with a placed diagnostic for each problem.
//
// Index
//   json_type_name   "a string", "an integer", ... for messages
//   Places           JSON pointer -> where the member stood (nearest placed parent for deeper ones)
//   MemberReader     take_string / take_bool / take_int32 / take_timestamp: type check, then fill
//                    a Field; unknown_member; check_shape for structures shown as given
//   MemberKind, ShapeMember, Shape   a structure of the API model, as a table check_shape walks
//
// Shared by invocation_reader.cpp (one invocation) and fleet_reader.cpp (commands, invocations,
// plugins), so a wrong type, an integer beyond the model's 32 bits or an unknown member is said
// the same way wherever it stands. Strings are moved out of the JSON: the caller's JSON is spent.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <functional>
#include <vector>

#include "diagnostic.h"
#include "invocation.h"
#include "iso_time.h"
#include "json_reader.h"

namespace ssmview {

const char* json_type_name(const Json& v);

// Indexed once: every member looks its place up, and a scan per lookup made an object with
// 80,000 members take 15 s (tests/core/bad_input_test.cpp pins the linear time).
// An open-addressing table of (hash, place) in one allocation: a fleet of 10,000 invocations has
// 340,000 places, and a node per entry made building and freeing the index a quarter of reading
// the fleet (bench/README.md, input (c)).
// A streamed list element's few places (json_reader.h ListStream; about 35 for an invocation) are
// not indexed: they are in text order, and the readers ask in text order, so a scan from where
// the last lookup matched finds each one at once, with no hashing. Only when their paths are
// unique: with a key given twice, the table keeps the last one, as the JSON reader does.
struct Places {
    struct Slot {
        std::size_t        hash = 0;
        const MemberPlace* place = nullptr;  // nullptr: empty
    };
    static constexpr std::size_t kMaxScanned = 64;
    std::vector<Slot> slots;   // a power of two, at most half full; empty when `scanned` is used
    PlaceSpan         scanned;  // a small span with unique paths, searched from `cursor`
    mutable std::size_t cursor = 0;
    std::size_t fallback = 0;
    Places() = default;
    Places(const std::vector<MemberPlace>& all, std::size_t fallback_offset) {
        assign(PlaceSpan{all.data(), all.size(), false}, fallback_offset);
    }
    // Indexes (or keeps for scanning) the places of `span`, which must outlive the lookups, reusing
    // the table's memory: a streamed list hands each element's places in turn.
    void assign(PlaceSpan span, std::size_t fallback_offset);
    const MemberPlace* find(std::string_view path) const;  // exact, or the nearest placed parent
    std::size_t value(std::string_view path) const;
    std::size_t key(std::string_view path) const;

private:
    const MemberPlace* exact(std::string_view path) const;
};

enum class MemberKind { String, Integer, Boolean, Timestamp, StringList, Structure, StructureList, StringListMap };
struct Shape;
struct ShapeMember {
    const char*  name;
    MemberKind   kind;
    const Shape* shape = nullptr;  // Structure, StructureList
};
struct Shape {
    const char*        name;  // the model's shape name, for "is not a member of X"
    const ShapeMember* members;
    std::size_t        count;
    const ShapeMember* find(std::string_view key) const;
};

struct MemberReader {
    const Places&   places;
    DiagnosticSink& sink;

    void wrong_type(const std::string& path, const char* name, const char* expected, const Json& v);
    void unknown_member(const std::string& path, const std::string& key, const char* shape);
    void take_string(const std::string& path, const char* name, Json& v, Field<std::string>& f);
    void take_bool(const std::string& path, const char* name, const Json& v, Field<bool>& f);
    void take_int32(const std::string& path, const char* name, const Json& v, Field<std::int64_t>& f);
    // The CLI prints the list APIs' timestamps as ISO-8601 in the local zone
    // ("2024-05-01T08:34:56.789000-04:00"); SDKs dump them as strings too, and the wire sends
    // epoch seconds (1714566896.789). All three are read; anything else is time.invalid.
    void take_timestamp(const std::string& path, const char* name, const Json& v, Timestamp& t);
    // Type-checks every member of a structure the report shows as given (recursively), with
    // model.wrong_type and model.unknown_member; true when `v` had the right type at the top.
    bool check(const std::string& path, const char* name, const ShapeMember& spec, const Json& v);

private:
    std::string number_as_written(std::size_t offset, const Json& v) const;
};

}  // namespace ssmview

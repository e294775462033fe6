// fuzz/fuzz_json_reader.cpp: the strict JSON reader alone, against nlohmann::json as a referee.
//
// Index
//   check_places             member and element places lie inside the value and point at a key and a value
//   check_against_nlohmann   differential: both accept the same documents and read the same value
//   check_streamed           differential: the same read with every top-level list streamed
//                            (ListStream) hands over what the whole read keeps
//   LLVMFuzzerTestOneInput   read_json(bytes, 0) -> the checks
//
// Call flow: the whole input is handed to read_json at offset 0, as analyze() hands it the span
// locate_json found. Then:
//   outcome      ok <=> no error finding; a failure leaves exactly one error (the first wins)
//   findings     every code in the catalogue, placed where a walk of the text says (report_checks)
//   places       within [0, end), key at a '"' and value after it (an element: both at the value),
//                paths 1 to kPlaceDepth levels deep
//   nlohmann     nlohmann::ordered_json (3.11, the library the reader builds values with) is the
//                referee: where the reader read cleanly (no repair, no duplicate key) nlohmann
//                must parse the same span to an equal value; where nlohmann accepts the whole
//                text, the reader must accept it too, with only white space after the value,
//                unless it refused for a documented bound (json.too_deep, json.number_out_of_range).
//                Texts with a NUL byte or a leading BOM are not compared this way: nlohmann ends
//                the input at a NUL and skips a BOM (analyze() strips it before reading).
//   streamed     read_json again with a ListStream taking every top-level array: the same outcome,
//                end and findings; the value equal once each list is filled with the elements of
//                its last occurrence; the page's places and the elements' together equal the whole
//                read's; within an element said to be unique no path repeats. Places are in text
//                order in both reads.
// Seeds: fuzz/corpus/fuzz_json_reader (the AWS CLI's JSON and hand-written edge cases);
// dictionary: fuzz/dict/json.dict (JSON grammar, escapes, GetCommandInvocation's vocabulary).
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <string_view>

#include "check.h"
#include "diagnostic.h"
#include "json_reader.h"
#include "report_checks.h"

namespace {

using ssmview::Diagnostic;
using ssmview::Json;
using ssmview::JsonRead;

bool has_code(const std::vector<Diagnostic>& ds, std::string_view code) {
    for (const auto& d : ds)
        if (d.code == code) return true;
    return false;
}

void check_places(std::string_view text, const JsonRead& read) {
    const std::size_t limit = read.end;  // a failed read keeps no places
    for (const auto& p : read.places) {
        const std::string where = std::string(p.path) + " key@" + std::to_string(p.key_offset) + " value@" + std::to_string(p.value_offset);
        // A member's key comes before its value; an array element has no key, so both are its value's.
        const bool element = p.key_offset == p.value_offset;
        FUZZ_CHECK(p.key_offset <= p.value_offset && p.value_offset < limit, "place outside the value: " + where);
        FUZZ_CHECK(element || text[p.key_offset] == '"', "a key place not at a quote: " + where);
        FUZZ_CHECK(std::string_view("{[\"-0123456789tfn").find(text[p.value_offset]) != std::string_view::npos,
                   "a value place not at a value's first character: " + where);
        std::size_t slashes = 0;
        for (char c : p.path) slashes += c == '/';
        FUZZ_CHECK(!p.path.empty() && p.path[0] == '/' && slashes >= 1 && slashes <= static_cast<std::size_t>(ssmview::kPlaceDepth),
                   "a place's path is not 1 to kPlaceDepth deep: " + where);
    }
}

bool only_white_space(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    return true;
}

void check_against_nlohmann(std::string_view text, const JsonRead& read, const std::vector<Diagnostic>& findings) {
    // Reader -> referee: a clean read is plain RFC 8259 JSON nlohmann reads to the same value.
    const bool repaired = has_code(findings, "json.invalid_utf8") || has_code(findings, "json.lone_surrogate") ||
                          has_code(findings, "json.duplicate_key");
    if (read.ok && !repaired) {
        const Json ref = Json::parse(text.substr(0, read.end), nullptr, /*allow_exceptions=*/false);
        FUZZ_CHECK(!ref.is_discarded(), "the reader accepted what nlohmann refuses: " + std::string(text.substr(0, read.end)));
        FUZZ_CHECK(ref == read.value, "the reader and nlohmann read different values:\n     reader   " +
                                          read.value.dump(-1, ' ', false, Json::error_handler_t::replace) +
                                          "\n     nlohmann " + ref.dump(-1, ' ', false, Json::error_handler_t::replace));
    }
    // Referee -> reader: what nlohmann accepts as a whole document, the reader accepts.
    // nlohmann's lexer takes a NUL byte for the end of the input ("3\0junk" is accepted), and it
    // skips a BOM, which locate_json strips before the reader runs: neither says anything here.
    if (text.find('\0') != std::string_view::npos || text.substr(0, 3) == "\xEF\xBB\xBF") return;
    if (!Json::accept(text)) return;
    if (has_code(findings, "json.too_deep") || has_code(findings, "json.number_out_of_range")) return;
    std::string why;
    for (const auto& d : findings) why += " " + d.code + ": " + d.message;
    FUZZ_CHECK(read.ok, "nlohmann accepts a document the reader refuses:" + why);
    FUZZ_CHECK(only_white_space(text.substr(read.end)), "the reader stopped before the end of a whole document at " +
                                                             std::to_string(read.end));
}

using Place = std::tuple<std::string, std::size_t, std::size_t>;  // a MemberPlace, owning its path

std::vector<Place> owned(const ssmview::MemberPlace* first, std::size_t count) {
    std::vector<Place> out;
    for (const ssmview::MemberPlace* p = first; p != first + count; ++p) out.emplace_back(std::string(p->path), p->key_offset, p->value_offset);
    return out;
}

void check_text_order(const std::vector<ssmview::MemberPlace>& places, const char* which) {
    for (std::size_t i = 1; i < places.size(); ++i)
        FUZZ_CHECK(places[i - 1].key_offset < places[i].key_offset, std::string(which) + " places out of text order at " +
                                                                        std::string(places[i].path));
}

// Takes every top-level list; keeps the elements of each list's last occurrence, every place.
struct TakeEveryList final : ssmview::ListStream {
    std::map<std::string, std::vector<Json>> lists;
    std::string                              current;
    std::vector<Place>                       places;
    bool wants(std::string_view list_path) override {
        current = std::string(list_path);
        lists[current].clear();  // a key given twice: the last list is the one in force
        return true;
    }
    void element(const std::string& path, Json& value, ssmview::PlaceSpan span) override {
        FUZZ_CHECK(span.count >= 1 && span.first->path == path, "an element's own place is not first: " + path);
        FUZZ_CHECK(path.rfind(current + "/", 0) == 0, "element " + path + " handed over as part of " + current);
        std::vector<Place> mine = owned(span.first, span.count);
        if (span.unique) {
            std::vector<std::string> paths;
            for (const Place& p : mine) paths.push_back(std::get<0>(p));
            std::sort(paths.begin(), paths.end());
            FUZZ_CHECK(std::adjacent_find(paths.begin(), paths.end()) == paths.end(), "a path repeats in a unique span under " + path);
        }
        places.insert(places.end(), mine.begin(), mine.end());
        lists[current].push_back(value);
    }
};

void check_streamed(std::string_view text, const JsonRead& whole, const std::vector<Diagnostic>& whole_findings) {
    ssmview::DiagnosticSink sink(text);
    TakeEveryList stream;
    const JsonRead streamed = ssmview::read_json(text, 0, sink, &stream);
    const std::vector<Diagnostic> findings = sink.take();
    FUZZ_CHECK(streamed.ok == whole.ok && streamed.end == whole.end, "streaming changed the outcome or the end");
    FUZZ_CHECK(findings.size() == whole_findings.size(), "streaming changed the findings' number");
    for (std::size_t i = 0; i < findings.size() && i < whole_findings.size(); ++i)
        FUZZ_CHECK(findings[i].code == whole_findings[i].code && findings[i].message == whole_findings[i].message &&
                       findings[i].line == whole_findings[i].line && findings[i].column == whole_findings[i].column,
                   "streaming changed finding " + std::to_string(i) + ": " + findings[i].code);
    check_text_order(streamed.places, "streamed");
    if (!whole.ok) return;
    Json filled = streamed.value;
    for (auto& [path, elements] : stream.lists) {
        const Json::json_pointer pointer(path);  // the list's member, by its pointer
        FUZZ_CHECK(filled.is_object() && filled.contains(pointer), "a streamed list's member is gone: " + path);
        if (!filled.is_object() || !filled.contains(pointer)) continue;
        // A key given again with a value that is no list replaced the list: nothing to fill.
        if (!filled[pointer].is_array()) continue;
        FUZZ_CHECK(filled[pointer].empty(), "a streamed list is not left empty in the value: " + path);
        filled[pointer] = Json(elements);
    }
    FUZZ_CHECK(filled == whole.value, "the streamed read and the whole read give different values");
    // The whole read stops placing at kMaxPlacedMembers; a streamed element is always placed.
    if (whole.places.size() >= ssmview::kMaxPlacedMembers) return;
    std::vector<Place> together = owned(streamed.places.data(), streamed.places.size());
    together.insert(together.end(), stream.places.begin(), stream.places.end());
    std::vector<Place> expected = owned(whole.places.data(), whole.places.size());
    std::sort(together.begin(), together.end());
    std::sort(expected.begin(), expected.end());
    FUZZ_CHECK(together == expected, "the streamed places differ from the whole read's");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ssmview::DiagnosticSink sink(text);
    const JsonRead read = ssmview::read_json(text, 0, sink);
    const std::vector<Diagnostic> findings = sink.take();

    int errors = 0;
    for (const auto& d : findings) errors += d.severity == ssmview::Severity::Error;
    FUZZ_CHECK(read.ok ? errors == 0 : errors == 1,
               "ok=" + std::to_string(read.ok) + " with " + std::to_string(errors) + " error finding(s)");
    FUZZ_CHECK(read.end <= text.size(), "end " + std::to_string(read.end) + " past the text");
    FUZZ_CHECK(!read.ok || read.end > 0, "an empty value read as ok");
    FUZZ_CHECK(read.ok || (read.value.is_null() && read.places.empty()), "a failed read kept a value or places");
    ssmview_fuzz::check_diagnostics(text, findings);
    check_places(text, read);
    check_text_order(read.places, "whole");
    check_against_nlohmann(text, read, findings);
    check_streamed(text, read, findings);
    return 0;
}

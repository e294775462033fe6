// tests/core/json_reader_test.cpp: strict JSON, and where it broke, in words.
#include <catch2/catch.hpp>

#include <algorithm>

#include "json_reader.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

namespace {
// By value: callers pass temporaries.
Diagnostic only_error(const Report& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == Severity::Error) return d;
    return Diagnostic{};
}
}  // namespace

TEST_CASE("a syntax error is placed at its line and column", "[json]") {
    const Report r = analyze("{\n    \"Status\": \"Success\"\n    \"StatusDetails\": \"Success\"\n}");
    const Diagnostic d = only_error(r);
    CHECK(d.code == "json.syntax");
    CHECK(d.line == 3);
    CHECK(d.column == 5);
    CHECK(d.message.find("',' or '}'") != std::string::npos);
}

TEST_CASE("columns count characters, not bytes", "[json]") {
    const Report r = analyze("{\"Comment\": \"Ωμέγα\" x}");
    const Diagnostic d = only_error(r);
    CHECK(d.line == 1);
    CHECK(d.column == 21);
}

TEST_CASE("JSON cut off half-way says where the open string, object or array began", "[json]") {
    const std::string full = analyze("{}").valid() ? read_fixture("aws-cli/success.json") : "";
    for (std::size_t cut : {full.size() / 2, full.size() - 3, std::size_t(1), std::size_t(20)}) {
        INFO("cut at " << cut);
        const Report r = analyze(full.substr(0, cut));
        CHECK_FALSE(r.valid());
        CHECK(only_error(r).code == "json.truncated");
        CHECK(only_error(r).message.find("cut off") != std::string::npos);
    }
    CHECK(only_error(analyze("{\"Status\": \"Succ")).message.find("inside the string that starts at line 1, column 12") !=
          std::string::npos);
}

TEST_CASE("a word cut off at the end is truncation; a misspelled one is a syntax error", "[json]") {
    for (const char* cut : {"t", "tr", "tru", "f", "fal", "fals", "n", "nul"}) {
        INFO(cut);
        const Diagnostic d = only_error(analyze(std::string("{\"Flag\": ") + cut));
        CHECK(d.code == "json.truncated");
        CHECK(d.line == 1);
    }
    CHECK(only_error(analyze("{\"Flag\": fals")).message == "The JSON ends inside the word false: the text was cut off.");
    const Diagnostic misspelled = only_error(analyze("{\"Flag\": flase}"));
    CHECK(misspelled.code == "json.syntax");
    CHECK(misspelled.message == "A value is expected here, found 'f'.");
}

TEST_CASE("trailing commas, single quotes and comments are named", "[json]") {
    CHECK(only_error(analyze("{\"a\": 1,}")).message.find("trailing comma") != std::string::npos);
    CHECK(only_error(analyze("[1,]")).message.find("trailing comma") != std::string::npos);
    CHECK(only_error(analyze("{'a': 1}")).message.find("double quotes") != std::string::npos);
    CHECK(only_error(analyze("{\"a\": 'x'}")).message.find("double quotes") != std::string::npos);
    CHECK(only_error(analyze("{\"a\": // c\n 1}")).message.find("no comments") != std::string::npos);
}

TEST_CASE("NaN and Infinity are refused with their own code", "[json]") {
    for (const char* text : {"{\"ResponseCode\": NaN}", "{\"ResponseCode\": Infinity}", "{\"ResponseCode\": -Infinity}"}) {
        INFO(text);
        const Diagnostic d = only_error(analyze(text));
        CHECK(d.code == "json.non_standard_literal");
        CHECK(d.column == 18);
    }
}

TEST_CASE("numbers beyond a double's range are refused; large integers become doubles", "[json]") {
    CHECK(only_error(analyze("{\"x\": 1e400}")).code == "json.number_out_of_range");
    CHECK(only_error(analyze("{\"x\": -1e999}")).code == "json.number_out_of_range");
    const Report big = analyze(invocation_with("\"Extra\": 123456789012345678901234567890"));
    CHECK(big.valid());
    CHECK(only_error(analyze("{\"x\": 012}")).message.find("leading zeros") != std::string::npos);
    CHECK(only_error(analyze("{\"x\": 1.}")).code == "json.syntax");
    CHECK(only_error(analyze("{\"x\": -}")).code == "json.syntax");
}

TEST_CASE("unescaped control characters and bad escapes are errors", "[json]") {
    CHECK(only_error(analyze("{\"a\": \"x\ty\"}")).code == "json.control_character");
    CHECK(only_error(analyze("{\"a\": \"\\x41\"}")).code == "json.bad_escape");
    CHECK(only_error(analyze("{\"a\": \"\\u12G4\"}")).code == "json.bad_escape");
}

TEST_CASE("a bad escape quotes the whole character after the backslash, or names the byte", "[json]") {
    // Found by fuzz_analyze: "\\é" was quoted as a backslash and half of "é", which is not UTF-8.
    const std::string tail = " is not a JSON escape (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).";
    CHECK(only_error(analyze("{\"a\": \"\\\xC3\xA9\"}")).message == "\\\xC3\xA9" + tail);
    CHECK(only_error(analyze("{\"a\": \"\\\xF0\x9F\x9A\x80\"}")).message == "\\\xF0\x9F\x9A\x80" + tail);
    CHECK(only_error(analyze("{\"a\": \"\\\xFF\"}")).message == "\\ followed by byte 0xFF" + tail);
    CHECK(only_error(analyze("{\"a\": \"\\\xC3(\"}")).message == "\\ followed by byte 0xC3" + tail);
    CHECK(only_error(analyze("{\"a\": \"\\\t\"}")).message == "\\ followed by byte 0x09" + tail);
    CHECK(only_error(analyze("{\"a\": \"\\x41\"}")).message == "\\x" + tail);
}

TEST_CASE("escapes decode, surrogate pairs join, lone surrogates become U+FFFD with a warning", "[json]") {
    const Report r = analyze(invocation_with("\"StandardOutputContent\": \"\\u001b[31mred\\u001b[0m \\ud83d\\ude80 \\u00e9\\n\""));
    REQUIRE(r.valid());
    CHECK(r.invocation.standard_output_content.value == "\x1b[31mred\x1b[0m \xF0\x9F\x9A\x80 \xC3\xA9\n");
    const Report lone = analyze(invocation_with("\"Comment\": \"a\\ud800b\\udc00\""));
    CHECK(lone.valid());
    CHECK(lone.invocation.comment.value == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK(has_code(lone, "json.lone_surrogate"));
}

TEST_CASE("invalid UTF-8 inside strings is repaired to U+FFFD and reported once with a count", "[json]") {
    const Report r = analyze(invocation_with("\"StandardOutputContent\": \"ok \xC3\x28 \xFF\xFE \xED\xA0\x80 end\""));
    CHECK(r.valid());
    const Diagnostic* d = first_with(r, "json.invalid_utf8");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->message.rfind("6 byte(s)", 0) == 0);
    CHECK(r.invocation.standard_output_content.value.find("\xEF\xBF\xBD") != std::string::npos);
    // The repaired text is valid UTF-8: the share link JSON dumps it without replacement.
    CHECK(invocation_to_json(r.invocation).dump().size() > 0);
}

TEST_CASE("duplicate keys keep the last value and warn at the second key", "[json]") {
    const Report r = analyze("{\n  \"Status\": \"Pending\",\n  \"Status\": \"Success\"\n}");
    CHECK(r.valid());
    CHECK(r.invocation.status.value == "Success");
    const Diagnostic* d = first_with(r, "json.duplicate_key");
    REQUIRE(d);
    CHECK(d->line == 3);
    CHECK(d->column == 3);
    CHECK(d->path == "/Status");
}

TEST_CASE("nesting is bounded: 100,000 nested arrays are refused quickly, without a crash", "[json]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const Report r = analyze(deep);
    CHECK(only_error(r).code == "json.too_deep");
    CHECK(only_error(r).column == kMaxJsonDepth + 1);
    const std::string ok_depth = std::string(100, '[') + std::string(100, ']');
    CHECK(codes(analyze(ok_depth)) == std::vector<std::string>{"model.not_object"});
}

TEST_CASE("a JSON value that is not an object is named", "[json]") {
    CHECK(only_error(analyze("[1, 2]")).code == "model.not_object");
    CHECK(only_error(analyze("\"Success\"")).message.find("a string") != std::string::npos);
    CHECK(only_error(analyze("42")).code == "model.not_object");
    CHECK(only_error(analyze("null")).code == "model.not_object");
}

TEST_CASE("member order is kept as given", "[json]") {
    const Report r = analyze("{\"Zeta\": 1, \"Status\": \"Success\", \"Alpha\": 2}");
    REQUIRE(r.invocation.unknown.size() == 2);
    CHECK(r.invocation.unknown[0].first == "Zeta");
    CHECK(r.invocation.unknown[1].first == "Alpha");
}

TEST_CASE("read_json_object: a network body's one object after whitespace, bounded, else false", "[json]") {
    Json out;
    REQUIRE(read_json_object(" \r\n\t{\"a\": 1}", 64, out));
    CHECK(out == Json{{"a", 1}});
    // What follows the object is not read (the answers' readers only need its members).
    REQUIRE(read_json_object("{\"b\": 2} trailing", 64, out));
    CHECK(out == Json{{"b", 2}});
    // Every refusal leaves `out` as it was.
    for (const char* body : {"", "   ", "[1]", "\"{}\"", "null", "{\"a\": ", "x{}"}) {
        INFO(body);
        CHECK_FALSE(read_json_object(body, 64, out));
        CHECK(out == Json{{"b", 2}});
    }
    const std::string at_bound = "{\"c\": \"" + std::string(55, 'x') + "\"}";
    REQUIRE(at_bound.size() == 64);
    CHECK(read_json_object(at_bound, 64, out));
    CHECK_FALSE(read_json_object(at_bound, 63, out));
}

TEST_CASE("members and array elements are placed down to kPlaceDepth, and no deeper", "[json]") {
    const std::string text = R"({"a": [ {"b": [1, {"c": [true]}]} ]})";
    DiagnosticSink sink(text);
    const JsonRead read = read_json(text, 0, sink);
    REQUIRE(read.ok);
    auto place = [&](const std::string& path) -> const MemberPlace* {
        for (const MemberPlace& p : read.places)
            if (p.path == path) return &p;
        return nullptr;
    };
    REQUIRE(place("/a"));
    CHECK(text[place("/a")->key_offset] == '"');
    CHECK(text[place("/a")->value_offset] == '[');
    REQUIRE(place("/a/0"));  // an element: no key, both offsets at its value
    CHECK(place("/a/0")->key_offset == place("/a/0")->value_offset);
    CHECK(text[place("/a/0")->value_offset] == '{');
    REQUIRE(place("/a/0/b/1/c"));  // depth 5: the deepest placed
    CHECK(text[place("/a/0/b/1/c")->value_offset] == '[');
    CHECK_FALSE(place("/a/0/b/1/c/0"));  // depth 6: read, not placed
    REQUIRE(kPlaceDepth == 5);
}

namespace {
struct OwnedPlace {
    std::string path;
    std::size_t key_offset, value_offset;
};
std::vector<OwnedPlace> owned(const std::vector<MemberPlace>& places) {
    std::vector<OwnedPlace> out;
    for (const MemberPlace& p : places) out.push_back({std::string(p.path), p.key_offset, p.value_offset});
    return out;
}

// Takes the elements of the lists named in `names`, as a fleet page's reader does, keeping copies.
struct CollectingStream final : ListStream {
    std::vector<std::string>       names;
    std::vector<std::string>       asked;     // every wants() question, in order
    std::vector<std::string>       paths;     // each element's pointer
    std::vector<Json>              elements;
    std::vector<OwnedPlace>        places;    // all elements' places, in the order handed over (copied:
                                              // an element's paths live only while it is handed over)
    bool wants(std::string_view list_path) override {
        asked.emplace_back(list_path);
        return std::find(names.begin(), names.end(), list_path) != names.end();
    }
    std::vector<bool>              unique;    // each element's PlaceSpan::unique
    void element(const std::string& path, Json& value, PlaceSpan span) override {
        REQUIRE(span.count >= 1);
        CHECK(span.first->path == path);  // its own place first
        paths.push_back(path);
        elements.push_back(value);
        unique.push_back(span.unique);
        for (const MemberPlace* p = span.first; p != span.first + span.count; ++p)
            places.push_back({std::string(p->path), p->key_offset, p->value_offset});
    }
};

// The same text read whole, and again with `lists` streamed.
struct TwoReads {
    JsonRead                whole, streamed;
    CollectingStream        stream;
    std::vector<Diagnostic> whole_findings, streamed_findings;
};
TwoReads read_both(const std::string& text, std::vector<std::string> lists) {
    TwoReads r;
    DiagnosticSink whole_sink(text), streamed_sink(text);
    r.whole = read_json(text, 0, whole_sink);
    r.stream.names = std::move(lists);
    r.streamed = read_json(text, 0, streamed_sink, &r.stream);
    r.whole_findings = whole_sink.take();
    r.streamed_findings = streamed_sink.take();
    return r;
}

bool same_places(std::vector<OwnedPlace> a, std::vector<OwnedPlace> b) {
    const auto by_path = [](const OwnedPlace& x, const OwnedPlace& y) { return x.path < y.path; };
    std::sort(a.begin(), a.end(), by_path);
    std::sort(b.begin(), b.end(), by_path);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].path != b[i].path || a[i].key_offset != b[i].key_offset || a[i].value_offset != b[i].value_offset) return false;
    return true;
}
}  // namespace

TEST_CASE("a streamed list hands over what a whole read keeps: the same elements, at the same places", "[json]") {
    const std::string text = R"({"Before": [0], "CommandInvocations": [
        {"InstanceId": "i-1", "CommandPlugins": [{"Name": "a", "Output": "x"}]},
        7,
        {"InstanceId": "i-2", "Deep": {"b": {"c": {"d": [1]}}}}
    ], "NextToken": "t"})";
    const TwoReads r = read_both(text, {"/CommandInvocations"});
    const JsonRead &whole = r.whole, &streamed = r.streamed;
    const CollectingStream& stream = r.stream;
    REQUIRE(whole.ok);
    REQUIRE(streamed.ok);
    CHECK(streamed.end == whole.end);

    // Only the top-level object's arrays are offered, each by its pointer.
    CHECK(stream.asked == std::vector<std::string>{"/Before", "/CommandInvocations"});
    CHECK(stream.paths == std::vector<std::string>{"/CommandInvocations/0", "/CommandInvocations/1", "/CommandInvocations/2"});
    REQUIRE(stream.elements.size() == 3);
    CHECK(Json(stream.elements) == whole.value["CommandInvocations"]);

    // The page keeps an empty list, and everything else as a whole read has it.
    Json rest = whole.value;
    rest["CommandInvocations"] = Json::array();
    CHECK(streamed.value == rest);

    // Places: the streamed elements' and the page's together are the whole read's.
    std::vector<OwnedPlace> together = owned(streamed.places);
    together.insert(together.end(), stream.places.begin(), stream.places.end());
    CHECK(same_places(together, owned(whole.places)));
    for (const MemberPlace& p : streamed.places) CHECK(p.path.rfind("/CommandInvocations/", 0) != 0);
}

TEST_CASE("a list given twice is streamed twice; nested and non-array members are not offered", "[json]") {
    const std::string text = R"({"Commands": [{"a": 1}], "Other": {"Commands": [2]}, "Commands": "no", "Commands": [{"b": 2}]})";
    DiagnosticSink sink(text);
    CollectingStream stream;
    stream.names = {"/Commands"};
    const JsonRead read = read_json(text, 0, sink, &stream);
    REQUIRE(read.ok);
    CHECK(stream.asked == std::vector<std::string>{"/Commands", "/Commands"});  // not "/Other/Commands", not the string
    CHECK(stream.paths == std::vector<std::string>{"/Commands/0", "/Commands/0"});
    CHECK(read.value["Commands"] == Json::array());  // the last value, streamed
    CHECK(read.value["Other"]["Commands"] == Json::array({2}));
}

TEST_CASE("a streamed list cut off stops the read with the same error as a whole read", "[json]") {
    const std::string text = "{\"CommandInvocations\": [{\"InstanceId\": \"i-1\"}, {\"InstanceId\": \"i-";
    const TwoReads r = read_both(text, {"/CommandInvocations"});
    CHECK_FALSE(r.whole.ok);
    CHECK_FALSE(r.streamed.ok);
    const std::vector<Diagnostic>& a = r.whole_findings;
    const std::vector<Diagnostic>& b = r.streamed_findings;
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(b[0].code == "json.truncated");
    CHECK(b[0].message == a[0].message);
    CHECK(r.stream.paths == std::vector<std::string>{"/CommandInvocations/0"});  // the complete one only
}

TEST_CASE("places are in text order, and a streamed element's are unique unless a key is given twice", "[json]") {
    const std::string text = R"({"A": {"x": [1, {"y": 2}]}, "CommandInvocations": [{"a": 1, "b": {"c": 2}}, {"a": 1, "a": 2}], "Z": 0})";
    DiagnosticSink whole_sink(text);
    const JsonRead whole = read_json(text, 0, whole_sink);
    REQUIRE(whole.ok);
    REQUIRE(whole.places.size() == 14);
    for (std::size_t i = 1; i < whole.places.size(); ++i) CHECK(whole.places[i - 1].key_offset < whole.places[i].key_offset);

    DiagnosticSink sink(text);
    CollectingStream stream;
    stream.names = {"/CommandInvocations"};
    REQUIRE(read_json(text, 0, sink, &stream).ok);
    CHECK(stream.unique == std::vector<bool>{true, false});
}

TEST_CASE("the path arena keeps every path intact across blocks, long ones included, and reuses what is released", "[json]") {
    PathArena arena;
    std::vector<std::pair<std::string, std::string_view>> kept;
    for (int i = 0; i < 5000; ++i) {  // about 5 blocks of short paths
        const std::string path = "/CommandInvocations/" + std::to_string(i) + "/CommandPlugins/0/Output";
        kept.emplace_back(path, arena.keep(path));
    }
    const std::string huge = "/" + std::string(200000, 'k');  // longer than a block
    kept.emplace_back(huge, arena.keep(huge));
    kept.emplace_back("/after", arena.keep("/after"));
    for (const auto& k : kept) CHECK(k.second == k.first);

    const PathArena::Mark m = arena.mark();
    const std::string_view a = arena.keep("/a/b");
    arena.release(m);
    const std::string_view b = arena.keep("/c/d");
    CHECK(b.data() == a.data());  // the released bytes are used again
    for (const auto& k : kept) CHECK(k.second == k.first);  // and what was kept before the mark is untouched
}

TEST_CASE("a member name longer than the arena's block is placed like any other", "[json]") {
    const std::string key(100000, 'k');
    const std::string text = "{\"" + key + "\": [1], \"b\": 2}";
    DiagnosticSink sink(text);
    const JsonRead read = read_json(text, 0, sink);
    REQUIRE(read.ok);
    REQUIRE(read.places.size() == 3);
    CHECK(read.places[0].path == "/" + key);
    CHECK(read.places[1].path == "/" + key + "/0");
    CHECK(read.places[2].path == "/b");
    CHECK(text[read.places[2].value_offset] == '2');
}

TEST_CASE("a failed read keeps no value and no places: those written before the break point at no value", "[json]") {
    // Places are written before their values are read; here "/b" would point at 'x'.
    const std::string text = R"({"a": 1, "b": x})";
    DiagnosticSink sink(text);
    const JsonRead read = read_json(text, 0, sink);
    CHECK_FALSE(read.ok);
    CHECK(read.value.is_null());
    CHECK(read.places.empty());
}

// tests/core/member_reader_test.cpp: Places, the index from a member's JSON pointer to where it
// stands, in both of its ways: a table, and a scan of a small span with unique paths.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "json_reader.h"
#include "member_reader.h"

using namespace ssmview;

namespace {
JsonRead read(const std::string& text) {
    DiagnosticSink sink(text);
    JsonRead r = read_json(text, 0, sink);
    REQUIRE(r.ok);
    return r;
}
}  // namespace

TEST_CASE("a scanned span and a table answer every lookup alike, in any order", "[places]") {
    const std::string text = R"({"InstanceId": "i-1", "CommandPlugins": [{"Name": "a", "Output": "x"}],
        "NotificationConfig": {"NotificationEvents": ["All"], "NotificationType": "Command"}, "Deep": {"a": {"b": {"c": {"d": 1}}}}})";
    const JsonRead r = read(text);
    REQUIRE(r.places.size() <= Places::kMaxScanned);
    Places table(r.places, 7);
    Places scanned;
    scanned.assign(PlaceSpan{r.places.data(), r.places.size(), true}, 7);
    REQUIRE(table.slots.size() > 0);
    REQUIRE(scanned.slots.empty());  // the scanning way was taken

    std::vector<std::string> asked;
    for (const MemberPlace& p : r.places) asked.emplace_back(p.path);
    // Deeper than placed (nearest parent), a sibling that is not there, and the root's own "".
    asked.insert(asked.end(), {"/Deep/a/b/c/d/e", "/CommandPlugins/0/Missing", "/Nope", ""});
    const std::vector<std::string> forwards = asked;
    std::reverse(asked.begin(), asked.end());
    for (const std::vector<std::string>* order : std::vector<const std::vector<std::string>*>{&forwards, &asked})
        for (const std::string& path : *order) {
            INFO(path);
            CHECK(scanned.value(path) == table.value(path));
            CHECK(scanned.key(path) == table.key(path));
        }
    CHECK(scanned.value("/Deep/a/b/c/d/e") == scanned.value("/Deep/a/b/c/d"));  // placed down to kPlaceDepth
    CHECK(scanned.value("/Nope") == 7);                                           // not placed: the fallback
}

TEST_CASE("with a key given twice the last place is in force; such a span is indexed, not scanned", "[places]") {
    const std::string text = R"({"Status": "Pending", "Status": "Success"})";
    const JsonRead r = read(text);
    REQUIRE(r.places.size() == 2);
    Places places;
    places.assign(PlaceSpan{r.places.data(), r.places.size(), false}, 0);
    CHECK_FALSE(places.slots.empty());
    CHECK(text.substr(places.value("/Status"), 9) == "\"Success\"");
}

// fuzz/fuzz_yaml_reader.cpp: the YAML reader alone, against libyaml's own document loader.
//
// Index
//   Input layout             byte 0: bit 0 yaml-stream (else yaml), bit 1 stream every top-level list
//   Referee                  libyaml's composer (yaml_parser_load) -> Json by YAML 1.2's core schema,
//                            written here a second time on purpose
//   Recorder                 a ListStream that keeps what it is handed, to put the lists back
//   check_page               offsets inside the text, places in text order and inside the page
//   LLVMFuzzerTestOneInput   YamlPages over the rest -> the checks
//
// Call flow: the text after byte 0 is handed to YamlPages as locate_json would hand it a YAML
// paste that fills the text ([0, size)). Every page it gives is checked:
//   outcome   a page is ok, or the reading failed with an error finding; findings are usable
//             (report_checks.h check_diagnostics: catalogued codes, places that match the text)
//   places    key <= value < size, in text order; an element's own place first (streamed lists)
//   referee   where the whole text read without an error, and holds no tag, alias or anchor (`!`,
//             `*`, `&`: the reader refuses the first two, the loader refuses an anchor defined
//             twice, which YAML 1.2 allows and the reader ignores), libyaml's loader must load the
//             same document, and each page must equal the loader's (the root, or its list's
//             elements for yaml-stream), with a key given twice keeping its last value in its
//             first place. Values are compared as JSON text, so NaN equals NaN.
// Seeds: fuzz/corpus/fuzz_yaml_reader (the AWS CLI's yaml and yaml-stream fixtures, traps);
// dictionary: fuzz/dict/yaml.dict.
#include <yaml.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check.h"
#include "diagnostic.h"
#include "input_format.h"
#include "json_reader.h"
#include "report_checks.h"
#include "yaml_reader.h"

namespace {

using ssmview::Json;

// ---- Referee ----------------------------------------------------------------------------------

bool all_digits(const std::string& s, std::size_t from, const char* set) {
    if (from >= s.size()) return false;
    for (std::size_t i = from; i < s.size(); ++i)
        if (std::string_view(set).find(s[i]) == std::string_view::npos) return false;
    return true;
}

double digits_value(const std::string& s, std::size_t from, int base) {
    double d = 0;
    for (std::size_t i = from; i < s.size(); ++i) {
        const char c = s[i];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10;
        d = d * base + digit;
    }
    return d;
}

Json integer(const std::string& s, std::size_t from, int base, bool negative) {
    // Exact in int64 when it fits, else a double, as the reader keeps numbers.
    unsigned long long n = 0;
    bool fits = true;
    for (std::size_t i = from; i < s.size(); ++i) {
        const char c = s[i];
        const unsigned digit = c >= '0' && c <= '9' ? unsigned(c - '0') : c >= 'a' && c <= 'f' ? unsigned(c - 'a' + 10) : unsigned(c - 'A' + 10);
        if (n > (~0ull - digit) / unsigned(base)) { fits = false; break; }
        n = n * unsigned(base) + digit;
    }
    const unsigned long long limit = negative ? (1ull << 63) : (1ull << 63) - 1;
    if (fits && n <= limit) return negative ? static_cast<std::int64_t>(0 - n) : static_cast<std::int64_t>(n);
    const double d = digits_value(s, from, base);
    return negative ? -d : d;
}

Json resolve(const std::string& s) {
    static const char* const nulls[] = {"", "~", "null", "Null", "NULL"};
    for (const char* n : nulls)
        if (s == n) return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    const bool signed_ = !s.empty() && (s[0] == '+' || s[0] == '-');
    if (all_digits(s, signed_ ? 1 : 0, "0123456789")) return integer(s, signed_ ? 1 : 0, 10, s[0] == '-');
    if (s.rfind("0o", 0) == 0 && all_digits(s, 2, "01234567")) return integer(s, 2, 8, false);
    if (s.rfind("0x", 0) == 0 && all_digits(s, 2, "0123456789abcdefABCDEF")) return integer(s, 2, 16, false);
    const std::string u = signed_ ? s.substr(1) : s;
    if (u == ".inf" || u == ".Inf" || u == ".INF") return s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::nan("");
    // [-+]? ( . digits | digits ( . digits? )? ) ( [eE] [-+]? digits )?
    std::size_t i = signed_ ? 1 : 0, mantissa = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++mantissa;
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++mantissa;
    if (mantissa > 0 && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (all_digits(s, j, "0123456789")) i = s.size();
        else mantissa = 0;
    }
    if (mantissa > 0 && i == s.size()) return std::strtod(s.c_str(), nullptr);
    return s;
}

// False when the node holds what the comparison does not cover (a key that is not a scalar).
bool loaded(yaml_document_t* doc, yaml_node_t* n, Json& out) {
    switch (n->type) {
        case YAML_SCALAR_NODE: {
            std::string v(reinterpret_cast<const char*>(n->data.scalar.value), n->data.scalar.length);
            out = n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? resolve(v) : Json(std::move(v));
            return true;
        }
        case YAML_SEQUENCE_NODE:
            out = Json::array();
            for (yaml_node_item_t* it = n->data.sequence.items.start; it < n->data.sequence.items.top; ++it) {
                Json item;
                if (!loaded(doc, yaml_document_get_node(doc, *it), item)) return false;
                out.push_back(std::move(item));
            }
            return true;
        case YAML_MAPPING_NODE: {
            std::vector<std::pair<std::string, Json>> members;
            for (yaml_node_pair_t* p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; ++p) {
                yaml_node_t* k = yaml_document_get_node(doc, p->key);
                if (k->type != YAML_SCALAR_NODE) return false;
                std::string key(reinterpret_cast<const char*>(k->data.scalar.value), k->data.scalar.length);
                Json value;
                if (!loaded(doc, yaml_document_get_node(doc, p->value), value)) return false;
                bool found = false;
                for (auto& m : members)
                    if (m.first == key) { m.second = std::move(value); found = true; break; }
                if (!found) members.emplace_back(std::move(key), std::move(value));
            }
            out = Json::object();
            for (auto& m : members) out[m.first] = std::move(m.second);
            return true;
        }
        default: return false;
    }
}

// The pages libyaml's loader sees in the text's first document; false when it fails to load.
bool referee_pages(std::string_view text, bool stream, std::vector<Json>& pages, bool& comparable) {
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    const bool ok = yaml_parser_load(&parser, &doc) != 0;
    comparable = true;
    if (ok) {
        yaml_node_t* root = yaml_document_get_root_node(&doc);
        if (root != nullptr) {
            if (stream && root->type == YAML_SEQUENCE_NODE) {
                for (yaml_node_item_t* it = root->data.sequence.items.start; comparable && it < root->data.sequence.items.top; ++it) {
                    pages.emplace_back();
                    comparable = loaded(&doc, yaml_document_get_node(&doc, *it), pages.back());
                }
            } else {
                pages.emplace_back();
                comparable = loaded(&doc, root, pages.back());
            }
        }
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    return ok;
}

// ---- Recorder ---------------------------------------------------------------------------------

struct Recorder final : ssmview::ListStream {
    bool                               all = false;
    std::map<std::string, std::vector<Json>> lists;  // the last occurrence of each list
    std::string_view                   text;
    bool wants(std::string_view list_path) override {
        if (!all) return false;
        lists[std::string(list_path)].clear();
        return true;
    }
    void element(const std::string& path, Json& value, ssmview::PlaceSpan places) override {
        FUZZ_CHECK(places.count >= 1 && places.first->path == path, "a streamed element's own place is not first");
        for (std::size_t i = 0; i < places.count; ++i)
            FUZZ_CHECK(places.first[i].value_offset < text.size(), "a streamed element's place is outside the text");
        const std::size_t slash = path.rfind('/');
        lists[path.substr(0, slash)].push_back(std::move(value));
    }
};

// ---- check_page -------------------------------------------------------------------------------

void check_page(std::string_view text, const ssmview::JsonRead& page, std::size_t begin) {
    FUZZ_CHECK(begin <= page.end && page.end <= text.size(),
               "page [" + std::to_string(begin) + ", " + std::to_string(page.end) + ") outside the text");
    std::size_t previous = 0;
    for (const ssmview::MemberPlace& p : page.places) {
        FUZZ_CHECK(p.key_offset <= p.value_offset && p.value_offset < text.size(), "a place outside the text: " + std::string(p.path));
        FUZZ_CHECK(p.key_offset >= previous, "places out of text order at " + std::string(p.path));
        previous = p.key_offset;
    }
    FUZZ_CHECK(page.ok || page.value.is_null(), "a failed page kept a value");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const bool stream = data[0] & 1;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    ssmview::Located where;
    where.format = stream ? ssmview::InputFormat::YamlStream : ssmview::InputFormat::Yaml;
    where.read_yaml = true;
    where.begin = 0;
    where.end = text.size();

    ssmview::DiagnosticSink sink(text);
    Recorder recorder;
    recorder.all = (data[0] & 2) != 0;
    recorder.text = text;
    std::vector<Json> pages;
    bool failed = false;
    {
        ssmview::YamlPages yaml(text, where, sink, &recorder);
        ssmview::JsonRead page;
        std::size_t begin = 0;
        while (yaml.next(page, begin)) {
            check_page(text, page, begin);
            if (!page.ok) { failed = true; break; }
            // Put the streamed lists back: what the whole read would have kept.
            for (auto& [path, elements] : recorder.lists) {
                Json::json_pointer pointer(path);
                if (page.value.contains(pointer) && page.value[pointer].is_array()) {
                    FUZZ_CHECK(page.value[pointer].empty(), "a streamed list kept elements: " + path);
                    page.value[pointer] = Json(std::move(elements));
                }
            }
            recorder.lists.clear();
            pages.push_back(std::move(page.value));
        }
    }
    const std::vector<ssmview::Diagnostic> findings = sink.take();
    ssmview_fuzz::check_diagnostics(text, findings);
    bool errors = false;
    for (const auto& d : findings) errors = errors || d.severity == ssmview::Severity::Error;
    FUZZ_CHECK(!failed || errors, "a page failed with no error said");
    // Not compared: tags and aliases (the reader refuses them, the loader resolves them), and
    // anchors (the loader refuses one defined twice, which YAML 1.2 allows and the reader ignores).
    if (errors || text.find_first_of("!*&") != std::string_view::npos) return 0;

    std::vector<Json> referee;
    bool comparable = true;
    FUZZ_CHECK(referee_pages(text, stream, referee, comparable), "the reader read YAML that libyaml's loader refuses");
    if (!comparable) return 0;
    FUZZ_CHECK(referee.size() == pages.size(),
               "pages: the reader gave " + std::to_string(pages.size()) + ", the loader " + std::to_string(referee.size()));
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::string ours = pages[i].dump(-1, ' ', false, Json::error_handler_t::replace);
        const std::string theirs = referee[i].dump(-1, ' ', false, Json::error_handler_t::replace);
        FUZZ_CHECK(ours == theirs, "page " + std::to_string(i) + ": the reader read " + ours.substr(0, 300) + ", the loader " + theirs.substr(0, 300));
    }
    return 0;
}

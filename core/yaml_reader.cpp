// core/yaml_reader.cpp: libyaml's events -> Json values with places, page by page.
//
// Index
//   Scalars        YAML 1.2 core schema for plain scalars (null, booleans, integers, floats)
//   Traps          the findings about how a scalar was written (yaml_reader.h)
//   State          the parser, the event in hand, libyaml marks -> byte offsets, failures
//   Nodes          node -> mapping / sequence / scalar, recursive with kMaxJsonDepth as bound
//   YamlPages      the stream's documents, or a yaml-stream's list elements, as pages
//
// Call flow: next() pulls events until a page's root node starts, then node() reads it whole
// (a streamed list's elements go to the ListStream as each one ends), then next() stops. libyaml
// counts positions in code points from where the YAML starts; offset() turns them into byte
// offsets of the text, walking forward from the last one (events come in text order).
#include "yaml_reader.h"

#include <yaml.h>

#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "data_limits.h"
#include "percent_encoding.h"  // hex_digit_value
#include "text_encoding.h"

namespace ssmview {

namespace {

// ---- Scalars ----------------------------------------------------------------------------------

// s[from..] is one or more digits of `base` (8, 10 or 16).
bool digits(std::string_view s, std::size_t from, int base) {
    if (from >= s.size()) return false;
    for (std::size_t i = from; i < s.size(); ++i) {
        const int d = hex_digit_value(s[i]);
        if (d < 0 || d >= base) return false;
    }
    return true;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool core_float(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t whole = 0, fraction = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++whole;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++fraction;
    }
    if (whole == 0 && fraction == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        return digits(s, i, 10);
    }
    return i == s.size();
}

// A plain scalar, as YAML 1.2's core schema resolves it (ruamel.yaml, which writes the CLI's
// YAML, quotes every string that would resolve otherwise: DocumentVersion: '1').
Json resolve_plain(const std::string& v) {
    if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return nullptr;
    if (v == "true" || v == "True" || v == "TRUE") return true;
    if (v == "false" || v == "False" || v == "FALSE") return false;
    const std::size_t sign = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
    int base = 0;
    std::size_t from = 0;
    if (digits(v, sign, 10)) base = 10, from = 0;
    else if (v.size() > 2 && v[0] == '0' && v[1] == 'o' && digits(v, 2, 8)) base = 8, from = 2;
    else if (v.size() > 2 && v[0] == '0' && v[1] == 'x' && digits(v, 2, 16)) base = 16, from = 2;
    if (base != 0) {
        errno = 0;
        char* end = nullptr;
        const long long n = std::strtoll(v.c_str() + from, &end, base);
        if (errno == 0) return static_cast<std::int64_t>(n);
        // Past 64 bits: a double, as read_json does (strtod reads neither 0o nor YAML's sign on 0x).
        double d = 0;
        for (std::size_t i = from + (base == 10 ? sign : 0); i < v.size(); ++i) d = d * base + hex_digit_value(v[i]);
        return sign && v[0] == '-' ? -d : d;
    }
    if (core_float(v)) return std::strtod(v.c_str(), nullptr);
    const std::string_view u = std::string_view(v).substr(sign);
    if (u == ".inf" || u == ".Inf" || u == ".INF") return sign && v[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    if (v == ".nan" || v == ".NaN" || v == ".NAN") return std::numeric_limits<double>::quiet_NaN();
    return v;
}

// ---- Traps ------------------------------------------------------------------------------------

// YAML 1.1's timestamp: yyyy-m-d, optionally followed by a time.
bool yaml11_timestamp(std::string_view v) {
    std::size_t i = 0;
    auto number = [&](std::size_t lo, std::size_t hi) {
        std::size_t n = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++n;
        return n >= lo && n <= hi;
    };
    if (!number(4, 4) || i >= v.size() || v[i++] != '-') return false;
    if (!number(1, 2) || i >= v.size() || v[i++] != '-') return false;
    if (!number(1, 2)) return false;
    return i == v.size() || v[i] == 'T' || v[i] == 't' || v[i] == ' ';
}

// The member's name for messages: the last token of its pointer ("" for the document).
std::string member_name(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return name.empty() ? std::string("The document") : name;
}

bool hex_run(std::string_view s, std::size_t from, std::size_t n) {
    return from + n <= s.size() && digits(s.substr(from, n), 0, 16);
}

// The value of a `\uXXXX` escape at `at`, or -1 when there is none.
long u_escape(std::string_view s, std::size_t at) {
    if (at + 6 > s.size() || s[at] != '\\' || s[at + 1] != 'u' || !hex_run(s, at + 2, 4)) return -1;
    long v = 0;
    for (std::size_t i = at + 2; i < at + 6; ++i) v = v * 16 + hex_digit_value(s[i]);
    return v;
}

// JSON writes an astral character as a surrogate pair (\ud83d\ude80); YAML has none. The message
// for the pair's first half at `at`, with the YAML spelling when the second half follows; "" when
// no first half stands there.
std::string surrogate_message(std::string_view s, std::size_t at) {
    const long hi = u_escape(s, at);
    if (hi < 0xD800 || hi > 0xDBFF) return {};
    std::string hint = "the character past U+FFFF as \\U and 8 hex digits";
    const long lo = u_escape(s, at + 6);
    if (lo >= 0xDC00 && lo <= 0xDFFF) {
        char u[16];
        std::snprintf(u, sizeof u, "\\U%08lX", 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
        hint = u;
    }
    return "\\u" + std::string(s.substr(at + 2, 4)) + " is half of a JSON surrogate pair, which YAML does not have: write " + hint +
           ", as the AWS CLI does.";
}

// An escape as YAML writes it in double quotes, seen where YAML reads none.
bool looks_escaped(std::string_view v) {
    for (std::size_t i = v.find('\\'); i != std::string_view::npos; i = v.find('\\', i + 1)) {
        if (i + 2 < v.size() && v[i + 1] == 'e' && v[i + 2] == '[') return true;
        if (i + 1 < v.size() && v[i + 1] == 'U' && hex_run(v, i + 2, 8)) return true;
        if (i + 1 < v.size() && v[i + 1] == 'u' && hex_run(v, i + 2, 4)) return true;
    }
    return false;
}

// How many line breaks of a flow or folded scalar's source YAML reads as a space: a break between
// two lines that both hold text (an empty line is a line break of the value, and in double quotes
// a `\` at the end of a line joins it to the next with nothing).
std::size_t folded_breaks(std::string_view source, bool double_quoted) {
    std::size_t folds = 0;
    bool previous_text = false, previous_joins = false;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = source.find('\n', start);
        std::string_view line = source.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        const bool text = !line.empty();
        if (start > 0 && text && previous_text && !previous_joins) ++folds;
        if (text) {
            std::size_t slashes = 0;
            while (slashes < line.size() && line[line.size() - 1 - slashes] == '\\') ++slashes;
            previous_joins = double_quoted && slashes % 2 == 1;
        }
        previous_text = text;
        if (nl == std::string_view::npos) return folds;
        start = nl + 1;
    }
}

void scalar_traps(DiagnosticSink& sink, const std::string& path, const yaml_event_t& e, std::string_view source,
                  const std::string& value, std::size_t at) {
    const yaml_scalar_style_t style = e.data.scalar.style;
    const auto name = [&] { return member_name(path); };  // only when there is something to say
    if (style == YAML_PLAIN_SCALAR_STYLE && yaml11_timestamp(value))
        sink.add(Severity::Warning, "yaml.plain_timestamp",
                 name() + " is an unquoted timestamp: YAML 1.1 readers (PyYAML, Ruby) turn it into a date, some into "
                        "another zone. ssmview reads the text as written; the AWS CLI quotes its timestamps.",
                 path, at);
    if (style != YAML_LITERAL_SCALAR_STYLE) {
        const std::size_t folds = folded_breaks(source, style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
        if (folds > 0)
            sink.add(Severity::Warning, "yaml.folded",
                     name() + " is a long line the AWS CLI folded: YAML read " + std::to_string(folds) +
                         (folds == 1 ? " line break of it as a space" : " line breaks of it as spaces") +
                         ". If the text was re-wrapped after the CLI printed it (by a terminal or an editor), its "
                         "spaces differ from the command's output. `--output json` is exact.",
                     path, at);
    }
    if (style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
        bool esc = false, astral = false;
        for (std::size_t i = source.find('\\'); i != std::string_view::npos && i + 1 < source.size();
             i = source.find('\\', i + 2)) {
            esc = esc || source[i + 1] == 'e';
            astral = astral || source[i + 1] == 'U';
        }
        if (esc)
            sink.add(Severity::Info, "yaml.escape_esc",
                     name() + " writes ESC as \\e, YAML's escape for U+001B (JSON writes \\u001b): read as ESC, so its "
                            "terminal colours are shown.",
                     path, at);
        if (astral)
            sink.add(Severity::Info, "yaml.escape_astral",
                     name() + " writes characters past U+FFFF as \\U and 8 hex digits (\\U0001F680), as the AWS CLI "
                            "does: read as the characters they name.",
                     path, at);
    } else if (looks_escaped(value)) {
        sink.add(Severity::Warning, "yaml.literal_escape",
                 name() + " holds what looks like an escape (\\e[, \\U0001F680), but YAML reads escapes only inside double "
                        "quotes: shown as written. In the command's own output it was these characters (a script "
                        "that printed an escape without `echo -e`?).",
                 path, at);
    }
}

}  // namespace

// ---- State ------------------------------------------------------------------------------------

struct YamlPages::State {
    std::string_view text;
    std::size_t      begin, end;  // the YAML's bytes in `text`
    bool             stream;      // yaml-stream: the pages are the elements of the top-level list
    DiagnosticSink&  sink;
    ListStream*      lists;

    yaml_parser_t parser{};
    yaml_event_t  event{};
    bool          held = false;    // `event` holds one
    enum class Stage { Start, Pages, Done } stage = Stage::Start;
    bool          listed = false;  // stream: the top-level list is open

    // libyaml's mark (code points from `begin`) -> byte offset, walking on from the last one.
    std::size_t at_index = 0, at_byte = 0;

    // The page being read.
    JsonRead*   out = nullptr;
    std::string path;        // pointer of the value being read, kept only for depth <= kPlaceDepth
    int         depth = 0;
    std::size_t duplicate_keys = 0;
    std::size_t event_begin = 0, last_end = 0;  // the text of the event in hand
    bool        failed = false;
    std::deque<Gathered> gathered;  // an object's members per depth (ObjectMembers); a deque: references stay valid

    State(std::string_view t, const Located& where, DiagnosticSink& s, ListStream* l)
        : text(t), begin(where.begin), end(where.end), stream(where.format == InputFormat::YamlStream), sink(s), lists(l),
          at_byte(where.begin) {
        assert(begin <= end && end <= text.size());
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data() + begin), end - begin);
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    }
    ~State() {
        drop();
        yaml_parser_delete(&parser);
    }

    void drop() {
        if (held) yaml_event_delete(&event);
        held = false;
    }

    // Events come in text order, so each walk is short; an error's context walks back.
    std::size_t offset(const yaml_mark_t& m) {
        if (m.index >= at_index) {
            at_byte = utf8_advance(text.substr(0, end), at_byte, m.index - at_index);
        } else {
            for (std::size_t n = at_index - m.index; n > 0 && at_byte > begin; --n) {
                --at_byte;
                while (at_byte > begin && (static_cast<unsigned char>(text[at_byte]) & 0xC0) == 0x80) --at_byte;
            }
        }
        at_index = m.index;
        return at_byte;
    }

    bool fail(const char* code, const std::string& message, std::size_t at) {
        if (!failed) sink.add(Severity::Error, code, message, path.empty() ? std::string() : path, at);
        failed = true;
        return false;
    }

    // libyaml's complaint, in words a person can act on, at its place.
    bool parse_error() {
        std::string problem = parser.problem ? parser.problem : "an error";
        if (parser.error == YAML_READER_ERROR) {
            // problem_offset counts bytes of the input, problem_value the byte or code point.
            const std::size_t at = begin + parser.problem_offset;
            char value[16];
            std::snprintf(value, sizeof value, parser.problem_value > 0xFF ? "U+%04X" : "0x%02X", parser.problem_value);
            if (problem.find("UTF-8") != std::string::npos)
                return fail("yaml.syntax", "Bytes that are not UTF-8 (" + std::string(value) + ") at this place: YAML text must be UTF-8.", at);
            if (problem.find("control characters") != std::string::npos)
                return fail("yaml.syntax",
                            "A raw control character (" + std::string(value) +
                                ") at this place, which YAML does not allow; the AWS CLI writes one as an escape in double quotes (\\e, \\x07).",
                            at);
            return fail("yaml.syntax", "YAML cannot be read here: " + problem + ".", at);
        }
        const std::size_t at = offset(parser.problem_mark);
        std::string context;
        std::size_t context_at = at;
        if (parser.context) {
            TextLocator where(text);
            int line = 0, column = 0;
            context_at = offset(parser.context_mark);
            where.locate(context_at, line, column);
            context = std::string(" (") + parser.context + " at " + std::to_string(line) + ":" + std::to_string(column) + ")";
        }
        if (problem.find("invalid Unicode character escape code") != std::string::npos) {
            // libyaml places the problem at the escape's backslash; else take the last escape before.
            std::size_t escape = at;
            if (at >= end || text[at] != '\\')
                for (std::size_t i = context_at; i < at && i + 1 < end; ++i) {
                    if (text[i] == '\\' && (text[i + 1] == 'u' || text[i + 1] == 'U')) escape = i;
                    if (text[i] == '\\') ++i;
                }
            const std::string message = surrogate_message(text.substr(0, end), escape);
            if (!message.empty()) return fail("yaml.syntax", message, escape);
        }
        if (at >= end || problem.find("end of stream") != std::string::npos)
            return fail("yaml.truncated", "The YAML ends before it is complete: " + problem + context + ". Was the text cut off?", at);
        return fail("yaml.syntax", "YAML cannot be read here: " + problem + context + ".", at);
    }

    // The next event into `event`.
    bool pull() {
        drop();
        if (!yaml_parser_parse(&parser, &event)) return parse_error();
        held = true;
        event_begin = offset(event.start_mark);
        last_end = offset(event.end_mark);
        return true;
    }

    // ---- Nodes --------------------------------------------------------------------------------

    // An explicit tag the reading would have to honour.
    bool tag_refused(const yaml_char_t* tag, const char* allowed) {
        if (tag == nullptr) return false;
        const char* t = reinterpret_cast<const char*>(tag);
        if (std::strcmp(t, "!") == 0 || std::strcmp(t, allowed) == 0) return false;
        return !fail("yaml.unsupported",
                     std::string("The tag ") + t + " is not read: the AWS CLI writes no tags. Paste its output as printed.",
                     event_begin);
    }

    // Where the node in hand is placed: its first character. An empty scalar (`-` alone, `? `
    // with no key) has none, and may stand at the very end of the text: the character before it.
    std::size_t node_place() const {
        const bool empty = event.type == YAML_SCALAR_EVENT && event_begin == last_end;
        return empty && event_begin > begin ? event_begin - 1 : event_begin;
    }

    bool enter(std::size_t at) {
        if (++depth > kMaxJsonDepth)
            return fail("yaml.too_deep", "The YAML nests deeper than " + std::to_string(kMaxJsonDepth) +
                                             " levels; a GetCommandInvocation result nests 2.", at);
        return true;
    }

    // `event` holds the node's first event; on return it holds its last.
    bool node(Json& value) {
        switch (event.type) {
            case YAML_SCALAR_EVENT: {
                if (tag_refused(event.data.scalar.tag, YAML_STR_TAG)) return false;
                const std::size_t at = event_begin;
                std::string v(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
                const bool plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && event.data.scalar.tag == nullptr;
                scalar_traps(sink, path, event, text.substr(at, last_end - at), v, at);
                value = plain ? resolve_plain(v) : Json(std::move(v));
                return true;
            }
            case YAML_SEQUENCE_START_EVENT: return sequence(value, false);
            case YAML_MAPPING_START_EVENT: return mapping(value);
            case YAML_ALIAS_EVENT:
                return fail("yaml.unsupported",
                            "An alias (*" + std::string(reinterpret_cast<const char*>(event.data.alias.anchor)) +
                                ") is not read: the AWS CLI writes none, and aliases can multiply a small text into a huge one.",
                            event_begin);
            default: return fail("yaml.syntax", "A YAML value is expected here.", event_begin);
        }
    }

    // `streamed`: each element goes to `lists` with its places as soon as it is read, and neither
    // it nor its places are kept (json_reader.h, ListStream), as read_json does.
    bool sequence(Json& out_value, bool streamed) {
        if (tag_refused(event.data.sequence_start.tag, YAML_SEQ_TAG)) return false;
        if (!enter(event_begin)) return false;
        out_value = Json::array();
        const bool shallow = depth <= kPlaceDepth;
        assert(!streamed || shallow);
        const std::size_t parent = path.size();
        for (std::size_t index = 0;; ++index) {
            if (!pull()) return false;
            if (event.type == YAML_SEQUENCE_END_EVENT) break;
            if (shallow) (path += '/') += std::to_string(index);
            const std::size_t at = node_place();
            std::vector<MemberPlace>& places = out->places;
            const std::size_t mark = places.size(), duplicates_before = duplicate_keys;
            const PathArena::Mark arena_mark = out->paths.mark();
            if (streamed || (shallow && mark < kMaxPlacedMembers)) places.push_back({out->paths.keep(path), at, at});
            Json item;
            if (!node(item)) return false;
            if (streamed) {
                lists->element(path, item, PlaceSpan{places.data() + mark, places.size() - mark, duplicate_keys == duplicates_before});
                places.resize(mark);
                out->paths.release(arena_mark);
            } else {
                out_value.push_back(std::move(item));
            }
            if (shallow) path.resize(parent);
        }
        --depth;
        return true;
    }

    bool mapping(Json& out_value) {
        if (tag_refused(event.data.mapping_start.tag, YAML_MAP_TAG)) return false;
        if (!enter(event_begin)) return false;
        while (gathered.size() < static_cast<std::size_t>(depth)) gathered.emplace_back();
        ObjectMembers members(gathered[static_cast<std::size_t>(depth) - 1], out_value);  // json_reader.h
        const std::size_t parent = path.size();
        const bool shallow = depth <= kPlaceDepth;
        for (;;) {
            if (!pull()) return false;
            if (event.type == YAML_MAPPING_END_EVENT) break;
            const std::size_t key_at = node_place();
            if (event.type != YAML_SCALAR_EVENT)
                return fail("yaml.unsupported", "A key that is a list or a mapping is not read: the AWS CLI's keys are names.", key_at);
            if (tag_refused(event.data.scalar.tag, YAML_STR_TAG)) return false;
            std::string key(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
            if (!pull()) return false;
            if (shallow) append_json_pointer_token(path += '/', key);
            // An empty value (`Comment:`, null) has no character of its own: its place is the key's.
            const std::size_t value_at = event.type == YAML_SCALAR_EVENT && event_begin == last_end ? key_at : event_begin;
            if (shallow && out->places.size() < kMaxPlacedMembers) out->places.push_back({out->paths.keep(path), key_at, value_at});
            Json item;
            const bool streamed = depth == 1 && lists && event.type == YAML_SEQUENCE_START_EVENT && lists->wants(path);
            if (!(streamed ? sequence(item, true) : node(item))) return false;
            if (!members.add(key, item)) {
                ++duplicate_keys;
                sink.add(Severity::Warning, "yaml.duplicate_key",
                         key + " is given more than once; the last value is used, as the AWS SDKs do with JSON.",
                         shallow ? path : std::string(), key_at);
            }
            if (shallow) path.resize(parent);
        }
        --depth;
        return true;
    }

    // ---- Pages --------------------------------------------------------------------------------

    // After the last page: the document and the stream end here (locate_json cut the text before a
    // second document), so anything else is a finding.
    void finish() {
        stage = Stage::Done;
        while (!failed && pull()) {
            if (event.type == YAML_STREAM_END_EVENT) break;
            if (event.type == YAML_DOCUMENT_END_EVENT || event.type == YAML_SEQUENCE_END_EVENT) continue;
            fail("yaml.syntax", "YAML cannot be read here: more follows the document's end.", event_begin);
        }
        drop();
    }

    // Up to the first page's first event: stream start, document start, the root (a stream's list).
    bool start() {
        stage = Stage::Pages;
        if (!pull() || event.type != YAML_STREAM_START_EVENT) return false;
        if (!pull()) return false;
        if (event.type == YAML_STREAM_END_EVENT) {
            stage = Stage::Done;
            return false;
        }
        assert(event.type == YAML_DOCUMENT_START_EVENT);
        if (!pull()) return false;
        if (stream && event.type == YAML_SEQUENCE_START_EVENT) {
            if (tag_refused(event.data.sequence_start.tag, YAML_SEQ_TAG)) return false;
            listed = true;
            return pull();
        }
        return true;
    }
};

// ---- YamlPages --------------------------------------------------------------------------------

YamlPages::YamlPages(std::string_view text, const Located& where, DiagnosticSink& sink, ListStream* lists)
    : s_(std::make_unique<State>(text, where, sink, lists)) {}

YamlPages::~YamlPages() = default;

bool YamlPages::next(JsonRead& page, std::size_t& begin) {
    State& s = *s_;
    if (s.stage == State::Stage::Done) return false;
    page = JsonRead{};
    bool ready;
    if (s.stage == State::Stage::Start) {
        ready = s.start();
    } else if (s.listed) {
        ready = s.pull();  // the event after the last element: another element, or the list's end
    } else {
        s.finish();  // a yaml document is one page
        return false;
    }
    if (!ready) {
        if (!s.failed) return false;  // an empty stream
        s.stage = State::Stage::Done;
        page.end = s.end;
        begin = s.end;
        return true;
    }
    if (s.listed && s.event.type == YAML_SEQUENCE_END_EVENT) {
        s.finish();
        return false;
    }
    begin = s.node_place();
    s.out = &page;
    s.path.clear();
    s.depth = 0;
    const bool ok = s.node(page.value);
    s.out = nullptr;
    page.end = s.failed ? s.end : s.last_end;
    if (!ok) {
        page.value = nullptr;
        page.places.clear();
        s.stage = State::Stage::Done;
        s.drop();
        return true;
    }
    page.ok = true;
    return true;
}

}  // namespace ssmview

// core/json_reader.cpp: the strict JSON reader.
//
// Index
//   Reader                 the state: text, cursor, depth, sink, path stack for shallow members
//   Errors                 fail(): one error, then the reader unwinds (first error wins)
//   Whitespace, literals   skip_ws, NaN/Infinity detection, true/false/null
//   Numbers                RFC 8259 grammar; int64 when exact, else double; range checked
//   Strings                fast ASCII run, escapes, \u surrogate pairs, UTF-8 validation + repair
//   Arrays, objects        depth bound, duplicate keys (last wins), shallow member places, and
//                          the top-level lists a ListStream takes element by element
//   read_json, read_json_object
//
// Call flow: read_json -> Reader::value -> {object, array, string, number, literal} recursively;
// a streamed list: object (depth 1) -> array(streamed) -> value per element -> ListStream::element.
// Every routine returns false after fail(); callers return at once, so the first error is the one
// reported and nothing after it runs.
#include "json_reader.h"

#include "data_limits.h"
#include "text_encoding.h"

#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <utility>

namespace ssmview {

void append_json_pointer_token(std::string& out, std::string_view key) {
    // Keys rarely hold '~' or '/': copy the runs between them whole (every placed member's
    // pointer is written here, 340,000 of them for a fleet of 10,000).
    std::size_t run = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] != '~' && key[i] != '/') continue;
        out.append(key.data() + run, i - run);
        out += key[i] == '~' ? "~0" : "~1";
        run = i + 1;
    }
    out.append(key.data() + run, key.size() - run);
}

std::string json_pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    append_json_pointer_token(out, key);
    return out;
}

std::string_view PathArena::keep(std::string_view path) {
    if (blocks_.empty() || used_ + path.size() > sizes_[block_]) {
        const std::size_t next = blocks_.empty() ? 0 : block_ + 1;
        if (next >= blocks_.size() || sizes_[next] < path.size()) {  // a new block, kept in order
            const std::size_t size = path.size() > kBlockBytes ? path.size() : kBlockBytes;
            blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(next), std::make_unique<char[]>(size));
            sizes_.insert(sizes_.begin() + static_cast<std::ptrdiff_t>(next), size);
        }
        block_ = next;
        used_ = 0;
    }
    char* at = blocks_[block_].get() + used_;
    std::memcpy(at, path.data(), path.size());
    used_ += path.size();
    return {at, path.size()};
}

namespace {

struct Reader {
    std::string_view          text;
    std::size_t               pos = 0;
    int                       depth = 0;
    DiagnosticSink&           sink;
    PathArena&                arena;   // the places' paths
    std::vector<MemberPlace>& places;
    ListStream*               lists = nullptr;  // nullptr: no list is streamed
    bool                      failed = false;
    std::string               path;  // pointer of the value being read, kept only for depth <= kPlaceDepth
    // An object's members are gathered here (ObjectMembers), one vector per depth kept from object
    // to object. A deque: deeper levels never move these.
    std::deque<Gathered> gathered;

    std::size_t duplicate_keys = 0;  // so far: a streamed element without any has unique place paths
    std::size_t invalid_utf8 = 0, invalid_utf8_first = 0;
    std::size_t lone_surrogates = 0, lone_surrogate_first = 0;

    // ---- Errors -----------------------------------------------------------------------------

    bool fail(const char* code, std::string message, std::size_t at) {
        if (!failed) sink.add(Severity::Error, code, std::move(message), path, at);
        failed = true;
        return false;
    }
    bool truncated(const std::string& inside, std::size_t opened_at) {
        int line = 0, col = 0;
        TextLocator(text).locate(opened_at, line, col);
        return fail("json.truncated",
                    "The JSON ends inside " + inside + " that starts at line " + std::to_string(line) + ", column " +
                        std::to_string(col) + ": the text was cut off. Copy the whole output.",
                    text.size());
    }
    std::string describe_here() const {
        if (pos >= text.size()) return "the end of the text";
        const unsigned char c = static_cast<unsigned char>(text[pos]);
        if (c >= 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
        char buf[16];
        std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
        return buf;
    }

    // ---- Whitespace, literals ---------------------------------------------------------------

    void skip_ws() {
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') ++pos;
            else break;
        }
    }
    bool at(std::string_view word) const { return text.compare(pos, word.size(), word) == 0; }

    bool literal(Json& out) {
        if (at("true")) { pos += 4; out = true; return true; }
        if (at("false")) { pos += 5; out = false; return true; }
        if (at("null")) { pos += 4; out = nullptr; return true; }
        for (const char* word : {"NaN", "Infinity", "-Infinity", "+Infinity", "-NaN", "nan", "inf", "-inf"}) {
            if (at(word))
                return fail("json.non_standard_literal",
                            std::string(word) + " is not valid JSON (JSON has no NaN or Infinity); a number or null is expected here.",
                            pos);
        }
        if (pos < text.size() && text[pos] == '\'')
            return fail("json.syntax", "JSON strings use double quotes (\"), not single quotes.", pos);
        if (pos < text.size() && (text[pos] == '/' ))
            return fail("json.syntax", "JSON has no comments.", pos);
        if (pos >= text.size()) return fail("json.truncated", "The JSON ends where a value is expected: the text was cut off.", pos);
        // "tru", "fal", "nu" at the very end: a literal cut off, not a misspelled one.
        const std::string_view rest = text.substr(pos);
        for (const char* word : {"true", "false", "null"})
            if (std::string_view(word).substr(0, rest.size()) == rest)
                return fail("json.truncated", "The JSON ends inside the word " + std::string(word) + ": the text was cut off.",
                            text.size());
        return fail("json.syntax", "A value is expected here, found " + describe_here() + ".", pos);
    }

    // ---- Numbers ----------------------------------------------------------------------------

    bool number(Json& out) {
        const std::size_t start = pos;
        if (at("-Infinity")) return literal(out);
        if (text[pos] == '-') ++pos;
        auto digits = [&] {
            const std::size_t from = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
            return pos - from;
        };
        if (pos < text.size() && text[pos] == '0') {
            ++pos;
            if (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
                return fail("json.syntax", "Numbers in JSON have no leading zeros.", start);
        } else if (digits() == 0) {
            return pos >= text.size() ? fail("json.truncated", "The JSON ends inside a number: the text was cut off.", pos)
                                      : fail("json.syntax", "A digit is expected after '-', found " + describe_here() + ".", pos);
        }
        bool integral = true;
        if (pos < text.size() && text[pos] == '.') {
            integral = false;
            ++pos;
            if (digits() == 0) return fail("json.syntax", "A digit is expected after the decimal point, found " + describe_here() + ".", pos);
        }
        if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
            integral = false;
            ++pos;
            if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
            if (digits() == 0) return fail("json.syntax", "A digit is expected in the exponent, found " + describe_here() + ".", pos);
        }
        const std::string literal_text(text.substr(start, pos - start));
        if (integral && literal_text.size() <= 19) {
            errno = 0;
            char* end = nullptr;
            const long long v = std::strtoll(literal_text.c_str(), &end, 10);
            if (errno == 0) { out = static_cast<std::int64_t>(v); return true; }
        }
        errno = 0;
        const double d = std::strtod(literal_text.c_str(), nullptr);
        if (std::isinf(d)) {
            std::string shown = literal_text.size() > 24 ? literal_text.substr(0, 24) + "..." : literal_text;
            return fail("json.number_out_of_range", "The number " + shown + " is too large to represent.", start);
        }
        out = d;
        return true;
    }

    // ---- Strings ----------------------------------------------------------------------------

    int hex4(std::size_t at_pos) const {
        if (at_pos + 4 > text.size()) return -1;
        int v = 0;
        for (std::size_t i = at_pos; i < at_pos + 4; ++i) {
            const char c = text[i];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else return -1;
        }
        return v;
    }

    // Length of the valid UTF-8 sequence at `p` (2..4), or 0 when it is not one.
    std::size_t utf8_sequence(std::size_t p) const {
        const auto b = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
        const unsigned c = b(p);
        const auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) { return b(i) >= lo && b(i) <= hi; };
        if (c >= 0xC2 && c <= 0xDF) return cont(p + 1) ? 2 : 0;
        if (c == 0xE0) return cont(p + 1, 0xA0) && cont(p + 2) ? 3 : 0;
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(p + 1) && cont(p + 2) ? 3 : 0;
        if (c == 0xED) return cont(p + 1, 0x80, 0x9F) && cont(p + 2) ? 3 : 0;
        if (c == 0xF0) return cont(p + 1, 0x90) && cont(p + 2) && cont(p + 3) ? 4 : 0;
        if (c >= 0xF1 && c <= 0xF3) return cont(p + 1) && cont(p + 2) && cont(p + 3) ? 4 : 0;
        if (c == 0xF4) return cont(p + 1, 0x80, 0x8F) && cont(p + 2) && cont(p + 3) ? 4 : 0;
        return 0;
    }

    // One allocation per long string: the unescaped text is never longer than the escaped span,
    // so find the closing quote first (memchr, skipping quotes preceded by an odd run of '\\').
    void reserve_for_string(std::string& out) const {
        const char* const base = text.data();
        std::size_t q = pos;
        for (;;) {
            const void* f = std::memchr(base + q, '"', text.size() - q);
            if (!f) { q = text.size(); break; }
            q = static_cast<std::size_t>(static_cast<const char*>(f) - base);
            std::size_t backslashes = 0;
            while (q - backslashes > pos && base[q - backslashes - 1] == '\\') ++backslashes;
            if (backslashes % 2 == 0) break;
            ++q;
        }
        if (q - pos > 64) out.reserve(out.size() + (q - pos));
    }

    // Advances over bytes that need no work: printable ASCII (8 at a time) and valid UTF-8.
    // Stops at '"', '\\', a control byte, invalid UTF-8 or the end.
    void skip_plain() {
        const char* const base = text.data();
        const std::size_t size = text.size();
        constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
        for (;;) {
            while (pos + 8 <= size) {  // SWAR: any byte < 0x20, == '"', == '\\' or >= 0x80 ends the word
                std::uint64_t x;
                std::memcpy(&x, base + pos, 8);
                const std::uint64_t quote = x ^ (ones * '"'), slash = x ^ (ones * '\\');
                if ((((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) | ((slash - ones) & ~slash) | x) & high) break;
                pos += 8;
            }
            if (pos >= size) return;
            const unsigned char c = static_cast<unsigned char>(base[pos]);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') return;
                ++pos;
                continue;
            }
            const std::size_t n = utf8_sequence(pos);
            if (n == 0) return;
            pos += n;
        }
    }

    bool string(std::string& out) {
        const std::size_t open = pos;
        ++pos;  // the opening quote
        reserve_for_string(out);
        for (;;) {
            const std::size_t run = pos;
            skip_plain();
            out.append(text.data() + run, pos - run);
            if (pos >= text.size()) return truncated("the string", open);
            const unsigned char c = static_cast<unsigned char>(text[pos]);
            if (c == '"') { ++pos; return true; }
            if (c == '\\') {
                if (!escape(out, open)) return false;
                continue;
            }
            if (c < 0x20) {
                char buf[80];
                std::snprintf(buf, sizeof buf, "A raw control character (U+%04X) inside a string must be written as an escape.", c);
                return fail("json.control_character", buf, pos);
            }
            if (invalid_utf8++ == 0) invalid_utf8_first = pos;  // skip_plain stopped: not UTF-8
            out += "\xEF\xBF\xBD";
            ++pos;
        }
    }

    bool escape(std::string& out, std::size_t open) {
        const std::size_t at_backslash = pos;
        ++pos;
        if (pos >= text.size()) return truncated("the string", open);
        const char e = text[pos++];
        switch (e) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: {
                // Quote the whole character after the backslash ("\é", not half of it); a control
                // or a byte that is not UTF-8 is named in hex, as describe_here() does.
                const unsigned char b = static_cast<unsigned char>(e);
                const std::size_t len = b < 0x80 ? 1 : utf8_sequence(pos - 1);
                std::string shown;
                if (b >= 0x20 && b != 0x7F && len > 0) {
                    shown = "\\" + std::string(text.substr(pos - 1, len));
                } else {
                    char buf[40];
                    std::snprintf(buf, sizeof buf, "\\ followed by byte 0x%02X", b);
                    shown = buf;
                }
                return fail("json.bad_escape", shown + " is not a JSON escape (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).",
                            at_backslash);
            }
        }
        const int hi = hex4(pos);
        if (hi < 0) {
            if (pos + 4 > text.size()) return truncated("the string", open);
            return fail("json.bad_escape", "\\u must be followed by four hexadecimal digits.", at_backslash);
        }
        pos += 4;
        std::uint32_t cp = static_cast<std::uint32_t>(hi);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const int lo = (pos + 6 <= text.size() && text[pos] == '\\' && text[pos + 1] == 'u') ? hex4(pos + 2) : -1;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                pos += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(lo) - 0xDC00);
            } else {
                cp = 0xFFFD;
                if (lone_surrogates++ == 0) lone_surrogate_first = at_backslash;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
            if (lone_surrogates++ == 0) lone_surrogate_first = at_backslash;
        }
        append_utf8(out, cp);
        return true;
    }

    // ---- Arrays, objects --------------------------------------------------------------------

    bool enter(std::size_t at_pos) {
        if (++depth > kMaxJsonDepth)
            return fail("json.too_deep", "The JSON nests deeper than " + std::to_string(kMaxJsonDepth) +
                                             " levels; a GetCommandInvocation result nests 2.", at_pos);
        return true;
    }

    // `streamed`: each element goes to `lists` with its places as soon as it is read, and neither
    // it nor its places are kept (json_reader.h, ListStream).
    bool array(Json& out, bool streamed = false) {
        const std::size_t open = pos;
        if (!enter(pos)) return false;
        ++pos;
        out = Json::array();
        skip_ws();
        if (pos < text.size() && text[pos] == ']') { ++pos; --depth; return true; }
        const bool shallow = depth <= kPlaceDepth;  // elements get their index in the path
        assert(!streamed || shallow);
        const std::size_t parent = path.size();     // `path` is the parent's again after each element
        for (std::size_t index = 0;; ++index) {
            Json item;
            std::size_t at = pos;
            if (shallow) {
                (path += '/') += std::to_string(index);
                skip_ws();
                at = pos;
            }
            // An element has no key: its place is its value's, so "/CommandInvocations/3" points at '{'.
            // Streamed, it is placed always (past kMaxPlacedMembers too): the element's findings
            // need at least its own place, and only one element's places are alive.
            const std::size_t mark = places.size(), duplicates_before = duplicate_keys;
            const PathArena::Mark arena_mark = arena.mark();
            if (streamed || (shallow && mark < kMaxPlacedMembers)) places.push_back({arena.keep(path), at, at});
            if (!value(item)) return false;
            if (streamed) {
                lists->element(path, item, PlaceSpan{places.data() + mark, places.size() - mark, duplicate_keys == duplicates_before});
                places.resize(mark);
                arena.release(arena_mark);
            } else {
                out.push_back(std::move(item));
            }
            if (shallow) path.resize(parent);
            skip_ws();
            if (pos >= text.size()) return truncated("the array", open);
            if (text[pos] == ',') {
                ++pos;
                skip_ws();
                if (pos < text.size() && text[pos] == ']')
                    return fail("json.syntax", "A trailing comma before ']' is not allowed in JSON.", pos);
                continue;
            }
            if (text[pos] == ']') { ++pos; --depth; return true; }
            return fail("json.syntax", "',' or ']' is expected after an array element, found " + describe_here() + ".", pos);
        }
    }

    bool object(Json& out) {
        const std::size_t open = pos;
        if (!enter(pos)) return false;
        ++pos;
        while (gathered.size() < static_cast<std::size_t>(depth)) gathered.emplace_back();
        ObjectMembers members(gathered[static_cast<std::size_t>(depth) - 1], out);
        const std::size_t parent = path.size();  // `path` is the parent's again after each member
        skip_ws();
        if (pos < text.size() && text[pos] == '}') { ++pos; --depth; return true; }
        for (;;) {
            skip_ws();
            if (pos >= text.size()) return truncated("the object", open);
            if (text[pos] != '"') {
                if (text[pos] == '}') return fail("json.syntax", "A trailing comma before '}' is not allowed in JSON.", pos);
                if (text[pos] == '\'') return fail("json.syntax", "JSON member names use double quotes (\"), not single quotes.", pos);
                return fail("json.syntax", "A member name in double quotes is expected, found " + describe_here() + ".", pos);
            }
            const std::size_t key_at = pos;
            std::string key;
            if (!string(key)) return false;
            skip_ws();
            if (pos >= text.size()) return truncated("the object", open);
            if (text[pos] != ':')
                return fail("json.syntax", "':' is expected after the member name \"" + key + "\", found " + describe_here() + ".", pos);
            ++pos;
            skip_ws();
            const bool shallow = depth <= kPlaceDepth;
            if (shallow) append_json_pointer_token(path += '/', key);
            const std::size_t value_at = pos;
            if (shallow && places.size() < kMaxPlacedMembers) places.push_back({arena.keep(path), key_at, value_at});
            Json item;
            const bool streamed = depth == 1 && lists && pos < text.size() && text[pos] == '[' && lists->wants(path);
            if (!(streamed ? array(item, true) : value(item))) return false;
            if (!members.add(key, item)) {
                ++duplicate_keys;
                sink.add(Severity::Warning, "json.duplicate_key",
                         "\"" + key + "\" is given more than once; the last value is used, as the AWS SDKs do.",
                         shallow ? path : std::string(), key_at);
            }
            if (shallow) path.resize(parent);
            skip_ws();
            if (pos >= text.size()) return truncated("the object", open);
            if (text[pos] == ',') { ++pos; continue; }
            if (text[pos] == '}') { ++pos; --depth; return true; }
            return fail("json.syntax", "',' or '}' is expected after a member, found " + describe_here() + ".", pos);
        }
    }

    bool value(Json& out) {
        skip_ws();
        if (pos >= text.size()) return fail("json.truncated", "The JSON ends where a value is expected: the text was cut off.", pos);
        switch (text[pos]) {
            case '{': return object(out);
            case '[': return array(out);
            case '"': {
                std::string s;
                if (!string(s)) return false;
                out = std::move(s);
                return true;
            }
            case '-': case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
                return number(out);
            default: return literal(out);
        }
    }
};

}  // namespace

// ---- ObjectMembers ------------------------------------------------------------------------------

ObjectMembers::ObjectMembers(Gathered& storage, Json& object) : members_(storage), object_(object) {
    members_.clear();  // what a failed read left
    object_ = Json::object();
}

ObjectMembers::~ObjectMembers() {
    auto& object = static_cast<std::vector<std::pair<const std::string, Json>>&>(object_.get_ref<Json::object_t&>());
    object.reserve(members_.size());
    for (auto& m : members_) object.emplace_back(std::move(m.first), std::move(m.second));
    members_.clear();
}

bool ObjectMembers::add(std::string& key, Json& value) {
    // API objects have a dozen members: a scan of them; past kScannedKeys an index, built then.
    constexpr std::size_t kScannedKeys = 16;
    std::size_t found = members_.size();
    if (members_.size() <= kScannedKeys) {
        for (std::size_t i = 0; i < members_.size(); ++i)
            if (members_[i].first == key) { found = i; break; }
    } else {
        if (index_.empty())
            for (std::size_t i = 0; i < members_.size(); ++i) index_.emplace(members_[i].first, i);
        const auto it = index_.find(key);
        if (it != index_.end()) found = it->second;
    }
    if (found < members_.size()) {
        members_[found].second = std::move(value);
        return false;
    }
    if (!index_.empty()) index_.emplace(key, members_.size());
    members_.emplace_back(std::move(key), std::move(value));
    return true;
}

JsonRead read_json(std::string_view text, std::size_t begin, DiagnosticSink& sink, ListStream* lists) {
    JsonRead result;
    Reader r{text, begin, 0, sink, result.paths, result.places, lists, false, {}, {}};
    result.ok = r.value(result.value);
    result.end = r.pos;
    if (r.invalid_utf8)
        sink.add(Severity::Warning, "json.invalid_utf8",
                 std::to_string(r.invalid_utf8) + " byte(s) inside strings are not UTF-8; they are shown as U+FFFD.", "",
                 r.invalid_utf8_first);
    if (r.lone_surrogates)
        sink.add(Severity::Warning, "json.lone_surrogate",
                 std::to_string(r.lone_surrogates) + " \\u escape(s) encode half a surrogate pair; shown as U+FFFD.", "",
                 r.lone_surrogate_first);
    // Nothing of a failed read is kept: places are written before their values are read (so they
    // are in text order), and those of the values the failure broke off point at no value.
    if (!result.ok) {
        result.value = nullptr;
        result.places.clear();
    }
    return result;
}

bool read_json_object(std::string_view body, std::size_t max_bytes, Json& out) {
    if (body.size() > max_bytes) return false;
    DiagnosticSink ignored(body);
    JsonRead read = read_json(body, 0, ignored);  // read_json skips the leading whitespace
    if (!read.ok || !read.value.is_object()) return false;
    out = std::move(read.value);
    return true;
}

}  // namespace ssmview

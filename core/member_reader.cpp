// core/member_reader.cpp: typed member readers shared by the invocation and fleet readers.
//
// Index
//   json_type_name
//   Places           the index, and the nearest-parent lookup for members deeper than kPlaceDepth
//   Shape::find
//   MemberReader     wrong_type, unknown_member, take_*, check
#include "member_reader.h"

#include <cmath>
#include <limits>

namespace ssmview {

const char* json_type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "an integer";
        case Json::value_t::number_float: return "a number with a fraction";
        default: return "a value";
    }
}

// ---- Places ---------------------------------------------------------------------------------

void Places::assign(PlaceSpan span, std::size_t fallback_offset) {
    fallback = fallback_offset;
    cursor = 0;
    if (span.unique && span.count <= kMaxScanned) {
        scanned = span;
        slots.clear();
        return;
    }
    scanned = PlaceSpan{};
    std::size_t capacity = 16;
    while (capacity < 2 * span.count) capacity *= 2;
    slots.assign(capacity, Slot{});
    const std::size_t mask = capacity - 1;
    for (const MemberPlace* p = span.first; p != span.first + span.count; ++p) {
        const std::size_t h = std::hash<std::string_view>{}(p->path);
        std::size_t i = h & mask;
        while (slots[i].place && !(slots[i].hash == h && slots[i].place->path == p->path)) i = (i + 1) & mask;
        slots[i] = {h, p};  // duplicates: the last one is the value in force
    }
}

const MemberPlace* Places::exact(std::string_view path) const {
    if (scanned.count > 0) {
        for (std::size_t n = 0, i = cursor; n < scanned.count; ++n, i = i + 1 == scanned.count ? 0 : i + 1) {
            const MemberPlace& p = scanned.first[i];
            if (p.path == path) {  // sizes first
                cursor = i + 1 == scanned.count ? 0 : i + 1;
                return &p;
            }
        }
        return nullptr;
    }
    if (slots.empty()) return nullptr;  // nothing assigned yet
    const std::size_t mask = slots.size() - 1;
    const std::size_t h = std::hash<std::string_view>{}(path);
    for (std::size_t i = h & mask; slots[i].place; i = (i + 1) & mask)
        if (slots[i].hash == h && slots[i].place->path == path) return slots[i].place;
    return nullptr;
}

const MemberPlace* Places::find(std::string_view path) const {
    // Members deeper than kPlaceDepth (or past kMaxPlacedMembers) are not placed: the nearest
    // placed parent stands in, so a diagnostic still points at the right object.
    while (!path.empty()) {
        if (const MemberPlace* p = exact(path)) return p;
        const std::size_t slash = path.rfind('/');
        if (slash == std::string_view::npos) break;
        path = path.substr(0, slash);
    }
    return nullptr;
}

std::size_t Places::value(std::string_view path) const { const auto* p = find(path); return p ? p->value_offset : fallback; }
std::size_t Places::key(std::string_view path) const { const auto* p = find(path); return p ? p->key_offset : fallback; }

const ShapeMember* Shape::find(std::string_view key) const {
    for (std::size_t i = 0; i < count; ++i)
        if (key == members[i].name) return &members[i];
    return nullptr;
}

// ---- MemberReader ---------------------------------------------------------------------------

void MemberReader::wrong_type(const std::string& path, const char* name, const char* expected, const Json& v) {
    sink.add(Severity::Error, "model.wrong_type", std::string(name) + " must be " + expected + ", not " + json_type_name(v) + ".",
             path, places.value(path));
}

void MemberReader::unknown_member(const std::string& path, const std::string& key, const char* shape) {
    sink.add(Severity::Info, "model.unknown_member",
             "\"" + key + "\" is not a member of " + shape + " in the API model; it is kept and shown.", path, places.key(path));
}

std::string MemberReader::number_as_written(std::size_t offset, const Json& v) const {
    const std::string_view text = sink.text();
    std::size_t end = offset;
    constexpr std::string_view kNumberChars = "+-0123456789.eE";
    while (end < text.size() && end - offset < 40 && kNumberChars.find(text[end]) != std::string_view::npos) ++end;
    return end > offset ? std::string(text.substr(offset, end - offset)) : v.dump();
}

void MemberReader::take_string(const std::string& path, const char* name, Json& v, Field<std::string>& f) {
    if (!v.is_string()) return wrong_type(path, name, "a string", v);
    f.present = true;
    f.value = std::move(v.get_ref<std::string&>());
    f.offset = places.value(path);
}

void MemberReader::take_bool(const std::string& path, const char* name, const Json& v, Field<bool>& f) {
    if (!v.is_boolean()) return wrong_type(path, name, "true or false", v);
    f.present = true;
    f.value = v.get<bool>();
    f.offset = places.value(path);
}

void MemberReader::take_int32(const std::string& path, const char* name, const Json& v, Field<std::int64_t>& f) {
    constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min(), hi = std::numeric_limits<std::int32_t>::max();
    std::int64_t n = 0;
    bool fits = false;
    if (v.is_number_integer()) {
        n = v.get<std::int64_t>();
        fits = n >= lo && n <= hi;
    } else if (v.is_number_float() && std::isfinite(v.get<double>()) && v.get<double>() == std::trunc(v.get<double>())) {
        // 1e3 or 0.0: integral, written oddly. The range is checked on the double: converting
        // one beyond int64 (the reader keeps -19223372036854775807 as a double) is undefined.
        const double d = v.get<double>();
        fits = d >= static_cast<double>(lo) && d <= static_cast<double>(hi);
        if (fits) n = static_cast<std::int64_t>(d);
    } else {
        return wrong_type(path, name, "an integer", v);
    }
    if (!fits) {
        // The number as the text wrote it ("99999999999999999999999", not the double's
        // 9.999999999999999e+22), at most 40 characters of it.
        const std::string shown = number_as_written(places.value(path), v);
        sink.add(Severity::Error, "model.out_of_range", std::string(name) + " " + shown + " does not fit the API model's 32-bit integer.",
                 path, places.value(path));
        return;
    }
    f.present = true;
    f.value = n;
    f.offset = places.value(path);
}

void MemberReader::take_timestamp(const std::string& path, const char* name, const Json& v, Timestamp& t) {
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s.empty()) return;  // not yet
        t = parse_timestamp(s);
        if (!t.valid)
            sink.add(Severity::Warning, "time.invalid",
                     std::string(name) + " \"" + s + "\" is not an ISO-8601 time such as 2024-05-01T08:34:56.789000-04:00.", path,
                     places.value(path));
        return;
    }
    if (v.is_number()) {  // epoch seconds, as the service sends them; 1e11 s is the year 5138
        const double seconds = v.get<double>();
        if (std::isfinite(seconds) && seconds >= 0 && seconds < 1e11) {
            t.valid = true;
            t.epoch_ms = static_cast<std::int64_t>(std::floor(seconds * 1000.0 + 0.5));
            t.offset_minutes = 0;
        } else {
            sink.add(Severity::Warning, "time.invalid", std::string(name) + " " + number_as_written(places.value(path), v) +
                         " is not a time: as a number it would be seconds since 1970.", path, places.value(path));
        }
        return;
    }
    wrong_type(path, name, "a time (an ISO-8601 string)", v);
}

bool MemberReader::check(const std::string& path, const char* name, const ShapeMember& spec, const Json& v) {
    switch (spec.kind) {
        case MemberKind::String: if (!v.is_string()) return wrong_type(path, name, "a string", v), false; return true;
        case MemberKind::Boolean: if (!v.is_boolean()) return wrong_type(path, name, "true or false", v), false; return true;
        case MemberKind::Integer: {
            Field<std::int64_t> ignored;
            take_int32(path, name, v, ignored);
            return ignored.present;
        }
        case MemberKind::Timestamp: {
            Timestamp ignored;
            take_timestamp(path, name, v, ignored);
            return true;
        }
        case MemberKind::StringList: {
            if (!v.is_array()) return wrong_type(path, name, "a list of strings", v), false;
            for (std::size_t i = 0; i < v.size(); ++i)
                if (!v[i].is_string()) wrong_type(path + "/" + std::to_string(i), name, "a list of strings", v[i]);
            return true;
        }
        // One path buffer per structure: each member's pointer is written over the last.
        case MemberKind::StringListMap: {
            if (!v.is_object()) return wrong_type(path, name, "an object of string lists", v), false;
            const ShapeMember list{name, MemberKind::StringList};
            std::string member = path + "/";
            const std::size_t stem = member.size();
            for (auto it = v.begin(); it != v.end(); ++it) {
                member.resize(stem);
                append_json_pointer_token(member, it.key());
                check(member, name, list, it.value());
            }
            return true;
        }
        case MemberKind::Structure: {
            if (!v.is_object()) return wrong_type(path, name, "an object", v), false;
            std::string member = path + "/";
            const std::size_t stem = member.size();
            for (auto it = v.begin(); it != v.end(); ++it) {
                member.resize(stem);
                append_json_pointer_token(member, it.key());
                const ShapeMember* m = spec.shape->find(it.key());
                if (m) check(member, m->name, *m, it.value());
                else unknown_member(member, it.key(), spec.shape->name);
            }
            return true;
        }
        case MemberKind::StructureList: {
            if (!v.is_array()) return wrong_type(path, name, "a list of objects", v), false;
            const ShapeMember element{name, MemberKind::Structure, spec.shape};
            std::string item = path + "/";
            const std::size_t stem = item.size();
            for (std::size_t i = 0; i < v.size(); ++i) {
                item.resize(stem);
                item += std::to_string(i);
                check(item, name, element, v[i]);
            }
            return true;
        }
    }
    return true;
}

}  // namespace ssmview

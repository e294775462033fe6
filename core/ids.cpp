// core/ids.cpp: see ids.h.
//
// Index
//   all_word_chars
//   word_char, command_id_ok, uuid_shaped, instance_id_ok, plugin_name_ok
#include "ids.h"

#include "data_limits.h"

namespace ssmview {

namespace {

bool all_word_chars(std::string_view s) {
    for (char c : s)
        if (!word_char(c)) return false;
    return true;
}

}  // namespace

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The model only bounds the length (36..36). Ids are ASCII in practice; anything else in a 36-byte
// string would make it shorter than 36 characters, so counting bytes is exact here.
bool command_id_ok(std::string_view id) {
    if (id.size() != kCommandIdChars) return false;
    for (char c : id)
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e) return false;
    return true;
}

bool uuid_shaped(std::string_view id) {
    static_assert(kCommandIdChars == 36, "a CommandId is a UUID");
    if (id.size() != kCommandIdChars) return false;
    for (std::size_t i = 0; i < kCommandIdChars; ++i) {
        const char c = id[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (dash ? c != '-' : !hex) return false;
    }
    return true;
}

// kInstanceIdPattern
bool instance_id_ok(std::string_view id) {
    if (id.substr(0, 2) == "i-") {
        const std::string_view rest = id.substr(2);
        return (rest.size() == 8 || rest.size() == 17) && all_word_chars(rest);
    }
    if (id.substr(0, 3) == "mi-") return id.size() == 20 && all_word_chars(id.substr(3));
    return false;
}

// The model: min 4 characters, no maximum (compared with the byte count here). Step names of
// schema 2.x documents are free text, so only control characters are refused (they cannot be what
// a person meant to type).
bool plugin_name_ok(std::string_view name) {
    if (name.size() < kMinPluginNameChars || name.size() > kMaxPluginNameBytes) return false;
    for (char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace ssmview

// core/ids.cpp: see ids.h.
//
// Index
//   word characters    \w as the model's patterns mean it (ASCII letters, digits, '_')
//   command_id_ok, instance_id_ok, plugin_name_ok
#include "ids.h"

namespace ssmview {

namespace {

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool all_word_chars(std::string_view s) {
    for (char c : s)
        if (!word_char(c)) return false;
    return true;
}

}  // namespace

// The model only bounds the length (36..36). Ids are ASCII in practice; anything else in a 36-byte
// string would make it shorter than 36 characters, so counting bytes is exact here.
bool command_id_ok(std::string_view id) {
    if (id.size() != 36) return false;
    for (char c : id)
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e) return false;
    return true;
}

bool instance_id_ok(std::string_view id) {
    if (id.substr(0, 2) == "i-") {
        const std::string_view rest = id.substr(2);
        return (rest.size() == 8 || rest.size() == 17) && all_word_chars(rest);
    }
    if (id.substr(0, 3) == "mi-") return id.size() == 20 && all_word_chars(id.substr(3));
    return false;
}

// The model: min 4 characters. Step names of schema 2.x documents are free text, so only control
// characters are refused (they cannot be what a person meant to type).
bool plugin_name_ok(std::string_view name) {
    if (name.size() < 4 || name.size() > 1024) return false;
    for (char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace ssmview

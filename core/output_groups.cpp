// core/output_groups.cpp: grouping by exact text or by similarity key.
//
// Index
//   invocation_stream_text
//   similarity_key     one pass over the bytes: alphanumeric runs, digits and hex within them
//   group_outputs      hash by key, count variants, sort largest first (stable: fleet order)
#include "output_groups.h"

#include <algorithm>
#include <cassert>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace ssmview {

std::string invocation_stream_text(const FleetInvocation& inv, OutputStream s) {
    if (inv.plugins.size() == 1) return s == OutputStream::Stdout ? inv.plugins[0].stdout_text : inv.plugins[0].stderr_text;
    std::string out;
    for (const FleetPlugin& p : inv.plugins) {
        const std::string& text = s == OutputStream::Stdout ? p.stdout_text : p.stderr_text;
        if (text.empty()) continue;
        out += "[" + (p.name.present ? p.name.value : std::string("?")) + "]\n" + text;
        if (out.back() != '\n') out += '\n';
    }
    return out;
}

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
bool hex(char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool alnum(char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

// A word (a run of ASCII letters and digits) that is all hex and holds a digit ("0abc12de",
// "a7ea", "2024") becomes one '#'; in any other word, each run of digits does ("build#x",
// "#T#" inside a timestamp). So instance ids, UUIDs, hashes, counts, sizes and times all compare
// equal, while words without digits stay as they are.
std::string similarity_key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!alnum(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        bool all_hex = true, any_digit = false;
        while (end < text.size() && alnum(text[end])) {
            all_hex = all_hex && hex(text[end]);
            any_digit = any_digit || digit(text[end]);
            ++end;
        }
        if (all_hex && any_digit) {
            out += '#';
        } else {
            for (std::size_t j = i; j < end;) {
                if (digit(text[j])) {
                    out += '#';
                    while (j < end && digit(text[j])) ++j;
                } else {
                    out += text[j++];
                }
            }
        }
        i = end;
    }
    return out;
}

std::vector<OutputGroup> group_outputs(const Fleet& fleet, OutputStream s, GroupMode mode) {
    std::vector<OutputGroup> groups;
    std::unordered_map<std::string, std::size_t> by_key;        // key -> index in groups
    // Similar: the exact texts seen per group, as hashes (a fleet's outputs are not held twice;
    // two different texts sharing a 64-bit hash would only undercount the variants).
    std::vector<std::unordered_set<std::size_t>> texts;
    for (std::size_t i = 0; i < fleet.invocations.size(); ++i) {
        const FleetInvocation& inv = fleet.invocations[i];
        if (!inv.has_plugins) continue;
        std::string text = invocation_stream_text(inv, s);
        std::string key = mode == GroupMode::Exact ? text : similarity_key(text);
        auto found = by_key.find(key);
        if (found == by_key.end()) {
            found = by_key.emplace(std::move(key), groups.size()).first;
            OutputGroup g;
            g.stream = s;
            g.text = text;
            groups.push_back(std::move(g));
            texts.emplace_back();
        }
        OutputGroup& g = groups[found->second];
        g.invocations.push_back(i);
        for (const FleetPlugin& p : inv.plugins) g.cut = g.cut || (s == OutputStream::Stdout ? p.stdout_cut : p.stderr_cut);
        if (mode == GroupMode::Similar) {
            texts[found->second].insert(std::hash<std::string>{}(text));
            g.variants = texts[found->second].size();
        }
    }
    // Largest first; equal sizes keep the order their first member had in the fleet.
    std::stable_sort(groups.begin(), groups.end(),
                     [](const OutputGroup& a, const OutputGroup& b) { return a.invocations.size() > b.invocations.size(); });
    return groups;
}

}  // namespace ssmview

// tests/core/line_diff_test.cpp: two texts compared line by line (core/line_diff.h).
//
// Index
//   small cases    identical, one line changed, one side empty, a '\r' kept in its line
//   script         Same + Removed rebuild the first text and Same + Added the second, always
//   shortest       the number of edits equals N + M - 2 * LCS, with the LCS from a plain
//                  dynamic programme: two ways to one number, compared on random texts
//   bound          past kMaxDiffEdits the middle is all removed then all added, and says so
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "data_limits.h"
#include "line_diff.h"

using namespace ssmview;

namespace {

std::string rebuild(const LineDiff& d, DiffOp keep) {
    std::string out;
    for (const DiffLine& l : d.lines)
        if (l.op == DiffOp::Same || l.op == keep) out.append(l.text.data(), l.text.size()).push_back('\n');
    return out;
}

std::vector<std::string> lines_of(const std::string& t) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < t.size()) {
        std::size_t nl = t.find('\n', start);
        out.push_back(t.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::size_t lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    return t[a.size()][b.size()];
}

// Lines from a four-word alphabet: many repeats, the hard case for a diff.
std::string random_text(std::uint32_t& seed, int max_lines) {
    static const char* const words[] = {"ok", "retry", "failed: exit status 1", ""};
    seed = seed * 1664525u + 1013904223u;
    const int n = static_cast<int>((seed >> 8) % static_cast<std::uint32_t>(max_lines + 1));
    std::string t;
    for (int i = 0; i < n; ++i) {
        seed = seed * 1664525u + 1013904223u;
        t += words[(seed >> 12) % 4];
        t += '\n';
    }
    return t;
}

}  // namespace

TEST_CASE("identical texts are all the same lines", "[line_diff]") {
    const LineDiff d = line_diff("a\nb\n", "a\nb\n");
    REQUIRE(d.lines.size() == 2);
    CHECK(d.lines[0].op == DiffOp::Same);
    CHECK(d.removed == 0);
    CHECK(d.added == 0);
    CHECK_FALSE(d.gave_up);
}

TEST_CASE("one changed line is one removed and one added, between the lines both share", "[line_diff]") {
    const LineDiff d = line_diff("Fetching web-1.4.2\nchecked 14:03:08\nok\n", "Fetching web-1.4.2\nchecked 14:03:09\nok\n");
    REQUIRE(d.lines.size() == 4);
    CHECK(d.lines[0].op == DiffOp::Same);
    CHECK(d.lines[1].op == DiffOp::Removed);
    CHECK(d.lines[1].text == "checked 14:03:08");
    CHECK(d.lines[2].op == DiffOp::Added);
    CHECK(d.lines[2].text == "checked 14:03:09");
    CHECK(d.lines[3].text == "ok");
    CHECK(d.removed == 1);
    CHECK(d.added == 1);
}

TEST_CASE("against an empty text every line is added or removed", "[line_diff]") {
    CHECK(line_diff("", "x\ny").added == 2);
    CHECK(line_diff("x\ny\n", "").removed == 2);
    CHECK(line_diff("", "").lines.empty());
}

TEST_CASE("a carriage return is part of its line", "[line_diff]") {
    const LineDiff d = line_diff("a\r\nb\n", "a\nb\n");
    CHECK(d.removed == 1);
    CHECK(d.added == 1);
}

TEST_CASE("the script rebuilds both texts and is as short as the longest common subsequence allows", "[line_diff]") {
    std::uint32_t seed = 20261202u;
    for (int round = 0; round < 400; ++round) {
        const std::string a = random_text(seed, 30), b = random_text(seed, 30);
        INFO("a=" << a << "\nb=" << b);
        const LineDiff d = line_diff(a, b);
        REQUIRE_FALSE(d.gave_up);
        CHECK(rebuild(d, DiffOp::Removed) == a);
        CHECK(rebuild(d, DiffOp::Added) == b);
        const std::vector<std::string> la = lines_of(a), lb = lines_of(b);
        CHECK(d.removed + d.added == la.size() + lb.size() - 2 * lcs(la, lb));
    }
}

TEST_CASE("past kMaxDiffEdits edits the middle is all removed, then all added, and the diff says it gave up", "[line_diff]") {
    std::string a = "same head\n", b = "same head\n";
    const std::size_t n = kMaxDiffEdits / 2 + 10;  // n + n edits > kMaxDiffEdits
    for (std::size_t i = 0; i < n; ++i) {
        a += "a" + std::to_string(i) + "\n";
        b += "b" + std::to_string(i) + "\n";
    }
    a += "same tail\n";
    b += "same tail\n";
    const LineDiff d = line_diff(a, b);
    CHECK(d.gave_up);
    CHECK(d.removed == n);
    CHECK(d.added == n);
    CHECK(d.lines.front().text == "same head");
    CHECK(d.lines.back().text == "same tail");
    CHECK(rebuild(d, DiffOp::Removed) == a);
    CHECK(rebuild(d, DiffOp::Added) == b);
}

// tests/core/plugin_output_test.cpp: a plugin's Output split back into stdout and stderr.
#include <catch2/catch.hpp>

#include "plugin_output.h"

using namespace ssmview;

TEST_CASE("an Output without the ERROR line is all standard output", "[plugin_output]") {
    const PluginOutputSplit s = split_plugin_output("hello\nworld\n");
    CHECK(s.out == "hello\nworld\n");
    CHECK(s.err.empty());
    CHECK(s.titles == 0);
    CHECK_FALSE(s.out_cut);
}

TEST_CASE("stderr starts after the agent's ERROR line, which belongs to neither stream", "[plugin_output]") {
    const PluginOutputSplit s = split_plugin_output("ok\n\n----------ERROR-------\nwarning: disk 91% full\n");
    CHECK(s.out == "ok\n");
    CHECK(s.err == "warning: disk 91% full\n");
    CHECK(s.titles == 1);
}

TEST_CASE("an empty stdout with a stderr begins with the ERROR line", "[plugin_output]") {
    const PluginOutputSplit s = split_plugin_output("\n----------ERROR-------\nboom");
    CHECK(s.out.empty());
    CHECK(s.err == "boom");
}

TEST_CASE("each stream's own truncation marker says it was cut", "[plugin_output]") {
    const PluginOutputSplit s =
        split_plugin_output("aaaa\n---Output truncated---\n----------ERROR-------\nbbbb\n---Error truncated----");
    CHECK(s.out == "aaaa\n---Output truncated---");
    CHECK(s.out_cut);
    CHECK(s.err_cut);
}

TEST_CASE("a script that prints the ERROR line itself makes the split ambiguous, and it is counted", "[plugin_output]") {
    const PluginOutputSplit s = split_plugin_output("a\n----------ERROR-------\nb\n----------ERROR-------\nc");
    CHECK(s.titles == 2);
    CHECK(s.out == "a");
    CHECK(s.err == "b\n----------ERROR-------\nc");
}

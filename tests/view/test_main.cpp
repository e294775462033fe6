// tests/view/test_main.cpp: Catch2 v2's main, compiled once for every view test executable.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

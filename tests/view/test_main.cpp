// tests/view/test_main.cpp: Catch2 v2's main, compiled once for every view test executable.
//
// Index
//   CATCH_CONFIG_MAIN   Catch2 generates main(); each view_*_test.cpp only holds TEST_CASEs
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

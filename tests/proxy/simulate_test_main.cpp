// tests/proxy/simulate_test_main.cpp: Catch2's main for the simulated SSM's tests, and nothing else.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

// tests/proxy/proxy_test_main.cpp: Catch2's main for the proxy front's unit tests, and nothing else.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

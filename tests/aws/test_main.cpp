// tests/aws/test_main.cpp: Catch2's main, and nothing else (one translation unit compiles it).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

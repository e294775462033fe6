// tests/core/test_main.cpp: Catch2's main, and nothing else (one translation unit compiles it).
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_NO_POSIX_SIGNALS  // not available under WebAssembly
#include <catch2/catch.hpp>

# cmake/deps.cmake: where third-party code comes from, for both builds.
#
# Index
#   ssmview_deps_include   an include folder of symlinks to Debian's header-only libraries
#   imgui                  Dear ImGui 1.90.1 compiled from third_party/ (scripts/setup.sh fetches it)
#   ssmview_warnings       the project's warning flags
#
# Why a symlink folder: a wasm build must never see /usr/include (it would pull the host's glibc
# headers), and find_package(nlohmann_json) fails under emcmake. So both builds include only
# ${SSMVIEW_DEPS_INCLUDE}, which holds `nlohmann` and `catch2` links into Debian's packages.

set(SSMVIEW_DEPS_INCLUDE "${CMAKE_BINARY_DIR}/deps-include")
file(MAKE_DIRECTORY "${SSMVIEW_DEPS_INCLUDE}")
foreach(dep nlohmann catch2)
  if(NOT EXISTS "/usr/include/${dep}")
    message(FATAL_ERROR "/usr/include/${dep} is missing: run scripts/setup.sh")
  endif()
  file(CREATE_LINK "/usr/include/${dep}" "${SSMVIEW_DEPS_INCLUDE}/${dep}" SYMBOLIC)
endforeach()
add_library(ssmview_deps INTERFACE)
target_include_directories(ssmview_deps SYSTEM INTERFACE "${SSMVIEW_DEPS_INCLUDE}")

add_library(ssmview_warnings INTERFACE)
target_compile_options(ssmview_warnings INTERFACE -Wall -Wextra -Wpedantic -Wconversion -Wno-sign-conversion)

set(SSMVIEW_IMGUI_DIR "${PROJECT_SOURCE_DIR}/third_party/imgui-1.90.1" CACHE PATH "Dear ImGui 1.90.1 sources")
if(NOT EXISTS "${SSMVIEW_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${SSMVIEW_IMGUI_DIR}: run scripts/setup.sh")
endif()
add_library(imgui STATIC
  ${SSMVIEW_IMGUI_DIR}/imgui.cpp
  ${SSMVIEW_IMGUI_DIR}/imgui_draw.cpp
  ${SSMVIEW_IMGUI_DIR}/imgui_tables.cpp
  ${SSMVIEW_IMGUI_DIR}/imgui_widgets.cpp
  ${SSMVIEW_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)  # ImGui::InputText on std::string (the view's text fields)
target_include_directories(imgui SYSTEM PUBLIC ${SSMVIEW_IMGUI_DIR})
# No obsolete API; 32-bit indices let one draw list hold a 200,000-line clipped view comfortably;
# 32-bit ImWchar so the atlas can hold glyphs the platform draws for any code point (view/fonts.h).
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS ImDrawIdx=unsigned\ int
  IMGUI_USE_WCHAR32)  # code points past U+FFFF (emoji, CJK Extension B) reach the font as themselves

# libyaml reads the AWS CLI's `--output yaml` / `yaml-stream` (core/yaml_reader.cpp). Natively it
# is Debian's libyaml-dev; WebAssembly cannot link that, so the wasm build compiles the sources of
# Debian's libyaml source package (0.2.5, the version libyaml-dev ships), which scripts/setup.sh
# unpacks into third_party/. Either way the target is `ssmview_yaml`.
if(EMSCRIPTEN)
  enable_language(C)
  set(SSMVIEW_LIBYAML_DIR "${PROJECT_SOURCE_DIR}/third_party/libyaml-0.2.5" CACHE PATH "libyaml 0.2.5 sources")
  if(NOT EXISTS "${SSMVIEW_LIBYAML_DIR}/src/parser.c")
    message(FATAL_ERROR "libyaml sources not found in ${SSMVIEW_LIBYAML_DIR}: run scripts/setup.sh")
  endif()
  # Only what reading needs: no emitter, dumper or loader (the core walks parser events).
  add_library(ssmview_yaml STATIC
    ${SSMVIEW_LIBYAML_DIR}/src/api.c
    ${SSMVIEW_LIBYAML_DIR}/src/reader.c
    ${SSMVIEW_LIBYAML_DIR}/src/scanner.c
    ${SSMVIEW_LIBYAML_DIR}/src/parser.c)
  target_include_directories(ssmview_yaml SYSTEM PUBLIC ${SSMVIEW_LIBYAML_DIR}/include)
  target_compile_definitions(ssmview_yaml PUBLIC YAML_DECLARE_STATIC
    PRIVATE YAML_VERSION_MAJOR=0 YAML_VERSION_MINOR=2 YAML_VERSION_PATCH=5 YAML_VERSION_STRING="0.2.5")
  target_compile_options(ssmview_yaml PRIVATE -Oz -w)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SSMVIEW_LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)
  add_library(ssmview_yaml INTERFACE)
  target_link_libraries(ssmview_yaml INTERFACE PkgConfig::SSMVIEW_LIBYAML)
endif()

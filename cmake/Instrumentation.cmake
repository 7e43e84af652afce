# Instrumented builds, for the sanitizer run of the test suite and for fuzzing:
#   -DPASSERELLE_SANITIZE=ON   everything built with AddressSanitizer + UndefinedBehaviorSanitizer
#                              (g++ or clang++); any report fails the test that hit it.
#   -DPASSERELLE_TSAN=ON       everything built with ThreadSanitizer (the parallel stages of a
#                              build: loading, Markdown, rendering, writing).
#   -DPASSERELLE_FUZZ=ON       also the libFuzzer targets of tests/fuzz (clang++ only; implies
#                              PASSERELLE_SANITIZE).
option(PASSERELLE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(PASSERELLE_TSAN "Build with ThreadSanitizer" OFF)
option(PASSERELLE_FUZZ "Build the libFuzzer targets (needs clang++)" OFF)

if(PASSERELLE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PASSERELLE_FUZZ needs clang++: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(PASSERELLE_SANITIZE ON)  # for this configuration only, not written to the cache
endif()

if(PASSERELLE_SANITIZE)
  set(PASSERELLE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
                                 -fno-omit-frame-pointer)
  add_compile_options(${PASSERELLE_SANITIZER_FLAGS})
  add_link_options(${PASSERELLE_SANITIZER_FLAGS})
  if(PASSERELLE_FUZZ)
    # Coverage feedback for libFuzzer in every object; the fuzz targets add -fsanitize=fuzzer.
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
endif()

if(PASSERELLE_TSAN)
  if(PASSERELLE_SANITIZE)
    message(FATAL_ERROR "PASSERELLE_TSAN cannot be combined with PASSERELLE_SANITIZE or PASSERELLE_FUZZ")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

if(PASSERELLE_SANITIZE OR PASSERELLE_TSAN)
  # A report needs functions, files and lines, not variables and types: line tables only
  # (clang's -gline-tables-only, g++'s -g1, later on the command line than the build type's -g)
  # keep every frame of a report and make these trees a good deal cheaper to compile and link.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    add_compile_options(-gline-tables-only)
  else()
    add_compile_options(-g1)
  endif()
endif()

if(PASSERELLE_TSAN)
  # The ThreadSanitizer stage runs little (the unit tests, two small builds) after compiling
  # everything: without optimisation (-O0, after the build type's -O2) the tree compiles in
  # about half the time, more than the slower run costs. Not so for AddressSanitizer, whose
  # stage runs the whole suite (measured: twice the test time at -O0).
  add_compile_options(-O0)
endif()

# Executables (the CLI, tests, benchmarks) link the static archives Debian's -dev packages ship
# for the libraries below, instead of their shared objects; the installable shared library
# (cmake/GalleyInstall.cmake) still links the shared objects.
#
# Why: most galley runs convert one article in 20 ms, and a fifth of that was the dynamic
# loader: mapping 36 shared objects and resolving 7,700 symbols through all of them. These
# nine are only loaded for galley (nothing else in its closure needs them); linking them in
# leaves 26 objects to map and their symbols resolved once, at build time. The others
# (libharu, libzip, fontconfig, FreeType, HarfBuzz, fmt, toml++, tinyxml2, libunibreak,
# libpng, zlib) either ship no archive or are also loaded by another shared object.
#
# galley_dependency(NAME IMPORTED TARGET ARCHIVES a.a [b.a ...]) makes the INTERFACE target
# NAME: the imported TARGET's headers and flags everywhere, and at link time of an executable
# the ARCHIVES (in that order) in place of TARGET. -DGALLEY_STATIC_DEPS=OFF links TARGET.
option(GALLEY_STATIC_DEPS "Executables link Debian's static archives of the dependencies that ship one" ON)

function(galley_dependency name)
  cmake_parse_arguments(DEP "" "IMPORTED" "ARCHIVES" ${ARGN})
  add_library(${name} INTERFACE)
  set(archives "")
  foreach(archive IN LISTS DEP_ARCHIVES)
    find_library(${name}_${archive} NAMES ${archive})
    if(NOT ${name}_${archive})
      set(archives "")
      break()
    endif()
    list(APPEND archives ${${name}_${archive}})
    mark_as_advanced(${name}_${archive})
  endforeach()
  if(NOT GALLEY_STATIC_DEPS OR NOT archives)
    target_link_libraries(${name} INTERFACE ${DEP_IMPORTED})
    return()
  endif()
  foreach(usage INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS)
    set_property(TARGET ${name} APPEND PROPERTY INTERFACE_${usage}
                 "$<TARGET_PROPERTY:${DEP_IMPORTED},INTERFACE_${usage}>")
  endforeach()
  # The head target is the one being linked: an executable gets the archives, a library
  # (whose compile needs only the usage requirements above) the shared object.
  set(executable "$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>")
  target_link_libraries(${name} INTERFACE "$<IF:${executable},${archives},${DEP_IMPORTED}>")
endfunction()

galley_dependency(galley_dep_cmark IMPORTED CmarkGfm::extensions
                  ARCHIVES libcmark-gfm-extensions.a libcmark-gfm.a)
galley_dependency(galley_dep_yaml IMPORTED yaml-cpp ARCHIVES libyaml-cpp.a)
galley_dependency(galley_dep_utf8proc IMPORTED PkgConfig::utf8proc ARCHIVES libutf8proc.a)
galley_dependency(galley_dep_hyphen IMPORTED Hyphen::Hyphen ARCHIVES libhyphen.a)
galley_dependency(galley_dep_jpeg IMPORTED JPEG::JPEG ARCHIVES libjpeg.a)
galley_dependency(galley_dep_gif IMPORTED GIF::GIF ARCHIVES libgif.a)
galley_dependency(galley_dep_webp IMPORTED PkgConfig::libwebp ARCHIVES libwebp.a)
galley_dependency(galley_dep_deflate IMPORTED PkgConfig::libdeflate ARCHIVES libdeflate.a)
galley_dependency(galley_dep_uuid IMPORTED PkgConfig::uuid ARCHIVES libuuid.a)

# galley_search_order_first(TARGET): the shared objects with the most symbols to bind at
# start-up first in TARGET's DT_NEEDED list. The loader looks every symbol up in the objects
# in that order, so a library's own symbols found 25 objects down cost 25 hash probes each:
# libcrypto (libzip's dependency, linked -z now: 3,400 symbols bound up front, nearly all
# its own), libstdc++ (1,800), libc (800, from every object). First, they cut the loader's
# work at `galley --version` from 15.8 M to 10.1 M instructions.
#
# With GALLEY_MIMALLOC (the default, when not built with a sanitizer), mimalloc comes before
# all of them: the first malloc the loader finds is the one every object's calls bind to. For
# the CLI only; a program embedding the library keeps its own allocator.
option(GALLEY_MIMALLOC "The CLI allocates with mimalloc (libmimalloc-dev)" ON)
function(galley_search_order_first target)
  set(first "")
  set(objects libcrypto.so.3 libstdc++.so.6 libc.so.6 libm.so.6)
  if(GALLEY_MIMALLOC AND NOT GALLEY_SANITIZE AND NOT GALLEY_SANITIZE_THREAD AND NOT GALLEY_FUZZ)
    find_library(galley_mimalloc NAMES libmimalloc.so.2)
    mark_as_advanced(galley_mimalloc)
    if(NOT galley_mimalloc)
      message(FATAL_ERROR "GALLEY_MIMALLOC: libmimalloc.so.2 not found (apt-get install libmimalloc-dev, "
                          "or -DGALLEY_MIMALLOC=OFF)")
    endif()
    list(PREPEND objects libmimalloc.so.2)
  endif()
  foreach(object ${objects})
    find_library(galley_first_${object} NAMES ${object})
    mark_as_advanced(galley_first_${object})
    if(galley_first_${object})
      list(APPEND first -l:${object})
    endif()
  endforeach()
  # Link options come before the objects on the command line, so these are the first
  # shared objects the linker records.
  target_link_options(${target} PRIVATE "LINKER:--push-state,--no-as-needed" ${first} "LINKER:--pop-state")
endfunction()

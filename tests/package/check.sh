#!/usr/bin/env bash
# Installs the build tree into a temporary prefix, then builds and runs a consumer project
# against it with find_package (shared and static) and with pkg-config.
#
# Usage: tests/package/check.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
for file in include/galley/galley.hpp include/galley/version.hpp lib/libgalley.a \
            lib/cmake/galley/galleyConfig.cmake lib/cmake/galley/galleyConfigVersion.cmake \
            lib/pkgconfig/galley.pc bin/galley share/galley/styles/article.toml; do
  [[ -e $prefix/$file ]] || { echo "FAIL: not installed: $file"; exit 1; }
done
ls "$prefix"/lib/libgalley.so.* >/dev/null || { echo "FAIL: no shared library installed"; exit 1; }
# The public headers include no third-party header.
if grep -rhoE '#include <[^>]+>' "$prefix/include/galley" | grep -vE '<(galley/|[a-z_]+>)' | sort -u | grep .; then
  echo "FAIL: public headers include third-party headers (above)"; exit 1
fi

ctest --build-and-test "$source_dir/tests/package" "$work/consumer" \
  --build-generator "Unix Makefiles" --build-options "-DCMAKE_PREFIX_PATH=$prefix" \
  --test-command "$work/consumer/consumer_shared" >"$work/cmake.log" 2>&1 ||
  { cat "$work/cmake.log"; echo "FAIL: find_package consumer (shared)"; exit 1; }
# (Output captured before matching: `program | grep -q` fails under pipefail when grep quits early.)
runs_ok() { local out; out=$("$@") && [[ $out == *ok ]]; }
runs_ok "$work/consumer/consumer_shared" || { echo "FAIL: shared consumer"; exit 1; }
runs_ok "$work/consumer/consumer_static" || { echo "FAIL: static consumer"; exit 1; }

export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
# shellcheck disable=SC2046
g++ -o "$work/pc_consumer" "$source_dir/tests/package/main.cpp" $(pkg-config --cflags --libs galley) \
  -Wl,-rpath,"$prefix/lib"
runs_ok "$work/pc_consumer" || { echo "FAIL: pkg-config consumer"; exit 1; }
# Static: the archive itself (the linker would prefer the .so for -lgalley), then what
# Libs.private lists.
static_libs=$(pkg-config --static --libs galley)
# shellcheck disable=SC2086
g++ -o "$work/pc_static" "$source_dir/tests/package/main.cpp" $(pkg-config --cflags galley) \
  "$prefix/lib/libgalley.a" ${static_libs//-lgalley/}
"$work/pc_static" "$source_dir/tests/package/main.cpp" \
  $(pkg-config --cflags galley) "$prefix/lib/libgalley.a" $(pkg-config --libs-only-other --static galley | sed 's/-lgalley//') \
  $(pkg-config --static --libs galley | sed "s|-L[^ ]*||; s|-lgalley||")
runs_ok "$work/pc_static" || { echo "FAIL: static pkg-config consumer"; exit 1; }
echo "package: installed tree found by find_package (shared, static) and pkg-config (shared, static)"

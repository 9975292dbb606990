// The built-in styles: the files in styles/, compiled into the library (see CMakeLists.txt,
// which writes builtin_styles.cpp from them), so `galley pdf` needs no style file.
#pragma once

#include <string_view>

namespace galley::style::builtins {

struct Builtin {
  std::string_view name;    ///< the file name without .toml
  std::string_view source;  ///< the file's TOML
};

/// Every built-in, default ("article") first.
extern const Builtin table[];
extern const std::size_t count;

}  // namespace galley::style::builtins

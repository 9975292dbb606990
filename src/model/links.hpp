// Which link targets an output may make live: web and mail URLs only, percent-encoded where
// a URL may not hold a character as written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::model {

/// A link target safe to put in an `href`: http, https and mailto URLs only, with spaces,
/// non-ASCII bytes and characters URLs may not hold percent-encoded. nullopt for any other
/// scheme (javascript:, data:, file:), for relative paths (they would point at files the
/// book does not hold) and for fragments.
std::optional<std::string> safe_link(std::string_view target);

/// True when `source` names a remote resource (it has a URL scheme such as http:).
bool has_url_scheme(std::string_view source);

}  // namespace galley::model

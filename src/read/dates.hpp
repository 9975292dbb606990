// Recognises a line that is only a date, as news sites print them: "March 7, 2024",
// "7 March 2024", "Mar. 7, 2024", "2024-03-07", "07.03.2024", "Thursday, 7 March 2024",
// "7 марта 2024 г.", "7. März 2024", "1er mars 2024", "7 de marzo de 2024", optionally
// led by "Published:"/"Updated" and followed by a time of day.
#pragma once

#include <optional>
#include <string_view>

#include "galley/model/document.hpp"

namespace galley::read {

/// The date the whole line states, or nothing when the line holds anything else.
std::optional<model::Date> parse_date_line(std::string_view line);

}  // namespace galley::read

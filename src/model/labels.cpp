// The labels table: English, French, German, Russian and Spanish.
#include "model/labels.hpp"

namespace galley::model {
namespace {

constexpr Labels english{"By", "and", "Source:", "Notes", "Contents", "Cover", "Edited by",
                         "Untitled", "Back to text", "Title page", "Start"};
constexpr Labels french{"Par", "et", "Source\u00a0:", "Notes", "Sommaire", "Couverture",
                        "Sous la direction de", "Sans titre", "Retour au texte", "Page de titre",
                        "D\u00e9but"};
constexpr Labels german{"Von", "und", "Quelle:", "Anmerkungen", "Inhalt", "Umschlag",
                        "Herausgegeben von", "Ohne Titel", "Zur\u00fcck zum Text", "Titelseite",
                        "Anfang"};
// Russian bylines name the authors without a word before them.
constexpr Labels russian{"", "\u0438",
                         "\u0418\u0441\u0442\u043e\u0447\u043d\u0438\u043a:",
                         "\u041f\u0440\u0438\u043c\u0435\u0447\u0430\u043d\u0438\u044f",
                         "\u0421\u043e\u0434\u0435\u0440\u0436\u0430\u043d\u0438\u0435",
                         "\u041e\u0431\u043b\u043e\u0436\u043a\u0430",
                         "\u0421\u043e\u0441\u0442\u0430\u0432\u0438\u0442\u0435\u043b\u044c:",
                         "\u0411\u0435\u0437 \u043d\u0430\u0437\u0432\u0430\u043d\u0438\u044f",
                         "\u041d\u0430\u0437\u0430\u0434 \u043a \u0442\u0435\u043a\u0441\u0442\u0443",
                         "\u0422\u0438\u0442\u0443\u043b", "\u041d\u0430\u0447\u0430\u043b\u043e"};
constexpr Labels spanish{"Por", "y", "Fuente:", "Notas", "\u00cdndice", "Cubierta", "Edici\u00f3n de",
                         "Sin t\u00edtulo", "Volver al texto", "Portada", "Inicio"};

}  // namespace

const Labels& labels_for(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find('-'));
  if (primary == "fr") return french;
  if (primary == "de") return german;
  if (primary == "ru") return russian;
  if (primary == "es") return spanish;
  return english;
}

std::string join_names(const std::vector<std::string>& names, const Labels& labels) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0 && i + 1 < names.size()) {
      out += ", ";
    } else if (i > 0) {
      out += ' ';
      out += labels.and_;
      out += ' ';
    }
    out += names[i];
  }
  return out;
}

}  // namespace galley::model

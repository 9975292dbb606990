// Reads an article and renders it to JSON and EPUB in memory through the installed galley.
#include <galley/galley.hpp>
#include <galley/version.hpp>

#include <iostream>

int main() {
  const galley::Document article = galley::read_markdown("# Installed\n\nIt works.\n");
  const std::string json = galley::render(article, "json");
  const std::string epub = galley::render(article, "epub");
  if (json.find("\"Installed\"") == std::string::npos || epub.substr(0, 2) != "PK") return 1;
  std::cout << "galley " << galley::version << " from the installed tree: ok\n";
  return 0;
}

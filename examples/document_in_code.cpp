// Building an article in code, not from Markdown, and rendering it to memory: what a CMS
// that already holds its articles as data does.
//
//   galley-document-in-code OUT.epub     writes a one-article EPUB built from code
#include <galley/galley.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  using namespace galley::model;
  if (argc != 2) {
    std::cerr << "usage: galley-document-in-code OUT.epub\n";
    return 64;
  }
  galley::Document article;
  article.meta.title = "Council Approves the New Ferry Timetable";
  article.meta.subtitle = "Boats every twenty minutes from May";
  article.meta.authors = {"Harriet Okafor"};
  article.meta.date = Date{2024, 4, 2};
  article.meta.date_text = "April 2, 2024";
  article.meta.lang = "en-GB";
  article.blocks = {
      Para{{Text{"The council voted on Tuesday to run the Wend ferry every twenty minutes, "},
            Emph{{Text{"from the first of May"}}}, Text{"."}}},
      Header{2, {Text{"What changes"}}},
      BulletList{{ListItem{{Para{{Text{"Early boats at 6:40"}}}}}, ListItem{{Para{{Text{"Late boats until 23:00"}}}}}}},
  };
  try {
    const std::string epub = galley::render(article, "epub");
    std::ofstream(argv[1], std::ios::binary).write(epub.data(), static_cast<std::streamsize>(epub.size()));
    std::cout << "wrote " << epub.size() << " bytes to " << argv[1] << '\n';
  } catch (const galley::Error& error) {
    std::cerr << galley::render(error.diagnostic()) << '\n';
    return galley::exit_code(error.kind());
  }
  return 0;
}

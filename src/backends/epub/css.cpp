// The built-in EPUB stylesheet, used until style files drive the CSS (issue 4): serif body,
// sans-serif headings, figures with captions and credits, a boxed related-article aside and
// pop-up footnotes. Sizes are relative so that readers' font settings still work.
#include "backends/epub/book.hpp"

namespace galley::backends::epub {
namespace {

constexpr std::string_view css = R"css(/* galley: built-in EPUB stylesheet */
html {
  font-family: Georgia, "Charis SIL", "DejaVu Serif", "Liberation Serif", serif;
  line-height: 1.45;
  orphans: 2;
  widows: 2;
}
body {
  margin: 0 5%;
}
h1, h2, h3, h4, h5, h6 {
  font-family: "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", sans-serif;
  line-height: 1.2;
  page-break-after: avoid;
  break-after: avoid;
  hyphens: manual;
  -epub-hyphens: manual;
}
h1 { font-size: 1.8em; margin: 1em 0 0.4em; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.4em; }
h3 { font-size: 1.12em; margin: 1.2em 0 0.3em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em; }
p {
  margin: 0;
  text-indent: 1.2em;
  text-align: justify;
  hyphens: auto;
  -epub-hyphens: auto;
}
h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, header + p, figure + p,
blockquote + p, ul + p, ol + p, pre + p, div + p, hr + p, aside + p, .lead + p {
  text-indent: 0;
}
a { color: #7a1a12; text-decoration: none; }

/* The title block of an article. */
.title-block { margin: 0 0 1.2em; }
.title-block h1 { margin-bottom: 0.3em; }
.dek {
  font-size: 1.15em;
  font-style: italic;
  text-indent: 0;
  margin-bottom: 0.6em;
}
.byline, .dateline {
  font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  font-size: 0.85em;
  text-indent: 0;
  text-align: left;
  color: #444;
}
.byline { font-weight: bold; }

/* Figures: the picture, then its caption with the credit set apart. */
figure {
  margin: 1em 0;
  text-align: center;
  page-break-inside: avoid;
  break-inside: avoid;
}
figure img { max-width: 100%; height: auto; }
figcaption, .image-alt {
  font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  font-size: 0.8em;
  text-align: left;
  text-indent: 0;
  margin-top: 0.4em;
  color: #333;
}
.credit { color: #777; font-size: 0.9em; text-transform: uppercase; letter-spacing: 0.03em; }
.image-alt { font-style: italic; }

/* Quotes, lists, code and tables. */
blockquote { margin: 1em 1.5em; font-style: italic; }
blockquote p { text-indent: 0; }
ul, ol { margin: 0.6em 0 0.6em 1.5em; padding: 0; }
li p { text-indent: 0; }
ul.tasks { list-style: none; margin-left: 0.5em; }
.task-box { font-family: "DejaVu Sans", sans-serif; }
li.done { color: #555; }
code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace; font-size: 0.85em; }
pre {
  margin: 1em 0;
  padding: 0.6em;
  background: #f4f2ee;
  white-space: pre-wrap;
  text-align: left;
}
pre code { font-size: 1em; }
div.table { margin: 1em 0; overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ccc; vertical-align: top; }
thead th { border-bottom: 2px solid #444; font-family: "Helvetica Neue", Arial, sans-serif; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }
hr { border: 0; border-top: 1px solid #999; width: 30%; margin: 1.5em auto; }
del { color: #666; }

/* A related-article box beside the text. */
aside.related {
  margin: 1em 0;
  padding: 0.5em 0.8em;
  border-left: 4px solid #7a1a12;
  background: #f6f1e7;
  font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  font-size: 0.9em;
}
aside.related p { text-indent: 0; text-align: left; }
aside.related .label { font-weight: bold; }

/* Source line and footnotes at the end of an article. */
.source {
  margin-top: 1.5em;
  font-size: 0.8em;
  text-indent: 0;
  text-align: left;
  color: #555;
  word-wrap: break-word;
}
sup { font-size: 0.7em; line-height: 0; }
.noteref { text-decoration: none; }
section.footnotes { margin-top: 1.5em; border-top: 1px solid #999; font-size: 0.85em; }
aside.footnote p { text-indent: 0; margin: 0.4em 0; }
.backlink { font-weight: bold; }

/* Cover and title page. */
body.cover { margin: 0; padding: 0; text-align: center; }
section.cover img { max-width: 100%; max-height: 100%; }
.titlepage { margin-top: 30%; text-align: center; }
.titlepage p { text-indent: 0; text-align: center; }
.book-title { font-size: 2.2em; }
.editor { font-size: 1.1em; margin-top: 1em; }
.book-date { color: #555; margin-top: 0.5em; }
nav ol { list-style: none; margin-left: 1em; }
nav > ol { margin-left: 0; }
)css";

}  // namespace

std::string_view stylesheet() { return css; }

}  // namespace galley::backends::epub

// The parts of an article around its body: the title block above it, the notes and the
// source line below it (title_block.cpp, notes.cpp).
#pragma once

#include <vector>

#include "galley/model/document.hpp"
#include "layout/blocks.hpp"
#include "layout/context.hpp"
#include "layout/flow.hpp"

namespace galley::layout {

/// The article's title as shown in outlines and running heads ("Untitled" in its language
/// when it has none).
std::string shown_title(Context& context, const model::Document& document);

/// Headline, dek, byline, dateline, a rule, and the lead figure; kept together with the first
/// lines of the body, spanning every column. The first slice carries the article's outline
/// entry (level 0).
std::vector<Slice> set_title_block(Context& context, const model::Document& document, Frame frame);

/// The article's notes, from index `first` of Context::notes() (the first this article
/// numbered; the body is set already): those marked in the body, and those they mark in
/// turn, become Flow::notes, set at the foot of the column of their mark; the rest (notes no
/// mark refers to, and every note when link URLs are endnotes) are listed under a rule and a
/// "Notes" heading, each with its number and the destination its marks link to.
void lay_out_notes(BlockWriter& writer, const model::Document& document, std::size_t first, Frame frame);

/// "Source: URL", the URL a live link when it is a web address.
std::vector<Slice> set_source_line(Context& context, const std::string& source, Frame frame);

}  // namespace galley::layout

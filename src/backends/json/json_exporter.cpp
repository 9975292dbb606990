// Model -> JSON with keys in a fixed order, so the output is a stable, diffable contract.
#include "backends/json/json_exporter.hpp"

#include <nlohmann/json.hpp>

namespace galley::backends {
namespace {

using Json = nlohmann::ordered_json;

Json inlines_json(const model::Inlines& inlines);
Json blocks_json(const model::Blocks& blocks);

Json node(std::string_view type) { return Json{{"type", type}}; }

Json inline_json(const model::Inline& item) {
  return std::visit(
      [](const auto& n) -> Json {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, model::Text>) {
          auto j = node("Text");
          j["text"] = n.text;
          return j;
        } else if constexpr (std::is_same_v<T, model::Code>) {
          auto j = node("Code");
          j["text"] = n.text;
          return j;
        } else if constexpr (std::is_same_v<T, model::Link>) {
          auto j = node("Link");
          j["target"] = n.target;
          j["title"] = n.title;
          j["content"] = inlines_json(n.content);
          return j;
        } else if constexpr (std::is_same_v<T, model::Image>) {
          auto j = node("Image");
          j["source"] = n.source;
          j["alt"] = n.alt;
          j["title"] = n.title;
          return j;
        } else if constexpr (std::is_same_v<T, model::LineBreak>) {
          return node("LineBreak");
        } else if constexpr (std::is_same_v<T, model::NoteRef>) {
          auto j = node("NoteRef");
          j["number"] = n.number;
          return j;
        } else {
          auto j = node(std::is_same_v<T, model::Emph>     ? "Emph"
                        : std::is_same_v<T, model::Strong> ? "Strong"
                                                           : "Strikeout");
          j["content"] = inlines_json(n.content);
          return j;
        }
      },
      item.node);
}

Json inlines_json(const model::Inlines& inlines) {
  Json array = Json::array();
  for (const auto& item : inlines) array.push_back(inline_json(item));
  return array;
}

std::string_view alignment_name(model::Alignment alignment) {
  switch (alignment) {
    case model::Alignment::left: return "left";
    case model::Alignment::center: return "center";
    case model::Alignment::right: return "right";
    case model::Alignment::default_: break;
  }
  return "default";
}

Json items_json(const std::vector<model::ListItem>& items) {
  Json array = Json::array();
  for (const auto& item : items) {
    auto j = node("ListItem");
    j["checked"] = item.task == model::Task::none ? Json(nullptr) : Json(item.task == model::Task::done);
    j["content"] = blocks_json(item.content);
    array.push_back(std::move(j));
  }
  return array;
}

Json rows_json(const std::vector<model::Table::Row>& rows) {
  Json array = Json::array();
  for (const auto& row : rows) {
    Json cells = Json::array();
    for (const auto& cell : row) cells.push_back(inlines_json(cell));
    array.push_back(std::move(cells));
  }
  return array;
}

Json block_json(const model::Block& block) {
  return std::visit(
      [](const auto& n) -> Json {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, model::Para>) {
          auto j = node("Para");
          j["content"] = inlines_json(n.content);
          return j;
        } else if constexpr (std::is_same_v<T, model::Header>) {
          auto j = node("Header");
          j["level"] = n.level;
          j["content"] = inlines_json(n.content);
          return j;
        } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
          auto j = node("BlockQuote");
          j["content"] = blocks_json(n.content);
          return j;
        } else if constexpr (std::is_same_v<T, model::BulletList>) {
          auto j = node("BulletList");
          j["tight"] = n.tight;
          j["content"] = items_json(n.items);
          return j;
        } else if constexpr (std::is_same_v<T, model::OrderedList>) {
          auto j = node("OrderedList");
          j["start"] = n.start;
          j["tight"] = n.tight;
          j["content"] = items_json(n.items);
          return j;
        } else if constexpr (std::is_same_v<T, model::CodeBlock>) {
          auto j = node("CodeBlock");
          j["language"] = n.language;
          j["text"] = n.text;
          return j;
        } else if constexpr (std::is_same_v<T, model::Table>) {
          auto j = node("Table");
          Json align = Json::array();
          for (auto a : n.alignments) align.push_back(alignment_name(a));
          j["align"] = std::move(align);
          j["head"] = rows_json(n.head);
          j["content"] = rows_json(n.body);
          return j;
        } else if constexpr (std::is_same_v<T, model::Figure>) {
          auto j = node("Figure");
          j["image"] = n.image;
          j["alt"] = n.alt;
          j["caption"] = n.caption;
          j["credit"] = n.credit;
          return j;
        } else if constexpr (std::is_same_v<T, model::HorizontalRule>) {
          return node("HorizontalRule");
        } else {
          static_assert(std::is_same_v<T, model::Aside>);
          auto j = node("Aside");
          j["label"] = n.label;
          j["content"] = inlines_json(n.content);
          return j;
        }
      },
      block.node);
}

Json blocks_json(const model::Blocks& blocks) {
  Json array = Json::array();
  for (const auto& block : blocks) array.push_back(block_json(block));
  return array;
}

Json optional_string(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json document_json(const model::Document& document) {
  const auto& meta = document.meta;
  Json j;
  j["meta"] = Json{
      {"title", meta.title},
      {"subtitle", meta.subtitle},
      {"authors", meta.authors},
      {"date", meta.date ? Json(meta.date->iso()) : Json(nullptr)},
      {"date_text", meta.date_text},
      {"lang", meta.lang},
      {"source", optional_string(meta.source)},
      {"tags", meta.tags},
      {"summary", meta.summary},
      {"extra", Json::object()},
  };
  for (const auto& [key, value] : meta.extra) j["meta"]["extra"][key] = value;
  if (document.lead) {
    j["lead"] = Json{{"image", optional_string(document.lead->image)},
                     {"alt", document.lead->alt},
                     {"caption", document.lead->caption},
                     {"credit", document.lead->credit}};
  } else {
    j["lead"] = nullptr;
  }
  j["blocks"] = blocks_json(document.blocks);
  Json notes = Json::array();
  for (std::size_t i = 0; i < document.notes.size(); ++i) {
    notes.push_back(Json{{"number", i + 1},
                         {"label", document.notes[i].label},
                         {"content", blocks_json(document.notes[i].content)}});
  }
  j["notes"] = std::move(notes);
  return j;
}

void write_json(const Json& j, const ExportOptions& options, ByteSink& sink) {
  sink.write(j.dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace));
  sink.write("\n");
}

class JsonExporter final : public Exporter {
 public:
  std::string_view name() const override { return "json"; }
  std::string_view description() const override {
    return "the article model as JSON (what `galley inspect` prints)";
  }
  std::string_view extension() const override { return ".json"; }
  Target target() const override { return Target::model; }

  void write_model(const model::Document& document, const ExportOptions& options, ByteSink& sink,
                   Diagnostics&) const override {
    write_json(document_json(document), options, sink);
  }

  void write_collection(const model::Collection& collection,
                        const std::vector<model::Document>& articles, const ExportOptions& options,
                        ByteSink& sink, Diagnostics&) const override {
    Json j;
    j["collection"] = Json{{"title", collection.title},
                           {"editor", collection.editor},
                           {"lang", collection.lang},
                           {"cover", optional_string(collection.cover)},
                           {"style", optional_string(collection.style)},
                           {"articles", collection.articles}};
    Json documents = Json::array();
    for (const auto& article : articles) documents.push_back(document_json(article));
    j["documents"] = std::move(documents);
    write_json(j, options, sink);
  }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() { return std::make_unique<JsonExporter>(); }

}  // namespace galley::backends

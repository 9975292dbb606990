// Subcommands: inspect, epub, pdf, trace, check, formats, styles. Arguments -> Job -> run -> exit code.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/progress.hpp"
#include "galley/job.hpp"
#include "galley/style.hpp"
#include "galley/version.hpp"

namespace galley::cli {
namespace {

void print_diagnostics(const Diagnostics& diagnostics, bool quiet) {
  for (const auto& diagnostic : diagnostics.items()) {
    if (quiet && diagnostic.severity != Severity::error) continue;
    std::cerr << render(diagnostic) << '\n';
  }
}

// A failure whose messages are printed already; carries the exit code.
struct Reported {
  int code;
};

// Options every reading subcommand shares.
struct ReadFlags {
  bool no_conventions = false;
  std::vector<std::string> disabled;
  std::size_t max_input_bytes = ReadOptions{}.max_input_bytes;
  int max_images = ReadOptions{}.max_images;
  std::vector<std::string> resource_path;

  void add_to(CLI::App& command) {
    command.add_flag("--no-conventions", no_conventions,
                     "Read the Markdown as written: no news conventions");
    command
        .add_option("--no-convention", disabled,
                    fmt::format("Switch one convention off (repeatable): {}", Conventions::names()))
        ->delimiter(',');
    command.add_option("--max-input-size", max_input_bytes, "Refuse larger inputs (bytes)")
        ->capture_default_str();
    command.add_option("--max-images", max_images, "Refuse an article naming more pictures")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    command.add_option("--resource-path", resource_path,
                       "A further folder pictures may come from, searched after the article's own (repeatable)");
  }

  ReadOptions options() const {
    ReadOptions read;
    read.max_input_bytes = max_input_bytes;
    read.max_images = max_images;
    read.resource_path = resource_path;
    if (no_conventions) read.conventions = Conventions::none();
    for (const auto& name : disabled) {
      if (!read.conventions.set(name, false)) {
        throw Error(ErrorKind::usage, "", 0,
                    fmt::format("unknown convention '{}'; known: {}", name, Conventions::names()));
      }
    }
    return read;
  }
};

// Options of the subcommands that convert many articles at once: threads, failures, shards.
struct BatchFlags {
  unsigned jobs = 0;
  bool fail_fast = false;
  std::string shard;

  void add_to(CLI::App& command) {
    command.add_option("-j,--jobs", jobs, "Articles converted at once (default: one per core)")
        ->check(CLI::PositiveNumber);
    command.add_flag("--fail-fast", fail_fast, "Stop at the first article that fails (default: go on with the others)");
    command.add_option("--shard", shard, "Convert only slice K of N (1 <= K <= N) of the articles, e.g. 3/8");
  }

  void apply_to(Job& job) const {
    job.threads = jobs;
    job.fail_fast = fail_fast;
    if (shard.empty()) return;
    unsigned k = 0;
    unsigned n = 0;
    const char* end = shard.data() + shard.size();
    const auto [after_k, k_error] = std::from_chars(shard.data(), end, k);
    const bool slash = k_error == std::errc{} && after_k != end && *after_k == '/';
    const auto [after_n, n_error] = slash ? std::from_chars(after_k + 1, end, n) : std::from_chars_result{end, std::errc::invalid_argument};
    if (!slash || n_error != std::errc{} || after_n != end || k < 1 || k > n) {
      throw Error(ErrorKind::usage, "", 0, fmt::format("--shard takes K/N with 1 <= K <= N, e.g. 3/8; not '{}'", shard));
    }
    job.shard = {k, n};
  }
};

// The command line exits as soon as its job is done, so what the job allocated is left to the
// operating system (Job::free_memory); not under AddressSanitizer (GALLEY_LEAK_CHECKED, set by
// CMake for the sanitizer and fuzz builds), whose leak check at exit would report it.
#if defined(GALLEY_LEAK_CHECKED)
constexpr bool free_job_memory = true;
#else
constexpr bool free_job_memory = false;
#endif

// Runs a conversion and prints its diagnostics, with a progress bar on a terminal (unless
// quiet) and, for more than one article, a summary line at the end, even when it failed.
void run_batch(Job job, const Registry& registry, Diagnostics& diagnostics, bool quiet) {
  const auto start = std::chrono::steady_clock::now();
  ProgressBar bar(!quiet);
  job.on_progress = [&bar](std::size_t done, std::size_t total) { bar.update(done, total); };
  job.free_memory = free_job_memory;
  JobReport report;
  auto summarise = [&] {
    bar.clear();
    if (quiet || report.articles < 2) return;
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::cerr << summary_line(report, diagnostics.count(Severity::warning), seconds.count()) << '\n';
  };
  try {
    run(job, registry, diagnostics, &report);
  } catch (const Error& error) {
    bar.clear();
    print_diagnostics(diagnostics, quiet);
    std::cerr << render(error.diagnostic()) << '\n';
    summarise();
    throw Reported{exit_code(error.kind())};
  }
  print_diagnostics(diagnostics, quiet);
  summarise();
}

// Where `galley epub` and `galley pdf` write when no -o is given: beside a single article or
// manifest, with the extension swapped. Several articles have no obvious name, so -o is
// required then.
std::string default_output_path(const std::vector<std::string>& inputs, std::string_view extension,
                                std::string_view what) {
  if (inputs.size() != 1 || inputs.front() == "-") {
    throw Error(ErrorKind::usage, "", 0,
                inputs.size() == 1 ? fmt::format("an article read from standard input needs -o {}", what)
                                   : fmt::format("several articles make one {0}: name it with -o {0}", what));
  }
  return std::filesystem::path(inputs.front()).replace_extension(extension).string();
}

// The options of the paged formats (pdf, trace): inputs, output, collection metadata, --strict.
void add_paged_options(CLI::App& command, Job& job, ReadFlags& flags, BatchFlags& batch, std::string_view output_help) {
  command.add_option("input", job.inputs, "Articles (.md, '-' for stdin) in reading order, or one collection (.toml)")
      ->required();
  auto* output = command.add_option("-o,--output", job.output, std::string(output_help));
  command.add_option("--out-dir", job.output_dir, "Write one output per article into this folder (made if missing) instead")
      ->excludes(output);
  command.add_option("--title", job.collection.title, "The collection's title");
  command.add_option("--author", job.collection.editor, "The collection's author or editor");
  command.add_option("--lang", job.collection.lang, "The collection's language (BCP 47, e.g. en-GB)");
  command.add_option("--style", job.style, "Style: a built-in name (`galley styles`) or a .toml file");
  command.add_flag("--strict", job.strict, "Treat warnings as errors: write nothing when there is one");
  flags.add_to(command);
  batch.add_to(command);
  command.fallthrough();
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"galley: news articles in Markdown to PDF, print PDF and EPUB", "galley"};
  app.set_version_flag("--version", std::string("galley ") + galley::version);
  app.require_subcommand(1);
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "Print errors only, no warnings");

  Job inspect_job;
  ReadFlags inspect_flags;
  bool compact = false;
  auto* inspect = app.add_subcommand("inspect", "Print an article's model as JSON");
  inspect->add_option("input", inspect_job.inputs, "Article (.md, '-' for stdin) or collection (.toml)")
      ->required()
      ->expected(1);
  inspect->add_option("-o,--output", inspect_job.output, "Write to a file instead of stdout");
  inspect->add_flag("--compact", compact, "One line of JSON, no indentation");
  inspect_flags.add_to(*inspect);
  inspect->fallthrough();

  Job epub_job;
  epub_job.output.clear();
  ReadFlags epub_flags;
  BatchFlags epub_batch;
  auto* epub = app.add_subcommand("epub", "Bind one or more articles, or a collection, into an EPUB 3 book");
  epub->add_option("input", epub_job.inputs, "Articles (.md) in reading order, or one collection (.toml)")
      ->required();
  epub->add_option("-o,--output", epub_job.output,
                   "The book to write (default: ARTICLE.epub or COLLECTION.epub beside the input)");
  epub->add_option("--title", epub_job.collection.title, "The book's title");
  epub->add_option("--author", epub_job.collection.editor, "The book's author or editor");
  epub->add_option("--lang", epub_job.collection.lang, "The book's language (BCP 47, e.g. en-GB)");
  epub->add_option("--cover", epub_job.collection.cover, "Cover image (PNG, JPEG, GIF, WebP or SVG)");
  epub->add_option("--style", epub_job.style, "Style: a built-in name (`galley styles`) or a .toml file");
  epub->add_flag("--strict", epub_job.strict, "Treat warnings as errors: write nothing when there is one");
  epub_flags.add_to(*epub);
  epub_batch.add_to(*epub);
  epub->fallthrough();

  Job pdf_job;
  pdf_job.output.clear();
  ReadFlags pdf_flags;
  BatchFlags pdf_batch;
  auto* pdf = app.add_subcommand("pdf", "Typeset one or more articles, or a collection, as PDF");
  add_paged_options(*pdf, pdf_job, pdf_flags, pdf_batch,
                    "The PDF to write, '-' for stdout (default: ARTICLE.pdf beside the input); several articles "
                    "with -o make one PDF");

  Job trace_job;
  ReadFlags trace_flags;
  BatchFlags trace_batch;
  auto* trace = app.add_subcommand("trace", "Print the PDF's page layout as text (for debugging and tests)");
  add_paged_options(*trace, trace_job, trace_flags, trace_batch, "Write to a file instead of stdout");

  Job check_job;
  ReadFlags check_flags;
  bool check_json = false;
  auto* check = app.add_subcommand(
      "check", "Preflight: missing fonts, characters and pictures, low-resolution or RGB pictures in print styles");
  check->add_option("input", check_job.inputs, "Articles (.md, '-' for stdin) or one collection (.toml)")->required();
  check->add_option("--style", check_job.style, "Style to check against: a built-in name or a .toml file");
  check->add_option("-o,--output", check_job.output, "Write the report to a file instead of stdout");
  check->add_flag("--json", check_json, "The report as JSON (docs/check-json.md)");
  check_flags.add_to(*check);
  check->fallthrough();

  auto* formats = app.add_subcommand("formats", "List the output formats");

  auto* styles = app.add_subcommand("styles", "List the built-in styles, or print one fully resolved");
  std::string style_to_show;
  auto* show = styles->add_subcommand("show", "Print a style (built-in name or .toml file) resolved, as TOML");
  show->add_option("style", style_to_show, "Style name or file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : exit_code(ErrorKind::usage);
  }

  Diagnostics diagnostics;
  const Registry registry = Registry::with_builtins();
  try {
    if (*formats) {
      for (const auto& name : registry.names()) {
        auto exporter = registry.make(name);
        std::cout << fmt::format("{:<8} {}\n", name, exporter->description());
      }
      return 0;
    }
    if (*styles) {
      if (*show) {
        std::cout << style::to_toml(style::load(style_to_show));
      } else {
        for (const auto& name : style::builtin_names()) {
          std::cout << fmt::format("{:<8} {}\n", name, style::load(name).description);
        }
      }
      return 0;
    }
    if (*epub) {
      epub_job.format = "epub";
      epub_job.read = epub_flags.options();
      epub_batch.apply_to(epub_job);
      if (epub_job.output.empty()) epub_job.output = default_output_path(epub_job.inputs, ".epub", "BOOK.epub");
      run_batch(epub_job, registry, diagnostics, quiet);
    } else if (*pdf) {
      pdf_job.format = "pdf";
      pdf_job.read = pdf_flags.options();
      pdf_batch.apply_to(pdf_job);
      if (pdf_job.output.empty() && pdf_job.output_dir.empty()) {
        pdf_job.output = default_output_path(pdf_job.inputs, ".pdf", "FILE.pdf");
      }
      run_batch(pdf_job, registry, diagnostics, quiet);
    } else if (*check) {
      check_job.format = check_json ? "check-json" : "check";
      check_job.read = check_flags.options();
      run(check_job, registry, diagnostics);
      print_diagnostics(diagnostics, quiet);
      return diagnostics.has_errors() ? exit_code(ErrorKind::data) : 0;
    } else if (*trace) {
      trace_job.format = "trace";
      trace_job.read = trace_flags.options();
      trace_batch.apply_to(trace_job);
      run_batch(trace_job, registry, diagnostics, quiet);
    } else {
      inspect_job.format = "json";
      inspect_job.read = inspect_flags.options();
      inspect_job.export_options.pretty = !compact;
      run_batch(inspect_job, registry, diagnostics, quiet);
    }
  } catch (const Reported& reported) {
    return reported.code;
  } catch (const Error& error) {
    print_diagnostics(diagnostics, quiet);
    std::cerr << render(error.diagnostic()) << '\n';
    return exit_code(error.kind());
  } catch (const std::exception& error) {
    print_diagnostics(diagnostics, quiet);
    std::cerr << "galley: internal error: " << error.what() << '\n';
    return exit_code(ErrorKind::internal);
  }
  return 0;  // run_batch printed the diagnostics
}

}  // namespace galley::cli

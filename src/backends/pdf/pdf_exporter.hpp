// The "pdf" exporter: lays articles out (src/layout) and draws the PageTree with libharu, the
// only part that uses it.
#pragma once

#include <memory>
#include <string>

#include "galley/diagnostics.hpp"
#include "galley/export.hpp"
#include "layout/page_tree.hpp"
#include "threads/reclaimer.hpp"

namespace galley::backends {

std::unique_ptr<Exporter> make_pdf_exporter();

namespace pdf {

class EarlyChecks;

/// The bytes of a PDF that draws `tree`: fonts embedded, links, outline and document
/// information. CreationDate comes from `source_date_epoch` (SOURCE_DATE_EPOCH) when given,
/// else from tree.info.date; never from the clock. Pages are finished on up to `threads`
/// threads (0: one per core); the bytes are the same for any number. `early`, when given,
/// holds pictures already checked (images.hpp). The bytes go to `sink` once the whole
/// document is made. Throws galley::Error when libharu fails. `leftovers`, when given, takes
/// the libharu document once it is saved, to be disposed of as `disposal` says.
void render(const layout::PageTree& tree, const char* source_date_epoch, Diagnostics& diagnostics, ByteSink& sink,
            unsigned threads = 0, EarlyChecks* early = nullptr, Reclaimer* leftovers = nullptr,
            Disposal disposal = Disposal::here);
/// The same bytes as a string.
std::string render(const layout::PageTree& tree, const char* source_date_epoch, Diagnostics& diagnostics,
                   unsigned threads = 0, EarlyChecks* early = nullptr);

}  // namespace pdf
}  // namespace galley::backends

# Finds cmark-gfm and its GFM extensions (Debian: libcmark-gfm-dev,
# libcmark-gfm-extensions-dev). The core has a pkg-config file; the extensions have none.
# Defines CmarkGfm::cmark and CmarkGfm::extensions (which links the core).
find_path(CmarkGfm_INCLUDE_DIR cmark-gfm.h)
find_library(CmarkGfm_LIBRARY NAMES cmark-gfm)
find_path(CmarkGfm_EXTENSIONS_INCLUDE_DIR cmark-gfm-core-extensions.h)
find_library(CmarkGfm_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CmarkGfm REQUIRED_VARS
  CmarkGfm_LIBRARY CmarkGfm_INCLUDE_DIR CmarkGfm_EXTENSIONS_LIBRARY CmarkGfm_EXTENSIONS_INCLUDE_DIR)

if(CmarkGfm_FOUND AND NOT TARGET CmarkGfm::cmark)
  add_library(CmarkGfm::cmark UNKNOWN IMPORTED)
  set_target_properties(CmarkGfm::cmark PROPERTIES
    IMPORTED_LOCATION "${CmarkGfm_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CmarkGfm_INCLUDE_DIR}")
  add_library(CmarkGfm::extensions UNKNOWN IMPORTED)
  set_target_properties(CmarkGfm::extensions PROPERTIES
    IMPORTED_LOCATION "${CmarkGfm_EXTENSIONS_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CmarkGfm_EXTENSIONS_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES CmarkGfm::cmark)
endif()
mark_as_advanced(CmarkGfm_INCLUDE_DIR CmarkGfm_LIBRARY CmarkGfm_EXTENSIONS_INCLUDE_DIR
                 CmarkGfm_EXTENSIONS_LIBRARY)

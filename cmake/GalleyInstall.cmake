# The installable galley: one shared and one static library made of every part's objects,
# the public headers, galleyConfig.cmake + galleyConfigVersion.cmake with the exported
# targets galley::galley (shared) and galley::galley_static, and galley.pc.
#
# Inside this build tree, programs link the INTERFACE target `galley` (the parts themselves);
# these targets exist for installation and for tests/package, which builds against the
# installed tree as a stranger would.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

get_property(galley_parts GLOBAL PROPERTY GALLEY_PARTS)
get_property(galley_third_party GLOBAL PROPERTY GALLEY_THIRD_PARTY)
list(REMOVE_DUPLICATES galley_third_party)
set(galley_objects "")
foreach(part IN LISTS galley_parts)
  list(APPEND galley_objects $<TARGET_OBJECTS:${part}>)
endforeach()

# Linker flags a static consumer needs for the libraries galley uses, in link order. The
# shared library records them itself; the static one cannot, and naming imported targets
# here would make consumers find every one of galley's dependencies.
set(GALLEY_STATIC_LIBS
    -lcmark-gfm-extensions -lcmark-gfm -lyaml-cpp -ltomlplusplus -lutf8proc -ltinyxml2 -lzip -ldeflate -lz -luuid -lcrypto
    -lpng16 -ljpeg -lgif -lwebp -lhpdf -lfontconfig -lfreetype -lharfbuzz-subset -lharfbuzz -lunibreak -lhyphen -lfmt
    -pthread)
list(JOIN GALLEY_STATIC_LIBS " " GALLEY_STATIC_LIBS_TEXT)

add_library(galley_shared SHARED ${galley_objects})
set_target_properties(galley_shared PROPERTIES OUTPUT_NAME galley EXPORT_NAME galley
                      VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
target_link_libraries(galley_shared PRIVATE ${galley_third_party})
target_include_directories(galley_shared INTERFACE $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(galley_shared INTERFACE cxx_std_20)

add_library(galley_static STATIC ${galley_objects})
set_target_properties(galley_static PROPERTIES OUTPUT_NAME galley EXPORT_NAME galley_static)
target_include_directories(galley_static INTERFACE $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(galley_static INTERFACE cxx_std_20)
set_property(TARGET galley_static PROPERTY INTERFACE_LINK_LIBRARIES ${GALLEY_STATIC_LIBS})

install(TARGETS galley_shared galley_static EXPORT galleyTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/galley DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/generated/galley/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/galley)
install(TARGETS galley_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY styles/ DESTINATION ${CMAKE_INSTALL_DATADIR}/galley/styles)

set(galley_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/galley)
install(EXPORT galleyTargets NAMESPACE galley:: DESTINATION ${galley_cmake_dir})
configure_package_config_file(cmake/galleyConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/galleyConfig.cmake
                              INSTALL_DESTINATION ${galley_cmake_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/galleyConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/galleyConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/galleyConfigVersion.cmake
        DESTINATION ${galley_cmake_dir})

configure_file(cmake/galley.pc.in ${CMAKE_CURRENT_BINARY_DIR}/galley.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/galley.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

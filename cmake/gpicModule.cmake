# gpic_add_python_module: build a .gpi into an importable Python module as part of a CMake
# build, the way protobuf_generate runs protoc (docs/en/cmake.md).
#
#   gpic_add_python_module(NAME <target> GPI <file.gpi>
#                          [TARGET auto|cffi|cpython] # default auto
#                          [PYTHON <interp>...]      # default python3; each is built for
#                          [GO_MODULE <dir>]         # default: found from the .gpi's directory
#                          [OUTPUT_DIR <dir>]        # default ${CMAKE_CURRENT_BINARY_DIR}/<target>
#                          [INCLUDE_DIRS <dir>...]   # searched for imported .gpi files
#                          [DEPENDS <file>...]       # more inputs that should trigger a rebuild
#                          [EXCLUDE_FROM_ALL])       # build it only when asked for
#
# Creates the custom target <target>, part of the default build unless EXCLUDE_FROM_ALL; its
# property GPIC_PYTHONPATH is the directory to put
# on sys.path (the package is in it). The module is rebuilt when the .gpi, a .go file of the
# Go module or a DEPENDS file changes.
include_guard(GLOBAL)

function(gpic_add_python_module)
  cmake_parse_arguments(PARSE_ARGV 0 GPIC "EXCLUDE_FROM_ALL" "NAME;GPI;TARGET;GO_MODULE;OUTPUT_DIR"
                        "PYTHON;INCLUDE_DIRS;DEPENDS")
  if(GPIC_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "gpic_add_python_module: unknown arguments: ${GPIC_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required NAME GPI)
    if(NOT GPIC_${required})
      message(FATAL_ERROR "gpic_add_python_module: ${required} is required")
    endif()
  endforeach()
  if(NOT GPIC_TARGET)
    set(GPIC_TARGET auto)
  endif()
  if(NOT GPIC_TARGET MATCHES "^(auto|cffi|cpython)$")
    message(FATAL_ERROR "gpic_add_python_module: TARGET must be auto, cffi or cpython, not '${GPIC_TARGET}'")
  endif()
  if(NOT GPIC_PYTHON)
    set(GPIC_PYTHON python3)
  endif()
  if(NOT GPIC_OUTPUT_DIR)
    set(GPIC_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${GPIC_NAME}")
  endif()
  get_filename_component(gpi "${GPIC_GPI}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")

  set(command "$<TARGET_FILE:gpic::gpic>" build "${gpi}" --target ${GPIC_TARGET} -o "${GPIC_OUTPUT_DIR}"
              --color never)
  foreach(python IN LISTS GPIC_PYTHON)
    list(APPEND command --python ${python})
  endforeach()
  set(inputs "${gpi}" ${GPIC_DEPENDS})
  if(GPIC_GO_MODULE)
    get_filename_component(go_module "${GPIC_GO_MODULE}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND command --go-module "${go_module}")
    file(GLOB_RECURSE go_files CONFIGURE_DEPENDS "${go_module}/*.go" "${go_module}/go.mod"
         "${go_module}/go.sum")
    list(APPEND inputs ${go_files})
  else()
    get_filename_component(gpi_dir "${gpi}" DIRECTORY)
    file(GLOB go_files CONFIGURE_DEPENDS "${gpi_dir}/*.go" "${gpi_dir}/go.mod" "${gpi_dir}/go.sum")
    list(APPEND inputs ${go_files})
  endif()
  foreach(dir IN LISTS GPIC_INCLUDE_DIRS)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND command -I "${dir}")
    file(GLOB included CONFIGURE_DEPENDS "${dir}/*.gpi")
    list(APPEND inputs ${included})
  endforeach()

  # gpic writes the package in one step (the whole output or nothing), so a stamp touched
  # after it succeeds marks the build complete.
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${GPIC_NAME}.gpic-stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND ${command}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${inputs} "$<TARGET_FILE:gpic::gpic>"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "gpic: building Python module ${GPIC_NAME} (${GPIC_TARGET}, ${GPIC_PYTHON})"
    VERBATIM)
  if(GPIC_EXCLUDE_FROM_ALL)
    add_custom_target(${GPIC_NAME} DEPENDS "${stamp}")
  else()
    add_custom_target(${GPIC_NAME} ALL DEPENDS "${stamp}")
  endif()
  set_target_properties(${GPIC_NAME} PROPERTIES GPIC_PYTHONPATH "${GPIC_OUTPUT_DIR}")
endfunction()

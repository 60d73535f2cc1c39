# newsidx_embed(TARGET SYMBOL FILE): builds FILE's bytes into TARGET, readable at run time as
#   extern "C" const char SYMBOL_begin[]; extern "C" const char SYMBOL_end[];
# It uses the assembler's .incbin, so a multi-megabyte table compiles in milliseconds and the
# data need not exist on the user's machine at run time.
function(newsidx_embed target symbol file)
  get_filename_component(abs "${file}" ABSOLUTE)
  set(asm "${CMAKE_CURRENT_BINARY_DIR}/embed_${symbol}.S")
  file(WRITE "${asm}.in"
    "    .section .rodata\n"
    "    .global ${symbol}_begin\n"
    "    .global ${symbol}_end\n"
    "    .balign 16\n"
    "${symbol}_begin:\n"
    "    .incbin \"${abs}\"\n"
    "${symbol}_end:\n"
    "    .byte 0\n"
    "    .section .note.GNU-stack,\"\",@progbits\n")
  configure_file("${asm}.in" "${asm}" COPYONLY)
  set_source_files_properties("${asm}" PROPERTIES OBJECT_DEPENDS "${abs}")
  target_sources(${target} PRIVATE "${asm}")
endfunction()

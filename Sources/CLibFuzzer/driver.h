// libFuzzer's driver, for a fuzzer whose main() is its own (SwiftPM names an executable's
// entry point <Module>_main). Provided by clang's runtime when linked with -sanitize=fuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

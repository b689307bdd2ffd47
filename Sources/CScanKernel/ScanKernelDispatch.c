// Picks the kernel the processor runs.
#include "ScanKernel.h"

extern const EntenteScanKernel entente_portable_kernel;

#if defined(__x86_64__)
#include <cpuid.h>

extern const EntenteScanKernel entente_avx2_kernel;

bool entente_avx2_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    // The processor saves YMM registers (OSXSAVE, AVX) and the system enabled that (XCR0).
    if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return false;
    unsigned int xcrLow, xcrHigh;
    __asm__("xgetbv" : "=a"(xcrLow), "=d"(xcrHigh) : "c"(0));
    if ((xcrLow & 0x6) != 0x6) return false;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return (ebx & bit_AVX2) != 0;
}

const EntenteScanKernel *entente_scan_kernel(EntenteKernelVariant variant) {
    return variant == EntenteKernelAVX2 && entente_avx2_available() ? &entente_avx2_kernel : &entente_portable_kernel;
}
#else
bool entente_avx2_available(void) { return false; }

const EntenteScanKernel *entente_scan_kernel(EntenteKernelVariant variant) {
    (void)variant;
    return &entente_portable_kernel;
}
#endif

void entente_walk_start(EntenteWalk *walk) {
    for (intptr_t j = 0; j < walk->count; j++) {
        walk->digits[j] = 0;
        walk->direction[j] = 1;
        walk->focus[j] = j;
    }
    walk->focus[walk->count] = walk->count;
    walk->started = false;
}

// The kernel for any processor: SSE2 on x86-64 (every x86-64 has it), plain C elsewhere.
#include "ScanKernelCommon.h"

// The body passes eight-lane vectors by value between static inline functions, which the
// compiler inlines; the warning about their ABI without AVX concerns calls that never happen.
#pragma clang diagnostic ignored "-Wpsabi"

#if defined(__x86_64__) || defined(__i386__)
#include <emmintrin.h>

static inline uint64_t entente_lane_mask_sse2(entente_lanes gains, const int32_t *margins) {
    __m128i low = _mm_cmpgt_epi32((__m128i)__builtin_shufflevector(gains, gains, 0, 1, 2, 3),
                                  _mm_loadu_si128((const __m128i *)margins));
    __m128i high = _mm_cmpgt_epi32((__m128i)__builtin_shufflevector(gains, gains, 4, 5, 6, 7),
                                   _mm_loadu_si128((const __m128i *)(margins + 4)));
    __m128i words = _mm_packs_epi32(low, high);
    return (uint64_t)(_mm_movemask_epi8(_mm_packs_epi16(words, words)) & 0xFF);
}
#define KERNEL_LANE_MASK(g, m) entente_lane_mask_sse2((g), (m))
#else
static inline uint64_t entente_lane_mask_scalar(entente_lanes gains, const int32_t *margins) {
    uint64_t bits = 0;
    for (int lane = 0; lane < 8; lane++) bits |= (uint64_t)((int32_t)gains[lane] > margins[lane]) << lane;
    return bits;
}
#define KERNEL_LANE_MASK(g, m) entente_lane_mask_scalar((g), (m))
#endif

#define KERNEL(name) entente_portable_##name
#include "ScanKernelBody.h"

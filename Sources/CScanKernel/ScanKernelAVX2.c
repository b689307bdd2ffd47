// The kernel for processors with AVX2: eight actors per compare, one vmovmskps per mask.
// Compiled for AVX2 whatever the build's target; only called after entente_avx2_available.
#include "ScanKernelCommon.h"

#if defined(__x86_64__)
#include <immintrin.h>

#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)

static inline uint64_t entente_lane_mask_avx2(entente_lanes gains, const int32_t *margins) {
    __m256i above = _mm256_cmpgt_epi32((__m256i)gains, _mm256_loadu_si256((const __m256i *)margins));
    return (uint64_t)_mm256_movemask_ps(_mm256_castsi256_ps(above));
}
#define KERNEL_LANE_MASK(g, m) entente_lane_mask_avx2((g), (m))
#define KERNEL(name) entente_avx2_##name
#include "ScanKernelBody.h"

#pragma clang attribute pop
#endif

// The kernel's scalar parts, the same for every instruction set: red-line counts and the
// walk's filter. Included by ScanKernelBody.h.
#ifndef ENTENTE_SCAN_KERNEL_COMMON_H
#define ENTENTE_SCAN_KERNEL_COMMON_H

#include "ScanKernel.h"

/// Eight actors' gains: one AVX2 register, or two SSE2 registers. Read from and written to
/// the tables' and packages' int32 arrays, which need not be 32-byte aligned.
typedef uint32_t entente_lanes __attribute__((vector_size(32), aligned(4), may_alias));

/// Adds `sign` to the red-line count of every actor for whom flat option `flat` is a red
/// line, and keeps `redLined` in step.
static inline void entente_apply_red_lines(const EntenteTables *t, EntentePackage *p, intptr_t flat, int32_t sign) {
    intptr_t words = t->wordCount;
    for (intptr_t w = 0; w < words; w++) {
        uint64_t bits = t->redLineRows[flat * words + w];
        while (bits) {
            intptr_t a = w << 6 | __builtin_ctzll(bits);
            int32_t hits = p->redLineHits[a] += sign;
            uint64_t bit = 1ull << (a & 63);
            if (hits > 0) {
                p->redLined[w] |= bit;
            } else {
                p->redLined[w] &= ~bit;
            }
            bits &= bits - 1;
        }
    }
}

/// True when the package's choices come before `other` in package order.
static inline bool entente_precedes(const intptr_t *choices, const intptr_t *other, intptr_t issues) {
    for (intptr_t i = 0; i < issues; i++) {
        if (choices[i] != other[i]) return choices[i] < other[i];
    }
    return false;
}

/// Whether the package, whose non-empty coalition is computed, passes the filter (`kind` is
/// its score, a constant where the walk is specialised for it). Scores
/// are computed exactly as the engine's CoalitionMeasures computes them (integer sums, one
/// conversion and one division), so the comparison with the threshold agrees with it.
static inline __attribute__((always_inline)) bool entente_passes(const EntenteTables *t, const EntentePackage *p,
                                                                 const EntenteFilter *f, EntenteScore kind,
                                                                 intptr_t chunks) {
    const uint64_t *coalition = p->coalition;
    intptr_t words = t->wordCount;
    if (f->hasConditions) {
        intptr_t members = 0;
        for (intptr_t w = 0; w < words; w++) {
            if ((f->include[w] & ~coalition[w]) != 0 || (f->exclude[w] & coalition[w]) != 0) return false;
            members += __builtin_popcountll(coalition[w]);
        }
        if (members < f->minMembers) return false;
    }
    double score;
    switch (kind) {
    case EntenteScoreCapability: {
        // One byte of the coalition per table; `chunks` bytes cover every actor.
        int64_t units = 0;
        for (intptr_t byte = 0; byte < chunks; byte++) {
            units += t->capabilityTable[byte << 8 | ((coalition[byte >> 3] >> ((byte & 7) << 3)) & 0xFF)];
        }
        score = (double)units;
        break;
    }
    case EntenteScoreMembers: {
        intptr_t members = 0;
        for (intptr_t w = 0; w < words; w++) members += __builtin_popcountll(coalition[w]);
        score = (double)members;
        break;
    }
    case EntenteScoreTotalGain:
    case EntenteScoreMinGain: {
        int64_t sum = 0;
        int32_t lowest = INT32_MAX;
        for (intptr_t w = 0; w < words; w++) {
            uint64_t bits = coalition[w];
            while (bits) {
                int32_t gain = p->gains[w << 6 | __builtin_ctzll(bits)];
                sum += gain;
                if (gain < lowest) lowest = gain;
                bits &= bits - 1;
            }
        }
        score = kind == EntenteScoreTotalGain ? (double)sum / 1e6 : (double)lowest / 1e6;
        break;
    }
    case EntenteScoreOpenness:
        score = (double)p->opennessUnits / 1e6;
        break;
    default:
        return true;
    }
    if (score < f->threshold) return false;
    if (score == f->threshold && f->worst && !entente_precedes(p->choices, f->worst, t->issueCount)) return false;
    return true;
}

#endif

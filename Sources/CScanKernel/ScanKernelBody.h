// The kernel's body, compiled once per instruction set: ScanKernelPortable.c and
// ScanKernelAVX2.c include it after defining
//   KERNEL(name)            the instruction set's name for a function, and
//   KERNEL_LANE_MASK(v, m)  the bits of the eight lanes i of `v` (an entente_lanes) and of
//                           the margins at `m` with v[i] > m[i], as signed integers.
// Everything here is static; each variant exports only its EntenteScanKernel table.

#include "ScanKernelCommon.h"

#define ENTENTE_INLINE static inline __attribute__((always_inline))

/// Vectors a walk keeps in registers: up to 64 actors.
#define ENTENTE_REGISTER_CHUNKS 8

/// Where a walk keeps the package's gains: in registers for up to 64 actors (a local array
/// the compiler keeps in registers, written to the package only when someone reads it),
/// in the package's own memory beyond.
typedef struct {
    entente_lanes local[ENTENTE_REGISTER_CHUNKS];
} KERNEL(gains);

/// The gains' vectors (`chunks` is a constant wherever this is inlined, so the choice folds).
ENTENTE_INLINE entente_lanes *KERNEL(values)(KERNEL(gains) *g, const EntentePackage *p, intptr_t chunks) {
    return chunks <= ENTENTE_REGISTER_CHUNKS ? g->local : (entente_lanes *)p->gains;
}

ENTENTE_INLINE void KERNEL(load_gains)(KERNEL(gains) *g, const EntentePackage *p, intptr_t chunks) {
    if (chunks <= ENTENTE_REGISTER_CHUNKS) {
        for (intptr_t c = 0; c < chunks; c++) g->local[c] = ((const entente_lanes *)p->gains)[c];
    }
}

/// Writes gains held in registers to the package.
ENTENTE_INLINE void KERNEL(store_gains)(const KERNEL(gains) *g, EntentePackage *p, intptr_t chunks) {
    if (chunks <= ENTENTE_REGISTER_CHUNKS) {
        for (intptr_t c = 0; c < chunks; c++) ((entente_lanes *)p->gains)[c] = g->local[c];
    }
}

/// Writes, one word per 64 actors, the actors whose value exceeds their margin, less
/// `excluded`; returns the union of the words.
ENTENTE_INLINE uint64_t KERNEL(above_n)(const entente_lanes *values, const int32_t *margins, const uint64_t *excluded,
                                        uint64_t *out, intptr_t chunks) {
    uint64_t any = 0;
    intptr_t words = (chunks + 7) / 8;
    for (intptr_t w = 0; w < words; w++) {
        uint64_t word = 0;
        intptr_t end = chunks < 8 * w + 8 ? chunks : 8 * w + 8;
        for (intptr_t c = 8 * w; c < end; c++) word |= KERNEL_LANE_MASK(values[c], margins + 8 * c) << (8 * (c - 8 * w));
        word &= ~excluded[w];
        out[w] = word;
        any |= word;
    }
    return any;
}

/// Adds `points` to actor `actor`'s gain. In registers the vector is picked by comparing
/// every vector's index with the actor's (a constant index per vector once the loop is
/// unrolled, so the gains stay in registers); in memory it is one add.
ENTENTE_INLINE void KERNEL(add_points)(entente_lanes *gains, intptr_t actor, int32_t points, intptr_t chunks) {
    if (chunks <= ENTENTE_REGISTER_CHUNKS) {
        const entente_lanes lanes = {0, 1, 2, 3, 4, 5, 6, 7};
        const entente_lanes add = (entente_lanes)(lanes == (uint32_t)(actor & 7)) & (uint32_t)points;
        const intptr_t chunk = actor >> 3;
        for (intptr_t c = 0; c < chunks; c++) gains[c] += c == chunk ? add : (entente_lanes){0};
    } else {
        ((uint32_t *)gains)[actor] += (uint32_t)points;
    }
}

/// Keeps the links up to date as an issue moves between neighbouring flat options `from`
/// and `to`: only the links whose conditions that step changes are touched, and a gain
/// changes only when a link starts or stops holding.
ENTENTE_INLINE void KERNEL(move_links)(const EntenteTables *t, EntentePackage *p, entente_lanes *gains, intptr_t from,
                                       intptr_t to, intptr_t chunks) {
    const bool up = to > from;
    const intptr_t flat = up ? from : to;
    const intptr_t end = t->linkStepStart[flat + 1];
    for (intptr_t k = t->linkStepStart[flat]; k < end; k++) {
        const int32_t change = up ? t->linkStepChange[k] : -t->linkStepChange[k];
        const intptr_t link = t->linkStepLink[k];
        const int32_t misses = p->linkMisses[link];
        p->linkMisses[link] = misses + change;
        if (misses == 0) {
            KERNEL(add_points)(gains, t->linkOwner[link], -t->linkPoints[link], chunks);
        } else if (misses + change == 0) {
            KERNEL(add_points)(gains, t->linkOwner[link], t->linkPoints[link], chunks);
        }
    }
}

/// Moves `issue`, whose options start at flat option `offset`, from option `from` to the
/// neighbouring option `to`. `redLines` is false when no option of the issue is a red line,
/// `links` in a scenario without links or when no step of the issue changes a link.
ENTENTE_INLINE void KERNEL(move)(const EntenteTables *t, EntentePackage *p, KERNEL(gains) *g, intptr_t issue,
                                 intptr_t offset, intptr_t from, intptr_t to, bool redLines, bool links,
                                 intptr_t chunks) {
    const bool up = to > from;
    const entente_lanes *row = (const entente_lanes *)(t->stepRows + (offset + (up ? from : to)) * chunks * 8);
    entente_lanes *gains = KERNEL(values)(g, p, chunks);
    // Unsigned lanes: the sums never overflow (docs/model.md, "Arithmetic"), and wrapping is
    // defined where signed overflow is not.
    if (up) {
        for (intptr_t c = 0; c < chunks; c++) gains[c] += row[c];
    } else {
        for (intptr_t c = 0; c < chunks; c++) gains[c] -= row[c];
    }
    p->opennessUnits += t->openness[offset + to] - t->openness[offset + from];
    if (redLines) {
        if (t->hasRedLine[offset + from]) entente_apply_red_lines(t, p, offset + from, -1);
        if (t->hasRedLine[offset + to]) entente_apply_red_lines(t, p, offset + to, 1);
    }
    if (links) KERNEL(move_links)(t, p, gains, offset + from, offset + to, chunks);
    p->choices[issue] = to;
}

/// `links` is false in a scenario without links (a constant where the walk is specialised).
ENTENTE_INLINE void KERNEL(step_n)(const EntenteTables *t, EntentePackage *p, KERNEL(gains) *g, intptr_t issue,
                                   intptr_t option, bool links, intptr_t chunks) {
    KERNEL(move)(t, p, g, issue, t->optionOffset[issue], p->choices[issue], option, true, links, chunks);
}

/// Whether the walk shows the package to its worker: computes the coalition, then applies
/// the filter. Writes the gains to the package first where the filter or the worker reads them.
ENTENTE_INLINE bool KERNEL(shows)(const EntenteTables *t, EntentePackage *p, const EntenteFilter *f,
                                  EntenteScore score, KERNEL(gains) *g, intptr_t chunks) {
    if (KERNEL(above_n)(KERNEL(values)(g, p, chunks), t->margins, p->redLined, p->coalition, chunks) == 0) return false;
    if (score == EntenteScoreTotalGain || score == EntenteScoreMinGain) KERNEL(store_gains)(g, p, chunks);
    if (!entente_passes(t, p, f, score, chunks)) return false;
    KERNEL(store_gains)(g, p, chunks);
    return true;
}

/// The walk. Algorithm H runs over the outer issues (positions 1 ..< count); between two of
/// its steps the innermost issue (position 0) sweeps all its options, up and down in
/// turn, in a counted loop of its own, so that the most frequent step does no bookkeeping.
/// Tables, filter and package are copied into locals first: the compiler then knows that
/// writing choices changes none of them.
ENTENTE_INLINE EntenteWalkStatus KERNEL(walk_n)(const EntenteTables *tables, EntentePackage *package, EntenteWalk *w,
                                                const EntenteFilter *filter, intptr_t budget, intptr_t *visited,
                                                EntenteScore score, bool links, intptr_t chunks) {
    const EntenteTables t = *tables;
    const EntenteFilter f = *filter;
    EntentePackage p = *package;
    KERNEL(gains) g;
    KERNEL(load_gains)(&g, &p, chunks);
    const intptr_t k = w->count;
    intptr_t count = 0;
    EntenteWalkStatus status = EntenteWalkPaused;
    if (!w->started) {
        if (budget <= 0) goto done;
        w->started = true;
        count = 1;
        if (KERNEL(shows)(&t, &p, &f, score, &g, chunks)) {
            status = EntenteWalkFound;
            goto done;
        }
    }
    if (k == 0) {
        status = EntenteWalkFinished;
        goto done;
    }
    {
        intptr_t *restrict focus = w->focus;
        intptr_t *restrict digits = w->digits;
        intptr_t *restrict direction = w->direction;
        const intptr_t *issues = w->issues;
        const intptr_t *radices = w->radices;
        const intptr_t inner = issues[0];
        const intptr_t innerRadix = radices[0];
        const intptr_t innerOffset = t.optionOffset[inner];
        bool innerRedLines = false;
        for (intptr_t o = 0; o < innerRadix; o++) innerRedLines |= t.hasRedLine[innerOffset + o];
        const bool innerLinks = links && t.linkStepStart[innerOffset] != t.linkStepStart[innerOffset + innerRadix];
        intptr_t digit = digits[0];
        intptr_t sweep = direction[0];
        for (;;) {
            // Sweep the innermost issue to its far end, or as far as the budget goes.
            intptr_t end = count + (sweep > 0 ? innerRadix - 1 - digit : digit);
            if (end > budget) end = budget;
            while (count < end) {
                KERNEL(move)(&t, &p, &g, inner, innerOffset, digit, digit + sweep, innerRedLines, innerLinks, chunks);
                digit += sweep;
                count++;
                if (KERNEL(shows)(&t, &p, &f, score, &g, chunks)) {
                    status = EntenteWalkFound;
                    goto save;
                }
            }
            if (count >= budget) goto save;
            sweep = -sweep;
            intptr_t j = focus[1];
            focus[1] = 1;
            if (j == k) {
                status = EntenteWalkFinished;
                goto save;
            }
            intptr_t outer = digits[j] + direction[j];
            digits[j] = outer;
            KERNEL(step_n)(&t, &p, &g, issues[j], outer, links, chunks);
            if (outer == 0 || outer == radices[j] - 1) {
                direction[j] = -direction[j];
                focus[j] = focus[j + 1];
                focus[j + 1] = j + 1;
            }
            count++;
            if (KERNEL(shows)(&t, &p, &f, score, &g, chunks)) {
                status = EntenteWalkFound;
                goto save;
            }
        }
    save:
        digits[0] = digit;
        direction[0] = sweep;
    }
done:
    KERNEL(store_gains)(&g, package, chunks);
    package->opennessUnits = p.opennessUnits;
    *visited += count;
    return status;
}

// The entry points specialise the loops for up to 64 actors (eight vectors), where the
// vector count is a constant the compiler unrolls; larger scenarios take the general loop.
#define KERNEL_SPECIALISED(body) \
    switch (t->chunkCount) { \
    case 1: { const intptr_t n = 1; body; } break; \
    case 2: { const intptr_t n = 2; body; } break; \
    case 3: { const intptr_t n = 3; body; } break; \
    case 4: { const intptr_t n = 4; body; } break; \
    case 5: { const intptr_t n = 5; body; } break; \
    case 6: { const intptr_t n = 6; body; } break; \
    case 7: { const intptr_t n = 7; body; } break; \
    case 8: { const intptr_t n = 8; body; } break; \
    default: { const intptr_t n = t->chunkCount; body; } break; \
    }

static void KERNEL(step)(const EntenteTables *t, EntentePackage *p, intptr_t issue, intptr_t option) {
    KERNEL_SPECIALISED({
        KERNEL(gains) g;
        KERNEL(load_gains)(&g, p, n);
        KERNEL(step_n)(t, p, &g, issue, option, t->linkCount > 0, n);
        KERNEL(store_gains)(&g, p, n);
    })
}

static bool KERNEL(coalition)(const EntenteTables *t, EntentePackage *p) {
    return KERNEL(above_n)((const entente_lanes *)p->gains, t->margins, p->redLined, p->coalition, t->chunkCount) != 0;
}

static uint64_t KERNEL(reachable)(const EntenteTables *t, const int32_t *gains, const int32_t *slack,
                                  const uint64_t *excluded, uint64_t *out) {
    uint64_t any = 0;
    KERNEL_SPECIALISED({
        entente_lanes best[n];
        for (intptr_t c = 0; c < n; c++) best[c] = ((const entente_lanes *)gains)[c] + ((const entente_lanes *)slack)[c];
        any = KERNEL(above_n)(best, t->margins, excluded, out, n);
    })
    return any;
}

static EntenteWalkStatus KERNEL(walk)(const EntenteTables *t, EntentePackage *p, EntenteWalk *w,
                                      const EntenteFilter *f, intptr_t budget, intptr_t *visited) {
    // Ranking by capability, the most common search, gets loops of its own; so do scenarios
    // without links, whose loops then carry no link code at all.
    EntenteWalkStatus status = EntenteWalkFinished;
    if (t->linkCount == 0) {
        if (f->score == EntenteScoreCapability) {
            KERNEL_SPECIALISED(status = KERNEL(walk_n)(t, p, w, f, budget, visited, EntenteScoreCapability, false, n))
        } else {
            KERNEL_SPECIALISED(status = KERNEL(walk_n)(t, p, w, f, budget, visited, f->score, false, n))
        }
    } else {
        if (f->score == EntenteScoreCapability) {
            KERNEL_SPECIALISED(status = KERNEL(walk_n)(t, p, w, f, budget, visited, EntenteScoreCapability, true, n))
        } else {
            KERNEL_SPECIALISED(status = KERNEL(walk_n)(t, p, w, f, budget, visited, f->score, true, n))
        }
    }
    return status;
}

const EntenteScanKernel KERNEL(kernel) = {
    .step = KERNEL(step),
    .coalition = KERNEL(coalition),
    .reachable = KERNEL(reachable),
    .walk = KERNEL(walk),
};

// The scanning kernel: moving a package one option along an issue, finding its coalition,
// and walking a block of packages in Gray order until one passes a filter. Written in C
// so that one source compiles twice, for AVX2 and for the portable instruction set, and
// the engine picks the variant the processor runs (`entente_scan_kernel`).
#ifndef ENTENTE_SCAN_KERNEL_H
#define ENTENTE_SCAN_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

/// The compiled scenario's tables, owned by the engine's ScanTables. Rows are
/// `laneWidth = chunkCount * 8` entries long: one per actor, padded to whole vectors.
typedef struct {
    /// `stepRows[f * laneWidth + a]`: actor a's gain change when an issue moves from flat
    /// option f to f + 1.
    const int32_t *stepRows;
    /// Each actor's margin; padding lanes hold INT32_MAX and never join.
    const int32_t *margins;
    /// `redLineRows[f * wordCount + w]`: actors for whom flat option f is a red line.
    const uint64_t *redLineRows;
    const bool *hasRedLine;
    const int64_t *openness;
    /// `capabilityTable[byte * 256 + value]`: capability units of the actors whose bits are
    /// set in `value`, the byte-th byte of a coalition.
    const int64_t *capabilityTable;
    /// The first flat option of each issue.
    const intptr_t *optionOffset;
    intptr_t chunkCount;
    intptr_t wordCount;
    intptr_t issueCount;
    /// Links (the engine's CompiledLinks): moving an issue from flat option f to f + 1
    /// changes the misses of link `linkStepLink[k]` by `linkStepChange[k]` (±1) for k in
    /// `linkStepStart[f] ..< linkStepStart[f + 1]`, and moving it back by the opposite. Link
    /// l adds `linkPoints[l]` to actor `linkOwner[l]`'s gain while it has no misses.
    /// `linkCount` is 0 in a scenario without links.
    const intptr_t *linkStepStart;
    const intptr_t *linkStepLink;
    const int32_t *linkStepChange;
    const intptr_t *linkOwner;
    const int32_t *linkPoints;
    intptr_t linkCount;
} EntenteTables;

/// One package being walked, owned by the engine's ScanState.
typedef struct {
    /// Gains in fixed point, `laneWidth` entries.
    int32_t *gains;
    /// How many of its red lines each actor sees in the package.
    int32_t *redLineHits;
    /// Actors with at least one red line in the package, `wordCount` words.
    uint64_t *redLined;
    /// Actors who gain more than their margin and see no red line, once computed.
    uint64_t *coalition;
    /// The option of every issue.
    intptr_t *choices;
    /// Per link, how many of its conditions the package fails; it holds at 0.
    int32_t *linkMisses;
    int64_t opennessUnits;
} EntentePackage;

/// What the filter scores a package by before comparing it with the threshold.
typedef enum {
    /// Every package that meets the conditions passes.
    EntenteScoreNone = 0,
    /// The coalition's capability units, as a double.
    EntenteScoreCapability = 1,
    /// The number of members.
    EntenteScoreMembers = 2,
    /// The members' gains summed, in utility points.
    EntenteScoreTotalGain = 3,
    /// The smallest member gain, in utility points.
    EntenteScoreMinGain = 4,
    /// The package's openness, in points.
    EntenteScoreOpenness = 5,
} EntenteScore;

/// Which packages a walk stops at: a non-empty coalition holding every actor of `include`,
/// none of `exclude` and at least `minMembers` members, whose score is not below
/// `threshold` and, when it equals it and `worst` is set, whose choices come before
/// `worst`'s in package order.
typedef struct {
    const uint64_t *include;
    const uint64_t *exclude;
    intptr_t minMembers;
    bool hasConditions;
    EntenteScore score;
    double threshold;
    const intptr_t *_Nullable worst;
} EntenteFilter;

/// A mixed-radix reflected Gray walk (Knuth, TAOCP 7.2.1.1, Algorithm H) over `count`
/// issues, resumable: it keeps its place between calls.
typedef struct {
    const intptr_t *issues;
    const intptr_t *radices;
    intptr_t count;
    /// Scratch of `count`, `count` and `count + 1` entries.
    intptr_t *digits;
    intptr_t *direction;
    intptr_t *focus;
    /// True once the walk's first package has been shown.
    bool started;
} EntenteWalk;

typedef enum {
    /// Stopped at a package that passes the filter; the next call moves on from it.
    EntenteWalkFound = 0,
    /// Visited as many packages as asked.
    EntenteWalkPaused = 1,
    /// Visited the last package.
    EntenteWalkFinished = 2,
} EntenteWalkStatus;

/// One instruction set's kernel.
typedef struct {
    /// Moves `issue` to the neighbouring option `option` (one up or one down).
    void (*step)(const EntenteTables *tables, EntentePackage *package, intptr_t issue, intptr_t option);
    /// Writes the package's coalition; returns false when it is empty.
    bool (*coalition)(const EntenteTables *tables, EntentePackage *package);
    /// Writes the actors whose `gains` plus `slack` exceed their margin, less `excluded`
    /// (one word per 64 actors); returns the union of the words.
    uint64_t (*reachable)(const EntenteTables *tables, const int32_t *gains, const int32_t *slack,
                          const uint64_t *excluded, uint64_t *out);
    /// Visits packages (the current one first on a new walk) until one passes the filter,
    /// `budget` have been visited, or the walk ends; adds the packages visited to `*visited`.
    EntenteWalkStatus (*walk)(const EntenteTables *tables, EntentePackage *package, EntenteWalk *walk,
                                       const EntenteFilter *filter, intptr_t budget, intptr_t *visited);
} EntenteScanKernel;

typedef enum {
    EntenteKernelPortable = 0,
    EntenteKernelAVX2 = 1,
} EntenteKernelVariant;

/// True when the processor and the operating system run AVX2 code.
bool entente_avx2_available(void);

/// The kernel for `variant`; the portable one when the processor cannot run it.
const EntenteScanKernel *entente_scan_kernel(EntenteKernelVariant variant);

/// Starts `walk` afresh: every walked issue must be at option 0.
void entente_walk_start(EntenteWalk *walk);

#pragma clang assume_nonnull end

#endif

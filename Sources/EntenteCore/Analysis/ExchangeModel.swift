/// The exchange model of Stokman and Van Oosten: actors trade voting positions across
/// issues, each conceding on the issue it cares about less, with equal expected gains.
///
/// On every issue the outcome is the power- and salience-weighted mean of the positions
/// (not a Nash bargaining solution, whatever other tools call it). Two actors on opposite
/// sides of the outcome on two issues, whose saliences for them differ in ratio, can trade:
/// each moves toward the other on the issue it cares less about. Within a round trades are
/// made best first; between rounds actors keep part of their new positions. By default the
/// rounds are played as the Decide tool plays them, so figures agree with Decide's;
/// `.published` follows the model as published. Formulas: docs/model.md, "The exchange model".
public struct ExchangeModel: Sendable {
    public let data: ExchangeData
    public let procedure: ExchangeProcedure
    /// The most possible trades a round may weigh (they are held in memory at once).
    public static let possibleTradesLimit = 2_000_000.0

    public init(_ data: ExchangeData, procedure: ExchangeProcedure = .decide) {
        self.data = data
        self.procedure = procedure
    }

    /// Runs `rounds` rounds (stopping early when a round makes no trade, or when `cancellation`
    /// is set: then `complete` is false and the rounds finished so far are returned).
    public func run(rounds: Int, cancellation: CancellationFlag? = nil,
                    progress: ((ExchangeProgress) -> Void)? = nil) throws(ExchangeSizeError) -> ExchangeResult {
        let table = ExchangeTable(data)
        if procedure == .decide {
            let bound = table.possibleTradesBound
            if bound > Self.possibleTradesLimit { throw ExchangeSizeError(possibleTrades: bound, limit: Self.possibleTradesLimit) }
        }
        let playRound: () -> PlayedRound?
        let initial: [Double]
        switch procedure {
        case .decide:
            let numbers = DecideNumbers(data, table: table)
            var positions = numbers.initialPositions
            initial = (0..<table.issueCount).map { numbers.outcome($0, positions).double }
            playRound = {
                guard let played = Self.playDecide(table, numbers, positions, cancellation) else { return nil }
                positions = played.next
                return PlayedRound(trades: played.trades, outcomes: (0..<table.issueCount).map { numbers.outcome($0, played.voting).double })
            }
        case .published:
            var positions = table.initialPositions
            initial = table.outcomes(positions)
            playRound = {
                guard let played = Self.playPublished(table, positions, cancellation) else { return nil }
                positions = played.next
                return PlayedRound(trades: played.trades, outcomes: table.outcomes(played.voting))
            }
        }
        var history: [ExchangeRound] = []
        var complete = true
        for round in 1...max(1, rounds) {
            progress?(ExchangeProgress(round: round, rounds: rounds))
            guard let played = playRound() else {
                complete = false
                break
            }
            history.append(ExchangeRound(round: round, outcomes: played.outcomes, trades: played.trades))
            if played.trades.isEmpty { break }
        }
        return ExchangeResult(initial: initial, final: history.last?.outcomes ?? initial, rounds: history, complete: complete)
    }

    /// A round's trades and the outcomes (0…100) of the positions actors then vote.
    struct PlayedRound {
        var trades: [Trade]
        var outcomes: [Double]
    }

    /// A round's trades, the positions actors vote and those the next round starts from.
    struct Positions<Number> {
        var trades: [Trade]
        var voting: [Number]
        var next: [Number]
    }

    /// Decide's round: trades built once from the round's starting outcomes, taken by gain;
    /// after each, only the trades that share a mover or a demand with it are recomputed.
    static func playDecide(_ table: ExchangeTable, _ numbers: DecideNumbers, _ positions: [Decimal28],
                           _ cancellation: CancellationFlag?) -> Positions<Decimal28>? {
        var round = DecideRound(table: table, numbers: numbers, positions: positions)
        guard round.buildCandidates(cancellation: cancellation) else { return nil }
        var candidates = round.candidates
        var bySupply = [[Int]](repeating: [], count: table.actorCount * table.issueCount)
        var byDemand = bySupply
        for (index, candidate) in candidates.enumerated() {
            for side in [candidate.i, candidate.j] {
                bySupply[table.cell(side.actor, side.supply)].append(index)
                byDemand[table.cell(side.actor, side.demand)].append(index)
            }
        }
        var order = DecideTradeOrder(gains: candidates.map(\.gain))
        var live = [Bool](repeating: true, count: candidates.count)
        var seen = [Int](repeating: -1, count: candidates.count)
        var voting = positions, next = positions
        let start = positions.map(\.double)
        var votingDoubles = start
        var trades: [Trade] = []
        var pick = 0
        while let best = order.first {
            if pick % 64 == 0, cancellation?.isCancelled == true { return nil }
            pick += 1
            let done = candidates[best]
            order.remove(best)
            live[best] = false
            let issues = [done.i.demand, done.i.supply]
            var before = [Double](repeating: 0, count: table.issueCount), after = before
            for issue in issues { before[issue] = table.outcome(issue, votingDoubles) }
            for side in [done.i, done.j] {
                let cell = table.cell(side.actor, side.supply)
                voting[cell] = side.y
                votingDoubles[cell] = side.y.double
                next[cell] = DecideNumbers.carriedOver(start: side.start, traded: side.y, salience: numbers.salience[cell])
            }
            for issue in issues { after[issue] = table.outcome(issue, votingDoubles) }
            trades.append(Trade(
                actors: [done.i.actor, done.j.actor], issues: issues, gain: done.gain.double, newPositions: [done.i.y.double, done.j.y.double],
                thirdParties: table.thirdParties(of: [done.i.actor, done.j.actor], issues: issues, before: before, after: after, positions: start)))
            let touched = [bySupply[table.cell(done.i.actor, done.i.supply)], bySupply[table.cell(done.j.actor, done.j.supply)],
                           byDemand[table.cell(done.i.actor, done.i.demand)], byDemand[table.cell(done.j.actor, done.j.demand)]]
            for list in touched {
                for index in list where live[index] && seen[index] != pick {
                    seen[index] = pick
                    guard round.recalculate(&candidates[index], after: done) else { continue }
                    if candidates[index].valid {
                        order.update(index, gain: candidates[index].gain, pick: pick)
                    } else {
                        order.remove(index)
                        live[index] = false
                    }
                }
            }
        }
        return Positions(trades: trades, voting: voting, next: next)
    }

    /// The position a traded actor starts the next round from: it keeps a share
    /// 0.4·(1 − s) + 0.1 of its move.
    static func carriedOver(start: Double, traded: Double, salience: Double) -> Double {
        (1 - salience) * 0.4 * traded + 0.1 * traded + (1 - (1 - salience) * 0.4 - 0.1) * start
    }
}

/// How the exchange model plays a round (docs/model.md, "The exchange model").
public enum ExchangeProcedure: String, Sendable, CaseIterable {
    /// As the Decide tool (decide-exchange-model 2025.3.1) plays it; the default.
    case decide
    /// As the model is published: every remaining trade recomputed against the current
    /// outcomes after each trade, and an actor moves on an issue at most once a round.
    case published
}

/// Progress of a run: the round being played.
public struct ExchangeProgress: Sendable, Equatable {
    public let round: Int
    public let rounds: Int
}

/// A data set too large for Decide's procedure to hold its possible trades in memory.
public struct ExchangeSizeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let possibleTrades: Double
    public let limit: Double

    public var description: String {
        "the exchange model could weigh up to \(Figures.count(possibleTrades)) possible trades in a round, more than "
            + "\(Figures.count(limit)); leave out actors or issues"
    }
}

/// A realised trade: `actors[0]` gets movement on `issues[0]` (and moves on `issues[1]`),
/// `actors[1]` the other way round.
public struct Trade: Sendable, Equatable {
    public let actors: [Int]
    public let issues: [Int]
    /// Each side's expected gain (they are equal).
    public let gain: Double
    /// actors[0]'s new position on issues[1], actors[1]'s on issues[0] (0…100).
    public let newPositions: [Double]
    public let thirdParties: ThirdPartyEffect
}

/// What a trade does to everyone else, summed.
public struct ThirdPartyEffect: Sendable, Equatable {
    public let gains: Double
    public let losses: Double
}

/// One round: the outcomes after its trades (0…100) and the trades in the order made.
public struct ExchangeRound: Sendable, Equatable {
    public let round: Int
    public let outcomes: [Double]
    public let trades: [Trade]
}

/// The outcome of an exchange-model run, outcomes on 0…100. `complete` is false when the
/// run was stopped before its last round; `rounds` then holds the rounds finished.
public struct ExchangeResult: Sendable, Equatable {
    public let initial: [Double]
    public let final: [Double]
    public let rounds: [ExchangeRound]
    public let complete: Bool
}

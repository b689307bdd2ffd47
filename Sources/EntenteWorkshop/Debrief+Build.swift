import EntenteCore

extension Debrief {
    /// How many of the engine's best packages the debrief lists, overall and per agreement.
    public static let listed = 3

    /// The debrief of a table whose setup is `setup` and whose log is `events`, in full or
    /// for one seat (`seat`), named `table`.
    public init(setup: TableSetup, events: [TableEvent], table name: String = "table", for seat: String? = nil) {
        var table = Table(setup: setup)
        var scenarios: [Int: Scenario] = [:]
        var seatScenarios: [Int: Scenario] = [:]
        var seatLines: [(round: Int, line: TimelineLine)] = []
        var allLines: [(round: Int, line: TimelineLine)] = []
        let start = events.first?.at ?? 0
        for event in events {
            table.apply(event)
            let round = table.board.round
            allLines.append((round, TimelineLine(seconds: event.at - start, text: TimelineText.line(for: event.fact))))
            if let seat, let seen = table.project(event, for: seat) {
                seatLines.append((round, TimelineLine(seconds: event.at - start, text: TimelineText.line(for: seen.fact))))
            }
            if case .agreementReached(let agreement) = event.fact {
                scenarios[agreement.id] = table.scenario
                if let seat { seatScenarios[agreement.id] = table.scenario(for: seat) }
            }
        }
        let viewer = seat.flatMap { table.seat($0) }
        let full = viewer.map(table.seesEverything) ?? true
        let own = full ? nil : viewer?.actor

        title = setup.scenario.title
        self.table = name
        self.seat = seat
        self.full = full
        rounds = Self.rounds(full ? allLines : seatLines)
        agreements = table.board.agreements.map { agreement in
            let scenario = (own == nil ? scenarios[agreement.id] : seatScenarios[agreement.id]) ?? table.scenario
            return Self.report(agreement, in: scenario, onlyFor: own)
        }
        if let seat, !full {
            let view = Table.seatTable(for: seat, setup: setup, replaying: events)
            nearMisses = Self.nearMisses(in: view, seats: table.seats, scenario: table.scenario(for: seat) ?? table.scenario)
        } else {
            nearMisses = Self.nearMisses(in: table.board, seats: table.seats, scenario: table.scenario)
        }
        possible = full ? Self.best(in: table.scenario) : nil
    }

    static func rounds(_ lines: [(round: Int, line: TimelineLine)]) -> [DebriefRound] {
        var rounds: [DebriefRound] = []
        for (round, line) in lines {
            if rounds.last?.round == round {
                rounds[rounds.count - 1] = DebriefRound(round: round, lines: rounds[rounds.count - 1].lines + [line])
            } else {
                rounds.append(DebriefRound(round: round, lines: [line]))
            }
        }
        return rounds
    }

    /// The agreement's gains (every actor's, or `actor`'s alone) and, for the full view, its
    /// analysis.
    static func report(_ agreement: Agreement, in scenario: Scenario, onlyFor actor: String?) -> AgreementReport {
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        guard let package = try? agreement.package.package(in: scenario) else {
            return AgreementReport(agreement: agreement.id, proposal: agreement.proposal, round: agreement.round, package: agreement.package,
                                   members: agreement.members, gains: [], worseOff: [], analysis: nil)
        }
        let evaluation = evaluator.evaluate(package)
        let gains = scenario.actors.enumerated().compactMap { index, candidate -> ActorGain? in
            guard actor == nil || candidate.id == actor else { return nil }
            return ActorGain(actor: candidate.id, gain: evaluation.gains[index], member: agreement.members.contains(candidate.id),
                             joins: evaluation.coalition.contains(index))
        }
        let analysis = actor == nil ? AgreementAnalysis(agreement, package: package, evaluation: evaluation, in: scenario) : nil
        return AgreementReport(
            agreement: agreement.id, proposal: agreement.proposal, round: agreement.round, package: agreement.package,
            members: agreement.members, gains: gains, worseOff: gains.filter { $0.member && $0.gain < 0 }.map(\.actor), analysis: analysis)
    }

    /// Proposals never agreed whose accepting actors fall short of viability by exactly one of
    /// the delegations it was addressed to, as far as `view` knows the answers.
    static func nearMisses(in view: SeatTable, seats: [TableSeat], scenario: Scenario) -> [NearMiss] {
        let evaluator = PackageEvaluator(CompiledScenario(scenario))
        func viable(_ actors: [String]) -> Bool {
            let indices = actors.compactMap(scenario.actorIndex)
            return !indices.isEmpty && evaluator.rulesHold(for: ActorSet(capacity: scenario.actors.count, members: indices))
        }
        return view.proposals.compactMap { state in
            if case .agreed = state.status { return nil }
            let proposal = state.proposal
            let acceptedSeats = Set(state.accepted)
            let accepted = [proposal.actor] + seats.filter { acceptedSeats.contains($0.id) }.compactMap(\.actor).filter { $0 != proposal.actor }
            guard !viable(accepted) else { return nil }
            let candidates = seats.filter { seat in
                seat.actor != nil && seat.id != proposal.author && !acceptedSeats.contains(seat.id) && proposal.to.includes(seat.id)
            }.compactMap(\.actor)
            let oneMore = scenario.actors.map(\.id).filter { candidates.contains($0) && viable(accepted + [$0]) }
            guard !oneMore.isEmpty else { return nil }
            return NearMiss(proposal: proposal.id, author: proposal.author, package: proposal.package, accepted: accepted, oneMore: oneMore)
        }
    }

    /// The engine's best packages under the scenario's rules (ranked by the default
    /// objective, the coalition's capability share).
    static func best(in scenario: Scenario, request: SearchRequest = SearchRequest()) -> [PossiblePackage] {
        var request = request
        request.top = listed
        guard let result = try? PackageSearch(scenario).run(request) else { return [] }
        return result.packages.map { PossiblePackage($0, in: scenario) }
    }
}

extension PossiblePackage {
    init(_ evaluation: PackageEvaluation, in scenario: Scenario) {
        self.init(package: TablePackage(evaluation.package, in: scenario),
                  coalition: evaluation.coalition.members.map { scenario.actors[$0].id },
                  gains: evaluation.gains, viable: evaluation.viable)
    }
}

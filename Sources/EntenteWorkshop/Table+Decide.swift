import EntenteCore
import EntenteSession

extension Table {
    /// The events a command from `seatID` produces at `time`, or why the table refuses it.
    ///
    /// Who may do what is checked here and nowhere else: only the facilitator runs the
    /// table; only a delegation proposes and responds, and only to proposals addressed to it;
    /// an observer only watches. Every figure (whether a package is an agreement) is the
    /// table's own, from the scenario in force.
    public func decide(_ command: TableCommand, from seatID: String, at time: Double) throws(TableError) -> [TableEvent] {
        guard let seat = seat(seatID) else { throw TableError(.invalid, "no seat '\(seatID)' at this table") }
        if command.isFacilitators && seat.role != .facilitator {
            throw TableError(.forbidden, "only the facilitator can \(command.verb)")
        }
        let facts: [TableFact]
        switch command {
        case .propose(let package, let audience, let counterTo):
            facts = try propose(package, to: audience, counterTo: counterTo, by: seat, at: time)
        case .withdraw(let id):
            let proposal = try visibleProposal(id, to: seat)
            guard proposal.proposal.author == seat.id else { throw TableError(.forbidden, "proposal \(id) is \(proposal.proposal.author)'s to withdraw") }
            try requireOpen(proposal)
            try requireRunning(at: time, to: "withdraw a proposal")
            facts = [.withdrawn(proposal: id)]
        case .respond(let id, let answer):
            facts = try respond(id, answer, by: seat, at: time)
        case .message(let audience, let text):
            guard seat.role != .observer else { throw TableError(.forbidden, "an observer watches the table and sends no messages") }
            try checkText(text)
            try checkAudience(audience, from: seat, delegationsOnly: false)
            facts = [.messaged(Message(id: board.messages.count + 1, from: seat.id, to: audience, text: text, round: board.round))]
        case .startRound(let seconds):
            guard case .idle = board.phase else { throw TableError(.notNow, "round \(board.round) is under way; close it before starting the next") }
            let length = seconds ?? setup.roundSeconds
            try checkSeconds(length)
            facts = [.roundStarted(round: board.round + 1, deadline: time + length)]
        case .pause:
            guard case .running(let deadline) = board.phase else { throw TableError(.notNow, "no round is running") }
            guard time < deadline else { throw TableError(.notNow, "round \(board.round)'s time is up; close it or extend it") }
            facts = [.roundPaused(round: board.round, remaining: deadline - time)]
        case .resume:
            guard case .paused(let remaining) = board.phase else { throw TableError(.notNow, "no round is paused") }
            facts = [.roundResumed(round: board.round, deadline: time + remaining)]
        case .extend(let seconds):
            try checkSeconds(seconds)
            switch board.phase {
            case .idle: throw TableError(.notNow, "no round is under way")
            case .running(let deadline): facts = [.roundExtended(round: board.round, seconds: seconds, clock: .running(deadline: max(deadline, time) + seconds))]
            case .paused(let remaining): facts = [.roundExtended(round: board.round, seconds: seconds, clock: .paused(remaining: remaining + seconds))]
            }
        case .closeRound:
            if case .idle = board.phase { throw TableError(.notNow, "no round is under way") }
            return closing(at: time)
        case .callVote(let id):
            let proposal = try visibleProposal(id, to: seat)
            try requireOpen(proposal)
            try requireRunning(at: time, to: "call a vote")
            facts = [.voteCalled(proposal: id)]
        case .injectFuture(let id, let audience):
            guard let future = setup.scenario.futures.first(where: { $0.id == id }) else {
                let known = setup.scenario.futures.map(\.id)
                throw TableError(.invalid, "the scenario has no future '\(id)'" + (known.isEmpty ? "" : "; expected one of: \(known.joined(separator: ", "))"))
            }
            guard !injects.contains(where: { if case .future(let injected, _) = $0 { injected.id == id } else { false } }) else {
                throw TableError(.notNow, "the future '\(id)' is already in force")
            }
            try checkAudience(audience, from: seat, delegationsOnly: false)
            facts = [.futureInjected(future: id, name: future.name, to: audience)]
        case .editActor(let actor, let edit, let audience):
            guard scenario.actorIndex(actor) != nil else { throw TableError(.invalid, "no actor '\(actor)' in the scenario") }
            do {
                _ = try edit.scenarioEdit(of: actor).apply(to: scenario)
            } catch {
                throw TableError(.invalid, error.description)
            }
            try checkAudience(audience, from: seat, delegationsOnly: false)
            facts = [.actorEdited(actor: actor, edit: edit, to: audience)]
        case .reassignSeat(let id, let player):
            guard let target = self.seat(id) else { throw TableError(.invalid, "no seat '\(id)' at this table") }
            guard target.actor != nil else { throw TableError(.invalid, "only a delegation can be handed to a person or the engine; '\(id)' is \(target.role.label)") }
            guard target.player != player else { throw TableError(.notNow, "seat '\(id)' is already played by \(player == .engine ? "the engine" : "a person")") }
            facts = [.seatReassigned(seat: id, player: player)]
        case .resetSeat(let id):
            guard self.seat(id) != nil else { throw TableError(.invalid, "no seat '\(id)' at this table") }
            facts = [.seatReset(seat: id)]
        case .broadcast(let text):
            try checkText(text)
            facts = [.broadcast(text: text)]
        case .reveal:
            guard !board.revealed else { throw TableError(.notNow, "the table is already revealed") }
            facts = [.revealed]
        }
        var events = facts.map { TableEvent(at: time, $0) }
        if setup.voting == .open, let proposal = events.lastProposalTouched {
            var after = self
            events.forEach { after.apply($0) }
            events += after.agreements(among: [proposal], at: time)
        }
        return events
    }

    /// The events that close the round at `time` because its deadline passed, or none: the
    /// server asks this as its clock ticks.
    public func expiry(at time: Double) -> [TableEvent] {
        guard case .running(let deadline) = board.phase, time >= deadline else { return [] }
        return closing(at: time)
    }

    /// Closing the round: the sealed responses shown, then every open proposal whose
    /// accepting seats now form a viable coalition becomes an agreement.
    private func closing(at time: Double) -> [TableEvent] {
        let unsealed = sealed.values.sorted { ($0.proposal, $0.seat) < ($1.proposal, $1.seat) }
        let close = TableEvent(at: time, .roundClosed(round: board.round, unsealed: unsealed))
        var after = self
        after.apply(close)
        let open = after.board.proposals.filter { $0.status == .open }.map(\.proposal.id)
        return [close] + after.agreements(among: open, at: time)
    }

    private func propose(_ package: TablePackage, to audience: Audience, counterTo: Int?, by seat: TableSeat, at time: Double) throws(TableError) -> [TableFact] {
        guard let actor = seat.actor else { throw TableError(.forbidden, "only a delegation makes proposals; this seat is \(seat.role.label)") }
        try requireRunning(at: time, to: "make a proposal")
        let canonical = TablePackage(try package.package(in: scenario), in: scenario)
        try checkAudience(audience, from: seat, delegationsOnly: true)
        if let counterTo {
            let answered = try visibleProposal(counterTo, to: seat)
            guard answered.proposal.author != seat.id else { throw TableError(.invalid, "proposal \(counterTo) is your own; withdraw it and propose again instead") }
            // An agreement may be improved on; a withdrawn proposal is no longer there to answer.
            guard answered.status != .withdrawn else { throw TableError(.notNow, "proposal \(counterTo) was withdrawn") }
        }
        let proposal = Proposal(id: board.proposals.count + 1, author: seat.id, actor: actor, package: canonical, to: audience, counterTo: counterTo, round: board.round)
        return [.proposed(proposal)]
    }

    private func respond(_ id: Int, _ answer: Answer, by seat: TableSeat, at time: Double) throws(TableError) -> [TableFact] {
        guard let actor = seat.actor else { throw TableError(.forbidden, "only a delegation responds to proposals; this seat is \(seat.role.label)") }
        let state = try visibleProposal(id, to: seat)
        guard state.proposal.author != seat.id else { throw TableError(.invalid, "proposal \(id) is your own; its author counts as accepting it") }
        try requireOpen(state)
        try requireRunning(at: time, to: "respond")
        guard state.responses[seat.id] != answer else { throw TableError(.notNow, "you already \(answer == .accept ? "accepted" : "rejected") proposal \(id)") }
        return [.responded(Response(proposal: id, seat: seat.id, actor: actor, answer: answer, round: board.round))]
    }

    /// The proposal, when the seat may see it (a proposal to named seats is theirs and its
    /// author's). A seat is told that one it may not see exists, which the numbering shows
    /// anyway, and nothing else about it.
    private func visibleProposal(_ id: Int, to seat: TableSeat) throws(TableError) -> ProposalState {
        guard let state = board.proposal(id) else { throw TableError(.invalid, "no proposal \(id) on the table") }
        guard seat.role.seesEverything || state.proposal.author == seat.id || state.proposal.to.includes(seat.id) else {
            throw TableError(.forbidden, "proposal \(id) is not addressed to you")
        }
        return state
    }

    private func requireOpen(_ state: ProposalState) throws(TableError) {
        switch state.status {
        case .open: return
        case .withdrawn: throw TableError(.notNow, "proposal \(state.proposal.id) was withdrawn")
        case .agreed(let agreement): throw TableError(.notNow, "proposal \(state.proposal.id) is already agreement \(agreement)")
        }
    }

    private func requireRunning(at time: Double, to action: String) throws(TableError) {
        switch board.phase {
        case .idle: throw TableError(.notNow, board.round == 0 ? "no round has started yet; you can \(action) once the facilitator starts one" : "round \(board.round) is closed; you can \(action) once the facilitator starts the next")
        case .paused: throw TableError(.notNow, "round \(board.round) is paused")
        case .running(let deadline) where time >= deadline: throw TableError(.notNow, "round \(board.round)'s time is up")
        case .running: return
        }
    }

    private func checkAudience(_ audience: Audience, from seat: TableSeat, delegationsOnly: Bool) throws(TableError) {
        guard case .seats(let ids) = audience else { return }
        guard !ids.isEmpty else { throw TableError(.invalid, "name at least one seat, or address everyone") }
        guard Set(ids).count == ids.count else { throw TableError(.invalid, "a seat is named twice") }
        for id in ids {
            guard let target = self.seat(id) else { throw TableError(.invalid, "no seat '\(id)' at this table") }
            guard id != seat.id else { throw TableError(.invalid, "you cannot address yourself") }
            if delegationsOnly && target.actor == nil { throw TableError(.invalid, "proposals go to delegations; '\(id)' is \(target.role.label)") }
        }
    }

    private func checkText(_ text: String) throws(TableError) {
        guard !text.allSatisfy(\.isWhitespace) else { throw TableError(.invalid, "the text is empty") }
        guard text.count <= Self.textLimit else { throw TableError(.invalid, "a text holds at most \(Self.textLimit) characters; this one has \(text.count)") }
    }

    private func checkSeconds(_ seconds: Double) throws(TableError) {
        guard Self.secondsRange.contains(seconds) else {
            throw TableError(.invalid, "a round's time is \(Int(Self.secondsRange.lowerBound))…\(Int(Self.secondsRange.upperBound)) seconds, not \(seconds)")
        }
    }
}

extension TableCommand {
    /// How a refusal names the command.
    var verb: String {
        switch self {
        case .propose: "make a proposal"
        case .withdraw: "withdraw a proposal"
        case .respond: "respond to a proposal"
        case .message: "send a message"
        case .startRound: "start a round"
        case .pause: "pause the round"
        case .resume: "resume the round"
        case .extend: "extend the round"
        case .closeRound: "close the round"
        case .callVote: "call a vote"
        case .injectFuture: "inject a future"
        case .editActor: "edit an actor's stance"
        case .reassignSeat: "reassign a seat"
        case .resetSeat: "reset a seat"
        case .broadcast: "broadcast"
        case .reveal: "reveal the table"
        }
    }
}

extension [TableEvent] {
    /// The proposal a delegation's move made or answered, whose acceptances may now form an
    /// agreement under open voting.
    var lastProposalTouched: Int? {
        for event in reversed() {
            switch event.fact {
            case .proposed(let proposal): return proposal.id
            case .responded(let response) where response.answer == .accept: return response.proposal
            default: continue
            }
        }
        return nil
    }
}

import EntenteCore
import EntenteWorkshop
import Foundation

/// One seat played by a program through the real protocol: it joins with its code, keeps
/// its table as the seat sees it (the same `SeatTable` reducer a participant's workbench
/// uses), and at every move proposes, answers or speaks; now and then it drops its line,
/// reconnects, resumes after the last event it saw and sends again what was not acknowledged.
///
/// A facilitator bot runs the rounds: it starts one whenever none is under way and
/// broadcasts now and then. Everything the bot sent and received is kept for the report.
///
/// Not thread-safe: one task at a time drives a bot (the load test's phases run one after
/// another), and its record is read only once it stopped.
final class Bot: @unchecked Sendable {
    let table: String
    let seat: String
    private let code: String
    private let url: String
    let facilitator: Bool
    private var random: SplitMix
    /// Every connection's recorder, in order.
    private(set) var connections: [FrameRecorder] = []
    /// The table as this bot has seen it.
    private(set) var view: SeatTable?
    private var scenario: Scenario?
    private var read = 0
    private var lastSeq = 0
    private var counter = 0
    /// Commands sent and not yet acknowledged, by id.
    private var pending: [String: TableCommand] = [:]
    /// When each command was first sent, and whether it had to be sent again after a drop.
    private(set) var sent: [String: (at: ContinuousClock.Instant, resent: Bool)] = [:]
    private(set) var disconnects = 0

    init(table: String, seat: String, code: String, url: String, facilitator: Bool, seed: UInt64) {
        self.table = table
        self.seat = seat
        self.code = code
        self.url = url
        self.facilitator = facilitator
        random = SplitMix(seed: seed)
    }

    /// Plays until `end`, a move every `interval` (±50 %); before a move, with probability
    /// `dropChance`, it makes the move and drops its line at once (so that the ack may be
    /// lost), waits a move's time, rejoins, resumes and sends again what was not
    /// acknowledged. `roundSeconds` is the length of the rounds a facilitator starts.
    func play(until end: ContinuousClock.Instant, interval: Duration, dropChance: Double, roundSeconds: Double) async throws {
        try await connect()
        while true {
            try await Task.sleep(for: interval * (0.5 + random.unit()))
            guard ContinuousClock.now < end else { break }
            catchUp()
            let command = nextMove(roundSeconds: roundSeconds)
            if let command { send(command) }
            if !facilitator, random.unit() < dropChance {
                disconnects += 1
                connections.last!.client.close()
                try await connections.last!.waitForEnd()
                try await Task.sleep(for: interval)
                try await connect()
            }
        }
    }

    /// Ends play: a facilitator closes a round still under way (so that no deadline adds an
    /// event later), and every bot waits for the answers to what it sent.
    func finish() async throws {
        try await waitForAnswers()
        if facilitator, let view, view.phase != .idle {
            send(.closeRound)
            try await waitForAnswers()
        }
    }

    /// Pings and waits for the pong, which the server queues after every frame it owed the
    /// seat before the ping: with play over, the bot has then seen everything meant for it.
    func settle() async throws {
        let recorder = connections.last!
        let from = recorder.all.count
        recorder.client.send(.ping)
        try await recorder.wait(from: from, for: "\(table)/\(seat)'s last pong") { if case .pong = $0 { true } else { false } }
        catchUp()
        recorder.client.close()
    }

    private func waitForAnswers() async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !pending.isEmpty {
            guard ContinuousClock.now < deadline else {
                throw ClientError("\(table)/\(seat): no answer to \(pending.keys.sorted().joined(separator: ", ")) within 30 s")
            }
            try await Task.sleep(for: .milliseconds(20))
            catchUp()
        }
    }

    private func connect() async throws {
        let recorder = try await FrameRecorder.connect(url: url)
        connections.append(recorder)
        read = 0
        recorder.client.send(.hello(code: code, resumeAfter: lastSeq == 0 ? nil : lastSeq))
        try await recorder.wait(for: "\(table)/\(seat)'s welcome") { $0.welcomeSeq != nil }
        catchUp()
        for (id, command) in pending.sorted(by: { sent[$0.key]!.at < sent[$1.key]!.at }) {
            sent[id]?.resent = true
            recorder.client.send(.command(id: id, command: command))
        }
    }

    /// Folds the frames received since the last look into the seat's table.
    private func catchUp() {
        let frames = connections.last!.all
        for received in frames.dropFirst(read) {
            switch received.frame {
            case .welcome(_, let table, let scenario, let seq)?:
                view = table
                self.scenario = scenario.scenario
                lastSeq = seq
            case .event(let seq, let event)?:
                if seq > lastSeq {
                    view?.apply(event)
                    lastSeq = seq
                }
            case .scenarioChanged(let scenario)?:
                self.scenario = scenario.scenario
            case .ack(let id)?, .error(let id?, _, _)?:
                pending[id] = nil
            default:
                break
            }
        }
        read = frames.count
    }

    private func send(_ command: TableCommand) {
        counter += 1
        let id = "\(seat)-\(counter)"
        pending[id] = command
        sent[id] = (ContinuousClock.now, false)
        connections.last!.client.send(.command(id: id, command: command))
    }

    private func nextMove(roundSeconds: Double) -> TableCommand? {
        guard let view, let scenario else { return nil }
        if facilitator {
            if case .idle = view.phase { return .startRound(seconds: roundSeconds) }
            return random.unit() < 0.1 ? .broadcast(text: "note \(counter) from the chair") : nil
        }
        guard case .running = view.phase else { return .message(to: .everyone, text: "waiting for the round, \(seat) \(counter)") }
        let unanswered = view.proposals.filter { $0.status == .open && $0.proposal.author != seat && $0.proposal.to.includes(seat) && $0.responses[seat] == nil }
        if let proposal = unanswered.last, random.unit() < 0.6 {
            return .respond(proposal: proposal.proposal.id, answer: random.unit() < 0.5 ? .accept : .reject)
        }
        if random.unit() < 0.3 {
            // Half in public, half to one other delegation, so that seats see different logs.
            let others = view.seats.filter { $0.actor != nil && $0.id != seat }
            if random.unit() < 0.5, !others.isEmpty {
                return .message(to: .seats([others[random.below(others.count)].id]), text: "\(seat) to you alone, move \(counter)")
            }
            return .message(to: .everyone, text: "\(seat) speaks, move \(counter)")
        }
        var options: [String: String] = [:]
        for issue in scenario.issues { options[issue.id] = issue.options[random.below(issue.options.count)].id }
        return .propose(package: TablePackage(options), to: .everyone, counterTo: nil)
    }
}

/// A small seeded generator (SplitMix64), so that a load test's moves repeat run to run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

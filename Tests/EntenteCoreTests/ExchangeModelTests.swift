import EntenteCore
import Testing

/// The exchange model against the two-actor case worked by hand in docs/model.md, and the
/// Decide file reader's errors.
@Suite struct ExchangeModelTests {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func twoActorsTradeFullyAndCarryOverPartially() throws {
        let data = try DecideFile.load(path: TestData.path("Tests/Fixtures/two-actor-exchange.txt"))
        #expect(data.actors == ["A", "B"])
        // Issue p is on a 0…10 scale; B's position 10 is 100 inside the model.
        #expect(data.issues[0].low == 0 && data.issues[0].high == 10)
        let result = try ExchangeModel(data, procedure: .published).run(rounds: 2)
        #expect(close(result.initial[0], 20) && close(result.initial[1], 80))
        let first = result.rounds[0]
        #expect(first.trades.count == 1)
        #expect(first.trades[0].actors == [0, 1] && first.trades[0].issues == [0, 1])
        #expect(close(first.trades[0].gain, 12))
        #expect(close(first.outcomes[0], 0) && close(first.outcomes[1], 100))
        // Round 2 starts from 0.42 of the traded positions: B at 58 on p, A at 42 on q.
        let second = result.rounds[1]
        #expect(close(second.trades[0].gain, 6.96))
        #expect(close(result.final[0], 0) && close(result.final[1], 100))
        #expect(close(data.issues[0].toScale(result.initial[0]), 2))
        // Decide makes the same first trade; in round 2 its decimals carry A a hair past 100
        // on q, so it makes none (Decide itself does the same).
        let decide = try ExchangeModel(data).run(rounds: 2)
        #expect(decide.rounds[0] == first)
        #expect(decide.rounds.count == 2 && decide.rounds[1].trades.isEmpty)
    }

    @Test func aCancelledRunReturnsTheRoundsFinished() throws {
        let data = try DecideFile.load(path: TestData.path("Data/exchange/open-internet.decide.txt"))
        let flag = CancellationFlag()
        flag.cancel()
        for procedure in ExchangeProcedure.allCases {
            let result = try ExchangeModel(data, procedure: procedure).run(rounds: 10, cancellation: flag)
            #expect(!result.complete && result.rounds.isEmpty && result.final == result.initial)
        }
    }

    @Test func errorsNameTheirLineAndColumn() {
        let text = "#A\tA\n#P\tp\n#D\tA\tp\t50\t1.5\t1\n#D\tZ\tp\t50\t0.5\t1\n#D\tA\tp\tfifty\t0.5\t1\n#X\tstray\n"
        do {
            _ = try DecideFile.parse(text, file: "bad.txt")
            Issue.record("expected errors")
        } catch {
            guard case .invalid(let list) = error else { Issue.record("expected diagnostics"); return }
            #expect(list.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "3:11 the salience 1.5 is out of range; expected 0 to 1",
                "4:4 unknown actor 'Z'; declare it with #A",
                "5:8 expected the position as a decimal number, found 'fifty'",
                "6:1 unknown record '#X'; expected #A, #P, #M, #D, #O or #/",
            ])
        }
    }
}

import EntenteCore
import Testing

/// The Decide file reader: every dialect Decide's own reader accepts, and located errors for
/// everything outside the documented ranges (docs/cli.md, "entente exchange").
@Suite struct DecideFileTests {
    /// One small data set, written in a dialect.
    func text(separator: String, quote: String = "", lineEnd: String = "\n", extra: Bool = false) -> String {
        let rows = [["#A", "us", "United States"], ["#A", "cn", "China"], ["#P", "p", "Issue p"], ["#M", "p", "0", "none"],
                    ["#M", "p", "10", "all"], ["#P", "q", "Issue q"], ["#D", "us", "p", "2.5", "0.8", "1"], ["#D", "cn", "p", "9", "0.3", "0.5"],
                    ["#D", "us", "q", "10", "0.4", "1"], ["#D", "cn", "q", "70", "0.9", "0.5"]]
        return rows.map { row in
            let numeric = row.map { Double($0) != nil }
            let fields = zip(row, numeric).map { $1 ? $0 : quote + $0 + quote } + (extra ? [quote + "a note" + quote, ""] : [])
            return fields.joined(separator: separator)
        }.joined(separator: lineEnd) + lineEnd
    }

    func messages(_ text: String) -> [String] {
        do {
            _ = try DecideFile.parse(text, file: "f")
            return []
        } catch {
            guard case .invalid(let list) = error else { return ["unreadable"] }
            return list.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        }
    }

    @Test func everyDialectReadsTheSame() throws {
        let plain = try DecideFile.parse(text(separator: "\t"), file: "f")
        #expect(plain.actors == ["us", "cn"])
        #expect(plain.issues.map(\.id) == ["p", "q"] && plain.issues[0].high == 10 && plain.issues[1].high == 100)
        #expect(plain.stances.map(\.position) == [25, 90, 10, 70])
        for dialect in [text(separator: "\t", quote: "'", lineEnd: "\r\n"), text(separator: ";"), text(separator: ";", lineEnd: "\r", extra: true),
                        text(separator: ",", quote: "\"", extra: true), "\u{FEFF}" + text(separator: ",", quote: "'", lineEnd: "\r\n")] {
            #expect(try DecideFile.parse(dialect, file: "f") == plain, "\(dialect.debugDescription)")
        }
    }

    @Test func quotedFieldsHoldSeparatorsAndDoubledQuotes() throws {
        let data = try DecideFile.parse("'#A';'us';'United; ''States'''\n'#P';'p'\n'#D';'us';'p';50;0.5;1\n", file: "f")
        #expect(data.actors == ["us"])
        #expect(data.stances.count == 1)
    }

    @Test func rowsMayComeInAnyOrder() throws {
        let data = try DecideFile.parse("#D\tus\tp\t5\t0.5\t1\n#M\tp\t10\n#M\tp\t0\n#A\tus\n#P\tp\n", file: "f")
        #expect(data.issues[0].low == 0 && data.issues[0].high == 10 && data.stances[0].position == 50)
    }

    @Test func brokenRecordsAreLocated() {
        #expect(messages("#A us United States\n").first == "1:3 expected a tab, semicolon or comma after the record's tag")
        #expect(messages("'#A'\t'us\n")[0] == "1:6 unterminated quote; expected a closing '")
        #expect(messages("'#A'\t'us'x\n")[0] == "1:10 expected a separator after the closing quote")
        // Found by the fuzzer: a lone tag with an unterminated quote made a record without
        // fields, and reading its tag trapped.
        #expect(messages("'#A\n")[0] == "1:1 unterminated quote; expected a closing '")
        #expect(messages("#A\tA\n#P\tp\n#D\tA\tp\t50\t0.5\n") == ["3:14 missing power; expected #D actor issue position salience power"])
    }

    @Test func numbersOutsideTheirRangesAreRejectedWhereTheyStand() {
        let head = "#A\tA\n#P\tp\n"
        #expect(messages(head + "#M\tp\tinf\n#D\tA\tp\t5\t0.5\t1\n") == ["3:6 expected the scale value as a decimal number, found 'inf'"])
        #expect(messages(head + "#M\tp\tnan\n#D\tA\tp\t5\t0.5\t1\n") == ["3:6 expected the scale value as a decimal number, found 'nan'"])
        #expect(messages(head + "#M\tp\t1e308\n#D\tA\tp\t5\t0.5\t1\n") == ["3:6 the scale value 1e308 is out of range; expected -1e+09 to 1e+09"])
        #expect(messages(head + "#D\tA\tp\t5\t0.5\t1e308\n") == ["3:14 the power 1e308 is out of range; expected 0 to 100"])
        #expect(messages(head + "#D\tA\tp\t5\t0.5\tnan\n") == ["3:14 expected the power as a decimal number, found 'nan'"])
        #expect(messages(head + "#D\tA\tp\t5\t2\t1\n") == ["3:10 the salience 2 is out of range; expected 0 to 1"])
        #expect(messages(head + "#D\tA\tp\t0x10\t0.5\t1\n") == ["3:8 expected the position as a decimal number, found '0x10'"])
        #expect(messages(head + "#M\tp\t0\n#M\tp\t10\n#D\tA\tp\t11\t0.5\t1\n") == ["5:8 the position 11 is out of range; expected 0 to 10 (the scale of 'p')"])
    }

    @Test func aFileCutShortIsRejected() {
        #expect(messages("#A\tA\n#P\tp\n#M\tp\t0\n") == ["3:7 no stances; expected #D rows (is the file cut short?)"])
        #expect(messages("#A\tA\n#P\tp\n#P\tq\n#D\tA\tp\t5\t0.5\t1\n") == ["3:4 issue 'q' has no #D rows; every issue needs a stance"])
        #expect(messages("") == ["1:1 no actors; expected #A rows", "1:1 no issues; expected #P rows", "1:1 no stances; expected #D rows (is the file cut short?)"])
    }
}

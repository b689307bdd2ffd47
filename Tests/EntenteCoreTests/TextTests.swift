import EntenteCore
import Foundation
import Testing

/// Terminal safety and display width of scenario text.
@Suite struct TextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(TerminalText.escaped("plain") == "plain")
        #expect(TerminalText.escaped("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(TerminalText.escaped("line\nbreak\ttab") == "line\\nbreak\\ttab")
        #expect(TerminalText.escaped("c1\u{9B}x") == "c1\\u{9B}x")
        #expect(TerminalText.escaped("Côte d’Ivoire 中国") == "Côte d’Ivoire 中国")
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("中国") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.pad("中国", to: 6) == "中国  ")
        #expect(DisplayWidth.truncate("中国人民", to: 5) == "中国…")
    }

    @Test func tableAlignsWideCharacters() {
        var table = TextTable(header: ["id", "name"])
        table.append(["cn", "中国"])
        table.append(["ci", "Côte d’Ivoire"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines == ["id  name", "──  ─────────────", "cn  中国", "ci  Côte d’Ivoire"])
    }

    @Test func tableAlignsRightAndTrimsTrailingSpaces() {
        var table = TextTable(header: ["#", "package", "us"], rightAligned: [2])
        table.append(["1", "chips: pool", "-3.25"])
        table.append(["10", "", ""])
        table.append(["2", "a\u{1B}b"])
        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == ["#   package         us", "──  ───────────  ─────", "1   chips: pool  -3.25", "10", "2   a\\u{1B}b"])
    }

    /// Worked by hand: the columns are 25 and 13 wide, 40 with the gap; at 30 the widest is
    /// narrowed by the 10 over, to 15, and its cell wraps after "repair," (14 wide).
    @Test func aTableTooWideWrapsItsWidestColumn() {
        var table = TextTable(header: ["package", "coalition"])
        table.append(["cables=repair, chips=pool", "us, eu, india"])
        table.append(["none", "us"])
        #expect(table.render(fitting: 30, minimum: 12).split(separator: "\n").map(String.init) == [
            "package         coalition",
            "──────────────  ─────────────",
            "cables=repair,  us, eu, india",
            "chips=pool",
            "none            us",
        ])
        #expect(table.render(fitting: 40, minimum: 12) == table.render(), "a table that fits is drawn as it is")
        #expect(table.render(fitting: 10, minimum: 12).split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 12 + 2 + 12 },
                "no column is narrowed below the minimum")
    }

    @Test func reportsKeepLineBreaksAndEscapeEverythingElse() {
        #expect(TerminalText.escapedLines("one\ntwo") == "one\ntwo")
        #expect(TerminalText.escapedLines("del\u{7F}\ntab\t") == "del\\u{7F}\ntab\\t")
        #expect(TerminalText.escapedLines("Côte\n\u{202E}x") == "Côte\n\\u{202E}x")
        #expect(TerminalText.escaped("a\u{7F}") == "a\\u{7F}")
    }

    /// The integer formatting of `Figures.fixed` against C's `%.Nf` through `String(format:)`.
    @Test func fixedFiguresAreWhatPrintfWrites() {
        var random = SplitMix64(seed: 5)
        var values: [Double] = [0, -0.0, 0.125, 0.375, 2.5, -2.5, 0.005, 0.015, 1.005, 0.285, 1.115, 99.995, -0.001, 5e-324,
                                1e-300, 999_999_999.995, 123.456, 1e9, 1e12, .infinity, -.infinity, .nan]
        for _ in 0..<20_000 {
            values.append(Double(Int.random(in: -10_000_000...10_000_000, using: &random)) / 1000 / 8)
            values.append(Double.random(in: -1000...1000, using: &random))
            values.append(Double.random(in: -1e-3...1e-3, using: &random))
        }
        for value in values {
            for decimals in 0...4 {
                let text = String(format: "%.\(decimals)f", value)
                let expected = text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
                #expect(Figures.fixed(value, decimals) == expected, "\(value) to \(decimals)")
            }
        }
    }

    @Test func signedFigures() {
        #expect(Figures.signed(3.2) == "+3.20")
        #expect(Figures.signed(-1.05) == "−1.05")
        #expect(Figures.signed(0) == "0.00")
        #expect(Figures.signed(0.001) == "+0.00")
        #expect(Figures.signed(-0.001) == "−0.00")
    }
}

import EntenteCore
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

    @Test func signedFigures() {
        #expect(Figures.signed(3.2) == "+3.20")
        #expect(Figures.signed(-1.05) == "−1.05")
        #expect(Figures.signed(0) == "0.00")
        #expect(Figures.signed(0.001) == "+0.00")
        #expect(Figures.signed(-0.001) == "−0.00")
    }
}

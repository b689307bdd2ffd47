import EntenteCore
import EntenteSession
@testable import EntenteTUI
import EntenteWorkbench
import Testing

/// Under a locale without UTF-8 every glyph has an ASCII form: a terminal shown the grid
/// never has to print `?` for a character it cannot show.
@Suite struct CharsetTests {
    @Test func everyFormTakesTheColumnsOfItsGlyph() {
        for (glyph, form) in Glyphs.forms {
            #expect(form.isASCII && DisplayWidth.of(String(glyph)) == 1, "\(glyph)")
        }
        #expect(Glyphs.ascii("é", columns: 1) == "e" && Glyphs.ascii("²", columns: 1) == "2")
        #expect(Glyphs.ascii("中", columns: 2) == "??", "no ASCII form: one ? per column")
    }

    /// Every screen of the shipped scenario in ASCII: only ASCII cells, the same layout as
    /// in Unicode, and a `?` only where the Unicode screen has one.
    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func everyScreenInASCIIHasNoQuestionMarkTheTextDidNotContain(size: Size) throws {
        for (name, state) in try ScreenTour.stops(size) {
            let unicode = WorkbenchView.render(state)
            let ascii = WorkbenchView.render(state, charset: .ascii)
            var strays: [String] = []
            for y in 0..<size.rows {
                for x in 0..<size.columns {
                    let cell = ascii[x, y].text
                    #expect(cell.allSatisfy(\.isASCII) && cell.count == 1, "\(name): (\(x), \(y)) is '\(cell)'")
                    if cell == "?" && unicode[x, y].text != "?" { strays.append("(\(x), \(y)) for '\(unicode[x, y].text)'") }
                }
            }
            #expect(strays.isEmpty, "\(name) at \(size.columns)x\(size.rows): ? \(strays.joined(separator: ", "))\n\(ascii.lines.joined(separator: "\n"))")
        }
    }

    /// The defects as a diplomat met them: `openness ?3.0` and `? next issue`.
    @Test func theMinusSignAndTheStatusBarReadInASCII() throws {
        var state = try ScreenTour.base(Size(columns: 100, rows: 30))
        let harmful = try #require(state.scenario.issues.firstIndex { $0.options.contains { $0.openness < 0 } })
        _ = update(&state, .show(.issues))
        _ = update(&state, .editing(.focusIssue(harmful)))
        let issues = WorkbenchView.render(state, charset: .ascii).lines
        #expect(issues.contains { $0.range(of: #"  -\d\.\d  "#, options: .regularExpression) != nil }, "\(issues.joined(separator: "\n"))")
        _ = update(&state, .show(.interests))
        let status = WorkbenchView.render(state, charset: .ascii).lines.last ?? ""
        #expect(!status.contains("?") && status.contains(">/l next issue"), "\(status)")
    }
}

/// Defect 6: PgDn and Space moved about ten lines through a 941-line brief at any height.
@Suite struct PagingTests {
    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)])
    func aPageOfTheBriefIsAScreen(size: Size) throws {
        let stops = try ScreenTour.stops(size)
        var state = try #require(stops.first { $0.name == "Brief" }).state
        _ = update(&state, .scroll(-1000))
        let shown = size.rows - 4
        for key in [Key.pageDown, .character(" ")] {
            let before = WorkbenchView.render(state).lines
            _ = update(&state, try #require(Keymap.workbench.action(for: key, in: state)))
            let after = WorkbenchView.render(state).lines
            #expect(state.briefScroll % shown == 0 && state.briefScroll > 0)
            // The line after the last one shown opens the next page.
            let brief = BriefScreen.lines(state.brief!.text, width: size.columns - 2)
            #expect(before[2 + shown] == (" " + String(brief[state.briefScroll - 1].prefix(size.columns - 2))).trimmingTrailingSpaces)
            #expect(after[3] == (" " + String(brief[state.briefScroll].prefix(size.columns - 2))).trimmingTrailingSpaces)
        }
        #expect(state.briefScroll == 2 * shown)
    }
}

extension String {
    var trimmingTrailingSpaces: String { String(reversed().drop { $0 == " " }.reversed()) }
}

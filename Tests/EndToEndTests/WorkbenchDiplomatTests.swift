import Foundation
import Testing

/// The workbench as a diplomat met it on the shipped scenario (issue 15), in tmux: what
/// they tripped on, checked on the real terminal.
@Suite(.serialized) struct WorkbenchDiplomatTests {
    let binary = CLITests.binary.path
    let root = CLITests.root.path

    /// The issues after the first six, off the table, so a search of the scenario ends in
    /// a moment.
    static let heldIssues = ["data-flows", "ai-governance", "antitrust", "content", "cybercrime", "dida", "sgs", "oversight"]

    /// Under LANG=C every glyph arrives as ASCII: minus signs, arrows, dots and bars read,
    /// and the only `?` on screen is the help key's.
    @Test func underLangCEveryGlyphReadsInASCII() throws {
        let session = try TmuxSession(columns: 80, rows: 24, directory: root, locale: "C")
        // The scenario the diplomat met: its seventh issue and the held ones are that file's.
        session.type("\(binary) Tests/Fixtures/open-internet-format1.yaml")
        #expect(session.wait(for: "The open internet on the brink").ok)
        session.send("2")
        for _ in 0..<6 { session.send("j") }
        let issues = session.wait(for: "data-flows - Regulation")
        #expect(issues.ok && issues.screen.range(of: #" -\d\.\d "#, options: .regularExpression) != nil, "\(issues.screen)")
        session.send("3")
        let interests = session.wait(for: ">/l next issue")
        #expect(interests.ok && !interests.screen.contains("?"), "\(interests.screen)")
        for issue in Self.heldIssues { session.send(":table \(issue) off", "Enter") }
        session.send("6", "Enter")
        let finder = session.wait(seconds: 60, until: { $0.contains("proven best") && $0.contains("pivotal:") })
        #expect(finder.ok, "\(finder.screen)")
        let strays = finder.screen.split(separator: "\n").filter { $0.contains("?") && !$0.contains("? show") }
        #expect(strays.isEmpty, "\(finder.screen)")
        #expect(finder.screen.unicodeScalars.allSatisfy { $0.isASCII })
        if let path = ProcessInfo.processInfo.environment["ENTENTE_CAPTURE"] { try finder.screen.write(toFile: path, atomically: true, encoding: .utf8) }
        session.send("q")
        #expect(session.wait { !$0.contains("1 Overview") }.ok)
    }
}

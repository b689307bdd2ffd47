import EntenteCore

/// A preview of the brief on the package builder's package, as `:brief FILE` writes it: in
/// a restricted view, the participant's delegation brief, the only brief it may export.
/// On terminals narrower than the brief, long lines wrap rather than lose their ends.
enum BriefScreen {
    /// The brief's lines as shown at this width.
    static func lines(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            DisplayWidth.of(String(line)) <= width ? [String(line)] : TextWrap.wrap(String(line), width: max(10, width), first: "", rest: "  ")
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        guard let brief = state.brief, state.briefIsCurrent else {
            grid.put("Preparing the brief on the package builder's package…", x: 1, y: top, style: Style(role: .muted))
            return
        }
        let heading = state.viewer.map { "\($0)'s delegation brief on the package builder's package. :brief FILE writes it." }
            ?? "Brief on the package builder's package. :brief FILE writes it."
        grid.put(heading, x: 1, y: top, style: Style(bold: true, role: .accent), limit: grid.width - 2)
        let lines = lines(brief.text, width: grid.width - 2)
        let rows = height - 2
        let first = min(state.briefScroll, max(0, lines.count - rows))
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line, x: 1, y: top + 2 + offset, limit: grid.width - 2)
        }
    }
}

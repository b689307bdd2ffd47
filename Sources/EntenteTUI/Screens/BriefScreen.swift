import EntenteCore

/// A preview of the brief on the package builder's package, as `:brief FILE` writes it.
/// On terminals narrower than the brief, long lines wrap rather than lose their ends.
enum BriefScreen {
    /// The brief's lines as shown at this width.
    static func lines(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            DisplayWidth.of(String(line)) <= width ? [String(line)] : TextWrap.wrap(String(line), width: max(10, width), first: "", rest: "  ")
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, top: Int, height: Int) {
        guard state.viewer == nil else {
            grid.putWrapped("The brief reports every actor's gains; it is hidden in the workshop view (:as all ends it).",
                            x: 1, y: top, width: grid.width - 2, style: Style(role: .muted))
            return
        }
        guard let brief = state.brief, brief.package == state.package else {
            grid.put("Preparing the brief on the package builder's package…", x: 1, y: top, style: Style(role: .muted))
            return
        }
        grid.put("Brief on the package builder's package. :brief FILE writes it.", x: 1, y: top, style: Style(bold: true, role: .accent),
                 limit: grid.width - 2)
        let lines = lines(brief.text, width: grid.width - 2)
        let rows = height - 2
        let first = min(state.briefScroll, max(0, lines.count - rows))
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line, x: 1, y: top + 2 + offset, limit: grid.width - 2)
        }
    }
}

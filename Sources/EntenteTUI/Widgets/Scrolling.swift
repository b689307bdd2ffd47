/// Where a scrolled list starts so that its selected row stays in view, centred when it
/// can be. Drawing and mouse hit-testing both use it, so a click lands on the row drawn.
enum Scrolling {
    static func first(selected: Int, count: Int, rows: Int) -> Int {
        max(0, min(selected - rows / 2, count - rows))
    }
}

import EntenteCore

/// What a screen looks like: a plain grid of cells, drawn by the terminal backend and
/// compared as text by snapshot tests. No terminal is needed to build one.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// What the terminal shows: under ASCII every character is written in its ASCII form.
    public let charset: Charset
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, charset: Charset = .unicode) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.charset = charset
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text from (x, y) with control characters escaped, wide characters taking two
    /// cells and combining marks joining the previous cell, each in the grid's charset;
    /// stops at `limit` columns (the grid's edge by default). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = Style(), limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0 else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in TerminalText.escaped(text) {
            let columns = DisplayWidth.of(String(character))
            if columns == 0 {
                if column > x, charset == .unicode { cells[y * width + column - 1].text.append(character) }
                continue
            }
            if column + columns > end { break }
            if charset == .ascii {
                for (offset, form) in Glyphs.ascii(character, columns: columns).enumerated() {
                    cells[y * width + column + offset] = Cell(text: String(form), style: style)
                }
            } else {
                cells[y * width + column] = Cell(text: String(character), style: style)
                if columns == 2 { cells[y * width + column + 1] = Cell(text: "", style: style) }
            }
            column += columns
        }
        return column - x
    }

    /// Fills a row segment with a style (for bars and highlights), keeping its text.
    public mutating func paint(y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, end ?? width) { cells[y * width + column].style = style }
    }

    /// The rows as text, trailing spaces trimmed: what snapshot tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            let row = (0..<width).map { cells[y * width + $0].text }.joined()
            return String(row.reversed().drop { $0 == " " }.reversed())
        }
    }
}

/// One terminal cell: a grapheme (empty for the right half of a wide character) and a style.
public struct Cell: Equatable, Sendable {
    public var text = " "
    public var style = Style()

    public init(text: String = " ", style: Style = Style()) {
        self.text = text
        self.style = style
    }
}

/// How a cell is drawn. Colour is a role, mapped to a palette by the backend (or dropped
/// under NO_COLOR), so views never name raw colours.
public struct Style: Equatable, Hashable, Sendable {
    public var bold = false
    public var reverse = false
    public var dim = false
    public var role: ColorRole?

    public init(bold: Bool = false, reverse: Bool = false, dim: Bool = false, role: ColorRole? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.role = role
    }
}

/// The meanings colour carries on screen.
public enum ColorRole: Int, CaseIterable, Sendable {
    case title = 1
    case accent, good, bad, muted
}

/// A terminal size in columns and rows.
public struct Size: Equatable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

extension Grid {
    /// Writes a paragraph wrapped at word boundaries to `width` columns from row `y`;
    /// returns the rows used.
    @discardableResult
    mutating func putWrapped(_ text: String, x: Int, y: Int, width: Int, style: Style = Style()) -> Int {
        let lines = TextWrap.wrap(text, width: max(10, width), first: "", rest: "")
        for (offset, line) in lines.enumerated() { put(line, x: x, y: y + offset, style: style, limit: width) }
        return lines.count
    }
}

import EntenteCore

/// Where the Levers screen draws its markers and labels, so that no two labels touch and
/// none is cut that fits.
///
/// Issues on the same row whose markers fall within three columns (the leftmost and the two
/// after it) are one group, drawn as one marker with their ids joined by commas. A marker stays where its
/// figures put it; its label goes to its right on its row, else to its left, else on the
/// row just above or below starting (or ending) at the marker's column, else, where the
/// rows between levels allow, two or three rows away, starting at the marker's column and
/// joined to it by a leader line; labels are placed from the right, so that moved labels
/// stack like stairs. Every label keeps one free cell before and after it.
/// When no place holds the whole label, it takes the place that shows the most of it, cut
/// with "…"; with room for less than three letters it is left out (the list below the
/// plot names every issue).
struct LeverLayout: Equatable {
    struct Marker: Equatable {
        let x: Int, y: Int
        /// Indices into the points given, left to right.
        let members: [Int]
    }

    struct Label: Equatable {
        let text: String, x: Int, y: Int
        /// The marker it names.
        let marker: Int
        /// Rows of the leader line drawn at the marker's column between it and the label.
        let leader: [Int]
    }

    /// The plot's cells: columns `columns`, rows `rows` (both half-open).
    let columns: Range<Int>, rows: Range<Int>
    private(set) var markers: [Marker] = []
    private(set) var labels: [Label] = []
    private var occupied = Set<Int>()

    /// The fewest cells a cut label takes: three letters and "…".
    private static let shortest = 4

    /// Lays out points given as a cell and a label each.
    init(points: [(x: Int, y: Int, label: String)], columns: Range<Int>, rows: Range<Int>) {
        self.columns = columns
        self.rows = rows
        let order = points.indices.sorted { (points[$0].y, points[$0].x, $0) < (points[$1].y, points[$1].x, $1) }
        var groups: [[Int]] = []
        for index in order {
            if let first = groups.last?.first, points[first].y == points[index].y, points[index].x - points[first].x <= 2 {
                groups[groups.count - 1].append(index)
            } else {
                groups.append([index])
            }
        }
        markers = groups.map { members in
            let xs = members.map { points[$0].x }
            return Marker(x: (xs.reduce(0, +) + xs.count / 2) / xs.count, y: points[members[0]].y, members: members)
        }
        for marker in markers { occupied.insert(cell(marker.x, marker.y)) }
        let levels = Set(markers.map(\.y)).sorted()
        // Right to left: a label moved off its row starts at its marker and runs right, so
        // the markers to its left can still reach the rows beyond it with their leaders.
        for index in markers.indices.sorted(by: { (markers[$0].y, -markers[$0].x) < (markers[$1].y, -markers[$1].x) }) {
            let marker = markers[index]
            let text = marker.members.map { points[$0].label }.joined(separator: ",")
            place(text, for: index, shift: Self.shift(at: marker.y, levels: levels))
        }
        labels.sort { $0.marker < $1.marker }
    }

    /// How many rows a label may move off its marker's row: up to three, staying nearer to
    /// its own row than to any other row with markers.
    private static func shift(at row: Int, levels: [Int]) -> Int {
        let gap = levels.filter { $0 != row }.map { abs($0 - row) }.min() ?? Int.max
        return max(0, min(3, (gap - 1) / 2))
    }

    private func cell(_ x: Int, _ y: Int) -> Int { y * 100_000 + x }

    private mutating func place(_ text: String, for index: Int, shift: Int) {
        let marker = markers[index]
        let full = DisplayWidth.of(text)
        // Each place: its row, the column a label of width w starts at, and its leader's rows.
        var places: [(y: Int, start: (Int) -> Int, leader: [Int])] = [
            (marker.y, { _ in marker.x + 1 }, []), (marker.y, { marker.x - $0 }, []),
        ]
        for distance in Swift.stride(from: 1, through: shift, by: 1) {
            for direction in [-1, 1] {
                let y = marker.y + direction * distance
                places.append((y, { _ in marker.x }, (1..<distance).map { marker.y + direction * $0 }))
                if distance == 1 { places.append((y, { marker.x - $0 + 1 }, [])) }
            }
        }
        let least = min(full, Self.shortest)
        var best: (width: Int, y: Int, start: Int, leader: [Int])?
        for place in places where rows.contains(place.y) && place.leader.allSatisfy({ !occupied.contains(cell(marker.x, $0)) }) {
            var width = full
            while width >= least && !fits(place.start(width), width, y: place.y, own: marker) { width -= 1 }
            guard width >= least else { continue }
            if best.map({ width > $0.width }) ?? true { best = (width, place.y, place.start(width), place.leader) }
            if width == full { break }
        }
        guard let best else { return }
        labels.append(Label(text: DisplayWidth.truncate(text, to: best.width), x: best.start, y: best.y, marker: index, leader: best.leader))
        for x in best.start..<(best.start + best.width) { occupied.insert(cell(x, best.y)) }
        for y in best.leader { occupied.insert(cell(marker.x, y)) }
    }

    /// Whether a label of `width` cells from `start` on row `y` lies in the plot and its
    /// cells and the one on each side are free (the label's own marker may touch it).
    private func fits(_ start: Int, _ width: Int, y: Int, own: Marker) -> Bool {
        guard start >= columns.lowerBound, start + width <= columns.upperBound else { return false }
        return ((start - 1)...(start + width)).allSatisfy { x in
            (x == own.x && y == own.y) || !occupied.contains(cell(x, y))
        }
    }
}

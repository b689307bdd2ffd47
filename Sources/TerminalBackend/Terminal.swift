import CNcursesw
import EntenteTUI
import Foundation

/// The one place that talks to ncurses: it starts and always restores the terminal, draws
/// grids (only the rows that changed), and turns key presses into `Key`s.
///
/// The terminal is restored on a normal stop, on SIGINT, SIGTERM and SIGHUP (the run loop
/// sees the signal and stops) and on a crash (the signal handler restores, then lets the
/// crash proceed).
public final class Terminal {
    public enum Event: Equatable {
        case key(Key)
        /// A left click on a cell.
        case click(x: Int, y: Int)
        /// The wheel: −1 up, +1 down.
        case wheel(Int)
        case resize(Size)
        /// SIGINT, SIGTERM or SIGHUP arrived: stop and restore.
        case interrupt(Int32)
    }

    /// How long ncurses waits after Esc for the rest of a key's sequence (ms): short, so Esc
    /// feels instant.
    static let escapeDelay: Int32 = 25
    /// How long a read waits for a key before the loop looks at signals and effects (ms).
    static let inputTimeout: Int32 = 100

    /// What the terminal can show: Unicode under a UTF-8 locale, ASCII otherwise. Decided
    /// once, at start; grids are rendered for it, so only ASCII reaches an ASCII terminal.
    public private(set) var charset = Charset.unicode
    private var previous: Grid?
    private var started = false
    private let colour: Bool

    public init() {
        colour = ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true
    }

    /// Takes over the terminal. Signal handlers go in first: ncurses only installs its own
    /// when they are still the default.
    public func start() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        charset = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" ? .unicode : .ascii
        TerminalSignals.install()
        _ = initscr()
        started = true
        TerminalSignals.terminalStarted()
        cbreak()
        noecho()
        keypad(shim_stdscr(), true)
        curs_set(0)
        set_escdelay(Self.escapeDelay)
        timeout(Self.inputTimeout)
        shim_enable_mouse()
        if colour && has_colors() {
            start_color()
            use_default_colors()
            // title, accent, good, bad, muted: readable on dark and light backgrounds.
            let palette: [Int16] = [Int16(COLOR_CYAN), Int16(COLOR_BLUE), Int16(COLOR_GREEN), Int16(COLOR_RED), Int16(COLOR_WHITE)]
            for (index, colour) in palette.enumerated() { init_pair(Int16(index + 1), colour, -1) }
        }
    }

    /// Gives the terminal back. Safe to call twice.
    public func stop() {
        guard started else { return }
        started = false
        endwin()
        TerminalSignals.terminalStopped()
    }

    deinit { stop() }

    public var size: Size { Size(columns: Int(shim_cols()), rows: Int(shim_lines())) }

    /// Draws a grid, rewriting only the rows that differ from the last one drawn.
    public func draw(_ grid: Grid) {
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { erase() }
        for y in 0..<grid.height {
            if !full, let previous, (0..<grid.width).allSatisfy({ previous[$0, y] == grid[$0, y] }) { continue }
            drawRow(grid, y: y)
        }
        refresh()
        previous = grid
    }

    private func drawRow(_ grid: Grid, y: Int) {
        var x = 0
        while x < grid.width {
            let style = grid[x, y].style
            var run: [wchar_t] = []
            let start = x
            while x < grid.width && grid[x, y].style == style {
                for scalar in grid[x, y].text.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                x += 1
            }
            run.append(0)
            _ = shim_put(Int32(y), Int32(start), run, Int32(run.count - 1), attributes(style))
        }
    }

    private func attributes(_ style: Style) -> attr_t {
        var result: attr_t = 0
        if style.bold { result |= shim_bold() }
        if style.reverse { result |= shim_reverse() }
        if style.dim { result |= shim_dim() }
        if colour, has_colors(), let role = style.role { result |= shim_color_pair(Int16(role.rawValue)) }
        return result
    }

    /// The next event, or nil when nothing happened within the input timeout (100 ms).
    public func nextEvent() -> Event? {
        if let signal = TerminalSignals.pending() { return .interrupt(signal) }
        var character: wint_t = 0
        let status = get_wch(&character)
        if status == ERR { return TerminalSignals.pending().map(Event.interrupt) }
        let code = Int32(character)
        if status == shim_key_code_yes() {
            if code == shim_key_mouse() {
                var x: Int32 = 0, y: Int32 = 0
                switch shim_mouse_event(&x, &y) {
                case Int32(SHIM_MOUSE_LEFT_CLICK.rawValue): return .click(x: Int(x), y: Int(y))
                case Int32(SHIM_MOUSE_WHEEL_UP.rawValue): return .wheel(-1)
                case Int32(SHIM_MOUSE_WHEEL_DOWN.rawValue): return .wheel(1)
                default: return nil
                }
            }
            if code == shim_key_resize() {
                previous = nil
                return .resize(size)
            }
            let keys: [Int32: Key] = [
                shim_key_up(): .up, shim_key_down(): .down, shim_key_left(): .left, shim_key_right(): .right,
                shim_key_page_up(): .pageUp, shim_key_page_down(): .pageDown, shim_key_home(): .home, shim_key_end(): .end,
                shim_key_enter(): .enter, shim_key_backspace(): .backspace, shim_key_back_tab(): .backTab,
            ]
            return keys[code].map(Event.key)
        }
        switch code {
        case ASCII.escape: return .key(.escape)
        case ASCII.tab: return .key(.tab)
        case ASCII.lineFeed, ASCII.carriageReturn: return .key(.enter)
        case ASCII.delete, ASCII.backspace: return .key(.backspace)
        case ASCII.controlLetters: return .key(.control(Character(Unicode.Scalar(UInt8(code) + ASCII.controlToLetter))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}

/// The keys that arrive as plain character codes rather than ncurses key codes.
private enum ASCII {
    static let escape: Int32 = 27
    static let tab: Int32 = 9
    static let lineFeed: Int32 = 10
    static let carriageReturn: Int32 = 13
    static let delete: Int32 = 127
    static let backspace: Int32 = 8
    /// Ctrl-A … Ctrl-Z, and what turns one into its lower-case letter (1 + 96 = "a").
    static let controlLetters: ClosedRange<Int32> = 1...26
    static let controlToLetter: UInt8 = 96
}

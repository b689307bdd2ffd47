/// Writes JSON straight into bytes, for reports too large to build as one value first: the
/// same bytes `JSONText.encode` gives (pretty-printed, two-space indents, `" : "` between
/// key and value, slashes unescaped, every `TerminalText.isUnsafe` character escaped), with
/// no value tree in between.
///
/// Keys are written in the order given, so a caller writes each object's keys sorted by
/// their UTF-8 bytes, as `JSONText.encode` sorts them (`JSONWriter.sortedKeys` sorts).
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.key("count"); json.integer(3)
///     json.endObject()
public struct JSONWriter {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []
    /// For each open container, whether it is an array (else an object).
    private var containers: [Bool] = []
    /// Whether the innermost open container has no element yet.
    private var empty = true

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// A string escaped and quoted once, to be written many times (keys, repeated values).
    public struct Encoded: Sendable {
        fileprivate let bytes: [UInt8]
    }

    public static func encoded(_ text: String) -> Encoded {
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.writeString(text)
        return Encoded(bytes: writer.bytes)
    }

    /// Makes room for `count` more bytes at once, rather than growing step by step.
    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// Ends the document with the line break every report ends with.
    public mutating func endDocument() { bytes.append(UInt8(ascii: "\n")) }

    /// `keys` in the order `JSONText.encode` writes them.
    public static func sortedKeys(_ keys: [String]) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public mutating func beginObject() { open(UInt8(ascii: "{"), array: false) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "["), array: true) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next key of the innermost object; its value follows.
    public mutating func key(_ key: String) { self.key(Self.encoded(key)) }

    public mutating func key(_ key: Encoded) {
        separate()
        bytes.append(contentsOf: key.bytes)
        bytes.append(contentsOf: Self.colon)
    }

    public mutating func string(_ value: String) {
        beginValue()
        writeString(value)
    }

    public mutating func string(_ value: Encoded) {
        beginValue()
        bytes.append(contentsOf: value.bytes)
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest description, without a
    /// trailing ".0". Only finite numbers are valid JSON.
    public mutating func number(_ value: Double) {
        precondition(value.isFinite, "JSON has no \(value)")
        beginValue()
        var text = value.description
        text.withUTF8 { utf8 in
            let whole = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: whole ? UnsafeBufferPointer(rebasing: utf8.dropLast(2)) : utf8)
        }
    }

    public mutating func integer<Integer: BinaryInteger>(_ value: Integer) {
        beginValue()
        bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8, array: Bool) {
        beginValue()
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        containers.append(array)
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        containers.removeLast()
        bytes.append(UInt8(ascii: "\n"))
        indent()
        bytes.append(bracket)
        empty = false
    }

    /// Starts a value: inside an array the separator and indent come first; after a key or
    /// at the top level nothing does.
    private mutating func beginValue() {
        if containers.last == true { separate() }
    }

    private mutating func separate() {
        if !empty { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
        empty = false
        indent()
    }

    private mutating func indent() {
        var count = 2 * containers.count
        while count > 0 {
            let part = min(count, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<part])
            count -= part
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)
    private static let colon: [UInt8] = [0x20, UInt8(ascii: ":"), 0x20]

    // MARK: Strings

    /// A quoted string with JSON's escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other
    /// C0 controls as lower-case `\u00xx`) and every other unsafe character as upper-case
    /// `\uXXXX`, as `JSONText.escapingUnsafe` writes it.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
        } else {
            for scalar in text.unicodeScalars { writeEscaped(scalar) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\"": bytes.append(contentsOf: #"\""#.utf8)
        case "\\": bytes.append(contentsOf: #"\\"#.utf8)
        case "\u{08}": bytes.append(contentsOf: #"\b"#.utf8)
        case "\u{0C}": bytes.append(contentsOf: #"\f"#.utf8)
        case "\n": bytes.append(contentsOf: #"\n"#.utf8)
        case "\r": bytes.append(contentsOf: #"\r"#.utf8)
        case "\t": bytes.append(contentsOf: #"\t"#.utf8)
        case _ where scalar.value < 0x20: writeHex(scalar.value, uppercase: false)
        case _ where TerminalText.isUnsafe(scalar): writeHex(scalar.value, uppercase: true)
        default: bytes.append(contentsOf: String(scalar).utf8)
        }
    }

    private mutating func writeHex(_ value: UInt32, uppercase: Bool) {
        let hex = String(value, radix: 16, uppercase: uppercase)
        bytes.append(contentsOf: #"\u"#.utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 4 - hex.utf8.count)))
        bytes.append(contentsOf: hex.utf8)
    }
}

import CYaml

/// Bounds the work a YAML file can cause beyond what its size implies, before it is composed.
///
/// Aliases let a few hundred bytes stand for billions of nodes (an "alias bomb"), and
/// composing such a file hashes every expanded mapping key, which can take hours. This guard
/// walks the file's parser events once, without building nodes, and counts the nodes the
/// file would have with every alias expanded; past `nodeLimit` it reports the alias that
/// crossed it, so a broken or hostile file fails in milliseconds with a location.
enum YAMLSizeGuard {
    /// The most nodes a scenario may expand to. The shipped scenario has about 6,000; a
    /// UN-wide game of 193 actors and 40 issues has about 150,000.
    static let nodeLimit = 1_000_000

    /// Nil when `text` expands to at most `nodeLimit` nodes (or is not valid YAML, which
    /// the composer then reports); otherwise the diagnostic.
    static func check(_ text: String, file: String, nodeLimit: Int = nodeLimit) -> Diagnostic? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = ExpansionCounter(limit: nodeLimit)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                let overflow: Bool
                switch event.type {
                case YAML_STREAM_END_EVENT: return nil
                case YAML_SCALAR_EVENT: overflow = counter.leaf(anchor: anchorName(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT: overflow = counter.open(anchor: anchorName(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT: overflow = counter.open(anchor: anchorName(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: overflow = counter.close()
                case YAML_ALIAS_EVENT: overflow = counter.alias(anchorName(event.data.alias.anchor))
                default: overflow = false
                }
                if overflow {
                    let location = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                    return Diagnostic(location, "aliases expand the file to more than \(nodeLimit) nodes here; expected a scenario that repeats less (write the repeated part out, or use fewer nested aliases)")
                }
            }
        }
    }

    private static func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}

/// Expanded node counts of the collections being read and of every anchor seen so far.
private struct ExpansionCounter {
    let limit: Int
    private(set) var total = 0
    private var anchors: [String: Int] = [:]
    /// For each open collection: its anchor and the expanded size of what it holds so far.
    private var open: [(anchor: String?, size: Int)] = []

    init(limit: Int) { self.limit = limit }

    mutating func leaf(anchor: String?) -> Bool {
        if let anchor { anchors[anchor] = 1 }
        return grow(1)
    }

    mutating func open(anchor: String?) -> Bool {
        total = min(limit + 1, total + 1)
        open.append((anchor, 1))
        return total > limit
    }

    /// Ends the innermost collection; its expanded size now counts towards its parent.
    mutating func close() -> Bool {
        guard let finished = open.popLast() else { return false }
        if let anchor = finished.anchor { anchors[anchor] = finished.size }
        if !open.isEmpty { open[open.count - 1].size = min(limit + 1, open[open.count - 1].size + finished.size) }
        return false
    }

    mutating func alias(_ name: String?) -> Bool {
        grow(name.flatMap { anchors[$0] } ?? 1)
    }

    /// Adds `size` expanded nodes to the file and to the innermost open collection; true
    /// once the file is past the limit.
    private mutating func grow(_ size: Int) -> Bool {
        total = min(limit + 1, total + size)
        if !open.isEmpty { open[open.count - 1].size = min(limit + 1, open[open.count - 1].size + size) }
        return total > limit
    }
}

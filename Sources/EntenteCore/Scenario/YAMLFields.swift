import Yams

/// Reads typed values out of YAML nodes and records a diagnostic, with the node's location,
/// for every value that is missing or of the wrong shape.
///
/// Each reader returns `nil` after recording its problem, so decoding goes on and every
/// error of a file is reported at once.
final class YAMLFields {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func report(_ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(location(node), message))
    }

    func report(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    /// The fields of a mapping node by key, after checking that only `allowed` keys occur and
    /// every `required` key is present.
    func mapping(_ node: Node, what: String, required: [String], optional: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(node, "expected \(what) as a mapping of fields, found \(shape(of: node))")
            return nil
        }
        var values: [String: Node] = [:]
        var keys: [String: Node] = [:]
        let allowed = Set(required + optional)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, "expected a field name in \(what)")
                continue
            }
            if !allowed.contains(key) {
                let expected = (required + optional).joined(separator: ", ")
                report(keyNode, "unknown field '\(TerminalText.escaped(key))' in \(what); expected one of: \(expected)")
                continue
            }
            values[key] = value
            keys[key] = keyNode
        }
        for key in required where values[key] == nil {
            report(node, "missing required field '\(key)' in \(what)")
        }
        return Fields(node: node, values: values, keys: keys)
    }

    /// The entries of a sequence node, or nil (with a diagnostic) for any other shape.
    func sequence(_ node: Node, what: String) -> [Node]? {
        if case .sequence(let sequence) = node { return Array(sequence) }
        if isNull(node) { return [] }
        report(node, "expected \(what) as a list, found \(shape(of: node))")
        return nil
    }

    /// The key-value pairs of a mapping node whose keys are free-form (ids), in file order.
    func pairs(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            if isNull(node) { return [] }
            report(node, "expected \(what) as a mapping, found \(shape(of: node))")
            return nil
        }
        var result: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, "expected an id as key in \(what)")
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    /// Reports a list whose length is outside `range`.
    func checkCount(_ entries: [Node], of node: Node, what: String, in range: ClosedRange<Int>) {
        guard !range.contains(entries.count) else { return }
        report(node, "\(entries.count) \(what); expected \(range.lowerBound) to \(range.upperBound)")
    }

    func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "expected \(what) as text, found \(shape(of: node))")
            return nil
        }
        return scalar.string
    }

    /// A number within `range`; quoted or `!!str`-tagged text is not a number.
    func number(_ node: Node, what: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, scalar.tag.description != Tag.Name.str.rawValue,
              let value = Double(scalar.string), value.isFinite
        else {
            report(node, "expected \(what) as a number, found \(shape(of: node))")
            return nil
        }
        guard range.contains(value) else {
            report(node, "\(what) \(scalar.string) is out of range; expected \(describe(range))")
            return nil
        }
        return value
    }

    func integer(_ node: Node, what: String, atLeast minimum: Int) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, scalar.tag.description != Tag.Name.str.rawValue, let value = Int(scalar.string) else {
            report(node, "expected \(what) as a whole number, found \(shape(of: node))")
            return nil
        }
        guard value >= minimum else {
            report(node, "\(what) \(value) is out of range; expected at least \(minimum)")
            return nil
        }
        return value
    }

    /// An id matching `[a-z0-9-]+`.
    func identifier(_ node: Node, what: String) -> String? {
        guard let text = string(node, what: what) else { return nil }
        guard Identifier.isValid(text) else {
            report(node, "invalid \(what) '\(TerminalText.escaped(text))'; expected lower-case letters, digits and '-'")
            return nil
        }
        return text
    }

    func identifierList(_ node: Node, what: String) -> [(id: String, node: Node)]? {
        guard let entries = sequence(node, what: "a list of \(what)s") else { return nil }
        return entries.compactMap { entry in identifier(entry, what: what).map { ($0, entry) } }
    }

    /// A value from a fixed vocabulary, such as an actor kind.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, what: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, what: what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let expected = T.allCases.map(\.rawValue).joined(separator: ", ")
        report(node, "unknown \(what) '\(TerminalText.escaped(text))'; expected one of: \(expected)")
        return nil
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func shape(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar):
            isNull(node) ? "nothing" : "'\(TerminalText.escaped(String(scalar.string.prefix(40))))'"
        }
    }

    private func describe(_ range: ClosedRange<Double>) -> String {
        "\(range.lowerBound.limitText) to \(range.upperBound.limitText)"
    }
}

/// The fields of one YAML mapping, after `YAMLFields.mapping` has checked its keys.
struct Fields {
    let node: Node
    let values: [String: Node]
    let keys: [String: Node]

    subscript(key: String) -> Node? { values[key] }
}

/// The rule for ids of actors, issues, options, groupings and rules.
public enum Identifier {
    /// True when `text` is non-empty and made of `a-z`, `0-9` and `-` only.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
    }
}

extension YAMLFields {
    /// Reports every id that occurs more than once in `ids`, at its second and later places.
    func reportDuplicates(_ ids: [(id: String, node: Node)], what: String) {
        var seen: [String: SourceLocation] = [:]
        for (id, node) in ids {
            if let first = seen[id] {
                report(node, "duplicate \(what) '\(id)'; first defined at line \(first.line), column \(first.column)")
            } else {
                seen[id] = location(node)
            }
        }
    }
}

import EntenteCore

/// A package a seat pinned for Compare, with the name and note the seat gave it ("EU's
/// opening offer", "what India asked for on Tuesday"), so a comparison reads as the
/// negotiation does rather than as package 1, 2 and 3.
public struct Pin: Sendable, Equatable {
    public var package: Package
    /// Empty until the seat names it; screens then say "Package N".
    public var name = ""
    public var note = ""

    public init(package: Package, name: String = "", note: String = "") {
        self.package = package
        self.name = name
        self.note = note
    }

    /// The pin's name, or "Package N" (N from 1) when it has none.
    public func title(_ index: Int) -> String { name.isEmpty ? "Package \(index + 1)" : name }
}

import ArgumentParser
import EntenteCore
import Foundation

/// `entente roles`: the role briefs a trainer hands out, one per delegation, from the
/// scenario's `brief:` texts and each actor's own numbers.
struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Print role briefs for a training exercise: each actor's brief text, then its own interests, red lines and links as numbers.",
        usage: """
            entente roles Data/open-internet.yaml --for india
            entente roles Data/open-internet.yaml --format md --output roles.md
            """,
        discussion: """
            A role brief holds one actor's own figures only, never another actor's, so it can \
            be handed to the delegation that plays it. Without --for, every actor's brief is \
            printed in the scenario's order.
            """)

    @OptionGroup var scenario: ScenarioArgument

    @Option(name: .customLong("for"), help: ArgumentHelp("Print only this actor's role brief.", valueName: "actor"))
    var actor: String?

    @Option(help: ArgumentHelp("text or md.", valueName: "format"))
    var format: RolesFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let loaded = try scenario.load()
        var indices = Array(loaded.actors.indices)
        if let actor {
            guard let index = loaded.actorIndex(actor) else {
                throw ValidationError("unknown actor '\(actor)'; expected one of: \(loaded.actors.map(\.id).joined(separator: ", "))")
            }
            indices = [index]
        }
        let markdown = format == .md
        let briefs = indices.map { RoleBriefRenderer.render(RoleBrief(actor: $0, of: loaded), markdown: markdown) }
        let separator = markdown ? "\n---\n\n" : "\n\n"
        try OutputOptions.emit(briefs.joined(separator: separator), to: output)
    }
}

/// The formats `entente roles` writes.
enum RolesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md
}

import EntenteCore

/// A key typed into the command line: editing, completion, history, and Enter running it.
func commandKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var line = state.commandLine else { return [] }
    line.candidates = []
    switch key {
    case .character(let character):
        line.text.append(character)
        line.recall = nil
    case .backspace:
        if line.text.isEmpty {
            state.commandLine = nil
            return []
        }
        line.text.removeLast()
    case .escape:
        state.commandLine = nil
        return []
    case .tab:
        (line.text, line.candidates) = Commands.complete(line.text, scenario: state.view.today)
        state.commandLine = line
        return []
    case .up, .down:
        guard !state.history.isEmpty else { break }
        let current = line.recall ?? state.history.count
        let next = min(state.history.count - 1, max(0, current + (key == .up ? -1 : 1)))
        line.recall = next
        line.text = state.history[next]
    case .enter:
        state.commandLine = nil
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        state.history.append(text)
        switch Commands.parse(text, scenario: state.view.today) {
        case .failure(let error):
            state.message = error.message
            return []
        case .success(let actions):
            state.message = nil
            return actions.flatMap { update(&state, $0) }
        }
    default:
        break
    }
    state.commandLine = line
    return []
}

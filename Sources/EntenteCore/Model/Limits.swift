/// The documented range of every number a scenario file or a command-line flag may hold.
///
/// Validation enforces these before anything is compiled, and each range is chosen so that no
/// conversion in the engine can trap or wrap: a gain or a margin is held in 32-bit fixed point
/// (±2,147 points), an option's openness in 64-bit fixed point, capability shares as integer
/// units of 2⁻⁴⁰ of a total that stays finite. docs/scenario-format.md and docs/cli.md list them.
public enum Limits {
    /// An actor's capability (relative clout).
    public static let capability: ClosedRange<Double> = 0...1e9
    /// An actor's raw salience for one issue, before normalisation.
    public static let salience: ClosedRange<Double> = 0...1e6
    /// An actor's value for an option, and a stance's minGain: utility points.
    public static let value: ClosedRange<Double> = 0...100
    /// An option's position on its issue axis, and an actor's ideal point.
    public static let position: ClosedRange<Double> = -1e6...1e6
    /// An option's own effect on the open internet.
    public static let openness: ClosedRange<Double> = -100...100
    /// The extra gain every member must exceed (`--margin`), in utility points.
    public static let margin: ClosedRange<Double> = 0...100
    /// A time limit in seconds (`--time-limit`): up to about eleven days.
    public static let seconds: ClosedRange<Double> = 0.001...1e6
    /// Actors in one scenario.
    public static let actors: ClosedRange<Int> = 1...2000
    /// Issues in one scenario.
    public static let issues: ClosedRange<Int> = 1...200
    /// The points of one link (a bonus, or negative a penalty), utility points.
    public static let linkPoints: ClosedRange<Double> = -100...100
    /// The sum of |points| over one actor's links, its own and those a future adds: a gain,
    /// issues and links together, then stays within ±1,100 points, inside 32-bit fixed point.
    public static let linkPointsPerActor: ClosedRange<Double> = 0...1000
    /// Options of one issue.
    public static let options: ClosedRange<Int> = 1...255
    /// A future's factor on an actor's capability; the product stays within `capability`.
    public static let capabilityFactor: ClosedRange<Double> = 0...1e9
    /// A future's change to a raw salience; the result is floored at 0 and stays within `salience`.
    public static let salienceDelta: ClosedRange<Double> = -1e6...1e6
    /// A future's tilt towards the nationalist (positive) or internationalist end.
    public static let tilt: ClosedRange<Double> = -100...100
    /// A future's change to an actor's value for an option; the result is clamped to `value`.
    public static let valueDelta: ClosedRange<Double> = -100...100
}

extension Double {
    /// A limit as messages write it: `100`, `-1000000`, `0.001`.
    public var limitText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : "\(self)" }
}

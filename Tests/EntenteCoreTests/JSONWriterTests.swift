@testable import EntenteCore
import Foundation
import Testing

/// `JSONWriter` against `JSONText.encode`, which it replaces for large reports: the same
/// values must give the same bytes, hostile strings and awkward numbers included.
@Suite struct JSONWriterTests {
    /// Strings with every kind of character the escaping treats apart.
    static let strings = [
        "", "plain", "quote \" backslash \\ slash /", "\u{1B}[2J\u{1B}]0;title\u{07}", "\t\n\r\u{08}\u{0C}\u{00}\u{01}\u{1F}",
        "del \u{7F} c1 \u{80}\u{85}\u{9F}", "bidi \u{202E}evil\u{202C} \u{2066}\u{2069} \u{061C}", "zero \u{200B}\u{200D}\u{2060}\u{FEFF}\u{180E}",
        "lines \u{2028}\u{2029}", "中国 Côte d'Ivoire e\u{301} 😀", "\u{A0}\u{A0}nbsp",
    ]

    static let numbers: [Double] = [
        0, -0.0, 1, -1, 0.5, 12.5, 100, 77.5, 0.1 + 0.2, 1.0 / 3, -2.0 / 3, 1e-7, 1.5e-5, 0.0001, 123456789.123,
        1e15, 1e16, 1.7976931348623157e308, .leastNonzeroMagnitude, 2.2250738585072014e-308, 42.000001, -99.999999,
    ]

    struct Sample: Encodable {
        let names: [String]
        let empty: [String]
        let nothing: [String: Double]
        let byName: [String: Double]
        let nested: [[String: String]]
        let flag: Bool
        let count: Int
        let big: UInt64
        let values: [Double]
    }

    @Test func writesTheBytesJSONTextEncodes() throws {
        var random = SplitMix64(seed: 11)
        let numbers = Self.numbers + (0..<200).map { _ in
            Double(Int.random(in: -100_000_000...100_000_000, using: &random)) / 1_000_000 + Double.random(in: -1...1, using: &random) * 1e-9
        }
        let keys = Self.strings + ["b", "a", "B", "aa", "a1", "a10", "a2", "Ä", "z"]
        let sample = Sample(
            names: Self.strings, empty: [], nothing: [:],
            byName: Dictionary(uniqueKeysWithValues: zip(keys, numbers)),
            nested: [Dictionary(uniqueKeysWithValues: zip(keys, Self.strings + keys)), [:]],
            flag: true, count: -42, big: UInt64.max, values: numbers)

        var json = JSONWriter()
        json.beginObject()
        json.key("big"); json.integer(sample.big)
        json.key("byName"); write(sample.byName, to: &json)
        json.key("count"); json.integer(sample.count)
        json.key("empty"); json.beginArray(); json.endArray()
        json.key("flag"); json.bool(sample.flag)
        json.key("names"); json.beginArray(); sample.names.forEach { json.string($0) }; json.endArray()
        json.key("nested")
        json.beginArray()
        for object in sample.nested {
            json.beginObject()
            for key in JSONWriter.sortedKeys(Array(object.keys)) {
                json.key(key)
                json.string(object[key]!)
            }
            json.endObject()
        }
        json.endArray()
        json.key("nothing"); write(sample.nothing, to: &json)
        json.key("values"); json.beginArray(); sample.values.forEach { json.number($0) }; json.endArray()
        json.endObject()

        let expected = try JSONText.encode(sample)
        let written = String(decoding: json.bytes, as: UTF8.self)
        #expect(written == expected)
        #expect(json.bytes == Array(expected.utf8))
    }

    private func write(_ object: [String: Double], to json: inout JSONWriter) {
        json.beginObject()
        for key in JSONWriter.sortedKeys(Array(object.keys)) {
            json.key(key)
            json.number(object[key]!)
        }
        json.endObject()
    }

    @Test func aTopLevelValueAndEmptyContainers() throws {
        var json = JSONWriter()
        json.number(2.5)
        #expect(json.bytes == Array(try JSONText.encode(2.5).utf8))
        var object = JSONWriter()
        object.beginObject()
        object.endObject()
        #expect(object.bytes == Array(try JSONText.encode([String: Int]()).utf8))
        var array = JSONWriter()
        array.beginArray()
        array.beginArray()
        array.endArray()
        array.null()
        array.endArray()
        #expect(array.bytes == Array(try JSONText.encode([[Int]?]([[], nil])).utf8))
    }
}

package import Foundation

/// The JSON of the control socket, on both ends and in `sparkctl --json`: keys are snake_case
/// (spelled out in each type's `CodingKeys`, so no encoder setting can change them), dates are
/// ISO 8601 in UTC, keys are sorted so output diffs cleanly.
package enum ControlJSON {
    package static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

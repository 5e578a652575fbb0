import Foundation

/// Published per-user output speeds with the models' architectures (`calibration.json`).
package struct CalibrationSet: Decodable, Sendable {
    package struct Point: Decodable, Hashable, Sendable {
        package var model: String
        package var arch: ModelArchitecture
        package var observedTokensPerSecond: Double
        package var kind: String?
        package var date: String?
        package var source: String?

        enum CodingKeys: String, CodingKey {
            case model, arch, kind, date, source
            case observedTokensPerSecond = "observed_tokens_per_second"
        }
    }

    package var points: [Point]

    /// The context the calibration replicas are sized for and measured at: Cerebras Inference
    /// served these models with 8K–32K caps; published speeds are for short prompts.
    package static let context = 8192

    /// The compiled-in copy of shared/wse/calibration.json.
    package static func published() -> CalibrationSet {
        // The copy is compiled in and covered by tests; failing to decode it is a build defect.
        try! decode(Data(publishedJSON.utf8), path: "calibration.json (compiled in)")
    }

    /// Reads a calibration file in the same schema.
    package static func load(path: String) throws(WSEError) -> CalibrationSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WSEError(.unreadable, "cannot read the file", path: path, hint: "pass a calibration.json in the schema of shared/wse/")
        }
        return try decode(data, path: path)
    }

    static func decode(_ data: Data, path: String) throws(WSEError) -> CalibrationSet {
        let set: CalibrationSet
        do {
            set = try JSONDecoder().decode(CalibrationSet.self, from: data)
        } catch let error as DecodingError {
            throw WSEError(decoding: error, path: path)
        } catch {
            throw WSEError(.invalidJSON, "\(error)", path: path)
        }
        for (index, point) in set.points.enumerated() {
            do throws(WSEError) {
                try point.arch.validate(path: path)
            } catch {
                var error = error
                error.key = "points[\(index)].arch." + (error.key ?? "")
                throw error
            }
        }
        return set
    }
}

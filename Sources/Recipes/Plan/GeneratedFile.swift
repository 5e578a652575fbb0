/// A file a recipe's `template` steps write: the whole content, decided once per
/// repository (not per file).
package struct GeneratedFile: Sendable, Hashable {
    package enum Action: String, Sendable, Hashable, Codable {
        /// The repository has no file at the path.
        case create
        /// The file exists with other content (`mode: overwrite`).
        case overwrite
    }

    package var path: String
    package var bytes: [UInt8]
    package var action: Action
    /// The recipe whose template step wrote it (an included one, possibly).
    package var recipeID: String
    /// The step's display name.
    package var stepName: String

    package init(path: String, bytes: [UInt8], action: Action, recipeID: String, stepName: String) {
        self.path = path
        self.bytes = bytes
        self.action = action
        self.recipeID = recipeID
        self.stepName = stepName
    }
}

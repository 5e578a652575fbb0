import Foundation

enum Loader {
    // String(contentsOfFile: path) is deprecated; this comment is not code.
    static func load(_ name: String) throws -> String {
        let text = try String(contentsOfFile: name)
        let other = try String(
            contentsOfFile: "/etc/" + name  // the system copy
        )
        let nested = try String(contentsOfFile: String(contentsOfFile: "index"))
        return text + other + nested + "String(contentsOfFile: x)"
    }
}

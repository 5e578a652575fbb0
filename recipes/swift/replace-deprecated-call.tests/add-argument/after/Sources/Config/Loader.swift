import Foundation

enum Loader {
    // String(contentsOfFile: path) is deprecated; this comment is not code.
    static func load(_ name: String) throws -> String {
        let text = try String(contentsOfFile: name, encoding: .utf8)
        let other = try String(contentsOfFile: "/etc/" + name, encoding: .utf8)
        let nested = try String(contentsOfFile: String(contentsOfFile: "index", encoding: .utf8), encoding: .utf8)
        return text + other + nested + "String(contentsOfFile: x)"
    }
}

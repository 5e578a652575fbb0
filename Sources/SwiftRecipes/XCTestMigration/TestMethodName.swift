/// The Swift Testing name of an XCTest method: `testParsesURLs` → `parsesURLs`,
/// `testURLParsing` → `urlParsing`, `test_empty` → `empty`; nil when the method keeps
/// its name (the result would be empty, start with a digit, be a keyword, or clash with
/// a name the file already uses).
enum TestMethodName {
    static func migrated(_ name: String, taken: Set<String>) -> String? {
        guard name.hasPrefix("test") else { return nil }
        var rest = Substring(name.dropFirst(4))
        while rest.first == "_" { rest = rest.dropFirst() }
        guard let first = rest.first, first.isLetter, first.isUppercase || name.dropFirst(4).first == "_" else {
            return nil
        }
        let characters = Array(rest)
        var upper = 0
        while upper < characters.count, characters[upper].isUppercase { upper += 1 }
        // "URLParsing": lower every leading capital but the one that starts the next word.
        let lowered = upper > 1 && upper < characters.count && characters[upper].isLowercase ? upper - 1 : max(upper, 1)
        let result = String(characters[..<lowered]).lowercased() + String(characters[lowered...])
        guard !SwiftIdentifier.keywords.contains(result), !taken.contains(result), SwiftIdentifier.isValid(result)
        else { return nil }
        return result
    }
}

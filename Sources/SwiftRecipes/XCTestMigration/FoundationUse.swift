internal import SwiftSyntax

/// Whether a file uses Foundation, which `import XCTest` re-exports and `import Testing`
/// does not: any of these names as an identifier is taken as a use.
enum FoundationUse {
    static let names: Set<String> = [
        "Data", "Date", "URL", "UUID", "FileManager", "JSONEncoder", "JSONDecoder", "JSONSerialization", "NSString",
        "NSError", "ProcessInfo", "Bundle", "DispatchQueue", "NSRegularExpression", "CharacterSet", "Decimal",
        "NSNumber", "TimeInterval", "DateFormatter", "ISO8601DateFormatter", "Locale", "Calendar", "NSObject",
        "URLComponents", "URLRequest", "URLSession", "PropertyListEncoder", "PropertyListDecoder", "Thread", "NSLock",
        "NotificationCenter", "IndexSet", "NSRange", "FileHandle", "Process", "NSNull", "NSArray", "NSDictionary",
        "components", "trimmingCharacters", "replacingOccurrences", "data", "range", "appendingPathComponent",
        "DispatchSemaphore", "DispatchGroup", "RunLoop", "Timer", "NumberFormatter", "Measurement", "AttributedString",
        "NSAttributedString", "ObjCBool", "autoreleasepool", "String.Encoding", "NSTemporaryDirectory", "exp", "pow",
        "sqrt", "floor", "ceil", "strlen", "Pipe",
    ]

    static func found(in tree: SourceFileSyntax) -> Bool {
        tree.tokens(viewMode: .sourceAccurate).contains { token in
            guard case .identifier(let name) = token.tokenKind else { return false }
            return names.contains(name)
        }
    }
}

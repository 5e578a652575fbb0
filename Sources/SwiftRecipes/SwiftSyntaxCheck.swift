internal import SwiftParser
internal import SwiftSyntax

/// Whether Swift source parses without syntax errors: the engine's verification gate asks it
/// (through SparkRuntime's `SwiftParseValidator`) so that no commit turns a Swift file that parsed into one that
/// does not.
package enum SwiftSyntaxCheck {
    package static func parses(_ bytes: [UInt8]) -> Bool {
        !bytes.withUnsafeBufferPointer { Parser.parse(source: $0) }.hasError
    }
}

internal import Synchronization

/// The rewriters `swift` steps can name, filled at start-up by the module that has them
/// (`SwiftRewriters.registerAll()`, called by `SparkRuntime.registerAll()` when sparkctl or sparkd
/// starts; not in `sparkd-hook`, which hands `swift` steps to sparkctl). Recipes that name a
/// rewriter load only after it is registered; an unknown name is a load error.
package enum SwiftRewriterRegistry {
    private static let rewriters = Mutex<[String: any SourceRewriter.Type]>([:])

    /// Makes `rewriter` available under its ``SourceRewriter/name``; registering the same
    /// name again replaces the earlier one.
    package static func register(_ rewriter: any SourceRewriter.Type) {
        rewriters.withLock { $0[rewriter.name] = rewriter }
    }

    /// The rewriter registered as `name`.
    package static func rewriter(named name: String) -> (any SourceRewriter.Type)? {
        rewriters.withLock { $0[name] }
    }

    /// Every registered name, sorted.
    package static var names: [String] {
        rewriters.withLock { $0.keys.sorted() }
    }
}

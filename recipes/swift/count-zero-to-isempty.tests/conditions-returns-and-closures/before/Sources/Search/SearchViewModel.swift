import Foundation

/// Search results for the query field.
/// Note: `results.count == 0` used to be how this file tested emptiness.
final class SearchViewModel {
    private(set) var results: [Result] = []
    private(set) var selection: Set<Result.ID> = []
    var query = ""

    var showsPlaceholder: Bool {
        return results.count == 0
    }

    var hasSelection: Bool { self.selection.count != 0 }

    func search() {
        if query.count == 0 {
            results = []
            return
        }
        let words = query.split(separator: " ").filter { $0.count > 0 }
        guard !words.isEmpty,
              index.documents.count > 0 else {
            return
        }
        results = index.lookup(words)
        log("searched \(words.count) words; results.count == 0 means no hits")
    }
}

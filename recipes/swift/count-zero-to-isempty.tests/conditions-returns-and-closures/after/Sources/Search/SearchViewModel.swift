import Foundation

/// Search results for the query field.
/// Note: `results.count == 0` used to be how this file tested emptiness.
final class SearchViewModel {
    private(set) var results: [Result] = []
    private(set) var selection: Set<Result.ID> = []
    var query = ""

    var showsPlaceholder: Bool {
        return results.isEmpty
    }

    var hasSelection: Bool { !self.selection.isEmpty }

    func search() {
        if query.isEmpty {
            results = []
            return
        }
        let words = query.split(separator: " ").filter { !$0.isEmpty }
        guard !words.isEmpty,
              !index.documents.isEmpty else {
            return
        }
        results = index.lookup(words)
        log("searched \(words.count) words; results.count == 0 means no hits")
    }
}

import Foundation

struct SyncEngine {
    var token: String?
    var retries: Int

    // Migrated with: if let token = token { ... }  ->  if let token { ... }
    static let example = """
        if let token = token {
            guard let retries = retries else { return }
        }
        """

    mutating func run(batch: [Change], limit: Int?) throws {
        var batch = batch
        var retries = retries
        let limit = limit ?? 100
        if let token {
            print(token)
        }
        guard let `self` = Optional(self) else { return }
        if let token = token?.trimmingCharacters(in: .whitespaces), let first = batch.first {
            print(token, first)
        }
        if let limitText = String?(String(limit)), var count = Int?(batch.count) {
            count += limitText.count
        }
        while let next = batch.popLast() {
            retries -= 1
            print(next, retries, self)
        }
    }
}

package import GitKit

extension RefSnapshot {
    /// The events that turn `old` into `new`, repositories in path order and branches in name
    /// order. Pure: ancestry is asked of `isAncestor(path, ancestor, descendant)`, which should
    /// answer false when it cannot tell (a pruned old tip is then reported as `.rewritten`).
    package static func changes(
        from old: RefSnapshot, to new: RefSnapshot,
        isAncestor: (_ path: String, _ ancestor: ObjectID, _ descendant: ObjectID) -> Bool
    ) -> [RefWatchEvent] {
        new.repositories.keys.sorted().flatMap { path in
            changes(in: path, from: old.repositories[path], to: new.repositories[path]!) { ancestor, descendant in
                isAncestor(path, ancestor, descendant)
            }
        }
    }

    /// The events for one repository. A repository absent from the old snapshot counts as missing.
    package static func changes(
        in path: String, from old: RepositoryState?, to new: RepositoryState,
        isAncestor: (_ ancestor: ObjectID, _ descendant: ObjectID) -> Bool
    ) -> [RefWatchEvent] {
        switch (old ?? .missing, new) {
        case (.missing, .missing):
            return []
        case (.present, .missing):
            return [.repositoryVanished(path: path)]
        case (.missing, .present(let tips)):
            return [.repositoryAppeared(path: path)] + branchChanges(in: path, from: [:], to: tips, isAncestor: isAncestor)
        case (.present(let before), .present(let after)):
            return branchChanges(in: path, from: before, to: after, isAncestor: isAncestor)
        }
    }

    private static func branchChanges(
        in path: String, from old: [String: ObjectID], to new: [String: ObjectID],
        isAncestor: (ObjectID, ObjectID) -> Bool
    ) -> [RefWatchEvent] {
        Set(old.keys).union(new.keys).sorted().compactMap { branch in
            let before = old[branch]
            let after = new[branch]
            let kind: RefChange.Kind
            switch (before, after) {
            case (nil, nil):
                return nil
            case (nil, .some):
                kind = .created
            case (.some, nil):
                kind = .deleted
            case (.some(let before), .some(let after)):
                if before == after { return nil }
                kind = isAncestor(before, after) ? .advanced : .rewritten
            }
            return .branch(RefChange(repositoryPath: path, branch: branch, oldTip: before, newTip: after, kind: kind))
        }
    }
}

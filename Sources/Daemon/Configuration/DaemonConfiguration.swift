package import Recipes

/// The daemon's configuration (`/etc/sparkd/sparkd.yml`), as DESIGN.md shapes it. Missing keys
/// take the defaults below; every value remembers where it was written, so that problems found
/// later (a missing repository, an unknown recipe) name `file:line:column`.
package struct DaemonConfiguration: Sendable, Hashable {
    /// The format version; only 1 exists.
    package var version = 1
    /// SQLite database and socket live here.
    package var stateDirectory: String
    /// The control socket; default `<state_dir>/sparkd.sock`.
    package var socketPath: String
    package var workers = 2
    package var backend = Backend()
    package var identity = Identity()
    /// Recipe directories searched after the built-in recipes (later ones win).
    package var recipeDirectories: [String] = []
    /// Named cron schedules; their names are triggers for `on:`.
    package var schedules: [Schedule] = []
    package var repositories: [RepositoryConfiguration] = []
    /// Jobs kept in the history after they finish.
    package var history = History()
    /// How watched refs are noticed.
    package var watch = Watch()
    package var file: String

    package init(stateDirectory: String, file: String) {
        self.stateDirectory = stateDirectory
        self.socketPath = stateDirectory + "/sparkd.sock"
        self.file = file
    }

    package struct Backend: Sendable, Hashable {
        package var kind = "wse-sim"
        package var profile = "codex-spark"
        /// `websocket` (persistent sessions) or `http`.
        package var transport = "websocket"
        /// nil: virtual time; else output is paced at the modeled rate times this speed-up.
        package var pace: Double?
        package init(kind: String = "wse-sim", profile: String = "codex-spark", transport: String = "websocket", pace: Double? = nil) {
            (self.kind, self.profile, self.transport, self.pace) = (kind, profile, transport, pace)
        }
    }

    package struct Identity: Sendable, Hashable {
        package var name = "sparkd"
        package var email = "sparkd@localhost"
        package init(name: String = "sparkd", email: String = "sparkd@localhost") { (self.name, self.email) = (name, email) }
    }

    package struct Schedule: Sendable, Hashable {
        package var name: String
        package var cron: CronExpression
        /// A tz database name; default UTC.
        package var timeZone: String
        package var location: RecipeLocation
    }

    package struct Watch: Sendable, Hashable {
        /// `auto`: inotify, with polling as a safety net (and the fallback where inotify fails);
        /// `polling`: polling only, for file systems without inotify.
        package var mode = "auto"
        package var pollIntervalSeconds = 5
        package init(mode: String = "auto", pollIntervalSeconds: Int = 5) { (self.mode, self.pollIntervalSeconds) = (mode, pollIntervalSeconds) }
    }

    package struct History: Sendable, Hashable {
        package var keepDays = 30
        package var keepJobs = 1000
        package init(keepDays: Int = 30, keepJobs: Int = 1000) { (self.keepDays, self.keepJobs) = (keepDays, keepJobs) }
    }

    /// The database file in the state directory.
    package var databasePath: String { stateDirectory + "/jobs.sqlite" }

    /// Every trigger name `on:` accepts.
    package var triggerNames: [String] {
        var names = Trigger.builtIn
        for schedule in schedules where !names.contains(schedule.name) { names.append(schedule.name) }
        return names
    }
}

/// One watched repository.
package struct RepositoryConfiguration: Sendable, Hashable {
    package var path: String
    package var branches: [String] = ["main"]
    package var branchPrefix = "spark/"
    package var recipes: [RecipeRule] = []
    package var limits = Limits()
    /// `fixup_commits: { base: main }`: review mode for pushed work on the other watched branches.
    package var fixupCommits: FixupCommitsSetting?
    /// Where the entry starts (its `path:`).
    package var location: RecipeLocation

    package struct Limits: Sendable, Hashable {
        /// Review branches open at once.
        package var openBranches = 10
        /// Review branches created per hour.
        package var branchesPerHour = 5
        package init(openBranches: Int = 10, branchesPerHour: Int = 5) {
            (self.openBranches, self.branchesPerHour) = (openBranches, branchesPerHour)
        }

        /// Whether one more review branch may be created with `open` branches under the prefix
        /// and `createdLastHour` created in the past hour.
        package func allowNewBranch(open: Int, createdLastHour: Int) -> Bool {
            open < openBranches && createdLastHour < branchesPerHour
        }
    }
}

/// `fixup_commits: { base: main, recipes: [...] }` of a repository: a push to any watched branch
/// other than `base` queues one job that writes `fixup!` commits for the branch's own commits
/// (`merge-base(base, branch)..branch`) onto `<prefix>fixup/<branch>`, as `sparkctl fixup
/// --commits` does. One setting per repository rather than an option of each recipe rule: the
/// fixups of all its recipes belong in one rebase, so one branch per pushed branch. A pushed
/// branch's `.sparkd.yml` may ask for it too, when the daemon's configuration does not.
package struct FixupCommitsSetting: Sendable, Hashable {
    /// The branch the pushed work is based on.
    package var base: String
    /// Run in this order on each changed file; default: the hook's three whitespace fixups.
    package var recipes: [String] = PreCommitConfiguration.defaultRecipes
    package var location: RecipeLocation
}

extension FixupCommitsSetting {
    /// The setting as written, with the default recipes when it names none.
    init(_ entry: FixupCommitsEntry) {
        self.init(base: entry.base, recipes: entry.recipes ?? PreCommitConfiguration.defaultRecipes, location: entry.location)
    }
}

/// Which recipe runs on which triggers, with which parameters.
package struct RecipeRule: Sendable, Hashable {
    package var id: String
    package var on: [String]
    package var parameters: [String: String] = [:]
    /// `shard: directory`: one job and one review branch per top-level directory (files at the
    /// top level form one more shard), so a large migration is reviewed in parts.
    package var shardByDirectory = false
    package var location: RecipeLocation
}

/// The triggers every configuration knows.
package enum Trigger {
    /// A new commit on a watched branch.
    package static let push = "push"
    /// `sparkctl enqueue`.
    package static let manual = "manual"
    /// `sparkctl trigger nightly`, run by the `sparkd-nightly.timer` systemd timer.
    package static let nightly = "nightly"
    package static let builtIn = [push, manual, nightly]
    /// `git commit`, through the hook (`sparkctl fixup --staged`); only in a repository's
    /// `.sparkd.yml`, and never fired by the daemon.
    package static let preCommit = "pre-commit"
}

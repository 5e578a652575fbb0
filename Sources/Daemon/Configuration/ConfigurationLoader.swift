import Foundation
package import Recipes
internal import WSESim
internal import Yams

/// Reads the daemon's configuration file: YAML through Yams' node tree, so every error names
/// `file:line:column`, the key and the nearest valid key. Checks shape, types, limits, cron
/// expressions, time zones and trigger names; ``ConfigurationValidator`` checks what needs the
/// outside world (repositories, recipe ids).
package enum ConfigurationLoader {
    static let topKeys = [
        "version", "state_dir", "socket", "workers", "backend", "identity", "recipe_dirs", "schedules", "history",
        "repositories", "watch",
    ]
    static let repositoryKeys = ["path", "branches", "branch_prefix", "recipes", "limits", "fixup_commits"]
    static let example = "state_dir: /var/lib/sparkd"

    /// Loads and checks the configuration in `file`.
    package static func load(file: String) throws(RecipeError) -> DaemonConfiguration {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RecipeError(
                .unreadable, "cannot read the configuration file", file: file,
                hint: "check the path given to --config, that the file exists and that sparkd may read it")
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw RecipeError(.syntax, "the configuration file is not valid UTF-8", file: file, hint: "save it as UTF-8")
        }
        return try parse(text, file: file)
    }

    /// Parses configuration YAML held in memory; `file` names it in errors.
    package static func parse(_ text: String, file: String) throws(RecipeError) -> DaemonConfiguration {
        let reader = YAMLReader(file: file, text: text)
        guard let root = try YAMLReader.compose(text, file: file, document: "the configuration file") else {
            throw RecipeError(
                .emptyDocument, "the configuration file is empty", file: file, line: 1, column: 1,
                hint: "see the configuration example in the README")
        }
        let context = "the configuration"
        let entries = try reader.entries(of: root, in: context, valid: topKeys)
        try reader.require(["state_dir"], in: entries, of: root, context: context, example: example)
        let stateEntry = entries.first { $0.key == "state_dir" }!
        var config = DaemonConfiguration(stateDirectory: try absolutePath(stateEntry.value, key: "state_dir", reader: reader), file: file)
        // Schedules first: their names are triggers for the repositories' recipes.
        if let schedules = entries.first(where: { $0.key == "schedules" }) {
            config.schedules = try parseSchedules(schedules.value, reader: reader)
        }
        for entry in entries {
            switch entry.key {
            case "version":
                let version = try reader.integer(entry.value, key: "version", in: context)
                guard version == 1 else {
                    throw reader.error(
                        .invalidValue, "configuration version \(version) is not supported", at: entry.value,
                        key: "version", hint: "this sparkd reads version 1")
                }
            case "socket": config.socketPath = try absolutePath(entry.value, key: "socket", reader: reader)
            case "workers": config.workers = try reader.integer(entry.value, key: "workers", in: context)
            case "backend": config.backend = try parseBackend(entry.value, reader: reader)
            case "identity": config.identity = try parseIdentity(entry.value, reader: reader)
            case "recipe_dirs":
                config.recipeDirectories = try reader.strings(
                    entry.value, key: "recipe_dirs", in: context, allowScalar: true,
                    example: "[/etc/sparkd/recipes]"
                ).map(\.value)
            case "history": config.history = try parseHistory(entry.value, reader: reader)
            case "watch": config.watch = try parseWatch(entry.value, reader: reader)
            case "repositories":
                let items = try reader.sequence(entry.value, key: "repositories", in: context, example: "- path: /srv/git/app")
                for item in items {
                    config.repositories.append(try parseRepository(item, triggers: config.triggerNames, reader: reader))
                }
            default: break
            }
        }
        return config
    }

    static func absolutePath(_ node: Node, key: String, reader: YAMLReader) throws(RecipeError) -> String {
        let path = try reader.nonEmptyString(node, key: key, in: "the configuration")
        guard path.hasPrefix("/") else {
            throw reader.error(
                .invalidValue, "'\(key)' must be an absolute path, not '\(path)'", at: node, key: key,
                hint: "sparkd runs from / under systemd; write the full path")
        }
        return path
    }

    static func parseBackend(_ node: Node, reader: YAMLReader) throws(RecipeError) -> DaemonConfiguration.Backend {
        var backend = DaemonConfiguration.Backend()
        for entry in try reader.entries(of: node, in: "backend", valid: ["kind", "profile", "transport", "pace"]) {
            let value = try reader.nonEmptyString(entry.value, key: entry.key, in: "backend")
            switch entry.key {
            case "kind":
                guard value == "wse-sim" else {
                    throw reader.error(
                        .invalidValue, "backend kind '\(value)' is not available", at: entry.value, key: "kind",
                        hint: "use 'wse-sim' (the simulated WSE backend)")
                }
                backend.kind = value
            case "profile":
                guard (try? Profile.named(value)) != nil else {
                    throw reader.error(
                        .invalidValue, "no backend profile named '\(value)'", at: entry.value, key: "profile",
                        hint: "use one of: \(Profile.all.map(\.name).joined(separator: ", "))")
                }
                backend.profile = value
            case "transport":
                guard Transport.Kind(rawValue: value.lowercased()) != nil else {
                    throw reader.error(
                        .invalidValue, "no transport named '\(value)'", at: entry.value, key: "transport",
                        hint: "use 'websocket' (persistent sessions) or 'http'")
                }
                backend.transport = value.lowercased()
            default:
                // `pace: false` (virtual time), `true` (real time) or a speed-up factor such as 10.
                switch value.lowercased() {
                case "false", "no", "off": backend.pace = nil
                case "true", "yes", "on": backend.pace = 1
                default:
                    guard let speedup = Double(value), speedup > 0, speedup.isFinite else {
                        throw reader.error(
                            .invalidValue, "'\(value)' is not a pace", at: entry.value, key: "pace",
                            hint: "write false (virtual time, the default), true (modeled real time) or a speed-up such as 10")
                    }
                    backend.pace = speedup
                }
            }
        }
        return backend
    }

    static func parseIdentity(_ node: Node, reader: YAMLReader) throws(RecipeError) -> DaemonConfiguration.Identity {
        var identity = DaemonConfiguration.Identity()
        for entry in try reader.entries(of: node, in: "identity", valid: ["name", "email"]) {
            let value = try reader.nonEmptyString(entry.value, key: entry.key, in: "identity")
            if entry.key == "name" {
                identity.name = value
            } else {
                guard value.contains("@"), !value.contains("<"), !value.contains(">") else {
                    throw reader.error(
                        .invalidValue, "'\(value)' is not an email address", at: entry.value, key: "email",
                        hint: "write it as name@host, without angle brackets")
                }
                identity.email = value
            }
        }
        return identity
    }

    static func parseHistory(_ node: Node, reader: YAMLReader) throws(RecipeError) -> DaemonConfiguration.History {
        var history = DaemonConfiguration.History()
        for entry in try reader.entries(of: node, in: "history", valid: ["keep_days", "keep_jobs"]) {
            let value = try reader.integer(entry.value, key: entry.key, in: "history")
            if entry.key == "keep_days" { history.keepDays = value } else { history.keepJobs = value }
        }
        return history
    }

    static func parseWatch(_ node: Node, reader: YAMLReader) throws(RecipeError) -> DaemonConfiguration.Watch {
        var watch = DaemonConfiguration.Watch()
        for entry in try reader.entries(of: node, in: "watch", valid: ["mode", "poll_interval"]) {
            if entry.key == "poll_interval" {
                watch.pollIntervalSeconds = try reader.integer(entry.value, key: "poll_interval", in: "watch")
            } else {
                let mode = try reader.nonEmptyString(entry.value, key: "mode", in: "watch")
                guard ["auto", "polling"].contains(mode) else {
                    throw reader.error(
                        .invalidValue, "watch mode '\(mode)' is not known", at: entry.value, key: "mode",
                        hint: "use 'auto' (inotify, with polling as a safety net) or 'polling' (file systems without inotify)")
                }
                watch.mode = mode
            }
        }
        return watch
    }

    static func parseSchedules(_ node: Node, reader: YAMLReader) throws(RecipeError) -> [DaemonConfiguration.Schedule] {
        var schedules: [DaemonConfiguration.Schedule] = []
        let example = "nightly: { cron: \"0 3 * * *\", time_zone: Europe/Berlin }"
        for schedule in try reader.entries(of: node, in: "schedules", valid: nil) {
            let context = "schedule '\(schedule.key)'"
            guard ![Trigger.push, Trigger.manual].contains(schedule.key) else {
                throw reader.error(
                    .invalidValue, "'\(schedule.key)' is a built-in trigger and cannot be a schedule's name",
                    at: schedule.keyNode, key: schedule.key, hint: "name the schedule e.g. 'nightly' or 'weekly'")
            }
            let entries = try reader.entries(of: schedule.value, in: context, valid: ["cron", "time_zone"])
            try reader.require(["cron"], in: entries, of: schedule.value, context: context, example: example)
            var cron: CronExpression?
            var timeZone = "UTC"
            for entry in entries {
                let text = try reader.nonEmptyString(entry.value, key: entry.key, in: context)
                if entry.key == "cron" {
                    do {
                        cron = try CronExpression(text)
                    } catch {
                        throw reader.error(
                            .invalidCron, "invalid cron expression '\(text)': \(error.message)", at: entry.value,
                            key: "cron", hint: "five fields: minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\"")
                    }
                } else {
                    guard TimeZone(identifier: text) != nil else {
                        throw reader.error(
                            .unknownTimeZone, "unknown time zone '\(text)'", at: entry.value, key: "time_zone",
                            hint: "use a tz database name such as UTC or Europe/Berlin (see /usr/share/zoneinfo)")
                    }
                    timeZone = text
                }
            }
            schedules.append(.init(name: schedule.key, cron: cron!, timeZone: timeZone, location: reader.location(of: schedule.keyNode)))
        }
        return schedules
    }

    static func parseFixupCommits(_ node: Node, context: String, reader: YAMLReader) throws(RecipeError) -> FixupCommitsSetting {
        FixupCommitsSetting(try FixupCommitsEntry.parse(node, in: context, reader: reader))
    }

    static func parseRepository(_ node: Node, triggers: [String], reader: YAMLReader) throws(RecipeError) -> RepositoryConfiguration {
        let context = "a repository"
        let entries = try reader.entries(of: node, in: context, valid: repositoryKeys)
        try reader.require(["path"], in: entries, of: node, context: context, example: "path: /srv/git/app")
        let pathEntry = entries.first { $0.key == "path" }!
        var repository = RepositoryConfiguration(
            path: try absolutePath(pathEntry.value, key: "path", reader: reader), location: reader.location(of: pathEntry.keyNode))
        let repositoryContext = "repository '\(repository.path)'"
        for entry in entries {
            switch entry.key {
            case "branches":
                let branches = try reader.strings(entry.value, key: "branches", in: repositoryContext, allowScalar: true, example: "[main]")
                guard !branches.isEmpty else {
                    throw reader.error(
                        .invalidValue, "'branches' of \(repositoryContext) is empty", at: entry.value, key: "branches",
                        hint: "list the branches to watch, e.g. [main]")
                }
                repository.branches = branches.map(\.value)
            case "branch_prefix":
                repository.branchPrefix = try reader.nonEmptyString(entry.value, key: "branch_prefix", in: repositoryContext)
            case "recipes":
                repository.recipes = try RecipeRuleParser.rules(entry.value, in: repositoryContext, triggers: triggers, reader: reader)
            case "fixup_commits":
                repository.fixupCommits = try parseFixupCommits(entry.value, context: repositoryContext, reader: reader)
            case "limits":
                for limit in try reader.entries(of: entry.value, in: "limits", valid: ["open_branches", "branches_per_hour"]) {
                    let value = try reader.integer(limit.value, key: limit.key, in: "limits of \(repositoryContext)")
                    if limit.key == "open_branches" {
                        repository.limits.openBranches = value
                    } else {
                        repository.limits.branchesPerHour = value
                    }
                }
            default: break
            }
        }
        return repository
    }
}

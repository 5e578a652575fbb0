import Daemon
import Diagnostics
import Recipes
import Testing

/// The daemon's YAML: the shape of DESIGN.md, defaults, and errors at `file:line:column`.
@Suite struct ConfigurationLoaderTests {
    static let designExample = """
        state_dir: /var/lib/sparkd          # SQLite database; socket defaults to <state_dir>/sparkd.sock
        workers: 2
        backend: { kind: wse-sim, profile: codex-spark }
        identity: { name: sparkd, email: sparkd@localhost }
        repositories:
          - path: /srv/git/app
            branches: [main]
            branch_prefix: spark/
            recipes:
              - { id: fixup/trailing-whitespace, on: [push, nightly] }
              - { id: swift/xctest-to-swift-testing, on: [manual] }
        """

    func error(_ yaml: String) -> RecipeError? {
        #expect(throws: RecipeError.self) { try ConfigurationLoader.parse(yaml, file: "/etc/sparkd/sparkd.yml") }
    }

    @Test("DESIGN.md's example loads, with the defaults for what it leaves out")
    func designShape() throws {
        let config = try ConfigurationLoader.parse(Self.designExample, file: "sparkd.yml")
        #expect(config.stateDirectory == "/var/lib/sparkd")
        #expect(config.socketPath == "/var/lib/sparkd/sparkd.sock")
        #expect(config.databasePath == "/var/lib/sparkd/jobs.sqlite")
        #expect(config.workers == 2)
        #expect(config.backend == .init(kind: "wse-sim", profile: "codex-spark"))
        #expect(config.identity == .init(name: "sparkd", email: "sparkd@localhost"))
        let repository = try #require(config.repositories.first)
        #expect(repository.path == "/srv/git/app")
        #expect(repository.branches == ["main"])
        #expect(repository.branchPrefix == "spark/")
        #expect(repository.limits == .init(openBranches: 10, branchesPerHour: 5))
        #expect(repository.location == RecipeLocation(file: "sparkd.yml", line: 6, column: 5))
        #expect(repository.recipes.map(\.id) == ["fixup/trailing-whitespace", "swift/xctest-to-swift-testing"])
        #expect(repository.recipes.map(\.on) == [["push", "nightly"], ["manual"]])
        #expect(repository.recipes[1].location == RecipeLocation(file: "sparkd.yml", line: 11, column: 15))
    }

    @Test("the optional keys: socket, schedules with time zones, limits, parameters, history")
    func fullShape() throws {
        let config = try ConfigurationLoader.parse(
            """
            version: 1
            state_dir: /var/lib/sparkd
            socket: /run/sparkd/control.sock
            schedules:
              weekly: { cron: "30 4 * * mon", time_zone: Europe/Berlin }
            history: { keep_days: 7, keep_jobs: 50 }
            repositories:
              - path: /srv/git/app
                limits: { open_branches: 3, branches_per_hour: 1 }
                recipes:
                  - id: fixup/license-header
                    on: weekly
                    with: { holder: Example GmbH }
            """, file: "sparkd.yml")
        #expect(config.socketPath == "/run/sparkd/control.sock")
        #expect(config.schedules.map(\.name) == ["weekly"])
        #expect(config.schedules[0].timeZone == "Europe/Berlin")
        #expect(config.history == .init(keepDays: 7, keepJobs: 50))
        #expect(config.repositories[0].branches == ["main"])
        #expect(config.repositories[0].limits == .init(openBranches: 3, branchesPerHour: 1))
        #expect(config.repositories[0].recipes[0].on == ["weekly"])
        #expect(config.repositories[0].recipes[0].parameters == ["holder": "Example GmbH"])
    }

    @Test("an unknown key names its position and the nearest valid key")
    func unknownKey() {
        let error = error("state_dir: /var/lib/sparkd\nworker: 2\n")
        #expect(error?.code == .unknownKey)
        #expect(error?.description.hasPrefix("/etc/sparkd/sparkd.yml:2:1: unknown key 'worker' in the configuration; did you mean 'workers'?") == true)
        let nested = self.error("state_dir: /s\nrepositories:\n  - path: /srv/git/app\n    branch: [main]\n")
        #expect(nested?.location == "/etc/sparkd/sparkd.yml:4:5")
        #expect(nested?.message.contains("did you mean 'branches'?") == true)
    }

    @Test("limits and counts must be positive whole numbers")
    func limits() {
        let negative = error("state_dir: /s\nrepositories:\n  - path: /r\n    limits: { open_branches: -1 }\n")
        #expect(negative?.code == .invalidValue)
        #expect(negative?.location == "/etc/sparkd/sparkd.yml:4:30")
        #expect(error("state_dir: /s\nworkers: 0\n")?.code == .invalidValue)
        #expect(error("state_dir: /s\nworkers: two\n")?.code == .wrongType)
    }

    @Test("required keys, absolute paths, types")
    func required() {
        #expect(error("workers: 2\n")?.code == .missingKey)
        #expect(error("state_dir: var/lib\n")?.code == .invalidValue)
        #expect(error("state_dir: /s\nrepositories:\n  - branches: [main]\n")?.message == "a repository needs 'path'")
        #expect(error("state_dir: /s\nrepositories: /srv/git/app\n")?.code == .wrongType)
        #expect(error("state_dir: /s\nbackend: { kind: openai }\n")?.code == .invalidValue)
    }

    @Test("a cron expression or time zone that does not parse is reported where it is written")
    func schedules() {
        let cron = error("state_dir: /s\nschedules:\n  nightly: { cron: \"0 25 * * *\" }\n")
        #expect(cron?.code == .invalidCron)
        #expect(cron?.location == "/etc/sparkd/sparkd.yml:3:20")
        #expect(cron?.message.contains("hour 25 is out of range 0-23") == true)
        let zone = error("state_dir: /s\nschedules:\n  nightly: { cron: \"@daily\", time_zone: Mars/Olympus }\n")
        #expect(zone?.code == .unknownTimeZone)
    }

    @Test("a trigger that is not push, manual, nightly or a schedule is refused with a suggestion")
    func triggers() {
        let error = error(
            """
            state_dir: /s
            schedules: { weekly: { cron: "@weekly" } }
            repositories:
              - path: /r
                recipes: [{ id: fixup/end-of-file, on: [push, weekyl] }]
            """)
        #expect(error?.code == .unknownTrigger)
        #expect(error?.location == "/etc/sparkd/sparkd.yml:5:51")
        #expect(error?.message == "unknown trigger 'weekyl'; did you mean 'weekly'?")
    }

    @Test("a repository's .sparkd.yml may carry the hook's settings and pre-commit rules; the daemon accepts and skips them")
    func sharedWithTheHook() throws {
        let text = """
            version: 1
            hook: { fail_on_error: true }
            recipes:
              - { id: fixup/trailing-whitespace, on: [pre-commit, push] }
              - { id: fixup/end-of-file, on: [pre-commit] }
            """
        let rules = try RepositoryConfigFile.parse(text, file: "app@main:.sparkd.yml", triggers: Trigger.builtIn).recipes
        #expect(rules.map(\.id) == ["fixup/trailing-whitespace", "fixup/end-of-file"])
        #expect(rules[0].on == ["pre-commit", "push"])
        let branch = ResolvedConfiguration.Branch(repository: "/r", branch: "main", rules: rules)
        #expect(try JobPlanner.requests(for: branch, trigger: Trigger.push, base: "b").map(\.recipes) == [["fixup/trailing-whitespace"]])
        let typo = #expect(throws: RecipeError.self) {
            try RepositoryConfigFile.parse("recipes:\n  - { id: x, on: [pre-comit] }\n", file: "f", triggers: Trigger.builtIn)
        }
        #expect(typo?.message.contains("did you mean 'pre-commit'") == true)
    }

    @Test("YAML syntax errors and duplicate keys keep their position")
    func syntax() {
        let duplicate = error("state_dir: /s\nworkers: 1\nworkers: 2\n")
        #expect(duplicate?.code == .duplicateKey)
        #expect(duplicate?.location == "/etc/sparkd/sparkd.yml:3:1")
        let unclosed = error("state_dir: /s\nbackend: { kind: wse-sim\n")
        #expect(unclosed?.code == .syntax)
        #expect(unclosed?.line == 2)
        #expect(error("")?.code == .emptyDocument)
    }
}

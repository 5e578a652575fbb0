internal import ArgumentParser
internal import Foundation
internal import GitKit
internal import Recipes
internal import SparkEngine
internal import WSESim

/// `sparkctl apply`: run recipes over the snapshot of a commit and write the review branch.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Run recipes over a commit's snapshot and write the result as a review branch.",
        discussion: """
            Reads the tree of --base (default HEAD) through libgit2, runs the recipes in the order \
            given, and writes one commit whose parent is the base onto spark/<recipe-slug> (or \
            --branch). The checkout (HEAD, index, working tree) is never touched. Nothing changed: \
            no branch is written and the JSON says "commit": null.

            --param NAME=VALUE goes to every recipe given that declares NAME (the built-in \
            `year` to all); with several recipes, a NAME none declares is an error. \
            RECIPE:NAME=VALUE sets it for one recipe. Parameters do not change the branch name; \
            the commit message lists them.

            Every recipe's work runs as requests on the simulated WSE backend (--profile, default \
            codex-spark; --transport websocket|http). The report's usage says what it cost: \
            requests, sessions, tokens, modeled seconds on the profile and on gpu-h100, TTFT, CPU.
            """)

    @Option(name: .long, help: "The repository: a working tree, a linked worktree or a bare repository.")
    var repo: String = "."

    @Option(name: .customLong("recipe"), help: "A recipe id, e.g. fixup/trailing-whitespace (repeatable; run in order).")
    var recipes: [String] = []

    @OptionGroup var parameters: ParameterArguments

    @Option(name: .long, help: "The revision whose snapshot the recipes read.")
    var base: String = "HEAD"

    @Option(name: .long, help: "The review branch to write (default: spark/<recipe-slug>).")
    var branch: String?

    @Option(name: .customLong("recipes-dir"), help: "Also load recipes from this directory (repeatable; later ones override).")
    var recipeDirectories: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print the diff stat and write nothing.")
    var dryRun = false

    @Option(name: .long, help: "The simulated backend's profile (see `sparkctl wse profiles`).")
    var profile: String = Profile.codexSpark.name

    @Option(name: .long, help: "How requests reach the backend: websocket (persistent sessions) or http (per request).")
    var transport: String = Transport.Kind.webSocket.rawValue

    @Flag(name: .long, help: "Wait for the modeled time (stream at the modeled rate) instead of computing it in virtual time.")
    var pace = false

    @Flag(name: .long, help: "Print a JSON report on standard output.")
    var json = false

    func validate() throws {
        if recipes.isEmpty {
            throw ValidationError("give at least one --recipe ID (see the recipes/ directory, e.g. --recipe fixup/trailing-whitespace)")
        }
    }

    func run() async throws {
        // Objects are read without hashing them again, as `git checkout` and `git cat-file` do
        // (`git fsck` checks them; zlib's checksum still catches a damaged stream): on 10,000
        // files SHA-1 with collision detection re-hashed every blob read (and, while libgit2's
        // pack builder wrote the packs, every new one it read back) — 0.54 -> 0.46 s for
        // `make bench-commit`. The daemon keeps checking: it publishes branches unattended.
        Repository.verifyObjectHashes(false)
        let backend: BackendConfiguration
        do {
            backend = try backendConfiguration()
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
        do {
            let invocation = try RecipeInvocation(
                ids: recipes, parameters: try parameters.assignments(), recipeDirectories: recipeDirectories)
            let request = ApplyRequest(
                repositoryPath: repo, recipes: invocation.recipes, parameters: invocation.parameters,
                catalog: invocation.catalog, base: base, branch: branch, dryRun: dryRun, backend: backend)
            let report = try await ApplyRunner().run(request)
            if json { try JSONOutput.print(report) } else { printHuman(report) }
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
    }

    /// `--profile`, `--transport` and `--pace`; an unknown name is a usage error.
    private func backendConfiguration() throws -> BackendConfiguration {
        let profile = try Profile.named(self.profile)
        guard let kind = Transport.Kind(rawValue: transport.lowercased()) else {
            throw WSEError(
                .invalidValue, "no transport named '\(transport)'", key: "--transport",
                hint: "use one of: \(Transport.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return BackendConfiguration(profile: profile, transport: .named(kind), pace: pace ? .paced(speedup: 1) : .virtual)
    }

    private func printHuman(_ report: ApplyReport) {
        var lines = ["sparkd: \(report.recipes.map(\.id).joined(separator: ", ")) on \(report.baseRevision) (\(report.base.prefix(12)))"]
        lines += DiffStatText.lines(report.files)
        if !report.skipped.isEmpty {
            let listed = report.skipped.prefix(10).map { "\($0.path) (\($0.reason))" }.joined(separator: ", ")
            let more = report.skipped.count > 10 ? ", … \(report.skipped.count - 10) more" : ""
            lines.append("skipped \(report.skipped.count): \(listed)\(more)")
        }
        let short = report.commit.map { String($0.prefix(12)) } ?? ""
        switch report.branchAction {
        case .dryRun: lines.append("dry run: would write \(report.filesChanged) file(s) to \(report.branch); nothing written")
        case .none: lines.append("nothing to change: no branch written")
        case .created: lines.append("created \(report.branch) at \(short)")
        case .updated: lines.append("updated \(report.branch) to \(short)")
        case .unchanged: lines.append("\(report.branch) already holds this change at \(short)")
        case .deleted: lines.append("nothing to change: the change is in the base; deleted \(report.branch)")
        }
        if let usage = report.usage {
            lines.append(usage.line)
            lines.append(usage.detailLine)
        }
        print(lines.joined(separator: "\n"))
    }
}

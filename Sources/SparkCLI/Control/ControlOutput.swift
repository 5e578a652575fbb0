internal import ControlAPI
internal import Foundation

/// Human and `--json` output of the daemon commands.
enum ControlOutput {
    /// One JSON document on standard output, in the control API's own encoding (snake_case,
    /// ISO 8601 dates), so `sparkctl … --json` prints what the socket returns.
    static func json(_ value: some Encodable) throws {
        let data = try ControlJSON.encoder(pretty: true).encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func jobsTable(_ jobs: [JobSummary], now: Date = Date()) -> String {
        TextTable(headers: ["ID", "STATE", "REPOSITORY", "BRANCH", "BASE", "RECIPES", "TRIGGER", "UPDATED", "RESULT"]).render(
            jobs.map { job in
                [
                    "\(job.id)", job.state, job.repository, job.branch, shortID(job.base), job.work,
                    job.trigger, age(job.updatedAt, now: now) + " ago", result(job),
                ]
            })
    }

    /// The branch and commit of a succeeded job, or why a job stopped.
    static func result(_ job: JobSummary) -> String {
        if let branch = job.resultBranch {
            return branch + (job.resultCommit.map { " @ \(shortID($0))" } ?? "")
        }
        if let superseded = job.supersededBy { return "by job \(superseded)" }
        return job.reason ?? ""
    }

    static func shortID(_ id: String) -> String { String(id.prefix(10)) }

    static func age(_ date: Date, now: Date = Date()) -> String { duration(max(0, now.timeIntervalSince(date))) }

    /// `42s`, `5m 3s`, `2h 10m`, `3d 4h`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds)
        switch total {
        case ..<60: return "\(total)s"
        case ..<3600: return "\(total / 60)m \(total % 60)s"
        case ..<86400: return "\(total / 3600)h \(total % 3600 / 60)m"
        default: return "\(total / 86400)d \(total % 86400 / 3600)h"
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }
}

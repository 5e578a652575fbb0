package import JobQueue

/// Which jobs a trigger queues on one watched branch: one job per recipe rule whose `on:` names
/// the trigger (one review branch per recipe, as DESIGN.md's "one branch per repository, base
/// branch and recipe" asks), at the branch's tip.
package enum JobPlanner {
    package static func requests(
        for branch: ResolvedConfiguration.Branch, trigger: String, base: String
    ) -> [JobRequest] {
        branch.rules.filter { $0.on.contains(trigger) }.map { rule in
            JobRequest(
                repository: branch.repository, branch: branch.branch, base: base, recipes: [rule.id],
                parameters: rule.parameters, trigger: trigger)
        }
    }
}

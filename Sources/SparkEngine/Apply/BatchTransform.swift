internal import Dispatch
internal import Executors
internal import GitKit
internal import Recipes

/// One batch of files through every recipe of the job, recipe by recipe, each recipe's work as
/// backend requests.
///
/// Per recipe: its template outputs are laid over the files; the files it selects (by path and
/// size) are packed by its ``RequestPlanner`` into requests whose program runs the recipe's
/// per-file steps on every unit (on all cores); the ``RequestDispatcher`` sends them through the
/// session pool; the edits that stream back become the files' new contents. A file split into
/// chunks is changed only if every chunk was selected; joined, the chunks give its new content.
/// Then every changed file passes the ``VerificationGate`` and gets its line counts and blob id.
struct BatchTransform {
    let context: EngineContext
    let batch: [FileJob]

    func run() async throws -> [FileResult] {
        let plans = context.plans
        var current = batch.map(\.original)
        var changed = [[[Bool]?]](repeating: Array(repeating: nil, count: plans.count), count: batch.count)
        var skips = [(reason: SkipCause, recipes: [String])?](repeating: nil, count: batch.count)
        func mark(_ file: Int, _ recipe: Int, _ step: Int) {
            let count = plans[recipe].recipe.recipe.steps.count
            if changed[file][recipe] == nil { changed[file][recipe] = Array(repeating: false, count: count) }
            if step < count { changed[file][recipe]![step] = true }
        }
        func skip(_ file: Int, _ cause: SkipCause, by recipe: Int) {
            if skips[file] == nil { skips[file] = (cause, []) }
            skips[file]!.recipes.append(plans[recipe].recipe.recipe.id)
        }

        for (recipeIndex, plan) in plans.enumerated() {
            for index in batch.indices {
                for template in batch[index].templates where template.recipe == recipeIndex && template.bytes != current[index] {
                    current[index] = template.bytes
                    mark(index, recipeIndex, template.step)
                }
            }
            guard plan.recipe.hasFileSteps else { continue }
            var members: [Int] = []
            var items: [RequestPlanner.Item] = []
            for index in batch.indices {
                guard let input = current[index] else { continue }
                switch plan.selection(path: batch[index].path, size: input.count) {
                case .notSelected: continue
                case .skipped(let reason): skip(index, SkipCause(reason), by: recipeIndex)
                case .selected:
                    members.append(index)
                    items.append(.init(path: batch[index].path, bytes: input))
                }
            }
            guard !items.isEmpty else { continue }
            let planned = context.planners[recipeIndex].plan(items)
            for refused in planned.refused { skip(members[refused], .exceedsContext, by: recipeIndex) }
            var slots: [ResultSlots<RecipeOutcome>] = []
            var requests: [BackendRequest] = []
            for request in planned.requests {
                let outcomes = ResultSlots<RecipeOutcome>(count: request.units.count)
                slots.append(outcomes)
                requests.append(makeRequest(request, items: items, plan: plan, recipe: recipeIndex, outcomes: outcomes))
            }
            let outputs = try await context.dispatcher.run(requests)

            var pieces = [[(unit: PlannedUnit, outcome: RecipeOutcome, output: [UInt8]?)]](repeating: [], count: items.count)
            for (requestIndex, request) in planned.requests.enumerated() {
                for (unitIndex, unit) in request.units.enumerated() {
                    pieces[unit.item].append((unit, slots[requestIndex][unitIndex]!, outputs[requestIndex][unitIndex]))
                }
            }
            for (item, parts) in pieces.enumerated() where !parts.isEmpty {
                let file = members[item]
                let reasons = parts.lazy.compactMap { $0.outcome.skipped ?? $0.outcome.steps.lazy.compactMap(\.skipped).first }
                if let reason = reasons.first { skip(file, SkipCause(reason), by: recipeIndex) }
                if parts.count == 1 {
                    guard let output = parts[0].output else { continue }
                    current[file] = output
                    for step in parts[0].outcome.steps where step.changed { mark(file, recipeIndex, step.index) }
                    continue
                }
                // A split file: all chunks selected and none skipped, or the file is left alone.
                guard reasons.first == nil else { continue }
                guard parts.allSatisfy({ $0.outcome.selection == .selected }) else {
                    if parts.contains(where: { $0.outcome.selection == .selected }) { skip(file, .exceedsContext, by: recipeIndex) }
                    continue
                }
                guard parts.contains(where: { $0.output != nil }) else { continue }
                let input = items[item].bytes
                var joined: [UInt8] = []
                joined.reserveCapacity(input.count)
                for part in parts.sorted(by: { $0.unit.chunk < $1.unit.chunk }) {
                    joined += part.output ?? Array(input[part.unit.range])
                }
                guard joined != input else { continue }
                current[file] = joined
                for part in parts { for step in part.outcome.steps where step.changed { mark(file, recipeIndex, step.index) } }
            }
        }
        let (outputs, steps, skipped) = (current, changed, skips)
        return await BlockingExecutor.compute.run { verify(outputs, changed: steps, skips: skipped) }
    }

    /// A request for `planned`: its units' bytes captured, its program the recipe's per-file steps.
    private func makeRequest(
        _ planned: PlannedRequest, items: [RequestPlanner.Item], plan: RecipePlan, recipe: Int,
        outcomes: ResultSlots<RecipeOutcome>
    ) -> BackendRequest {
        let inputs: [(path: String, bytes: [UInt8])] = planned.units.map { unit in
            let bytes = items[unit.item].bytes
            return (unit.path, unit.range.count == bytes.count ? bytes : Array(bytes[unit.range]))
        }
        let program = RequestProgram {
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                outcomes[index] = plan.apply(path: inputs[index].path, contents: inputs[index].bytes)
            }
            return (0..<inputs.count).map { index in
                let outcome = outcomes[index]!
                return outcome.changed ? outcome.bytes : nil
            }
        }
        return BackendRequest(
            id: context.nextRequestID(), instructions: context.instructions[recipe],
            units: planned.units.map { .init(path: $0.path, chunk: $0.chunk, chunks: $0.chunks, byteCount: $0.range.count) },
            promptTokens: planned.promptTokens, outputBudget: planned.outputBudget, program: program)
    }

    /// Drops no-op outputs; runs the gate, the line counts and the blob ids of the rest on all
    /// cores (called on a compute thread: `concurrentPerform` blocks its caller).
    private func verify(
        _ outputs: [[UInt8]?], changed: [[[Bool]?]], skips: [(reason: SkipCause, recipes: [String])?]
    ) -> [FileResult] {
        let results = ResultSlots<FileResult>(count: batch.count)
        let plans = context.plans
        let gate = context.gate
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let job = batch[index]
            guard let output = outputs[index], output != job.original else {
                results[index] = FileResult(output: nil, stepsChanged: changed[index], skipped: skips[index])
                return
            }
            let failure = gate.check(path: job.path, original: job.original, output: output, plans: plans)
            let original = job.original ?? []
            let stat = Result { () throws(GitError) in try LineStat.between(original, output, path: job.path) }
            results[index] = FileResult(
                output: output, stepsChanged: changed[index], skipped: skips[index], stat: stat,
                blobID: ObjectID.blob(of: output), failure: failure)
        }
        return (0..<batch.count).map { results[$0]! }
    }
}

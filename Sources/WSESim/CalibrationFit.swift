import Foundation

/// Fits ``FittedParameters`` to a ``CalibrationSet`` by least squares on the log of the
/// per-token time: minimise `Σ (ln t̂ᵢ − ln tᵢ)²` with `tᵢ = 1 / observed tokens/s`.
///
/// The model's step time is linear in `θ = (t_step, t_layer, t_hop, 1/η)` with features
/// `xᵢ = (1, layers, wafers − 1, swept bytes / 21 PB/s)`, so `t̂ᵢ = xᵢ·θ`. Every θ must be ≥ 0.
/// The fit is deliberately simple and exact for 4 parameters: for each of the 15 non-empty
/// subsets of free parameters (the others held at 0) it runs damped Gauss–Newton from the
/// relative-error linear least-squares start, and keeps the feasible solution of least cost.
package struct CalibrationFit: Sendable {
    package struct Row: Hashable, Sendable {
        package var model: String
        package var features: [Double]
        package var observedSeconds: Double
    }

    package var rows: [Row]
    package var hardware: HardwareProfile

    package init(_ set: CalibrationSet, hardware: HardwareProfile = .wse3) {
        self.hardware = hardware
        rows = set.points.map { point in
            let model = PerformanceModel(architecture: point.arch, hardware: hardware, contextWindow: CalibrationSet.context)
            let swept = point.arch.activeWeightBytes + point.arch.kv.bytes(context: CalibrationSet.context)
            return Row(
                model: point.model,
                features: [1, Double(point.arch.layers), Double(model.devices - 1), swept / hardware.bandwidth],
                observedSeconds: 1 / point.observedTokensPerSecond)
        }
    }

    /// The fitted parameters and the cost `Σ (ln t̂ − ln t)²`.
    package func fit() -> (parameters: FittedParameters, cost: Double) {
        var best: (theta: [Double], cost: Double)?
        for mask in 1..<(1 << 4) {
            let free = (0..<4).filter { mask & (1 << $0) != 0 }
            guard let theta = solve(free: free), theta.allSatisfy({ $0 >= 0 }) else { continue }
            let c = cost(theta)
            if best == nil || c < best!.cost - 1e-15 { best = (theta, c) }
        }
        let theta = best?.theta ?? [0, 0, 0, 1]
        return (
            FittedParameters(
                stepSeconds: theta[0], layerSeconds: theta[1], hopSeconds: theta[2],
                sweepEfficiency: theta[3] > 0 ? 1 / theta[3] : .infinity),
            best?.cost ?? .infinity
        )
    }

    package func cost(_ theta: [Double]) -> Double {
        rows.reduce(0) { sum, row in
            let predicted = zip(row.features, theta).reduce(0) { $0 + $1.0 * $1.1 }
            guard predicted > 0 else { return .infinity }
            let r = Foundation.log(predicted) - Foundation.log(row.observedSeconds)
            return sum + r * r
        }
    }

    /// Damped Gauss–Newton over the `free` parameters; nil if it leaves the positive region.
    private func solve(free: [Int]) -> [Double]? {
        // Start: minimise Σ ((xᵢ·θ − tᵢ)/tᵢ)², linear.
        let a = rows.map { row in free.map { row.features[$0] / row.observedSeconds } }
        guard var start = Self.leastSquares(a, rows.map { _ in 1.0 }) else { return nil }
        var theta = [Double](repeating: 0, count: 4)
        for (k, index) in free.enumerated() { theta[index] = start[k] }
        if cost(theta).isInfinite {
            // Fall back to a positive start: the fixed term alone.
            start = free.map { $0 == 0 ? rows.map(\.observedSeconds).reduce(0, +) / Double(rows.count) : 0 }
            theta = [Double](repeating: 0, count: 4)
            for (k, index) in free.enumerated() { theta[index] = start[k] }
            if cost(theta).isInfinite { return nil }
        }
        var lambda = 1e-3
        var current = cost(theta)
        for _ in 0..<200 {
            var jacobian = [[Double]]()
            var residuals = [Double]()
            for row in rows {
                let predicted = zip(row.features, theta).reduce(0) { $0 + $1.0 * $1.1 }
                jacobian.append(free.map { row.features[$0] / predicted })
                residuals.append(-(Foundation.log(predicted) - Foundation.log(row.observedSeconds)))
            }
            guard let step = Self.leastSquares(jacobian, residuals, damping: lambda) else { return nil }
            var trial = theta
            for (k, index) in free.enumerated() { trial[index] += step[k] }
            let trialCost = cost(trial)
            if trialCost < current {
                let improvement = current - trialCost
                theta = trial
                current = trialCost
                lambda = max(lambda / 10, 1e-12)
                if improvement < 1e-16 { break }
            } else {
                lambda *= 10
                if lambda > 1e12 { break }
            }
        }
        return theta
    }

    /// Solves `min ‖A·x − b‖² + damping·‖D·x‖²` (D: column norms) by the normal equations with
    /// column scaling and Gaussian elimination with partial pivoting.
    static func leastSquares(_ a: [[Double]], _ b: [Double], damping: Double = 0) -> [Double]? {
        guard let n = a.first?.count, n > 0 else { return nil }
        var scale = [Double](repeating: 0, count: n)
        for row in a { for j in 0..<n { scale[j] += row[j] * row[j] } }
        scale = scale.map { $0 > 0 ? Foundation.sqrt($0) : 1 }
        var m = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
        for (row, target) in zip(a, b) {
            for i in 0..<n {
                let ai = row[i] / scale[i]
                for j in 0..<n { m[i][j] += ai * row[j] / scale[j] }
                m[i][n] += ai * target
            }
        }
        for i in 0..<n { m[i][i] *= 1 + damping }
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                abs(m[pivot][column]) > 1e-300
            else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = m[row][column] / m[column][column]
                if factor != 0 { for j in column...n { m[row][j] -= factor * m[column][j] } }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] / scale[$0] }
    }
}

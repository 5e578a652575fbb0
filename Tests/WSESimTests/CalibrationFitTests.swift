import Foundation
import TestSupport
import Testing

@testable import WSESim

/// The fitted constants come from the fit, and the fitted model stays close to every point.
@Suite("Calibration fit", .tags(.small))
struct CalibrationFitTests {
    /// Public sources disagree by 1.1–1.6× for one model (shared/wse/README.md); 35 % is the
    /// README's "as good as the data allows".
    static let tolerance = 0.35

    @Test func refittingReproducesTheStoredConstants() {
        let (fitted, _) = CalibrationFit(CalibrationSet.published()).fit()
        let stored = FittedParameters.wse3
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) + 1e-15 }
        #expect(close(fitted.stepSeconds, stored.stepSeconds), "\(fitted) vs \(stored)")
        #expect(close(fitted.layerSeconds, stored.layerSeconds))
        #expect(close(fitted.hopSeconds, stored.hopSeconds))
        #expect(close(fitted.sweepEfficiency, stored.sweepEfficiency))
    }

    @Test func everyCalibrationPointIsWithinTolerance() {
        let report = CalibrationReport(CalibrationSet.published())
        for row in report.rows {
            #expect(abs(row.relativeError) <= Self.tolerance, "\(row.model): observed \(row.observed), predicted \(row.predicted)")
        }
        #expect(report.medianAbsoluteError <= 0.15)
    }

    @Test func storedConstantsAreALocalMinimum() {
        let fit = CalibrationFit(CalibrationSet.published())
        let p = FittedParameters.wse3
        let theta = [p.stepSeconds, p.layerSeconds, p.hopSeconds, 1 / p.sweepEfficiency]
        let best = fit.cost(theta)
        for index in 0..<4 {
            for factor in [0.98, 1.02] {
                var moved = theta
                moved[index] = theta[index] == 0 ? [1e-6, 1e-6, 1e-6, 0.1][index] : theta[index] * factor
                #expect(fit.cost(moved) >= best, "moving parameter \(index) by \(factor) lowers the cost")
            }
        }
    }

    /// The fitter recovers known parameters from points the model itself generated.
    @Test func fitterRecoversSyntheticParameters() {
        let truth = FittedParameters(stepSeconds: 200e-6, layerSeconds: 2e-6, hopSeconds: 30e-6, sweepEfficiency: 0.2)
        var set = CalibrationSet.published()
        for i in set.points.indices {
            let model = PerformanceModel(architecture: set.points[i].arch, contextWindow: CalibrationSet.context, parameters: truth)
            set.points[i].observedTokensPerSecond = model.decodeTokensPerSecond(context: CalibrationSet.context)
        }
        let (fitted, cost) = CalibrationFit(set).fit()
        #expect(cost < 1e-12)
        #expect(abs(fitted.stepSeconds / truth.stepSeconds - 1) < 1e-4)
        #expect(abs(fitted.layerSeconds / truth.layerSeconds - 1) < 1e-4)
        #expect(abs(fitted.hopSeconds / truth.hopSeconds - 1) < 1e-4)
        #expect(abs(fitted.sweepEfficiency / truth.sweepEfficiency - 1) < 1e-4)
    }

    @Test func markdownTableHasEveryPointAndTheSummary() {
        let report = CalibrationReport(CalibrationSet.published())
        let markdown = report.markdown
        for point in CalibrationSet.published().points { #expect(markdown.contains("| \(point.model) |")) }
        #expect(markdown.contains("median |relative error|"))
    }
}

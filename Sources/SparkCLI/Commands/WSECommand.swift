internal import ArgumentParser

/// `sparkctl wse estimate|calibrate|profiles`: the simulated WSE backend's performance model.
struct WSECommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wse",
        abstract: "The simulated wafer-scale backend: performance estimates and calibration.",
        subcommands: [WSEEstimateCommand.self, WSECalibrateCommand.self, WSEProfilesCommand.self, WSEBenchCommand.self])
}

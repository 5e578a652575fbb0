public import Testing

/// Sizes, for `swift test --filter` by tag and for reading a suite's cost at a glance.
extension Tag {
    /// Pure functions on values in memory; milliseconds.
    @Tag public static var small: Self
    /// Real files in temporary directories, or real processes; under a few seconds.
    @Tag public static var medium: Self
    /// Thousands of files, real daemons, randomized or paced runs; seconds to a minute.
    @Tag public static var large: Self
}

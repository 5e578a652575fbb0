import Testing

extension Tag {
    /// Pure functions on values in memory; milliseconds.
    @Tag static var small: Self
    /// Real files in temporary directories, or real processes; under a few seconds.
    @Tag static var medium: Self
}

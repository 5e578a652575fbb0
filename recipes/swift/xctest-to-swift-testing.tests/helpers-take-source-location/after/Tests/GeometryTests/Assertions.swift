import Testing
@testable import Geometry

func assertClose(_ a: Point, _ b: Point, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(a.x - b.x) <= 0.01, sourceLocation: sourceLocation)
    #expect(abs(a.y - b.y) <= 0.01, "y differs", sourceLocation: sourceLocation)
}

func assertOrigin(_ p: Point, sourceLocation: SourceLocation = #_sourceLocation) {
    assertClose(p, .zero, sourceLocation: sourceLocation)
    if p.isNaN { Issue.record("not a number", sourceLocation: sourceLocation) }
}

import Testing

@Suite struct AlreadyMigrated {
    @Test func works() {
        #expect(1 + 1 == 2)
    }
}

// XCTAssertEqual(a, b) in a comment is not code.
let text = "XCTAssertTrue(x)"

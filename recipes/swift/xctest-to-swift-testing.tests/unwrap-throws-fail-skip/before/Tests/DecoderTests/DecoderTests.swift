import Foundation
import XCTest
@testable import Decoder

struct Fixture { let json: String }

class DecoderTests: XCTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try Fixture.prepare()
    }

    func testDecodesUser() throws {
        let data = try XCTUnwrap("{}".data(using: .utf8))
        let user = try XCTUnwrap(decode(data), "decoding gives a user")
        XCTAssertEqual(user.name, "")
    }

    func testRejectsGarbage() {
        XCTAssertThrowsError(try decode(Data()))
        XCTAssertThrowsError(try decode(Data()), "garbage is rejected") { error in
            XCTAssertEqual(error as? DecodingError, .corrupt)
        }
        XCTAssertNoThrow(try decode(Data("{}".utf8)))
    }

    func testHoistsTry() {
        XCTAssertEqual(try decode(Data("{}".utf8)).name, "")
    }

    func testFailsAndSkips() throws {
        try XCTSkipIf(isCI, "flaky on CI")
        try XCTSkipUnless(hasNetwork)
        guard let user = try? decode(Data()) else {
            XCTFail("no user")
            return
        }
        if user.name.isEmpty { XCTFail() }
        throw XCTSkip("not finished")
    }
}

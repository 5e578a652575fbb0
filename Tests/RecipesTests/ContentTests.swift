import Recipes
import TestSupport
import Testing

@Suite("Content kind", .tags(.small))
struct ContentTests {
    @Test func nulInTheFirst8000BytesIsBinary() {
        var data = [UInt8](repeating: 0x61, count: 9000)
        #expect(Content.isBinary(data) == false)
        data[7999] = 0
        #expect(Content.isBinary(data))
        #expect(ContentKind(of: data) == .binary)
        data[7999] = 0x61
        data[8000] = 0
        #expect(Content.isBinary(data) == false)
        #expect(ContentKind(of: []) == .text)
        #expect(Content.isBinary([0xFF, 0xFE]) == false)
    }
}

import Foundation
import Testing

@Suite struct T {
  #if swift(>=5.6)
    @Test func keys() throws {
      #expect(String(decoding: try JSONEncoder().encode(xs), as: UTF8.self) == "x")
    }
  #endif
}

// The fuzz target: one recipe file per input. A crash, a sanitizer report or a broken
// property (fatalError) is a finding.
@testable import Recipes

@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try RecipeLoader.parse(text, file: "fuzz.yml")
    } catch {
        guard error.file == "fuzz.yml" else { fatalError("error without the file: \(error)") }
    }
    return 0
}

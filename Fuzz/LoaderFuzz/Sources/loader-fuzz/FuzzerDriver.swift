// SwiftPM links an executable target's entry point as `<module>_main` (so that tests can link
// the module) and renames `main` to it; with `-parse-as-library` there is no `main`, so this
// function is that entry point and hands control to libFuzzer's driver, as libFuzzer's own
// `main` would.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("loader_fuzz_main")
public func loaderFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in loaderFuzz(data, size) }
}

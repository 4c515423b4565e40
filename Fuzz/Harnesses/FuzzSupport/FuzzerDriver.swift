#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The signature libFuzzer calls for each input: the bytes and their count; the result must be 0.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// libFuzzer's entry for programs that keep their own `main` (LLVM's "LibFuzzer" documentation,
/// "Using libFuzzer as a library").
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ target: FuzzTarget
) -> CInt

/// Runs libFuzzer over `target` with the program's command line.
///
/// SwiftPM links an executable target's `main` to a symbol named `<Target>_main`, which a harness
/// built with `-parse-as-library` defines by calling this; libFuzzer's own `main` is then unused.
public func runFuzzer(
    argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, target: FuzzTarget
) -> CInt {
    var count = argc
    var vector = argv
    return llvmFuzzerRunDriver(&count, &vector, target)
}

/// A copy of the input libFuzzer hands over.
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the run with `message` when a property of the code under test does not hold.
///
/// libFuzzer records the input that led here as a crash artifact.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    let line = "fuzz property violated: \(message())\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    abort()
}

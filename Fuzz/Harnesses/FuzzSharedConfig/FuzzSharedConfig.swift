import AWS
import FuzzSupport
import Services

/// Feeds random text to the shared-config parser, the merge of `config` and `credentials`, and
/// what s3x derives from a profile: its credential source (following `source_profile` chains) and
/// its endpoints.
///
/// An input is the config file's text, then optionally a NUL byte and the credentials file's text.
/// Properties checked beyond "no crash, no hang": a syntax error names a line the file has, and the
/// merged view fails exactly when one of its files fails to parse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSharedConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let config = String(decoding: parts.first ?? [], as: UTF8.self)
    let credentials = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
    let configParses = parses(config, file: "config")
    let credentialsParses = parses(credentials, file: "credentials")
    do throws(SharedConfigError) {
        let merged = try SharedConfig.parse(config: config, credentials: credentials)
        require(configParses && credentialsParses, "the merged view accepts a file the parser refuses")
        ProfileUse.resolveAll(in: merged)
    } catch {
        require(!(configParses && credentialsParses), "the merged view refuses files that parse: \(error)")
    }
    return 0
}

/// Parses one file's text, checking that an error names one of its lines.
private func parses(_ text: String, file: String) -> Bool {
    do throws(SharedConfigError) {
        _ = try SharedConfigParser.parse(text, file: file)
        return true
    } catch {
        if case .syntax(let named, let line, _) = error {
            let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            require(named == file && line >= 1 && line <= lineCount, "\(error) for \(lineCount) lines")
        }
        _ = error.description
        return false
    }
}

@_cdecl("FuzzSharedConfig_main")
func fuzzerMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: fuzzSharedConfig)
}

// swift-tools-version:6.0
import PackageDescription

/// libFuzzer harnesses for s3x's parsers and decoders, kept apart from the main package.
///
/// The library targets are the main package's own sources, reached through the links in `Linked/`
/// that `scripts/fuzz` makes (a target's folder must lie inside its package). Build with
/// `-sanitize=fuzzer` and `-parse-as-library`; `scripts/fuzz` does, and `docs/fuzzing.md` explains.
let package = Package(
    name: "s3x-fuzz",
    platforms: [.macOS(.v15)],
    targets: [
        // The main package's targets the harnesses reach, with the same dependencies.
        .systemLibrary(name: "CCrypto", path: "Linked/CCrypto", pkgConfig: "libcrypto"),
        .systemLibrary(name: "CCurl", path: "Linked/CCurl", pkgConfig: "libcurl"),
        .target(name: "CCurlShims", dependencies: ["CCurl"], path: "Linked/CCurlShims"),
        .systemLibrary(name: "CEpoll", path: "Linked/CEpoll"),
        .target(name: "Locking", path: "Linked/Locking"),
        .target(name: "Crypto", dependencies: ["CCrypto"], path: "Linked/Crypto"),
        .target(name: "SigV4", dependencies: ["Crypto", "Locking"], path: "Linked/SigV4"),
        .target(name: "HTTP", dependencies: ["CCurl", "CCurlShims", "CEpoll", "Crypto", "Locking"], path: "Linked/HTTP"),
        .target(name: "AWS", dependencies: ["SigV4", "HTTP", "Crypto", "Locking"], path: "Linked/AWS"),
        .target(name: "Services", dependencies: ["AWS"], path: "Linked/Services"),
        .target(name: "CrossAccount", dependencies: ["Services", "Locking"], path: "Linked/CrossAccount"),
        .target(name: "Script", path: "Linked/Script"),

        // The harnesses: one executable per input format, over a small shared driver.
        .target(name: "FuzzSupport", path: "Harnesses/FuzzSupport"),
        .executableTarget(
            name: "FuzzScript", dependencies: ["FuzzSupport", "Script"], path: "Harnesses/FuzzScript"),
        .executableTarget(
            name: "FuzzXML", dependencies: ["FuzzSupport", "AWS", "HTTP"], path: "Harnesses/FuzzXML"),
        .executableTarget(
            name: "FuzzJSON", dependencies: ["FuzzSupport", "AWS", "Services", "CrossAccount"],
            path: "Harnesses/FuzzJSON"),
        .executableTarget(
            name: "FuzzSharedConfig", dependencies: ["FuzzSupport", "AWS", "HTTP", "Services"],
            path: "Harnesses/FuzzSharedConfig"),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

/// s3x: a line-edited scripting shell that sets up and checks cross-account S3 scanning.
///
/// Targets are layered from the C libraries up; each depends only on what it needs.
/// See docs/architecture.md for the map.
let package = Package(
    name: "s3x",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "s3x", targets: ["s3x"])
    ],
    targets: [
        // C libraries from the system, one target each.
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CLibEdit", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        // Linux's epoll, part of the C library but left out of Swift's Glibc module.
        .systemLibrary(name: "CEpoll"),

        // Typed, non-variadic wrappers for the C calls Swift cannot make.
        .target(name: "CCurlShims", dependencies: ["CCurl"]),
        .target(name: "CLibEditShims", dependencies: ["CLibEdit"]),

        // Swift layers.
        .target(name: "Locking"),
        .target(name: "Crypto", dependencies: ["CCrypto"]),
        .target(name: "SigV4", dependencies: ["Crypto", "Locking"]),
        .target(name: "HTTP", dependencies: ["CCurl", "CCurlShims", "CEpoll", "Crypto", "Locking"]),
        .target(name: "AWS", dependencies: ["SigV4", "HTTP", "Crypto", "Locking"]),
        .target(name: "Services", dependencies: ["AWS"]),
        .target(name: "CrossAccount", dependencies: ["Services", "Locking"]),
        .target(name: "Script"),
        .target(name: "LineEditing", dependencies: ["CLibEdit", "CLibEditShims", "Locking"]),
        .target(
            name: "Shell",
            dependencies: ["Script", "LineEditing", "CrossAccount", "Services", "AWS", "Locking"]),
        .executableTarget(name: "s3x", dependencies: ["Shell"]),

        // Tests.
        .target(
            name: "TestSupport", dependencies: ["AWS", "HTTP", "Services", "CrossAccount", "Locking"],
            path: "Tests/TestSupport"),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto", "CCrypto"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport", "Locking"]),
        .testTarget(name: "AWSTests", dependencies: ["AWS", "TestSupport", "Locking"]),
        .testTarget(name: "ServicesTests", dependencies: ["Services", "TestSupport", "Locking"]),
        .testTarget(name: "CrossAccountTests", dependencies: ["CrossAccount", "TestSupport", "Locking", "HTTP"]),
        .testTarget(name: "ScriptTests", dependencies: ["Script"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "Locking"]),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "TestSupport", "Locking"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport"], exclude: ["Transcripts", "UX/Scripts"]),
        .testTarget(
            name: "ReliabilityTests", dependencies: ["Shell", "CrossAccount", "Services", "TestSupport", "Locking"]),
    ],
    swiftLanguageModes: [.v6]
)

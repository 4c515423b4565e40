// swift-tools-version:6.0
import PackageDescription

/// A benchmark of s3x's SigV4 signer, outside the product: the signer's own sources through symlinks.
let package = Package(
    name: "SignBench",
    platforms: [.macOS(.v15)],
    targets: [
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "Locking"),
        .target(name: "Crypto", dependencies: ["CCrypto"]),
        .target(name: "SigV4", dependencies: ["Crypto", "Locking"]),
        .executableTarget(name: "SignBench", dependencies: ["SigV4"]),
    ],
    swiftLanguageModes: [.v6]
)

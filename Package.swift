// swift-tools-version:6.0
import PackageDescription
import Foundation

let package = Package(
    name: "Entente",
    products: [
        .executable(name: "entente", targets: ["entente"]),
        .library(name: "EntenteCore", targets: ["EntenteCore"]),
        .library(name: "EntenteSession", targets: ["EntenteSession"]),
        .library(name: "EntenteWorkshop", targets: ["EntenteWorkshop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "CScanKernel"),
        .target(
            name: "EntenteCore",
            dependencies: [
                "CScanKernel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // The document and its edits, the seats at the table and what each may see.
        .target(
            name: "EntenteSession",
            dependencies: ["EntenteCore"]
        ),
        // A workshop table's rules, privacy projection, wire frames and debrief, pure and quick to test,
        // shared by the server and the participants' clients (no networking, no storage here).
        .target(
            name: "EntenteWorkshop",
            dependencies: ["EntenteCore", "EntenteSession"]
        ),
        .target(
            name: "EntenteTUI",
            dependencies: ["EntenteCore", "EntenteSession", "EntenteWorkshop"]
        ),
        // The workbench's runtime: runs the effects `update` asks for (searches, files,
        // journals) off the main loop, with no terminal, so it can be tested on its own.
        .target(
            name: "EntenteWorkbench",
            dependencies: ["EntenteCore", "EntenteSession", "EntenteTUI"]
        ),
        // The workshop server: tables over WebSockets, their event logs in SQLite. The only
        // target (with the executable) that links Hummingbird and GRDB.
        .target(
            name: "EntenteServer",
            dependencies: [
                "EntenteCore",
                "EntenteSession",
                "EntenteWorkshop",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // A workshop participant's connection to a table: frames over a WebSocket, reconnecting
        // by itself and resuming from the last event seen. The only target that knows the client.
        .target(
            name: "EntenteWorkshopClient",
            dependencies: [
                "EntenteCore",
                "EntenteWorkshop",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Bots that play seats through the real protocol, on bare connections that show every
        // frame as it arrived: the load test (`entente bench-workshop`, which checks the
        // server's log afterwards) and the tests against a real server.
        .target(
            name: "EntenteWorkshopBots",
            dependencies: [
                "EntenteCore",
                "EntenteWorkshop",
                "EntenteServer",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "TerminalBackend",
            dependencies: ["CNcursesw", "EntenteTUI"]
        ),
        .executableTarget(
            name: "entente",
            dependencies: [
                "EntenteCore",
                "EntenteSession",
                "EntenteTUI",
                "EntenteWorkbench",
                "EntenteServer",
                "EntenteWorkshop",
                "EntenteWorkshopClient",
                "EntenteWorkshopBots",
                "TerminalBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release binary carries the Swift runtime and Foundation inside it: without
            // their dynamic linking a command starts in 10–12 ms of processor time, not 17
            // (docs/performance.md, "Start-up"). Compiling with the flag too makes this
            // module name the static libraries Foundation needs.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // What every test target shares: where the repository is.
        .target(name: "EntenteTestSupport", path: "Tests/Support"),
        .testTarget(
            name: "EntenteCoreTests",
            dependencies: ["EntenteTestSupport", "EntenteCore"]
        ),
        .testTarget(
            name: "EntenteSessionTests",
            dependencies: ["EntenteTestSupport", "EntenteSession"]
        ),
        .testTarget(
            name: "EntenteWorkshopTests",
            dependencies: ["EntenteTestSupport", "EntenteCore", "EntenteSession", "EntenteWorkshop"]
        ),
        .testTarget(
            name: "EntenteTUITests",
            dependencies: ["EntenteTestSupport", "EntenteSession", "EntenteTUI", "EntenteWorkbench", "EntenteWorkshop"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "EntenteWorkbenchTests",
            dependencies: ["EntenteTestSupport", "EntenteSession", "EntenteWorkbench"]
        ),
        .testTarget(
            name: "EntenteServerTests",
            dependencies: ["EntenteTestSupport", "EntenteServer", "EntenteWorkshop", "EntenteWorkshopBots"]
        ),
        .testTarget(
            name: "EntenteWorkshopClientTests",
            dependencies: ["EntenteWorkshopClient"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["EntenteTestSupport", "entente", "EntenteWorkshop", "EntenteWorkshopClient", "EntenteWorkshopBots"]
        ),
    ]
)

// The loaders' fuzzer, built only on request, since it links clang's libFuzzer runtime:
// ENTENTE_FUZZ=1 swift build --scratch-path .build-fuzz --product entente-fuzz -c release \
//   -Xswiftc -sanitize=fuzzer,address
if ProcessInfo.processInfo.environment["ENTENTE_FUZZ"] != nil {
    package.products.append(.executable(name: "entente-fuzz", targets: ["EntenteFuzz"]))
    package.targets.append(.systemLibrary(name: "CLibFuzzer", path: "Sources/CLibFuzzer"))
    package.targets.append(.executableTarget(name: "EntenteFuzz", dependencies: ["EntenteCore", "CLibFuzzer"]))
}

import AWS
import CrossAccount
import Foundation
import Locking
import Services

/// The state one run of s3x keeps: accounts by alias, the current account, variables,
/// settings, and what was run (for `history`).
final class Session: Sendable {
    /// The environment s3x was started with.
    let environment: Environment
    /// Builds service clients (shared transport, retry quota, endpoints).
    let factory: ClientFactory
    /// Where results and diagnostics go.
    let output: Output
    /// Reads secrets and MFA codes without echo.
    let prompter: SecretPrompter
    /// The shared config files, loaded on first use.
    private let sharedConfig: Locked<SharedConfig?>
    private let state: Locked<State>
    /// The `each` blocks started with `--background` and not yet waited for, oldest first.
    let background = Locked<[BackgroundBlock]>([])

    /// What changes as commands run.
    struct State {
        var accounts: [String: Account] = [:]
        var order: [String] = []
        var current: String?
        var variables: [String: String] = [:]
        var dryRun = false
        var format: OutputFormat = .text
        var regionOverride: String?
        var history = HistoryRecorder()
    }

    /// Creates a session.
    init(environment: Environment, factory: ClientFactory, output: Output, prompter: SecretPrompter) {
        self.environment = environment
        self.factory = factory
        self.output = output
        self.prompter = prompter
        self.sharedConfig = Locked(nil)
        self.state = Locked(State())
    }

    /// Reads or changes the state under the lock.
    func withState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        try state.withLock { try body(&$0) }
    }

    /// The shared config files (`~/.aws/config`, `~/.aws/credentials`).
    /// - Throws: `CredentialError.config` when a file is malformed.
    func config() throws(CredentialError) -> SharedConfig {
        if let loaded = sharedConfig.withLock({ $0 }) { return loaded }
        do {
            let loaded = try SharedConfig.load(environment: environment)
            sharedConfig.withLock { $0 = loaded }
            return loaded
        } catch {
            throw .config(error)
        }
    }

    /// The account called `alias`.
    func account(_ alias: String) -> Account? {
        withState { $0.accounts[alias] }
    }

    /// Every account, in the order they were added.
    var accounts: [Account] {
        withState { state in state.order.compactMap { state.accounts[$0] } }
    }

    /// The known aliases.
    var aliases: Set<String> {
        withState { Set($0.order) }
    }

    /// Registers `account`, replacing one of the same alias; the first becomes current.
    func register(_ account: Account) {
        withState { state in
            if state.accounts[account.alias] == nil { state.order.append(account.alias) }
            state.accounts[account.alias] = account
            if state.current == nil { state.current = account.alias }
        }
    }

    /// Forgets `alias`.
    func remove(_ alias: String) {
        withState { state in
            state.accounts[alias] = nil
            state.order.removeAll { $0 == alias }
            if state.current == alias { state.current = state.order.first }
        }
    }

    /// The account commands act in by default.
    var currentAlias: String? {
        get { withState { $0.current } }
        set { withState { $0.current = newValue } }
    }

    /// Whether commands only plan (`--dry-run`, `set dry-run on`).
    var isDryRun: Bool {
        get { withState { $0.dryRun } }
        set { withState { $0.dryRun = newValue } }
    }

    /// The output format of commands without `--output`.
    var format: OutputFormat {
        get { withState { $0.format } }
        set { withState { $0.format = newValue } }
    }

    /// The region for new accounts when given on the command line.
    var regionOverride: String? {
        get { withState { $0.regionOverride } }
        set { withState { $0.regionOverride = newValue } }
    }

    /// Every secret value the session knows of, for redaction.
    func knownSecrets() async -> [String] {
        var secrets: [String] = []
        for account in accounts {
            if let credentials = try? await account.credentials.credentials() { secrets += credentials.secrets }
        }
        return secrets + withState { $0.history.shownSecrets }
    }
}

/// How results are printed.
enum OutputFormat: String, Sendable {
    /// Human text.
    case text
    /// One JSON object per command (JSON Lines).
    case json
}

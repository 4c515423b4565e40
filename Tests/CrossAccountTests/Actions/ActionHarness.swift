import AWS
import CrossAccount
import Services
import TestSupport
import Testing

/// An account of the emulator with a call counter, and contexts to apply or plan in it.
struct ActionHarness {
    let counter: CallCounter
    let account: Account

    /// The primary account.
    static func primary() throws -> ActionHarness {
        let counter = CallCounter()
        let emulator = try #require(Emulator.current)
        return ActionHarness(counter: counter, account: try emulator.primaryAccount(observer: counter.observer))
    }

    /// The secondary account at `index` of the prepared ones.
    static func secondary(_ index: Int = 0) async throws -> ActionHarness {
        let counter = CallCounter()
        let emulator = try #require(Emulator.current)
        let id = try #require(emulator.secondaries.dropFirst(index).first)
        let account = try await emulator.secondaryAccount(id, alias: "sec\(index + 1)", observer: counter.observer)
        return ActionHarness(counter: counter, account: account)
    }

    private init(counter: CallCounter, account: Account) {
        self.counter = counter
        self.account = account
    }

    /// Applies changes; propagation waits are short because the emulator is consistent at once.
    var apply: ActionContext {
        ActionContext(account: account, mode: .apply, propagation: Propagation(attempts: 3, delay: 0.01))
    }

    /// Plans only.
    var plan: ActionContext {
        ActionContext(account: account, mode: .plan, propagation: Propagation(attempts: 3, delay: 0.01))
    }

    /// Forgets the calls seen so far.
    func resetCalls() { counter.reset() }

    /// The mutating calls since the last reset.
    var mutatingCalls: [String] { counter.mutating }

    /// An IAM client of the account, for arranging and reading back state behind the actions.
    func iam() throws -> IAM { try account.iam() }

    /// An S3 client of the account.
    func s3() throws -> S3 { try account.s3() }

    /// A bucket name no other test uses (S3 names are global).
    static func uniqueBucket(_ label: String) -> String {
        "s3x-\(label)-\(Emulator.uniqueSuffix())"
    }
}

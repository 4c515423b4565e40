import CrossAccount

/// Where `${name}` values come from, first match wins: the scope's locals (`account` inside
/// `each`, script arguments `1`, `2`, `args`), variables `set` in the session, `env.NAME` for the
/// environment, and `ALIAS.id`, `ALIAS.region`, `ALIAS.arn`, `ALIAS.partition` for accounts.
enum Variables {
    /// The value of `name`, or nil when nothing defines it.
    static func value(of name: String, scope: Scope, session: Session) -> String? {
        if let local = scope.locals[name] { return local }
        if let set = session.withState({ $0.variables[name] }) { return set }
        if name.hasPrefix("env.") { return session.environment.variables[String(name.dropFirst(4))] }
        guard let dot = name.firstIndex(of: "."), let account = session.account(String(name[..<dot])) else {
            return nil
        }
        return field(String(name[name.index(after: dot)...]), of: account)
    }

    /// The per-account fields `${ALIAS.FIELD}` offers.
    static let accountFields = ["id", "region", "arn", "partition", "alias"]

    private static func field(_ field: String, of account: Account) -> String? {
        switch field {
        case "id": account.id.description
        case "region": account.region
        case "arn": account.principalARN
        case "partition": account.partition
        case "alias": account.alias
        default: nil
        }
    }
}

extension Array where Element: Sendable {
    /// `transform` of every element, at most `limit` running at once and spread evenly over the
    /// rounds that bound makes (``evenWidth(count:limit:)``); the results in the elements' order.
    ///
    /// Each task files its result under its index itself, behind a ``Locked``: results returned
    /// through the task group were lost, or the process trapped, in release builds of Swift 6.3
    /// (`role assume` did that), though debug builds kept them.
    public func concurrentMap<Value: Sendable>(
        limit: Int, _ transform: @escaping @Sendable (Element) async -> Value
    ) async -> [Value] {
        let filed = Locked([Int: Value]())
        let width = evenWidth(count: count, limit: limit)
        await withTaskGroup(of: Void.self) { group in
            for (index, element) in enumerated() {
                if index >= width { await group.next() }
                group.addTask {
                    let value = await transform(element)
                    filed.withLock { $0[index] = value }
                }
            }
        }
        let values = filed.withLock { $0 }
        return indices.map { index in
            guard let value = values[index] else {
                preconditionFailure("the task of element \(index) ended without a result")
            }
            return value
        }
    }
}

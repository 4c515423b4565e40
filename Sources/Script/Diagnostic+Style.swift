extension Diagnostic {
    /// ANSI styling for a rendered diagnostic; every method returns its text unchanged when disabled.
    struct Style {
        /// Whether to emit escape sequences at all.
        let enabled: Bool

        /// Bold text, for the location and message.
        func bold(_ text: String) -> String {
            wrap(text, "1")
        }

        /// The severity word in its colour: red for errors, yellow for warnings, cyan for notes.
        func severity(_ severity: Severity, _ text: String) -> String {
            switch severity {
            case .error: wrap(text, "1;31")
            case .warning: wrap(text, "1;33")
            case .note: wrap(text, "1;36")
            }
        }

        /// The caret in green.
        func caret(_ text: String) -> String {
            wrap(text, "1;32")
        }

        /// The `hint:` label in cyan.
        func hint(_ text: String) -> String {
            wrap(text, "1;36")
        }

        private func wrap(_ text: String, _ code: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
    }
}

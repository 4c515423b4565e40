import Foundation

/// Reads a secret (a secret access key, an MFA code) from the person without echoing it.
protocol SecretPrompter: Sendable {
    /// Asks with `prompt` and returns what was typed.
    /// - Throws: `ShellError.failed` when there is no terminal to ask on.
    func readSecret(prompt: String) throws(ShellError) -> String
}

/// Asks on `/dev/tty` with echo turned off, so it works even when stdin is a script.
struct TerminalSecretPrompter: SecretPrompter {
    func readSecret(prompt: String) throws(ShellError) -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else {
            throw .failed(
                command: "prompt", account: nil, message: "there is no terminal to ask for \(prompt) on",
                hint: "set it in the environment instead (see help account add)")
        }
        defer { close(fd) }
        var original = termios()
        let haveTerminal = tcgetattr(fd, &original) == 0
        if haveTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fd, TCSAFLUSH, &silent)
        }
        defer {
            if haveTerminal { tcsetattr(fd, TCSAFLUSH, &original) }
        }
        let question = "\(prompt): "
        _ = question.withCString { write(fd, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != 10, byte != 13 { bytes.append(byte) }
        _ = "\n".withCString { write(fd, $0, 1) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Answers from a fixed list (tests) or refuses.
struct ScriptedSecretPrompter: SecretPrompter {
    /// The answers, by prompt prefix.
    var answers: [String: String]

    func readSecret(prompt: String) throws(ShellError) -> String {
        guard let answer = answers.first(where: { prompt.hasPrefix($0.key) })?.value else {
            throw .failed(command: "prompt", account: nil, message: "no answer for \(prompt)")
        }
        return answer
    }
}

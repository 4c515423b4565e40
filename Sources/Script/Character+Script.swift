/// How the command language classifies single characters.
extension Character {
    /// True for the characters that separate words: space and tab.
    var isScriptBlank: Bool {
        self == " " || self == "\t"
    }

    /// True for a line ending: `\n`, or `\r\n` (which Swift treats as one character).
    var isScriptNewline: Bool {
        self == "\n" || self == "\r\n"
    }

    /// True for an ASCII letter or `_`, the characters a variable name may start with.
    var isNameStart: Bool {
        isASCII && (isLetter || self == "_")
    }

    /// True for the characters allowed after the first in a variable name or segment.
    var isNameContinuation: Bool {
        isASCII && (isLetter || isNumber || self == "_" || self == "-")
    }

    /// True for an ASCII digit.
    var isASCIIDigit: Bool {
        isASCII && isNumber
    }
}

/// UTF-8 bytes of a string literal, for readable fixer cases.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Bytes shown as a Python-like literal, for failure messages.
func show(_ value: [UInt8]) -> String {
    var text = "b'"
    for byte in value {
        switch byte {
        case 0x0A: text += "\\n"
        case 0x0D: text += "\\r"
        case 0x09: text += "\\t"
        case 0x5C: text += "\\\\"
        case 0x27: text += "\\'"
        case 0x20...0x7E: text += String(UnicodeScalar(byte))
        default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }
    }
    return text + "'"
}

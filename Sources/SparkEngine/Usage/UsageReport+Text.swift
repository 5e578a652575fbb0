/// The one-line summary for the commit body and the human output:
/// `Usage: 3 requests, 1 session, 12,345 prompt + 6,789 output tokens, 0.42 s modeled on
/// codex-spark (15.1 s on gpu-h100), 0.08 s CPU`.
extension UsageReport {
    package static let linePrefix = "Usage:"

    package var line: String {
        "\(Self.linePrefix) \(Self.count(requests, "request")), \(Self.count(sessions, "session")), "
            + "\(Self.grouped(promptTokens)) prompt + \(Self.grouped(outputTokens)) output tokens, "
            + "\(Self.seconds(modeledSeconds)) modeled on \(profile) (\(Self.seconds(baselineModeledSeconds)) on \(baselineProfile)), "
            + "\(Self.seconds(cpuSeconds)) CPU"
    }

    /// TTFT and transport, for the human output's second line.
    package var detailLine: String {
        "  \(transport) transport, TTFT p50 \(Self.milliseconds(ttftP50Seconds)) / p95 \(Self.milliseconds(ttftP95Seconds)), "
            + "\(handshakes) handshake\(handshakes == 1 ? "" : "s"), peak \(peakConcurrency) concurrent\(paced ? ", paced" : "")"
    }

    static func count(_ value: Int, _ noun: String) -> String { "\(grouped(value)) \(noun)\(value == 1 ? "" : "s")" }

    /// `12345` → `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Two significant decimals below 10 s, one above.
    static func seconds(_ value: Double) -> String {
        let decimals = value < 10 ? 2 : 1
        return "\(rounded(value, decimals)) s"
    }

    static func milliseconds(_ value: Double) -> String { "\(rounded(value * 1000, 0)) ms" }

    private static func rounded(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard decimals > 0 else { return String(scaled) }
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(whole).\(fraction)"
    }
}

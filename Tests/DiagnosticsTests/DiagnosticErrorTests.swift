import Diagnostics
import Testing

@Suite("One description for every error")
struct DiagnosticErrorTests {
    struct Sample: DiagnosticError {
        enum Code: String { case broken }
        var code = Code.broken
        var message = "the thing is broken"
        var hint: String?
        var location: String?
        var detail: String?
    }

    @Test("the message alone, when nothing else is known")
    func messageAlone() {
        #expect(Sample().description == "the thing is broken")
    }

    @Test("location before the message, detail after it, the hint on an indented line")
    func everyPart() {
        let sample = Sample(hint: "mend it", location: "a.yml:2:3", detail: "libgit2: locked")
        #expect(sample.description == "a.yml:2:3: the thing is broken (libgit2: locked)\n  hint: mend it")
        #expect("\(sample)" == sample.description)
    }

    @Test("a type that says nothing of location or detail gets none")
    func defaults() {
        struct Plain: DiagnosticError {
            enum Code: String { case plain }
            var code: Code { .plain }
            var message: String { "plain" }
            var hint: String? { "do this" }
        }
        #expect(Plain().location == nil && Plain().detail == nil)
        #expect(Plain().description == "plain\n  hint: do this")
    }
}

import Daemon
import Diagnostics
import Testing

@Suite("Trigger errors on the control socket")
struct TriggerErrorTests {
    /// The hint used to be split off the description at its first `;`, so git's own message with
    /// one in it cut the message short and made the rest of it the "hint".
    @Test("message and hint stay whole, whatever git's message holds")
    func messageAndHintStayWhole() {
        let error = ControlError(.unknownRevision("nope", repository: "/r", detail: "revspec 'nope' not found; also: ambiguous"))
        #expect(error.code == .badRequest)
        #expect(error.message == "cannot resolve 'nope' in '/r' (revspec 'nope' not found; also: ambiguous)")
        #expect(error.hint == "pass --base with a branch, tag or commit id that exists there")
    }

    @Test("every case has a message and a hint; an unknown trigger is not found")
    func everyCase() {
        let errors: [TriggerError] = [
            .unknownRepository("/x", known: []), .unknownRecipe("a/b"), .unknownTrigger("t", known: ["nightly"]),
            .noRecipes(repository: "/r", branch: "main"), .unknownRevision("v", repository: "/r", detail: "d"),
        ]
        for error in errors {
            let control = ControlError(error)
            #expect(!control.message.isEmpty && control.hint?.isEmpty == false)
            #expect(error.description == "\(control.message)\n  hint: \(control.hint!)")
            #expect(control.code == (error.code == .unknownTrigger ? .notFound : .badRequest))
        }
    }
}

internal import Synchronization

/// The registry of ``SourceValidator``s every `apply` consults unless told otherwise.
/// Registration is process-wide and additive; a validator registered twice (same name) replaces
/// the earlier one.
package enum SourceValidators {
    private static let registry = Mutex<[any SourceValidator]>([])

    package static func register(_ validator: any SourceValidator) {
        registry.withLock { validators in
            validators.removeAll { $0.name == validator.name }
            validators.append(validator)
        }
    }

    package static var registered: [any SourceValidator] { registry.withLock { $0 } }
}

/// The control API's path prefix; bumped when a response changes incompatibly.
package enum ControlAPIVersion {
    package static let pathPrefix = "/v1"
}

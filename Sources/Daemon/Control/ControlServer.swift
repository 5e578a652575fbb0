package import ControlAPI
internal import Foundation
internal import Hummingbird
package import Logging
package import Prometheus
package import ServiceLifecycle

/// The control socket: HTTP/1.1 + JSON on a Unix domain socket (mode 0600), served by
/// Hummingbird, answering `sparkctl` through a ``ControlHandling``, and Prometheus metrics at
/// `GET /metrics`. A `Service`: run it in the daemon's `ServiceGroup`; graceful shutdown stops
/// accepting, finishes requests in flight and removes the socket file.
///
/// Routes (all JSON; errors are ``ControlErrorBody`` envelopes with 400/404/409/500):
/// `GET /v1/status`, `GET /v1/jobs?state=a,b&limit=N`, `GET /v1/jobs/{id}`, `POST /v1/jobs`,
/// `POST /v1/jobs/{id}/cancel`, `POST /v1/jobs/{id}/retry`, `POST /v1/triggers/{name}`, `GET /metrics`.
package struct ControlServer: Service {
    package let socketPath: String
    let handler: any ControlHandling
    let registry: PrometheusCollectorRegistry
    let logger: Logger
    let onReady: @Sendable () async -> Void

    /// - Parameters:
    ///   - socketPath: where to listen (its directory is made 0700 if missing).
    ///   - handler: the daemon's answers.
    ///   - registry: what `/metrics` serves (``DaemonMetrics/registry``).
    ///   - onReady: called once the socket is bound and restricted to mode 0600.
    package init(
        socketPath: String, handler: any ControlHandling, registry: PrometheusCollectorRegistry, logger: Logger,
        onReady: @escaping @Sendable () async -> Void = {}
    ) {
        self.socketPath = socketPath
        self.handler = handler
        self.registry = registry
        self.logger = logger
        self.onReady = onReady
    }

    package func run() async throws {
        try ControlSocketFile.prepare(socketPath)
        let path = socketPath
        let bound = ControlSocketFile.bindPath(for: path)
        let logger = logger
        let onReady = onReady
        let application = Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .unixDomainSocket(path: bound), serverName: "sparkd"),
            onServerRunning: { _ in
                do {
                    try ControlSocketFile.publish(boundAt: bound, as: path)
                } catch {
                    // Never serve a socket others could use: unreachable is better than open.
                    logger.critical(
                        "cannot publish the control socket with mode 0600",
                        metadata: ["socket.path": "\(path)", "error": "\(error)"])
                    ControlSocketFile.removeStaging(of: bound, for: path)
                    return
                }
                logger.info("control socket ready", metadata: ["socket.path": "\(path)"])
                await onReady()
            },
            logger: logger)
        defer {
            ControlSocketFile.removeStaging(of: bound, for: path)
            ControlSocketFile.remove(path)
        }
        try await application.run()
    }
}

internal import ControlAPI
internal import Hummingbird
internal import JobQueue
internal import Logging

/// Turns every error of one request into a ``ControlErrorBody`` response, so a client always
/// gets JSON it can show, and no request's failure reaches the server. Wraps the router's
/// not-found responder too, so an unknown route is a JSON 404.
struct ControlErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ControlError {
            return ControlResponse.error(error.body, status: error.httpStatus)
        } catch let error as JobQueueError {
            let error = ControlError(error)
            if error.code == .internal { log(error, request) }
            return ControlResponse.error(error.body, status: error.httpStatus)
        } catch let error as HTTPError {
            let code: ControlError.Code
            switch error.status.code {
            case 404: code = .notFound
            case 400..<500: code = .badRequest
            default: code = .internal
            }
            let message =
                error.status.code == 404
                ? "no route \(request.method) \(request.uri.path)" : (error.body ?? error.status.reasonPhrase)
            return ControlResponse.error(
                ControlErrorBody(code: code.rawValue, message: message, hint: error.status.code == 404 ? "the control API is under /v1; sparkctl and sparkd may be different versions" : nil),
                status: error.status.code)
        } catch {
            log(error, request)
            return ControlResponse.error(
                ControlErrorBody(
                    code: ControlError.Code.internal.rawValue, message: "sparkd failed: \(error)",
                    hint: "see the daemon's log (journalctl -u sparkd)"),
                status: 500)
        }
    }

    private func log(_ error: any Error, _ request: Request) {
        logger.error(
            "control request failed",
            metadata: ["http.method": "\(request.method)", "http.path": "\(request.uri.path)", "error": "\(error)"])
    }
}

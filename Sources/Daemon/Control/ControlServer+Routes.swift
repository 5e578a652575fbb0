internal import ControlAPI
internal import Foundation
internal import Hummingbird
internal import JobQueue
internal import Prometheus

extension ControlServer {
    /// The most jobs one `GET /v1/jobs` returns.
    static let maximumLimit = 1000
    /// The largest request body accepted (an enqueue request is a few hundred bytes).
    static let maximumBody = 1 << 20

    func makeRouter() -> Router<BasicRequestContext> {
        let handler = handler
        let registry = registry
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ControlErrorMiddleware(logger: logger))
        let v1 = router.group(RouterPath(ControlAPIVersion.pathPrefix))

        v1.get("status") { _, _ in try ControlResponse.json(await handler.status()) }
        v1.get("jobs") { request, _ in
            let query = request.uri.queryParameters
            let states = query.getAll("state").flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
            for state in states where JobState(rawValue: state) == nil {
                throw ControlError.badRequest(
                    "unknown job state '\(state)'", hint: "one of: " + JobState.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var limit = 100
            if let text = query.get("limit") {
                guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
                    throw ControlError.badRequest("limit must be a number from 1 to \(Self.maximumLimit), not '\(text)'")
                }
                limit = value
            }
            return try ControlResponse.json(await handler.jobs(states: states, limit: limit))
        }
        v1.get("jobs/:id") { _, context in try ControlResponse.json(await handler.job(try Self.jobID(context))) }
        v1.post("jobs") { request, _ in
            // No recipes: the handler queues the repository's rules marked `on: [manual]`.
            let body = try await Self.decode(EnqueueRequest.self, from: request)
            return try ControlResponse.json(await handler.enqueue(body), status: .created)
        }
        v1.post("jobs/:id/cancel") { _, context in try ControlResponse.json(await handler.cancel(try Self.jobID(context))) }
        v1.post("jobs/:id/retry") { _, context in try ControlResponse.json(await handler.retry(try Self.jobID(context))) }
        v1.post("triggers/:name") { _, context in
            let name = context.parameters.get("name")?.removingPercentEncoding ?? ""
            return try ControlResponse.json(await handler.trigger(name))
        }
        router.get("metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        return router
    }

    static func jobID(_ context: BasicRequestContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw ControlError.badRequest("'\(text)' is not a job id", hint: "job ids are positive numbers; list them with 'sparkctl jobs'")
        }
        return id
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: maximumBody)
        do {
            return try ControlJSON.decoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw ControlError.badRequest("the request body is not a valid \(T.self): \(ControlResponse.describe(error))")
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Runs a ``ServeApp`` over HTTP with Hummingbird: collects each body up to the upload limit
/// (a larger one gets 413 with a message), passes the request on, and adds the security
/// headers (a content security policy that allows only the app's own script).
public enum ServeServer {
  /// Headers on every response: no inline or foreign scripts, no framing, no sniffing.
  static let securityHeaders: [(HTTPField.Name, String)] = [
    (
      .contentSecurityPolicy,
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    ),
    (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
    (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
    (.cacheControl, "no-store"),
  ]

  struct Responder: HTTPResponder {
    typealias Context = BasicRequestContext
    let app: ServeApp

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
      var request = request
      let target = ServeRequest.split(target: request.uri.description)
      var serveRequest = ServeRequest(
        method: request.method.rawValue, path: target.path, query: target.query)
      let response: ServeResponse
      do {
        let buffer = try await request.collectBody(upTo: app.limits.uploadBytes)
        serveRequest.body = Array(buffer.readableBytesView)
        response = await app.handle(serveRequest)
      } catch is NIOTooManyBytesError {
        response = ServeApp.errorResponse(.tooLarge("the upload", limit: app.limits.uploadBytes))
      }
      var headers = HTTPFields()
      headers[.contentType] = response.contentType
      for (name, value) in securityHeaders { headers[name] = value }
      for (name, value) in response.headers {
        if let field = HTTPField.Name(name) { headers[field] = value }
      }
      return Response(
        status: HTTPResponse.Status(code: response.status), headers: headers,
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
  }

  /// Serves `app` on `host:port` (port 0: any free port) until the task is cancelled or the
  /// process gets SIGINT/SIGTERM; `onStart` gets the address it listens on.
  public static func run(
    _ app: ServeApp, host: String, port: Int, onStart: @escaping @Sendable (String) -> Void
  ) async throws {
    var logger = Logger(label: "joblens.serve")
    logger.logLevel = .warning
    let application = Application(
      responder: Responder(app: app),
      configuration: ApplicationConfiguration(
        address: .hostname(host, port: port), serverName: nil),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        let shown = host.contains(":") ? "[\(host)]" : host
        onStart("http://\(shown):\(bound)/")
      },
      logger: logger)
    try await application.runService()
  }
}

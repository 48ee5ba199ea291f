/// A failure of the command line itself (a file that cannot be read), printed as one line.
struct CommandError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}

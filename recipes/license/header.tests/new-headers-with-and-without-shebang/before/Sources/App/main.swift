import Foundation

let arguments = CommandLine.arguments.dropFirst()
print("Hello, \(arguments.first ?? "world")!")

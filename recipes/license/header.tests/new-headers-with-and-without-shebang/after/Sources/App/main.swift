// Copyright 2025 Acme Corp

import Foundation

let arguments = CommandLine.arguments.dropFirst()
print("Hello, \(arguments.first ?? "world")!")

import Foundation

// Found on swift-argument-parser 1.8.2: a chain broken over lines kept its receiver's
// line break and indentation only when the rewriter left the receiver alone.
func snapshotURL(file: StaticString, test: String) -> URL {
  let directory = URL(fileURLWithPath: "\(file)")
    .deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let url =
    directory
    // one file per test
    .appendingPathComponent("\(test).txt")
  return url
}

func outputDirectory(_ base: URL, _ name: String) -> URL {
	base.appendingPathComponent("out").appendingPathComponent(name)
}

func nested(_ base: URL) -> URL {
  base.appendingPathComponent(base.appendingPathComponent("a").lastPathComponent)
}

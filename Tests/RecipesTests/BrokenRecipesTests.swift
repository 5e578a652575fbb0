import Diagnostics
import Foundation
import Recipes
import SwiftRecipes
import TestSupport
import Testing

/// Every file under `BrokenRecipes/` is a mistake users make in recipes, with the
/// error it must produce declared in its first line:
///
/// ```yaml
/// # expect: 8:9 unknownKey "unknown key 'pattren' in 'regex' of step 1; did you mean 'pattern'?"
/// ```
///
/// The position is `LINE:COLUMN` (1-based, in the recipe file), `NAME:LINE:COLUMN` for an
/// error inside file `NAME` beside the recipe (a template `source`), or `-` when the error
/// has none; then the `RecipeError.Code` and a substring of the message. The directory is a
/// catalog (ids equal paths). A file that loads is then prepared with its defaults against
/// the shipped recipes plus every broken file that loads, so `include` errors (unknown
/// recipe, cycle, parameters) are checked too.
@Suite("Broken recipes", .tags(.medium))
struct BrokenRecipesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/BrokenRecipes"
    static let shipped =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/recipes"

    /// Paths under `root`, e.g. `keys/steps-typo.yml`.
    static let files: [String] = ((try? RecipeCatalog.recipeFiles(in: root)) ?? []).map {
        String($0.dropFirst(root.count + 1))
    }

    /// The shipped catalog plus every broken recipe that loads (includes name them). The
    /// shipped `swift` steps need the rewriters registered, as `sparkctl` does at start-up
    /// (ShippedRecipesTests fails if the shipped catalog does not load).
    static let catalog: RecipeCatalog = {
        SwiftRewriters.registerAll()
        var recipes = (try? RecipeCatalog(directories: [shipped]))?.recipes ?? []
        for file in files {
            if let recipe = try? RecipeLoader.load(file: root + "/" + file, catalogRoot: root) { recipes.append(recipe) }
        }
        return RecipeCatalog(recipes: recipes)
    }()

    @Test func corpusIsLargeEnough() {
        #expect(Self.files.count >= 25, "only \(Self.files.count) broken recipes in \(Self.root)")
    }

    @Test(arguments: files)
    func reportsTheMistakeWhereItIs(_ relative: String) throws {
        let path = Self.root + "/" + relative
        let expectation = try Expectation(firstLineOf: path)
        let error = try #require(Self.error(loading: path), "\(relative) loads and prepares without an error")
        #expect(error.code == expectation.code, "\(error)")
        #expect(error.file == expectation.file.map { Self.sibling($0, of: path) } ?? path, "\(error)")
        #expect(error.line == expectation.line, "\(error)")
        #expect(error.column == expectation.column, "\(error)")
        #expect(error.message.contains(expectation.message), "\(error)")
        if let line = expectation.line, let column = expectation.column {
            #expect(error.description.hasPrefix("\(error.file ?? ""):\(line):\(column): "))
        }
    }

    /// The error loading `path` throws, or else preparing it with its defaults.
    static func error(loading path: String) -> RecipeError? {
        do {
            let recipe = try RecipeLoader.load(file: path, catalogRoot: root)
            _ = try PreparedRecipe(recipe, catalog: catalog)
            return nil
        } catch {
            return error
        }
    }

    static func sibling(_ name: String, of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path + "/" + name
    }

    /// `# expect: POSITION CODE "MESSAGE"`.
    struct Expectation {
        var file: String?
        var line: Int?
        var column: Int?
        var code: RecipeError.Code
        var message: String

        struct Malformed: Error, CustomStringConvertible {
            let description: String
        }

        init(firstLineOf path: String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let line = text.prefix { $0 != "\n" && $0 != "\r\n" }
            let usage = "\(path): the first line must be '# expect: [NAME:]LINE:COLUMN|- CODE \"MESSAGE\"'"
            guard line.hasPrefix("# expect: "), let quote = line.firstIndex(of: "\""), line.hasSuffix("\""),
                line.index(before: line.endIndex) > quote
            else { throw Malformed(description: usage) }
            message = String(line[line.index(after: quote)..<line.index(before: line.endIndex)])
            let words = line.dropFirst("# expect: ".count)[..<quote].split(separator: " ")
            guard words.count == 2, let code = RecipeError.Code(rawValue: String(words[1])) else {
                throw Malformed(description: usage)
            }
            self.code = code
            if words[0] != "-" {
                var parts = words[0].split(separator: ":").map(String.init)
                guard parts.count == 2 || parts.count == 3, let column = Int(parts.removeLast()),
                    let line = Int(parts.removeLast())
                else { throw Malformed(description: usage) }
                self.line = line
                self.column = column
                file = parts.first
            }
        }
    }
}

import Foundation

extension RecipeCatalog {
    /// Overrides where the built-in recipes are.
    package static let directoryVariable = "SPARKD_RECIPES_DIR"

    /// The directory of the recipes shipped with sparkd, or `nil` if none is found.
    ///
    /// In order:
    /// 1. `$SPARKD_RECIPES_DIR`, if set and non-empty (returned even if it does not
    ///    exist, so that a wrong setting is reported rather than ignored);
    /// 2. walking up from the directory of the running executable, its real path
    ///    (`/proc/self/exe`, symbolic links resolved), the first `recipes/` that
    ///    contains `fixup/` — the development layout, where `.build/debug/sparkctl`
    ///    finds the package's `recipes/`;
    /// 3. `<executable's directory>/../share/sparkd/recipes` (an installed prefix);
    /// 4. `/usr/share/sparkd/recipes`.
    ///
    /// `environment` and `executablePath` replace the process's (for tests). The variable is read
    /// with getenv: `ProcessInfo.environment` copies the whole environment into a dictionary, a
    /// measurable part of a pre-commit hook's start.
    package static func builtinDirectory(
        environment: [String: String]? = nil,
        executablePath: String? = nil
    ) -> String? {
        let variable = environment.map { $0[directoryVariable] } ?? getenv(directoryVariable).map { String(cString: $0) }
        if let directory = variable, !directory.isEmpty { return directory }
        let isDirectory = LocalFile.isDirectory
        if let executable = realPath(executablePath ?? runningExecutable()) {
            let executableDirectory = (executable as NSString).deletingLastPathComponent
            var directory = executableDirectory
            while !directory.isEmpty {
                let candidate = (directory as NSString).appendingPathComponent("recipes")
                if isDirectory((candidate as NSString).appendingPathComponent("fixup")) { return candidate }
                if directory == "/" { break }
                directory = (directory as NSString).deletingLastPathComponent
            }
            let shared = LocalFile.standardized(executableDirectory + "/../share/sparkd/recipes")
            if isDirectory(shared) { return shared }
        }
        let system = "/usr/share/sparkd/recipes"
        return isDirectory(system) ? system : nil
    }

    /// The built-in directory followed by `extraDirectories` (later ones override earlier ones).
    package static func standardDirectories(_ extraDirectories: [String]) throws(RecipeError) -> [String] {
        guard let builtin = builtinDirectory() else {
            throw RecipeError(
                .unreadable, "cannot find sparkd's built-in recipes next to the executable or in /usr/share/sparkd/recipes",
                hint: "set \(directoryVariable) to the recipes/ directory of a sparkd checkout")
        }
        return [builtin] + extraDirectories
    }

    private static func runningExecutable() -> String? {
        #if os(Linux)
            return "/proc/self/exe"
        #else
            return Bundle.main.executablePath
        #endif
    }

    /// `path` with every symbolic link resolved, or `nil` if it does not exist.
    private static func realPath(_ path: String?) -> String? {
        guard let path, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

# frozen_string_literal: true

module Assets
  # Caches compiled assets on disk; existence checks use File.exist? semantics.
  class Cache
    def initialize(root)
      @root = root
    end

    def fetch(name)
      path = ::File.join(@root, name)
      return ::File.read(path) if ::File.exist?(path)

      yield.tap { |body| ::File.write(path, body) if FileTest.exist?(@root) }
    end
  end
end

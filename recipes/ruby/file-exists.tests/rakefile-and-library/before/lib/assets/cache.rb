# frozen_string_literal: true

module Assets
  # Caches compiled assets on disk; existence checks use File.exists? semantics.
  class Cache
    def initialize(root)
      @root = root
    end

    def fetch(name)
      path = ::File.join(@root, name)
      return ::File.read(path) if ::File.exists?(path)

      yield.tap { |body| ::File.write(path, body) if FileTest.exists?(@root) }
    end
  end
end

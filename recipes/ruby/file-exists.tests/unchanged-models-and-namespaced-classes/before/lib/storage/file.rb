module Storage
  # A remote object; exists? asks the bucket.
  class File
    def self.exists?(key)
      Bucket.head(key).ok?
    end
  end

  def self.cached?(key)
    Storage::File.exists?(key) && Dir.exist?(CACHE_DIR)
  end
end

class UploadFile < ApplicationRecord
  belongs_to :user

  def self.duplicate?(checksum)
    UploadFile.exists?(checksum: checksum)
  end

  def on_disk?
    File.exist?(path) && Pathname.new(path).exist?
  end
end

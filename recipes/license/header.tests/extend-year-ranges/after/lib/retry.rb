# Copyright 2025 Acme Corp

module Retry
  def self.with_backoff(attempts: 3)
    yield
  rescue StandardError
    attempts -= 1
    retry if attempts.positive?
    raise
  end
end

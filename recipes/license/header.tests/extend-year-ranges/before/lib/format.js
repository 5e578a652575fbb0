// Copyright 2022-2025 Acme Corp

export function formatPrice(cents) {
  return `$${(cents / 100).toFixed(2)}`;
}

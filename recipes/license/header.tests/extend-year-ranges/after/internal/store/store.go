// Copyright 2021-2025 Acme Corp

// Package store persists orders.
package store

import "database/sql"

// Store wraps a database handle.
type Store struct{ db *sql.DB }

// Copyright 2024-2025 Acme Corp

package main

func main() {
	serve(":8080")
}

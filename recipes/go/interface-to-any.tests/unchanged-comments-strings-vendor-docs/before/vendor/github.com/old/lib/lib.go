package lib

// Vendored code is not ours to rewrite.
func Dump(v interface{}) string {
	return ""
}

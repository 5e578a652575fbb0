// Package text is vendored; its own license applies.
package text

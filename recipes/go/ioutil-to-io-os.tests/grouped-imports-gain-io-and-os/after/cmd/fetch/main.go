// Command fetch downloads a URL into a file.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// download saves the body of url under dir. It used ioutil.ReadAll and
// ioutil.WriteFile long before Go 1.16; this comment keeps those names.
func download(url, dir string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("ioutil.ReadAll: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, "fetch-")
	if err != nil {
		return "", err
	}
	out := filepath.Join(tmp, "body")
	return out, os.WriteFile(out, body, 0o644)
}

func loadConfig(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg map[string]string
	return cfg, json.Unmarshal(data, &cfg)
}

func main() {
	cfg, err := loadConfig("fetch.json")
	if err != nil {
		panic(err)
	}
	path, err := download(cfg["url"], ".")
	fmt.Println(path, err)
}

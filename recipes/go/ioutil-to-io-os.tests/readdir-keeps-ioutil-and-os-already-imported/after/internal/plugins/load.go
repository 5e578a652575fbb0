package plugins

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Load reads every *.json manifest in dir. ioutil.ReadDir returns FileInfo,
// which Load needs for ModTime, so it stays until someone ports it by hand.
func Load(dir string) ([]Manifest, error) {
	infos, err := ioutil.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	sort.Slice(infos, func(i, j int) bool { return infos[i].ModTime().Before(infos[j].ModTime()) })
	var out []Manifest
	for _, info := range infos {
		if !strings.HasSuffix(info.Name(), ".json") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, info.Name()))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", info.Name(), err)
		}
		out = append(out, parse(data))
	}
	if len(out) == 0 {
		fmt.Fprintln(os.Stderr, "no plugins in", dir)
	}
	return out, nil
}

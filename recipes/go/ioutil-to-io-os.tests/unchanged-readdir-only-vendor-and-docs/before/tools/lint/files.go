package lint

import (
	"io/ioutil"
	"path/filepath"
)

// goFiles lists dir. Do not switch to ioutil.ReadFile-style helpers here:
// ioutil.ReadDir's []os.FileInfo is what the callers expect.
func goFiles(dir string) ([]string, error) {
	infos, err := ioutil.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, fi := range infos {
		if filepath.Ext(fi.Name()) == ".go" {
			names = append(names, fi.Name())
		}
	}
	return names, nil
}

// labctl-runc: an OCI runtime that is runc, minus one capability this machine cannot grant.
//
// The VMs labctl is tested on have no CAP_SYS_RESOURCE in their capability bounding set. Docker gives a
// --privileged container every capability it knows of, so runc fails to start it ("unable to apply caps:
// operation not permitted"), and so does every `docker exec` into it. kind's nodes are privileged
// containers, driven through `docker exec`. Registered as a Docker engine's default runtime, this wrapper
// deletes CAP_SYS_RESOURCE from the capability sets of
//   - the bundle's config.json, for `runc create` and `runc run` (--bundle DIR, or the working directory);
//   - the process file of `runc exec --process FILE`;
//
// and then execs the real runc (the first `runc` on PATH, or $LABCTL_REAL_RUNC) with the same arguments.
// Every other call goes straight through. Nothing else in the JSON changes: the untouched parts are kept
// as raw bytes, so large integers (rlimits, memory limits) keep their exact values.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

const dropped = "CAP_SYS_RESOURCE"

func main() {
	args := os.Args[1:]
	if err := rewrite(args); err != nil {
		// Say why, then let runc run anyway: it gives the real error if the capability is still there.
		fmt.Fprintf(os.Stderr, "labctl-runc: %v\n", err)
	}
	runc, err := realRunc()
	if err != nil {
		fmt.Fprintf(os.Stderr, "labctl-runc: %v\n", err)
		os.Exit(127)
	}
	err = syscall.Exec(runc, append([]string{"runc"}, args...), os.Environ())
	fmt.Fprintf(os.Stderr, "labctl-runc: exec %s: %v\n", runc, err)
	os.Exit(127)
}

// rewrite finds the subcommand (the first argument that is not a global flag or its value) and edits the
// JSON file it will read.
func rewrite(args []string) error {
	// Global flags of runc that take a value (the rest are booleans).
	valued := map[string]bool{"--root": true, "--log": true, "--log-format": true, "--criu": true, "--rootless": true}
	i := 0
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		if valued[args[i]] {
			i++
		}
		i++
	}
	if i >= len(args) {
		return nil
	}
	cmd, rest := args[i], args[i+1:]
	switch cmd {
	case "create", "run":
		bundle := flagValue(rest, "--bundle", "-b")
		if bundle == "" {
			bundle = "."
		}
		return editFile(filepath.Join(bundle, "config.json"), dropFromSpec)
	case "exec":
		if p := flagValue(rest, "--process", "-p"); p != "" {
			return editFile(p, dropFromProcess)
		}
	}
	return nil
}

// flagValue returns the value of a flag given as "--name VALUE" or "--name=VALUE".
func flagValue(args []string, names ...string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		for _, n := range names {
			if a == n && i+1 < len(args) {
				return args[i+1]
			}
			if strings.HasPrefix(a, n+"=") {
				return strings.TrimPrefix(a, n+"=")
			}
		}
	}
	return ""
}

func editFile(path string, edit func([]byte) ([]byte, bool, error)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, changed, err := edit(data)
	if err != nil || !changed {
		return err
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp := path + ".labctl-runc"
	if err := os.WriteFile(tmp, out, info.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// dropFromSpec edits an OCI runtime spec: {"process": {"capabilities": {...}}, ...}.
func dropFromSpec(data []byte) ([]byte, bool, error) {
	var spec map[string]json.RawMessage
	if err := json.Unmarshal(data, &spec); err != nil {
		return nil, false, err
	}
	proc, ok := spec["process"]
	if !ok {
		return data, false, nil
	}
	newProc, changed, err := dropFromProcess(proc)
	if err != nil || !changed {
		return data, false, err
	}
	spec["process"] = newProc
	out, err := json.Marshal(spec)
	return out, true, err
}

// dropFromProcess edits an OCI process: {"capabilities": {"bounding": [...], "effective": [...], ...}, ...}.
func dropFromProcess(data []byte) ([]byte, bool, error) {
	var proc map[string]json.RawMessage
	if err := json.Unmarshal(data, &proc); err != nil {
		return nil, false, err
	}
	raw, ok := proc["capabilities"]
	if !ok || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return data, false, nil
	}
	var sets map[string][]string
	if err := json.Unmarshal(raw, &sets); err != nil {
		return nil, false, err
	}
	changed := false
	for name, caps := range sets {
		kept := caps[:0]
		for _, c := range caps {
			if c == dropped {
				changed = true
				continue
			}
			kept = append(kept, c)
		}
		sets[name] = kept
	}
	if !changed {
		return data, false, nil
	}
	newRaw, err := json.Marshal(sets)
	if err != nil {
		return nil, false, err
	}
	proc["capabilities"] = newRaw
	out, err := json.Marshal(proc)
	return out, true, err
}

// realRunc is $LABCTL_REAL_RUNC, or the first runc on PATH that is not this program.
func realRunc() (string, error) {
	if p := os.Getenv("LABCTL_REAL_RUNC"); p != "" {
		return p, nil
	}
	self, _ := os.Executable()
	self, _ = filepath.EvalSymlinks(self)
	for _, dir := range filepath.SplitList(os.Getenv("PATH") + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin") {
		p := filepath.Join(dir, "runc")
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			if resolved, _ := filepath.EvalSymlinks(p); resolved != self {
				return p, nil
			}
		}
	}
	return "", fmt.Errorf("no runc found on PATH")
}

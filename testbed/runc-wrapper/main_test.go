package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const spec = `{"ociVersion":"1.0.2","process":{"user":{"uid":0,"gid":0},"args":["sh"],
 "capabilities":{"bounding":["CAP_CHOWN","CAP_SYS_RESOURCE","CAP_SYS_ADMIN"],"effective":["CAP_SYS_RESOURCE"],
 "inheritable":["CAP_CHOWN"],"permitted":["CAP_SYS_RESOURCE","CAP_NET_ADMIN"]},
 "rlimits":[{"type":"RLIMIT_NOFILE","hard":18446744073709551615,"soft":1048576}]},"root":{"path":"rootfs"}}`

func TestCreateDropsTheCapabilityAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.json")
	if err := os.WriteFile(cfg, []byte(spec), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := rewrite([]string{"--root", "/run/x", "--log", "/l", "--log-format", "json", "--systemd-cgroup",
		"create", "--bundle", dir, "--pid-file", "p", "id1"}); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(cfg)
	if strings.Contains(string(out), "CAP_SYS_RESOURCE") {
		t.Fatalf("still there: %s", out)
	}
	if !strings.Contains(string(out), "18446744073709551615") {
		t.Fatalf("rlimit changed: %s", out)
	}
	var parsed struct {
		Process struct {
			Capabilities map[string][]string
		}
	}
	if err := json.Unmarshal(out, &parsed); err != nil {
		t.Fatal(err)
	}
	if got := parsed.Process.Capabilities["bounding"]; len(got) != 2 || got[0] != "CAP_CHOWN" || got[1] != "CAP_SYS_ADMIN" {
		t.Fatalf("bounding = %v", got)
	}
}

func TestExecProcessFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "process.json")
	proc := `{"args":["ls"],"capabilities":{"bounding":["CAP_SYS_RESOURCE"],"ambient":["CAP_SYS_RESOURCE","CAP_KILL"]}}`
	if err := os.WriteFile(p, []byte(proc), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := rewrite([]string{"exec", "--process=" + p, "--detach", "id1"}); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(p)
	if strings.Contains(string(out), "CAP_SYS_RESOURCE") || !strings.Contains(string(out), "CAP_KILL") {
		t.Fatalf("got %s", out)
	}
}

func TestOtherCommandsAndCleanFilesAreLeftAlone(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.json")
	clean := `{"process": {"capabilities": {"bounding": ["CAP_CHOWN"]}}}`
	if err := os.WriteFile(cfg, []byte(clean), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := rewrite([]string{"create", "-b", dir, "id"}); err != nil {
		t.Fatal(err)
	}
	if out, _ := os.ReadFile(cfg); string(out) != clean {
		t.Fatalf("rewritten although clean: %s", out)
	}
	if err := rewrite([]string{"--root", "/r", "delete", "--force", "id"}); err != nil {
		t.Fatal(err)
	}
}

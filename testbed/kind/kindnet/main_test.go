package main

import (
	"encoding/json"
	"testing"
)

const nodesJSON = `{"items": [
 {"metadata": {"name": "a-control-plane"}, "spec": {"podCIDR": "10.244.0.0/24", "podCIDRs": ["10.244.0.0/24", "fd00:10:244::/64"]},
  "status": {"addresses": [{"type": "InternalIP", "address": "fc00::2"}, {"type": "InternalIP", "address": "10.90.16.2"},
                           {"type": "Hostname", "address": "a-control-plane"}]}},
 {"metadata": {"name": "a-worker"}, "spec": {"podCIDRs": ["fd00:10:244:1::/64", "10.244.1.0/24"]},
  "status": {"addresses": [{"type": "InternalIP", "address": "10.90.16.3"}]}},
 {"metadata": {"name": "a-worker2"}, "spec": {}, "status": {"addresses": []}}]}`

func TestNodeFieldsPickIPv4(t *testing.T) {
	var list nodeList
	if err := json.Unmarshal([]byte(nodesJSON), &list); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ cidr, ip string }{{"10.244.0.0/24", "10.90.16.2"}, {"10.244.1.0/24", "10.90.16.3"}, {"", ""}}
	for i, c := range cases {
		n := list.Items[i]
		if got := n.ipv4PodCIDR(); got != c.cidr {
			t.Errorf("%s: podCIDR %q, want %q", n.Metadata.Name, got, c.cidr)
		}
		if got := n.internalIPv4(); got != c.ip {
			t.Errorf("%s: InternalIP %q, want %q", n.Metadata.Name, got, c.ip)
		}
	}
}

func TestRoutesOnlyForOtherReadyNodes(t *testing.T) {
	var list nodeList
	if err := json.Unmarshal([]byte(nodesJSON), &list); err != nil {
		t.Fatal(err)
	}
	// Everything already installed: ensureRoutes must not run any command and must keep the table.
	a := &agent{nodeName: "a-worker", routes: map[string]string{"10.244.0.0/24": "10.90.16.2"}}
	if err := a.ensureRoutes(list.Items); err != nil {
		t.Fatal(err)
	}
	if len(a.routes) != 1 || a.routes["10.244.0.0/24"] != "10.90.16.2" {
		t.Fatalf("routes = %v", a.routes)
	}
}

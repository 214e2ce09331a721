// kindnet: the pod network of the test bed's kind clusters, a small stand-in for kind's kindnetd.
//
// kind v0.33.0 runs its default CNI manifest (a DaemonSet, hostNetwork, NET_ADMIN + NET_RAW, with HOST_IP,
// POD_IP and POD_SUBNET in its environment and the node's /etc/cni/net.d mounted) with the image its
// kindnetdImage constant names. That image cannot be had here (no registry; the kindnetd module of kind
// v0.33 is not on the Go module proxy), so the offline node image carries this program under that name
// (and as labctl/kindnet). It does what a lab cluster needs of kindnetd, on the same plugins:
//   - writes /etc/cni/net.d/10-kindnet.conflist for this node's podCIDR: ptp + host-local, then portmap;
//   - routes every other node's podCIDR via that node's InternalIP (all nodes share one Docker network);
//   - masquerades traffic from pods to anything outside the cluster's pod subnet (so a pod reaches the
//     Docker host, e.g. a Spark driver there, and the answer comes back), in an nftables table of its own.
//
// Network policies and kindnetd's DNS cache are left out. It polls the API server every few seconds with
// its service account (a list of nodes); state is rewritten only when it changes.
package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const (
	saDir       = "/var/run/secrets/kubernetes.io/serviceaccount"
	cniConfPath = "/etc/cni/net.d/10-kindnet.conflist"
	nftTable    = "labctl-kindnet"
	interval    = 5 * time.Second
)

type nodeList struct {
	Items []node `json:"items"`
}

type node struct {
	Metadata struct {
		Name string `json:"name"`
	} `json:"metadata"`
	Spec struct {
		PodCIDR  string   `json:"podCIDR"`
		PodCIDRs []string `json:"podCIDRs"`
	} `json:"spec"`
	Status struct {
		Addresses []struct {
			Type    string `json:"type"`
			Address string `json:"address"`
		} `json:"addresses"`
	} `json:"status"`
}

func (n node) ipv4PodCIDR() string {
	for _, c := range append(n.Spec.PodCIDRs, n.Spec.PodCIDR) {
		if ip, _, err := net.ParseCIDR(c); err == nil && ip.To4() != nil {
			return c
		}
	}
	return ""
}

func (n node) internalIPv4() string {
	for _, a := range n.Status.Addresses {
		if ip := net.ParseIP(a.Address); a.Type == "InternalIP" && ip != nil && ip.To4() != nil {
			return a.Address
		}
	}
	return ""
}

type agent struct {
	client    *http.Client
	apiServer string
	token     string
	nodeName  string
	podSubnet string
	routes    map[string]string // podCIDR -> next hop, as installed by us
	cniConf   string
	masqRules string
}

func main() {
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	a, err := newAgent()
	if err != nil {
		log.Fatalf("kindnet: %v", err)
	}
	log.Printf("kindnet: node %s, pod subnet %s, API server %s", a.nodeName, a.podSubnet, a.apiServer)
	for {
		if err := a.sync(); err != nil {
			log.Printf("kindnet: %v (retrying in %s)", err, interval)
		}
		time.Sleep(interval)
	}
}

func newAgent() (*agent, error) {
	host, port := os.Getenv("KUBERNETES_SERVICE_HOST"), os.Getenv("KUBERNETES_SERVICE_PORT")
	if host == "" || port == "" {
		return nil, fmt.Errorf("KUBERNETES_SERVICE_HOST/PORT not set: not running in a pod")
	}
	token, err := os.ReadFile(filepath.Join(saDir, "token"))
	if err != nil {
		return nil, err
	}
	caPEM, err := os.ReadFile(filepath.Join(saDir, "ca.crt"))
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, fmt.Errorf("no certificate in %s/ca.crt", saDir)
	}
	name := os.Getenv("NODE_NAME")
	if name == "" {
		// hostNetwork: the pod's hostname is the node's, and kind names nodes after their hostnames.
		if name, err = os.Hostname(); err != nil {
			return nil, err
		}
	}
	subnet := os.Getenv("POD_SUBNET")
	if _, _, err := net.ParseCIDR(subnet); err != nil {
		return nil, fmt.Errorf("POD_SUBNET %q: %v", subnet, err)
	}
	return &agent{
		client: &http.Client{Timeout: 10 * time.Second,
			Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}},
		apiServer: "https://" + net.JoinHostPort(host, port),
		token:     strings.TrimSpace(string(token)),
		nodeName:  name,
		podSubnet: subnet,
		routes:    map[string]string{},
	}, nil
}

func (a *agent) sync() error {
	nodes, err := a.listNodes()
	if err != nil {
		return err
	}
	var self *node
	for i := range nodes {
		if nodes[i].Metadata.Name == a.nodeName {
			self = &nodes[i]
		}
	}
	if self == nil {
		return fmt.Errorf("node %s not found", a.nodeName)
	}
	if err := a.ensureMasquerade(); err != nil {
		return err
	}
	if err := a.ensureRoutes(nodes); err != nil {
		return err
	}
	cidr := self.ipv4PodCIDR()
	if cidr == "" {
		return fmt.Errorf("node %s has no IPv4 podCIDR yet", a.nodeName)
	}
	return a.ensureCNIConfig(cidr)
}

func (a *agent) listNodes() ([]node, error) {
	req, err := http.NewRequest(http.MethodGet, a.apiServer+"/api/v1/nodes", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+a.token)
	req.Header.Set("Accept", "application/json")
	resp, err := a.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("listing nodes: %s", resp.Status)
	}
	var list nodeList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return nil, err
	}
	return list.Items, nil
}

func (a *agent) ensureCNIConfig(podCIDR string) error {
	conf := fmt.Sprintf(`{
  "cniVersion": "0.4.0",
  "name": "kindnet",
  "plugins": [
    {
      "type": "ptp",
      "ipMasq": false,
      "mtu": %d,
      "ipam": {
        "type": "host-local",
        "dataDir": "/run/cni-ipam-state",
        "routes": [{"dst": "0.0.0.0/0"}],
        "ranges": [[{"subnet": "%s"}]]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
`, defaultMTU(), podCIDR)
	if conf == a.cniConf {
		return nil
	}
	if old, err := os.ReadFile(cniConfPath); err == nil && string(old) == conf {
		a.cniConf = conf
		return nil
	}
	tmp := cniConfPath + ".tmp"
	if err := os.WriteFile(tmp, []byte(conf), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, cniConfPath); err != nil {
		return err
	}
	a.cniConf = conf
	log.Printf("kindnet: wrote %s for podCIDR %s", cniConfPath, podCIDR)
	return nil
}

// ensureRoutes routes each other node's podCIDR via its InternalIP, and removes the routes it made for
// nodes that are gone.
func (a *agent) ensureRoutes(nodes []node) error {
	want := map[string]string{}
	for _, n := range nodes {
		cidr, ip := n.ipv4PodCIDR(), n.internalIPv4()
		if n.Metadata.Name == a.nodeName || cidr == "" || ip == "" {
			continue
		}
		want[cidr] = ip
	}
	for cidr, via := range want {
		if a.routes[cidr] == via {
			continue
		}
		if out, err := exec.Command("ip", "route", "replace", cidr, "via", via).CombinedOutput(); err != nil {
			return fmt.Errorf("ip route replace %s via %s: %v: %s", cidr, via, err, out)
		}
		a.routes[cidr] = via
		log.Printf("kindnet: route %s via %s", cidr, via)
	}
	for cidr, via := range a.routes {
		if _, ok := want[cidr]; ok {
			continue
		}
		if out, err := exec.Command("ip", "route", "del", cidr, "via", via).CombinedOutput(); err != nil {
			log.Printf("kindnet: ip route del %s: %v: %s", cidr, err, out)
		}
		delete(a.routes, cidr)
		log.Printf("kindnet: removed route %s via %s", cidr, via)
	}
	return nil
}

// ensureMasquerade loads (atomically, replacing any earlier version) an nftables table that masquerades
// pod traffic leaving the pod subnet. Checked every round, as cheap as listing one table.
func (a *agent) ensureMasquerade() error {
	rules := fmt.Sprintf(`table ip %[1]s
delete table ip %[1]s
table ip %[1]s {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		ip saddr %[2]s ip daddr != %[2]s fib daddr type != local masquerade
	}
}
`, nftTable, a.podSubnet)
	if rules == a.masqRules {
		if err := exec.Command("nft", "list", "table", "ip", nftTable).Run(); err == nil {
			return nil
		}
	}
	cmd := exec.Command("nft", "-f", "-")
	cmd.Stdin = strings.NewReader(rules)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("nft -f: %v: %s", err, out)
	}
	if a.masqRules != rules {
		log.Printf("kindnet: masquerading %s -> outside (nftables table ip %s)", a.podSubnet, nftTable)
	}
	a.masqRules = rules
	return nil
}

// defaultMTU is the MTU of the interface that holds the default route (the node's eth0), else 1500.
func defaultMTU() int {
	f, err := os.Open("/proc/net/route")
	if err != nil {
		return 1500
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) > 2 && fields[1] == "00000000" {
			data, err := os.ReadFile("/sys/class/net/" + fields[0] + "/mtu")
			if err != nil {
				break
			}
			var mtu int
			if _, err := fmt.Sscanf(string(bytes.TrimSpace(data)), "%d", &mtu); err == nil && mtu > 0 {
				return mtu
			}
		}
	}
	return 1500
}

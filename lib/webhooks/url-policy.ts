// Where webhooks may be delivered (SSRF): a webhook URL is the tenant's input, so without this a
// workspace admin could make the server POST to its own loopback, the private network or a cloud
// metadata endpoint. Private, loopback, link-local, carrier-grade NAT, multicast and reserved
// addresses are refused — when the webhook is saved (by literal address and by what its name
// resolves to) and again at every delivery, where the connection is made only to an address that
// was checked (no second DNS answer can slip in). WEBHOOKS_ALLOW_PRIVATE=true lifts the rule (and
// allows plain http://) for development and tests.
import dns from "node:dns";
import net from "node:net";
import { AppError } from "@/lib/errors/app-error";

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) blocked.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 of any IPv4 address: checked through its embedded address below
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) blocked.addSubnet(prefix, bits, "ipv6");

/** True for an address a webhook must not reach. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4-mapped (::ffff:10.0.0.1) and NAT64 (64:ff9b::a00:1) addresses are their IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) return blocked.check(hexToIpv4(hex[1]!, hex[2]!), "ipv4");
  return blocked.check(address, "ipv6");
}

function hexToIpv4(hi: string, lo: string): string {
  const a = parseInt(hi, 16);
  const b = parseInt(lo, 16);
  return [a >> 8, a & 255, b >> 8, b & 255].join(".");
}

const LOCAL_NAMES = /^(localhost|.*\.localhost|.*\.local|.*\.internal|.*\.localdomain)$/i;

/** The host of a URL without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/**
 * Checks a webhook URL before it is saved. Refuses with a message that says what to change.
 * `resolve`: look the name up (saving); the worker checks the resolved address at connect time.
 */
export async function assertWebhookUrl(raw: string, opts: { allowPrivate: boolean; resolve?: boolean }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("Enter a full URL such as https://hooks.example.com/faqbot.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw invalid("The URL must start with https://.");
  if (url.username || url.password) throw invalid("Put no user name or password in the URL; the signature proves the sender.");
  if (opts.allowPrivate) return url;
  const host = hostOf(url);
  if (net.isIP(host)) {
    if (isPrivateAddress(host)) throw privateRefused(host);
  } else if (LOCAL_NAMES.test(host) || !host.includes(".")) {
    throw privateRefused(host);
  }
  if (url.protocol !== "https:") throw invalid("The URL must start with https:// (plain http is only allowed with WEBHOOKS_ALLOW_PRIVATE=true).");
  if (opts.resolve !== false && !net.isIP(host)) {
    const addresses = await dns.promises.lookup(host, { all: true, verbatim: true }).catch(() => null);
    if (!addresses || addresses.length === 0) throw invalid(`The host ${host} could not be found (DNS). Check the URL.`);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) throw privateRefused(`${host} (${bad.address})`);
  }
  return url;
}

function invalid(message: string): AppError {
  return new AppError("validation_failed", message, { details: [{ path: "url", message }] });
}

function privateRefused(what: string): AppError {
  return invalid(`Webhooks cannot be delivered to ${what}: it is a private, loopback or link-local address. Use a public https:// endpoint (to test with a local receiver, start the server with WEBHOOKS_ALLOW_PRIVATE=true).`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses private addresses: the socket connects to exactly
 * the address checked here, so a name that resolves differently a moment later cannot redirect it.
 */
export function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad || list.length === 0) {
      const e = Object.assign(new Error(`refused: ${hostname} resolves to a private address (${bad?.address ?? "none"})`), { code: "EPRIVATEADDRESS" });
      return callback(e, "", 0);
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

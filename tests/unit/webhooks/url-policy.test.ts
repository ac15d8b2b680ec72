// Webhook URLs (SSRF): which addresses are refused when a webhook is saved and at delivery time.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { assertWebhookUrl, isPrivateAddress } from "@/lib/webhooks/url-policy";
import { sendWebhook } from "@/lib/webhooks/send";

describe("isPrivateAddress", () => {
  it.each(["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:a00:1", "not an address"])(
    "refuses %s",
    (a) => expect(isPrivateAddress(a)).toBe(true),
  );

  it.each(["8.8.8.8", "172.32.0.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (a) => expect(isPrivateAddress(a)).toBe(false));
});

describe("assertWebhookUrl", () => {
  const refuse = async (url: string, pattern: RegExp) => {
    const err = await assertWebhookUrl(url, { allowPrivate: false, resolve: false }).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(err, url).not.toBeNull();
    expect(err!.code).toBe("validation_failed");
    expect(err!.message).toMatch(pattern);
  };

  it("refuses loopback, private and link-local hosts with a message that says why", async () => {
    for (const url of ["https://127.0.0.1/hook", "http://127.0.0.1:8080/hook", "https://localhost/hook", "https://[::1]/x", "https://169.254.169.254/latest/meta-data", "https://10.0.0.5/x", "https://printer.local/x", "https://intranet/x"]) {
      await refuse(url, /private, loopback or link-local/);
    }
  });

  it("asks for https, a full URL and no credentials", async () => {
    await refuse("http://hooks.example.com/x", /https:\/\//);
    await refuse("ftp://hooks.example.com/x", /https:\/\//);
    await refuse("hooks.example.com/x", /full URL/);
    await refuse("https://user:pw@hooks.example.com/x", /user name or password/);
  });

  it("accepts a public https endpoint, and anything http(s) with WEBHOOKS_ALLOW_PRIVATE", async () => {
    expect((await assertWebhookUrl("https://hooks.example.com/faqbot", { allowPrivate: false, resolve: false })).toString()).toBe("https://hooks.example.com/faqbot");
    expect((await assertWebhookUrl("http://127.0.0.1:9/x", { allowPrivate: true })).hostname).toBe("127.0.0.1");
  });
});

describe("delivery-time refusal", () => {
  it("never connects to a private address, by literal or by name, unless allowed", async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const out = { body: "{}", secret: "s", deliveryId: "d1", event: "handoff.queued" };
    try {
      const literal = await sendWebhook({ ...out, url: `https://127.0.0.1:${port}/x` }, { timeoutMs: 2000, allowPrivate: false });
      expect(literal).toMatchObject({ ok: false, status: null });
      expect(literal.error).toMatch(/private address/);
      // A name that resolves to loopback is refused by the checked lookup, before connecting.
      const byName = await sendWebhook({ ...out, url: `https://localhost:${port}/x` }, { timeoutMs: 2000, allowPrivate: false });
      expect(byName.ok).toBe(false);
      expect(byName.error).toMatch(/private address/);
      expect(hits).toBe(0);
      const allowed = await sendWebhook({ ...out, url: `http://127.0.0.1:${port}/x` }, { timeoutMs: 2000, allowPrivate: true });
      expect(allowed).toMatchObject({ ok: true, status: 200, body: "ok" });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});

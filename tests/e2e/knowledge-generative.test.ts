// With a chat model and a sentence encoder loaded (the generated tiny test models, through the
// same code path as real ones): an article's passages are embedded when it is stored, and a
// question no FAQ entry covers is answered by the chat model grounded on the article's passages,
// streamed token by token; whatever the tiny model writes, the grounding guard leaves the
// customer with text the article supports, and the reply names the document as its source.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { checkGrounding } from "@/lib/models/grounding-guard";
import { startE2EApp, type E2EApp } from "../support/e2e-app";
import { loginCookie } from "../support/seed";
import { waitFor } from "../support/wait";

let app: E2EApp;
let modelsDir: string;
const ARTICLE = "# Gift wrapping\n\nWe gift wrap any order for $4.25, in recycled kraft paper with a handwritten card. Choose it at checkout.";

beforeAll(async () => {
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-models-"));
  const paths = await makeTestModels(modelsDir);
  app = await startE2EApp({ env: { CHAT_MODEL: paths.chat, EMBEDDING_MODEL: paths.embed, MODEL_DTYPE: "fp32", CHAT_MAX_NEW_TOKENS: "32" } });
  await waitFor(
    "the chat model and the encoder to load",
    async () => {
      const health = (await (await fetch(`${app.server.url}/api/health`)).json()) as { models: { models: Array<{ role: string; state: string }> } };
      return health.models.models.every((m) => m.state === "ready");
    },
    { timeout: 30_000 },
  );
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(modelsDir, { recursive: true, force: true });
});

describe("knowledge answers with local models", () => {
  it("embeds the article's passages and answers from it through the chat model and the grounding guard", async () => {
    const cookie = await loginCookie(app.server.url, "admin@demo.local", "demo-admin-pass");
    const keyRes = await fetch(`${app.server.url}/api/admin/api-keys`, { method: "POST", headers: { cookie, origin: app.server.url, "content-type": "application/json" }, body: JSON.stringify({ name: "docs", scopes: ["knowledge:write"] }) });
    const { key } = (await keyRes.json()) as { key: string };
    const res = await fetch(`${app.server.url}/api/v1/knowledge`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ title: "Gift wrapping", content: ARTICLE, url: "https://shop.example/help/gift-wrapping" }) });
    expect(res.status).toBe(201);
    // Embedded when stored (knowledge.changed), not on the first question.
    await waitFor("the passages to be embedded", async () => (await app.db.knowledgePassage.count({ where: { embeddingModel: { not: null } } })) > 0, { timeout: 20_000 });

    const socket = connect(`${app.server.url}/widget`, { transports: ["websocket"], auth: { key: "pk_demo" }, extraHeaders: { origin: "http://127.0.0.1:5555" }, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      await socket.emitWithAck("sync", { afterSeq: 0 });
      const chunks: string[] = [];
      socket.on("bot:delta", (p: { text: string; replace?: boolean }) => void (!p.replace && chunks.push(p.text)));
      const done = new Promise<{ message: { text: string; source: { key: string; question: string; url?: string; kind?: string } | null } }>((resolve) => socket.on("bot:done", resolve));
      await socket.emitWithAck("message:send", { clientMessageId: "kb-gen-question-01", text: "Can you gift wrap my order?" });
      const { message } = await done;
      // The chat model generated (streamed) a reply ...
      expect(chunks.length).toBeGreaterThan(1);
      // ... and what stays is supported by the article, with the article as the source.
      expect(message.source).toMatchObject({ kind: "document", question: "Gift wrapping", url: "https://shop.example/help/gift-wrapping" });
      expect(checkGrounding(message.text, [ARTICLE]).ok).toBe(true);
    } finally {
      socket.close();
    }
  });
});

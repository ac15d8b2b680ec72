// The OpenAPI 3.1 document of /api/v1, written by hand next to the code it describes. A test checks
// that every route file under app/api/v1 has its path and methods here; keep both in step.
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description = "OK") => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(ref("Error"), description);
const nullable = (type: string, extra: Json = {}) => ({ type: [type, "null"], ...extra });

const commonErrors = {
  "401": err("Missing, unknown or revoked API key"),
  "403": err("The key lacks the required scope"),
  "429": err("Too many requests with this key (see Retry-After)"),
};

function op(summary: string, scope: keyof typeof API_SCOPES, responses: Json, extra: Json = {}): Json {
  return { summary, security: [{ apiKey: [] }], "x-required-scope": scope, description: `Requires the \`${scope}\` scope.`, responses: { ...responses, ...commonErrors }, ...extra };
}

const pathParam = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const queryParam = (name: string, description: string, schema: Json) => ({ name, in: "query", required: false, description, schema });

const schemas: Record<string, Json> = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", enum: ["bad_request", "validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "payload_too_large", "rate_limited", "not_ready", "internal"] },
          message: { type: "string", description: "Written for the person reading it." },
          details: { description: "Structured details, e.g. `{ errors: [{ line, code, message }] }` for an FAQ with errors." },
        },
      },
    },
  },
  FaqEntry: {
    type: "object",
    required: ["question", "answer"],
    properties: {
      key: { type: "string", description: "Stable id of the entry; generated from the question when omitted." },
      question: { type: "string" },
      alternatives: { type: "array", items: { type: "string" } },
      answer: { type: "string" },
      category: nullable("string"),
      language: { type: "string", description: "ISO 639-1 code; detected when omitted." },
    },
  },
  FaqVersion: {
    type: "object",
    properties: { id: { type: "string" }, number: { type: "integer" }, source: { type: "string" }, fileName: nullable("string"), entryCount: { type: "integer" }, createdAt: { type: "string", format: "date-time" } },
  },
  KnowledgeDocument: {
    type: "object",
    properties: {
      id: { type: "string" },
      title: { type: "string" },
      url: nullable("string", { description: "Where customers read the article; the bot links to it (or to the document's page on this server when null)." }),
      format: { type: "string", enum: ["markdown", "html", "text", "pdf"] },
      fileName: nullable("string"),
      language: { type: "string" },
      byteSize: { type: "integer" },
      passageCount: { type: "integer", description: "Passages the bot can quote." },
      createdAt: { type: "string", format: "date-time" },
    },
  },
  KnowledgeVersion: {
    type: "object",
    properties: { id: { type: "string" }, number: { type: "integer" }, source: { type: "string", enum: ["upload", "api", "delete", "restore"] }, note: nullable("string"), documentCount: { type: "integer" }, createdAt: { type: "string", format: "date-time" } },
  },
  Webhook: {
    type: "object",
    properties: {
      id: { type: "string" },
      url: { type: "string", description: "The receiver: https:// and a public address (private, loopback and link-local addresses are refused)." },
      description: nullable("string"),
      events: { type: "array", items: { type: "string", enum: Object.keys(WEBHOOK_EVENTS) } },
      enabled: { type: "boolean", description: "false: switched off by an admin, or automatically after repeated failures (see disabledReason)." },
      failureCount: { type: "integer", description: "Failed attempts since the last success." },
      disabledAt: nullable("string", { format: "date-time" }),
      disabledReason: nullable("string"),
      lastSuccessAt: nullable("string", { format: "date-time" }),
      lastFailureAt: nullable("string", { format: "date-time" }),
      createdAt: { type: "string", format: "date-time" },
    },
  },
  WebhookInput: {
    type: "object",
    properties: {
      url: { type: "string", maxLength: 2000 },
      events: { type: "array", minItems: 1, items: { type: "string", enum: Object.keys(WEBHOOK_EVENTS) } },
      description: { type: "string", maxLength: 200 },
    },
  },
  WebhookDelivery: {
    type: "object",
    properties: {
      id: { type: "string", description: "Sent as the X-Faqbot-Delivery header (the same on every retry)." },
      eventId: { type: "string", description: "The body's `id`: the same for every webhook and every re-send of one event." },
      event: { type: "string" },
      status: { type: "string", enum: ["pending", "sending", "delivered", "failed"] },
      attempts: { type: "integer" },
      nextAttemptAt: nullable("string", { format: "date-time" }),
      responseStatus: nullable("integer", { description: "The receiver's HTTP status of the last attempt." }),
      responseBody: nullable("string", { description: "The first kilobyte of the receiver's answer." }),
      error: nullable("string"),
      durationMs: nullable("integer"),
      redeliveryOf: nullable("string"),
      createdAt: { type: "string", format: "date-time" },
      lastAttemptAt: nullable("string", { format: "date-time" }),
      deliveredAt: nullable("string", { format: "date-time" }),
      body: { type: "string", description: "The JSON body exactly as signed and sent: { id, event, tenantId, occurredAt, data }." },
    },
  },
  TrainingRun: {
    type: "object",
    properties: {
      id: { type: "string" },
      status: { type: "string", enum: ["queued", "running", "succeeded", "failed"] },
      phase: nullable("string"),
      progress: { type: "number", minimum: 0, maximum: 1 },
      error: nullable("string"),
      faqVersionId: { type: "string" },
      modelVersionId: nullable("string", { description: "Set once the run succeeded." }),
      createdAt: { type: "string", format: "date-time" },
      startedAt: nullable("string", { format: "date-time" }),
      finishedAt: nullable("string", { format: "date-time" }),
    },
  },
  ModelVersion: {
    type: "object",
    properties: {
      id: { type: "string" },
      number: { type: "integer" },
      kind: { type: "string", enum: ["ngram", "embedding"] },
      status: { type: "string", enum: ["ready", "published", "retired"] },
      active: { type: "boolean", description: "Whether customers are answered by this version now." },
      faqVersionId: { type: "string" },
      faqVersionNumber: { type: "integer" },
      sizeBytes: { type: "integer" },
      createdAt: { type: "string", format: "date-time" },
      publishedAt: nullable("string", { format: "date-time" }),
      evaluation: {
        type: "object",
        description: "Cross-validated evaluation of the trained model (shares are 0..1).",
        properties: Object.fromEntries(
          ["inScopeAccuracy", "top3Accuracy", "answeredShare", "answeredWrongRate", "suggestedShare", "unrelatedAnsweredRate", "calibrationError"].map((k) => [k, nullable("number")]),
        ),
      },
    },
  },
  PublishedModel: {
    type: "object",
    properties: { model: { type: "object", properties: { id: { type: "string" }, number: { type: "integer" }, status: { type: "string" }, publishedAt: nullable("string", { format: "date-time" }) } } },
  },
  Conversation: {
    type: "object",
    properties: {
      id: { type: "string" },
      visitorId: { type: "string" },
      status: { type: "string", enum: ["open", "queued", "assigned", "resolved", "closed"] },
      owner: { type: "string", enum: ["bot", "agent"] },
      language: nullable("string"),
      messageCount: { type: "integer" },
      createdAt: { type: "string", format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
      resolvedAt: nullable("string", { format: "date-time" }),
    },
  },
  Message: {
    type: "object",
    properties: {
      id: { type: "string" },
      seq: { type: "integer" },
      role: { type: "string", enum: ["customer", "bot", "agent", "system", "note"] },
      text: { type: "string" },
      authorId: nullable("string"),
      faqEntryId: nullable("string"),
      confidence: nullable("number"),
      feedback: nullable("integer", { description: "+1 thumbs up, -1 thumbs down" }),
      createdAt: { type: "string", format: "date-time" },
    },
  },
  AnalyticsSummary: {
    type: "object",
    properties: {
      range: { type: "object", properties: { from: { type: "string", format: "date-time" }, to: { type: "string", format: "date-time" } } },
      conversations: { type: "object", properties: { total: { type: "integer" }, perDay: { type: "array", items: { type: "object", properties: { date: { type: "string", format: "date" }, count: { type: "integer" } } } } } },
      botResolved: { type: "object", description: "Conversations with at least one bot answer and no hand-off.", properties: { count: { type: "integer" }, total: { type: "integer" }, share: nullable("number") } },
      handoffs: { type: "object", properties: { total: { type: "integer" }, byReason: { type: "array", items: { type: "object", properties: { reason: { type: "string" }, count: { type: "integer" } } } } } },
      waitSeconds: { type: "object", description: "Median queued → claimed.", properties: { median: nullable("number"), count: { type: "integer" } } },
      firstResponseSeconds: { type: "object", description: "Median claimed → first agent message.", properties: { median: nullable("number"), count: { type: "integer" } } },
      csat: { type: "object", properties: { count: { type: "integer" }, mean: nullable("number"), distribution: { type: "array", items: { type: "object", properties: { score: { type: "integer" }, count: { type: "integer" } } } } } },
      feedback: { type: "object", properties: { up: { type: "integer" }, down: { type: "integer" } } },
      sla: {
        type: "object",
        description: "First-response SLA of hand-offs whose team has a target: breached when the first agent message came after the due time, or had not come while the customer waited.",
        properties: { withTarget: { type: "integer" }, met: { type: "integer" }, breached: { type: "integer" } },
      },
      teams: {
        type: "array",
        description: "Per team: hand-offs queued in the range, median wait (s), SLA breaches, CSAT.",
        items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, handoffs: { type: "integer" }, waitMedian: nullable("number"), slaBreached: { type: "integer" }, csatMean: nullable("number") } },
      },
      agents: {
        type: "array",
        description: "Per agent: hand-offs they took, median first response and resolution (s, from the claim), CSAT.",
        items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, handled: { type: "integer" }, firstResponseMedian: nullable("number"), resolutionMedian: nullable("number"), csatMean: nullable("number") } },
      },
      unanswered: {
        type: "array",
        description: "Questions the bot could not answer, grouped by similarity, most frequent first.",
        items: { type: "object", properties: { representative: { type: "string" }, count: { type: "integer" }, examples: { type: "array", items: { type: "string" } }, language: nullable("string") } },
      },
    },
  },
};

const dateQuery = (name: string, d: string) => queryParam(name, d, { type: "string", format: "date-time" });

const paths: Record<string, Json> = {
  "/faq": {
    get: op("The entries of the latest FAQ version (or of ?version=N)", "faq:read", {
      "200": json({ type: "object", properties: { version: ref("FaqVersion"), entries: { type: "array", items: ref("FaqEntry") } } }),
      "404": err("No FAQ yet, or no such version"),
    }, { parameters: [queryParam("version", "Version number", { type: "integer", minimum: 1 })] }),
    post: op("Upload a new FAQ version", "faq:write", {
      "201": json({ type: "object", properties: { version: ref("FaqVersion"), warnings: { type: "array", items: { type: "object" } } } }, "Stored as a new version"),
      "400": err("Neither a multipart file nor a JSON body"),
      "413": err("File too large"),
      "422": err("The FAQ has errors (each with its line in `error.details.errors`); nothing was saved"),
    }, {
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", contentMediaType: "application/octet-stream", description: "CSV, JSON or Markdown FAQ file" } } } },
          "application/json": { schema: { type: "object", required: ["entries"], properties: { entries: { type: "array", items: ref("FaqEntry") }, language: { type: "string" } } } },
        },
      },
    }),
  },
  "/faq/versions": {
    get: op("All FAQ versions, newest first", "faq:read", { "200": json({ type: "object", properties: { versions: { type: "array", items: ref("FaqVersion") } } }) }),
  },
  "/knowledge": {
    get: op("The knowledge documents the bot answers from (the latest version)", "knowledge:read", {
      "200": json({ type: "object", properties: { version: nullable("object"), documents: { type: "array", items: ref("KnowledgeDocument") } } }),
    }, { parameters: [queryParam("q", "Only documents whose title, file name or text contains this", { type: "string" })] }),
    post: op("Add a document (a new knowledge version); the bot answers from it on the next question", "knowledge:write", {
      "201": json({ type: "object", properties: { version: ref("KnowledgeVersion"), documents: { type: "array", items: ref("KnowledgeDocument") } } }, "Stored and indexed"),
      "400": err("Not a JSON body"),
      "413": err("Body too large"),
      "422": err("Missing title, empty or binary content, or a bad URL; nothing was saved"),
    }, {
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["title", "content"],
              properties: {
                title: { type: "string", maxLength: 200 },
                content: { type: "string", description: "The article: Markdown (or plain text) or HTML, up to MAX_UPLOAD_BYTES." },
                url: { type: "string", format: "uri", description: "Where the article lives on your site (optional)." },
              },
            },
          },
        },
      },
    }),
  },
  "/knowledge/{id}": {
    get: op("One document with its text", "knowledge:read", { "200": json({ type: "object", properties: { document: ref("KnowledgeDocument") } }), "404": err("No such document in the latest version") }, { parameters: [pathParam("id", "Document id")] }),
    delete: op("Delete a document (a new knowledge version without it)", "knowledge:write", { "200": json({ type: "object", properties: { version: ref("KnowledgeVersion") } }), "404": err("No such document in the latest version") }, { parameters: [pathParam("id", "Document id")] }),
  },
  "/training": {
    post: op("Start training a model from an FAQ version (default: the latest)", "models:write", {
      "202": json({ type: "object", properties: { run: ref("TrainingRun") } }, "Training started"),
      "404": err("No FAQ to train on"),
      "409": err("A training run is already in progress"),
    }, { requestBody: { required: false, content: { "application/json": { schema: { type: "object", properties: { faqVersionId: { type: "string" } } } } } } }),
  },
  "/training/{runId}": {
    get: op("Status, progress, error and resulting model version of a training run", "models:read", {
      "200": json({ type: "object", properties: { run: ref("TrainingRun") } }),
      "404": err("No such run in this workspace"),
    }, { parameters: [pathParam("runId", "Training run id")] }),
  },
  "/models": {
    get: op("Model versions with their evaluation summary, newest first", "models:read", { "200": json({ type: "object", properties: { models: { type: "array", items: ref("ModelVersion") } } }) }),
  },
  "/models/{id}/publish": {
    post: op("Publish a model version (customers get it on their next message)", "models:write", {
      "200": json(ref("PublishedModel")),
      "404": err("No such model version in this workspace"),
    }, { parameters: [pathParam("id", "Model version id")] }),
  },
  "/models/rollback": {
    post: op("Publish the previously published version again, or the version named in the body", "models:write", {
      "200": json(ref("PublishedModel")),
      "404": err("No such model version in this workspace"),
      "409": err("No earlier published version"),
    }, { requestBody: { required: false, content: { "application/json": { schema: { type: "object", properties: { modelVersionId: { type: "string" } } } } } } }),
  },
  "/conversations": {
    get: op("Conversations, newest first, paged", "conversations:read", {
      "200": json({ type: "object", properties: { page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" }, conversations: { type: "array", items: ref("Conversation") } } }),
      "422": err("Invalid filter"),
    }, {
      parameters: [
        queryParam("status", "Only conversations in this status", { type: "string", enum: ["open", "queued", "assigned", "resolved", "closed"] }),
        dateQuery("from", "Created at or after"),
        dateQuery("to", "Created before"),
        queryParam("page", "1-based page", { type: "integer", minimum: 1, default: 1 }),
        queryParam("pageSize", "Conversations per page", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
      ],
    }),
  },
  "/conversations/{id}/messages": {
    get: op("Export one conversation's messages (internal notes only on request)", "conversations:read", {
      "200": json({ type: "object", properties: { conversation: ref("Conversation"), messages: { type: "array", items: ref("Message") } } }),
      "404": err("No such conversation in this workspace"),
    }, {
      parameters: [
        pathParam("id", "Conversation id"),
        queryParam("includeNotes", "Include agents' internal notes (needs the `conversations:notes` scope too)", { type: "string", enum: ["true", "false"], default: "false" }),
      ],
    }),
  },
  "/analytics/summary": {
    get: op("Analytics figures for a date range (default: the last 30 days)", "analytics:read", {
      "200": json(ref("AnalyticsSummary")),
      "422": err("Invalid range"),
    }, { parameters: [dateQuery("from", "Start (inclusive)"), dateQuery("to", "End (exclusive)")] }),
  },
  "/webhooks": {
    get: op("The workspace's webhooks", "webhooks:read", { "200": json({ type: "object", properties: { webhooks: { type: "array", items: ref("Webhook") } } }) }),
    post: op("Register a webhook; the response holds its signing secret, shown this once", "webhooks:write", {
      "201": json({ type: "object", properties: { webhook: ref("Webhook"), secret: { type: "string", description: "Key of the X-Faqbot-Signature HMAC (sha256=<hex>). Not shown again." } } }, "Created"),
      "409": err("Too many webhooks"),
      "422": err("Invalid URL (not https, a private address, unknown host) or events"),
    }, { requestBody: { required: true, content: { "application/json": { schema: { ...ref("WebhookInput"), required: ["url", "events"] } } } } }),
  },
  "/webhooks/{id}": {
    get: op("One webhook", "webhooks:read", { "200": json({ type: "object", properties: { webhook: ref("Webhook") } }), "404": err("No such webhook") }, { parameters: [pathParam("id", "Webhook id")] }),
    patch: op("Change a webhook's URL, events or description, or switch it off or on (on clears its failure count)", "webhooks:write", {
      "200": json({ type: "object", properties: { webhook: ref("Webhook") } }),
      "404": err("No such webhook"),
      "422": err("Invalid fields"),
    }, { parameters: [pathParam("id", "Webhook id")], requestBody: { required: true, content: { "application/json": { schema: { ...ref("WebhookInput"), properties: { enabled: { type: "boolean" } } } } } } }),
    delete: op("Delete a webhook and its delivery log", "webhooks:write", { "200": json({ type: "object", properties: { ok: { type: "boolean" } } }), "404": err("No such webhook") }, { parameters: [pathParam("id", "Webhook id")] }),
  },
  "/webhooks/{id}/deliveries": {
    get: op("The webhook's delivery log, newest first", "webhooks:read", { "200": json({ type: "object", properties: { deliveries: { type: "array", items: ref("WebhookDelivery") }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" } } }), "404": err("No such webhook") }, {
      parameters: [pathParam("id", "Webhook id"), queryParam("status", "Only deliveries in this state", { type: "string", enum: ["pending", "sending", "delivered", "failed"] }), queryParam("page", "1-based page", { type: "integer", default: 1 }), queryParam("pageSize", "Rows per page (at most 200)", { type: "integer", default: 50 })],
    }),
  },
  "/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
    post: op("Send a delivery again (a new delivery with the same body and event id)", "webhooks:write", { "201": json({ type: "object", properties: { delivery: ref("WebhookDelivery") } }, "Queued"), "404": err("No such webhook or delivery"), "409": err("The webhook is switched off") }, {
      parameters: [pathParam("id", "Webhook id"), pathParam("deliveryId", "Delivery id")],
    }),
  },
  "/openapi.json": {
    get: { summary: "This document", security: [], responses: { "200": { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } } },
  },
};

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "FAQ Bot API",
      version: "1.0.0",
      description: `Manage a workspace's FAQ, models, conversations, analytics and webhooks. Authenticate with an API key created in the admin console: \`Authorization: Bearer fbk_…\`. Scopes: ${Object.entries(API_SCOPES).map(([s, d]) => `\`${s}\` (${d})`).join(", ")}.`,
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "fbk_<prefix>_<secret>" } },
      schemas,
    },
    paths,
  };
}

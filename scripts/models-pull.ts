// `npm run models:pull [-- --model org/name ...] [--role chat|embedding] [--dtype q8]`
// Downloads the models the server would use (CHAT_MODEL and EMBEDDING_MODEL, or the built-in
// defaults when they are unset, or the --model ids) from the Hugging Face hub (HF_ENDPOINT) into
// MODELS_DIR, checked file by file, in the layout the server reads. Run it on a connected
// machine, copy MODELS_DIR to the air-gapped server, and start it with ALLOW_REMOTE_MODELS=false.
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { modelSetting } from "@/lib/models/defaults";
import { downloadModel, DEFAULT_REMOTE_HOST } from "@/lib/models/hub-download";
import { resolveModel, type DataType } from "@/lib/models/model-source";
import type { ModelRole } from "@/lib/models/model-status";

const { values } = parseArgs({
  options: {
    model: { type: "string", multiple: true },
    role: { type: "string" },
    dtype: { type: "string" },
  },
});
const e = env();
const dtype = (values.dtype ?? e.MODEL_DTYPE) as DataType | "auto";
const wanted: Array<{ role: ModelRole; id: string }> = values.model?.length
  ? values.model.map((id) => ({ role: (values.role === "embedding" ? "embedding" : "chat") as ModelRole, id }))
  : [
      { role: "chat" as const, id: modelSetting("chat", e.CHAT_MODEL).id },
      { role: "embedding" as const, id: modelSetting("embedding", e.EMBEDDING_MODEL).id },
    ].filter((m) => m.id !== "");

if (wanted.length === 0) {
  console.error("Nothing to pull: CHAT_MODEL and EMBEDDING_MODEL are both turned off (none). Pass --model org/name to pull a model anyway.");
  process.exit(1);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
let failed = false;

for (const { role, id } of wanted) {
  const r = resolveModel(role, id, { modelsDir: e.modelsDir, allowRemoteModels: true, dtype });
  if (r.ok && r.model.source === "local") {
    console.log(`${role}: ${id} is a local folder, nothing to download.`);
    continue;
  }
  if (r.ok && r.model.source === "cache") {
    console.log(`${role}: ${id} is already in ${e.modelsDir}.`);
    continue;
  }
  if (!r.ok) {
    console.error(`${role}: ${r.error}`);
    failed = true;
    continue;
  }
  const started = Date.now();
  console.log(`${role}: downloading ${id} (${dtype}) from ${e.HF_ENDPOINT || DEFAULT_REMOTE_HOST} into ${e.modelsDir} …`);
  let lastLine = 0;
  try {
    const result = await downloadModel({
      id,
      role,
      modelsDir: e.modelsDir,
      dtype,
      remoteHost: e.HF_ENDPOINT || undefined,
      onProgress: (p) => {
        if (!p.file || Date.now() - lastLine < 2000) return;
        lastLine = Date.now();
        console.log(`  ${p.file ?? ""} ${mb(p.receivedBytes)}${p.totalBytes ? ` of ${mb(p.totalBytes)}` : ""}${p.retries ? ` (${p.retries} retried: ${p.lastProblem})` : ""}`);
      },
    });
    console.log(`  done: ${result.files.length} files, ${mb(result.bytes)}, checked, in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (err) {
    console.error(`  failed: ${err instanceof Error ? err.message : String(err)}`);
    failed = true;
  }
}

if (!failed) {
  console.log(`\nCopy ${e.modelsDir} to the server (same MODELS_DIR), keep CHAT_MODEL/EMBEDDING_MODEL as they are, and set ALLOW_REMOTE_MODELS=false.`);
}
process.exit(failed ? 1 : 0);

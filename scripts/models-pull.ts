// `npm run models:pull [-- --model org/name ...] [--dtype q8]`
// Downloads the configured models (CHAT_MODEL, EMBEDDING_MODEL, or the --model ids) from the
// Hugging Face hub into MODELS_DIR, in the layout the server reads. Run it on a connected
// machine, copy MODELS_DIR to the air-gapped server, and start it with ALLOW_REMOTE_MODELS=false.
import { parseArgs } from "node:util";
import { AutoModel, AutoModelForCausalLM, AutoTokenizer } from "@huggingface/transformers";
import { env } from "@/lib/env";
import { configureTransformers } from "@/lib/models/engine/transformers-setup";
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
      { role: "chat" as const, id: e.CHAT_MODEL },
      { role: "embedding" as const, id: e.EMBEDDING_MODEL },
    ].filter((m) => m.id.trim() !== "");

if (wanted.length === 0) {
  console.error("Nothing to pull: set CHAT_MODEL and/or EMBEDDING_MODEL (hub ids such as onnx-community/Qwen2.5-0.5B-Instruct), or pass --model.");
  process.exit(1);
}

configureTransformers({ modelsDir: e.modelsDir, allowRemoteModels: true, threads: 1 });
let failed = false;

for (const { role, id } of wanted) {
  const r = resolveModel(role, id, { modelsDir: e.modelsDir, allowRemoteModels: true, dtype });
  if (r.ok && r.model.source === "local") {
    console.log(`${role}: ${id} is a local folder, nothing to download.`);
    continue;
  }
  if (!r.ok) {
    console.error(`${role}: ${r.error}`);
    failed = true;
    continue;
  }
  const started = Date.now();
  process.stdout.write(`${role}: downloading ${id} (${dtype}) into ${e.modelsDir} … `);
  try {
    const opts = { dtype: dtype === "auto" ? undefined : dtype } as Record<string, unknown>;
    await AutoTokenizer.from_pretrained(id);
    const model = await (role === "chat" ? AutoModelForCausalLM : AutoModel).from_pretrained(id, opts);
    await model.dispose();
    console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    console.log("failed");
    console.error(
      /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(msg)
        ? `  Could not reach the Hugging Face hub (${msg}). This command needs internet access; run it on a connected machine and copy ${e.modelsDir}.`
        : `  ${msg}`,
    );
    failed = true;
  }
}

if (!failed) {
  console.log(`\nCopy ${e.modelsDir} to the server (same MODELS_DIR), keep CHAT_MODEL/EMBEDDING_MODEL as they are, and set ALLOW_REMOTE_MODELS=false.`);
}
process.exit(failed ? 1 : 0);

// `npm run models:make-test -- --out <dir>`: writes tiny-chat and tiny-embed under <dir>
// (default: ./data/test-models). Point CHAT_MODEL / EMBEDDING_MODEL at the printed folders to
// run the whole bot offline with no real model.
import { parseArgs } from "node:util";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { makeTestModels } from "@/lib/models/testing/make-test-models";

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath ?? dir, entry.name))).size;
  }
  return total;
}

const { values } = parseArgs({ options: { out: { type: "string", default: "data/test-models" } } });
const paths = await makeTestModels(values.out!);
for (const [name, dir] of Object.entries(paths)) {
  console.log(`${name.padEnd(5)} ${dir}  (${Math.round((await folderBytes(dir)) / 1024)} KB)`);
}
console.log(`\nCHAT_MODEL=${paths.chat} EMBEDDING_MODEL=${paths.embed}`);

// Worker-thread entry for chat generation. Plain JS so Node can start it without a TypeScript
// loader; it registers tsx, then runs the TypeScript worker body.
import { register } from "tsx/esm/api";

register();
await import("./chat-worker-main.ts");

// Loads every domain that registers socket handlers or start/stop hooks. Imported once by server.ts.
import "@/lib/conversations/agent-socket";
import "@/lib/chat/widget-socket";

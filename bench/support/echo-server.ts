// The ceiling for bench:chat: a bare Socket.IO server on the same machine that acknowledges each
// message and sends one reply event back, with no database, model or validation.
import http from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 0);
const server = http.createServer();
const io = new Server(server, { cors: { origin: true } });
let seq = 0;
io.of("/widget").on("connection", (socket) => {
  socket.on("sync", (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, conversationId: null, messages: [] }));
  socket.on("message:send", (p: { clientMessageId: string; text: string }, ack: (r: unknown) => void) => {
    const id = `m${++seq}`;
    ack({ ok: true, message: { id, clientMessageId: p.clientMessageId, text: p.text }, duplicate: false });
    socket.emit("bot:done", { replyTo: id, replyToClientId: p.clientMessageId, message: { id: `r${seq}`, text: p.text } });
  });
});
server.listen(port, "127.0.0.1", () => {
  const addr = server.address();
  process.stdout.write(`listening ${typeof addr === "object" && addr ? addr.port : port}\n`);
});

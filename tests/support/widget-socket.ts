// A customer's widget socket for tests that talk to a running server directly: connected with a
// widget key from an allowed origin, and synced, ready for "message:send".
import { io as connect, type Socket } from "socket.io-client";

export async function openWidgetSocket(url: string, key = "pk_demo", origin = "http://127.0.0.1:5555"): Promise<Socket> {
  const socket = connect(`${url}/widget`, { transports: ["websocket"], auth: { key }, extraHeaders: { origin }, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  await socket.emitWithAck("sync", { afterSeq: 0 });
  return socket;
}

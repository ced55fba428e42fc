// A Probot app that does nothing, served as its own process on PORT: the baseline of the webhook
// benchmark's acknowledgement path (Probot's own cost: read, verify, log, answer).
import { Probot, Server } from "probot";
import { testPrivateKey, WEBHOOK_SECRET } from "../test/helpers/test-app.js";

const server = new Server({
  Probot: Probot.defaults({ appId: 1, privateKey: testPrivateKey(), secret: WEBHOOK_SECRET }),
  host: "127.0.0.1",
  port: Number(process.env.PORT),
  enableStaticFiles: false,
});
await server.load(() => undefined);
await server.start();

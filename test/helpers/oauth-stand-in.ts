// A GitHub OAuth and REST stand-in on loopback for the browser test: the authorize page (which signs the
// user in at once and redirects back with a code), the code exchange, and the user endpoints the
// dashboard asks under /api/v3. Point the app at it with GHE_HOST=127.0.0.1:<port> and GHE_PROTOCOL=http.

import { randomBytes } from "node:crypto";
import { GitHubStandIn, json } from "./github-stand-in.js";

export interface OAuthStandInUser {
  login: string;
  id: number;
  installations: Array<{ id: number; account: { login: string; type: string }; repositories: Array<{ id: number; full_name: string }> }>;
}

export class OAuthStandIn {
  readonly stand = new GitHubStandIn();
  private readonly codes = new Map<string, string>();
  private readonly tokens = new Set<string>();
  host = "";

  constructor(
    private readonly user: OAuthStandInUser,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {
    this.stand.route((req, res) => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      if (req.method !== "GET" || url.pathname !== "/login/oauth/authorize") return false;
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      if (url.searchParams.get("client_id") !== this.clientId || !/^http:\/\/127\.0\.0\.1:\d+\/dashboard\/auth\/callback$/.test(redirectUri)) {
        return json(res, 400, { message: "bad client_id or redirect_uri" });
      }
      const code = randomBytes(10).toString("hex");
      this.codes.set(code, redirectUri);
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() }).end();
      return true;
    });
    this.stand.route((req, res, body) => {
      if (req.method !== "POST" || req.url !== "/login/oauth/access_token") return false;
      const { client_id, client_secret, code, redirect_uri } = (body ?? {}) as Record<string, string>;
      if (client_id !== this.clientId || client_secret !== this.clientSecret || !code || this.codes.get(code) !== redirect_uri) {
        return json(res, 200, { error: "bad_verification_code" });
      }
      this.codes.delete(code);
      const token = `ghu_${randomBytes(16).toString("hex")}`;
      this.tokens.add(token);
      return json(res, 200, { access_token: token, token_type: "bearer", expires_in: 28_800 });
    });
    this.stand.route((req, res) => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      if (!url.pathname.startsWith("/api/v3/")) return false;
      const token = req.headers.authorization?.replace(/^token\s+/i, "") ?? "";
      if (!this.tokens.has(token)) return json(res, 401, { message: "Bad credentials" });
      const path = url.pathname.slice("/api/v3".length);
      if (path === "/user") return json(res, 200, { login: this.user.login, id: this.user.id });
      if (path === "/user/installations") {
        return json(res, 200, { total_count: this.user.installations.length, installations: this.user.installations.map(({ id, account }) => ({ id, account, target_type: account.type })) });
      }
      const match = path.match(/^\/user\/installations\/(\d+)\/repositories$/);
      const installation = this.user.installations.find((candidate) => candidate.id === Number(match?.[1]));
      if (installation) return json(res, 200, { total_count: installation.repositories.length, repositories: installation.repositories });
      return json(res, 404, { message: "Not Found" });
    });
  }

  async start(): Promise<string> {
    this.host = await this.stand.start();
    return this.host;
  }

  stop(): Promise<void> {
    return this.stand.stop();
  }
}

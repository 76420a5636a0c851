import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseDeployConfig } from "./config.js";

const KEY = Buffer.alloc(32, 7).toString("base64");
const base = { DISCORD_TOKEN: "t0k3n", ENCRYPTION_KEY: KEY };

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("parseConfig accepted the environment");
}

describe("parseConfig", () => {
  it("applies the README's Configuration defaults to every unset variable", () => {
    const c = parseConfig(base);
    expect(c.storeUrl).toBe("sqlite://data/roguard.sqlite");
    expect(c.pollIntervalSeconds).toBe(60);
    expect(c.logLevel).toBe("info");
    expect(c.tzDefault).toBe("UTC");
    expect(c.shards).toBe(1);
    expect(c.maxAccountsPerGuild).toBe(10);
    expect(c.httpPort).toBeUndefined();
    expect(c.encryptionKey.length).toBe(32);
    expect(c.encryptionKeysPrevious).toEqual([]);
  });

  it("reads every variable", () => {
    const prev = Buffer.alloc(32, 1).toString("base64");
    const c = parseConfig({
      ...base,
      DISCORD_CLIENT_ID: "123",
      DISCORD_GUILD_ID: "456",
      DISCORD_API_URL: "http://127.0.0.1:5000/api",
      ROBLOX_API_ORIGIN: "http://127.0.0.1:4100/",
      ENCRYPTION_KEYS_PREVIOUS: `${prev}, ${prev}`,
      STORE_URL: "redis://127.0.0.1:6379",
      POLL_INTERVAL_SECONDS: "7",
      LOG_LEVEL: "debug",
      HTTP_PORT: "9100",
      TZ_DEFAULT: "Europe/Paris",
      SHARDS: "auto",
      MAX_ACCOUNTS_PER_GUILD: "3",
    });
    expect(c).toMatchObject({
      discordClientId: "123",
      discordGuildId: "456",
      robloxApiOrigin: "http://127.0.0.1:4100",
      storeUrl: "redis://127.0.0.1:6379",
      pollIntervalSeconds: 7,
      logLevel: "debug",
      httpPort: 9100,
      tzDefault: "Europe/Paris",
      shards: "auto",
      maxAccountsPerGuild: 3,
    });
    expect(c.encryptionKeysPrevious).toHaveLength(2);
  });

  it.each([
    [{ ENCRYPTION_KEY: KEY }, "DISCORD_TOKEN", /DISCORD_TOKEN is missing: .*Developer Portal/],
    [{ DISCORD_TOKEN: "x" }, "ENCRYPTION_KEY", /ENCRYPTION_KEY is missing: run `npm run keygen`/],
    [{ ...base, ENCRYPTION_KEY: "c2hvcnQ=" }, "ENCRYPTION_KEY", /32 random bytes/],
    [{ ...base, ENCRYPTION_KEYS_PREVIOUS: "nope" }, "ENCRYPTION_KEYS_PREVIOUS", /32 random bytes/],
    [{ ...base, POLL_INTERVAL_SECONDS: "0" }, "POLL_INTERVAL_SECONDS", /at least 1/],
    [{ ...base, POLL_INTERVAL_SECONDS: "soon" }, "POLL_INTERVAL_SECONDS", /whole number/],
    [{ ...base, LOG_LEVEL: "loud" }, "LOG_LEVEL", /LOG_LEVEL/],
    [{ ...base, HTTP_PORT: "99999" }, "HTTP_PORT", /HTTP_PORT/],
    [{ ...base, TZ_DEFAULT: "Mars/Base" }, "TZ_DEFAULT", /IANA/],
    [{ ...base, SHARDS: "0" }, "SHARDS", /SHARDS/],
    [{ ...base, MAX_ACCOUNTS_PER_GUILD: "0" }, "MAX_ACCOUNTS_PER_GUILD", /at least 1/],
    [{ ...base, DISCORD_API_URL: "not a url" }, "DISCORD_API_URL", /URL/],
    [{ ...base, ROBLOX_API_ORIGIN: "::" }, "ROBLOX_API_ORIGIN", /URL/],
    [{ ...base, DISCORD_GUILD_ID: "abc" }, "DISCORD_GUILD_ID", /numeric id/],
  ])("%j → names %s", (env, variable, message) => {
    const e = errorOf(env as Record<string, string>);
    expect(e.variable).toBe(variable);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain("\n");
  });

  it("deploy config needs only the token and client id", () => {
    expect(parseDeployConfig({ DISCORD_TOKEN: "t", DISCORD_CLIENT_ID: "1" }).discordClientId).toBe("1");
    expect(() => parseDeployConfig({ DISCORD_TOKEN: "t" })).toThrow(/DISCORD_CLIENT_ID is missing/);
  });
});

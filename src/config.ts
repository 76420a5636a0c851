import { existsSync } from "node:fs";
import { z } from "zod";

/** The one place process.env is read (README, Configuration). */

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** A whole number of at least 1, `fallback` when unset. */
const countOf = (fallback: number) =>
  optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, "must be a whole number")
      .transform(Number)
      .pipe(z.number().int().min(1, "must be at least 1"))
      .optional()
      .transform((v) => v ?? fallback),
  );

const key32 = z.string().transform((v, ctx) => {
  const buf = Buffer.from(v.trim(), "base64");
  if (buf.length !== 32 || !/^[A-Za-z0-9+/=_-]+$/.test(v.trim())) {
    ctx.addIssue({ code: "custom", message: "must be base64 of 32 random bytes" });
    return z.NEVER;
  }
  return buf;
});

const HINTS: Record<string, string> = {
  DISCORD_TOKEN: "copy the bot token from the Discord Developer Portal → your application → Bot",
  DISCORD_CLIENT_ID: "copy the Application ID from the Discord Developer Portal → General Information",
  ENCRYPTION_KEY: "run `npm run keygen` and put the printed value in .env",
  ENCRYPTION_KEYS_PREVIOUS: "comma-separated base64 keys, each of 32 bytes (older ENCRYPTION_KEY values)",
  POLL_INTERVAL_SECONDS: "a whole number of seconds, at least 1 (default 60)",
  HTTP_PORT: "a TCP port between 1 and 65535, or leave it unset",
  SHARDS: "a whole number of shards, at least 1, or `auto`",
  MAX_ACCOUNTS_PER_GUILD: "a whole number of accounts, at least 1 (default 10)",
  TZ_DEFAULT: "an IANA time zone such as Europe/Paris (default UTC)",
  LOG_LEVEL: "one of fatal, error, warn, info, debug, trace, silent",
  STORE_URL: "sqlite://path/to/file.sqlite, redis://host:port or postgres://…",
  DISCORD_API_URL: "a full URL such as http://127.0.0.1:5000/api",
  ROBLOX_API_ORIGIN: "a full origin such as http://127.0.0.1:4100",
};

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const url = optionalString.refine((v) => v === undefined || URL.canParse(v), "must be a URL");

const schema = z.object({
  DISCORD_TOKEN: z.string({ error: "is required" }).trim().min(1, "is required"),
  DISCORD_CLIENT_ID: optionalString.refine(
    (v) => v === undefined || /^\d{1,20}$/.test(v),
    "must be a numeric id",
  ),
  DISCORD_GUILD_ID: optionalString.refine(
    (v) => v === undefined || /^\d{1,20}$/.test(v),
    "must be a numeric id",
  ),
  DISCORD_API_URL: url,
  ROBLOX_API_ORIGIN: url.transform((v) => v?.replace(/\/+$/, "")),
  ENCRYPTION_KEY: z.string({ error: "is required" }).trim().min(1, "is required").pipe(key32),
  ENCRYPTION_KEYS_PREVIOUS: optionalString.transform((v, ctx) => {
    if (v === undefined) return [] as Buffer[];
    const out: Buffer[] = [];
    for (const part of v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const parsed = key32.safeParse(part);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: "each key must be base64 of 32 random bytes" });
        return z.NEVER;
      }
      out.push(parsed.data);
    }
    return out;
  }),
  STORE_URL: optionalString.transform((v) => v ?? "sqlite://data/roguard.sqlite"),
  POLL_INTERVAL_SECONDS: countOf(60),
  LOG_LEVEL: optionalString.pipe(
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .optional()
      .transform((v) => v ?? "info"),
  ),
  HTTP_PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, "must be a port number")
      .transform(Number)
      .pipe(z.number().int().min(0).max(65535))
      .optional(),
  ),
  TZ_DEFAULT: optionalString.transform((v) => v ?? "UTC").refine(isTimeZone, "must be an IANA time zone"),
  MAX_ACCOUNTS_PER_GUILD: countOf(10),
  SHARDS: optionalString.pipe(
    z
      .union([
        z.literal("auto"),
        z.string().regex(/^\d+$/, "must be a number or auto").transform(Number).pipe(z.number().int().min(1)),
      ])
      .optional()
      .transform((v) => v ?? 1),
  ),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  discordToken: string;
  discordClientId: string | undefined;
  discordGuildId: string | undefined;
  discordApiUrl: string | undefined;
  robloxApiOrigin: string | undefined;
  encryptionKey: Buffer;
  encryptionKeysPrevious: Buffer[];
  storeUrl: string;
  pollIntervalSeconds: number;
  logLevel: string;
  httpPort: number | undefined;
  tzDefault: string;
  shards: number | "auto";
  /** Linked Roblox accounts one guild may hold (MAX_ACCOUNTS_PER_GUILD). */
  maxAccountsPerGuild: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

function fail(issue: z.core.$ZodIssue, env: Env): never {
  const variable = String(issue.path[0] ?? "environment");
  const missing = env[variable] === undefined || env[variable]?.trim() === "";
  const what = missing && issue.message === "is required" ? "is missing" : issue.message;
  const hint = HINTS[variable];
  throw new ConfigError(variable, `${variable} ${what}${hint ? `: ${hint}` : ""}.`);
}

/** Parses the variables of README's Configuration table. Throws ConfigError with a one-line message. */
export function parseConfig(env: Env): Config {
  // In a shard process spawned by discord.js's ShardingManager, SHARDS holds that shard's id.
  const r = schema.safeParse(env.SHARDING_MANAGER ? { ...env, SHARDS: undefined } : env);
  if (!r.success) fail(r.error.issues[0]!, env);
  const e = r.data;
  return {
    discordToken: e.DISCORD_TOKEN,
    discordClientId: e.DISCORD_CLIENT_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiUrl: e.DISCORD_API_URL,
    robloxApiOrigin: e.ROBLOX_API_ORIGIN,
    encryptionKey: e.ENCRYPTION_KEY,
    encryptionKeysPrevious: e.ENCRYPTION_KEYS_PREVIOUS,
    storeUrl: e.STORE_URL,
    pollIntervalSeconds: e.POLL_INTERVAL_SECONDS,
    logLevel: e.LOG_LEVEL,
    httpPort: e.HTTP_PORT,
    tzDefault: e.TZ_DEFAULT,
    shards: e.SHARDS,
    maxAccountsPerGuild: e.MAX_ACCOUNTS_PER_GUILD,
  };
}

/** Subset for `npm run deploy-commands`: no key, no store. */
export interface DeployConfig {
  discordToken: string;
  discordClientId: string;
  discordGuildId: string | undefined;
  discordApiUrl: string | undefined;
}

export function parseDeployConfig(env: Env): DeployConfig {
  const r = schema
    .pick({ DISCORD_TOKEN: true, DISCORD_CLIENT_ID: true, DISCORD_GUILD_ID: true, DISCORD_API_URL: true })
    .safeParse(env);
  if (!r.success) fail(r.error.issues[0]!, env);
  if (!r.data.DISCORD_CLIENT_ID) fail({ path: ["DISCORD_CLIENT_ID"], message: "is required" } as never, env);
  return {
    discordToken: r.data.DISCORD_TOKEN,
    discordClientId: r.data.DISCORD_CLIENT_ID,
    discordGuildId: r.data.DISCORD_GUILD_ID,
    discordApiUrl: r.data.DISCORD_API_URL,
  };
}

/** Loads `.env` (if present) into process.env without overriding what is set. */
export function readEnv(envFile = ".env"): Env {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return process.env;
}

/** For entry points: parse or print one line and exit 2. */
export function loadOrExit<T>(parse: (env: Env) => T): T {
  try {
    return parse(readEnv());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`roguard: ${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`roguard: could not read the configuration (${(err as Error).message})\n`);
    process.exit(2);
  }
}

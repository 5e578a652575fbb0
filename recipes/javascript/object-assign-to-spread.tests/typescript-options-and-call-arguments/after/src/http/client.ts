import { render } from "./render";

export interface Options {
  baseUrl: string;
  timeoutMs: number;
  headers: Record<string, string>;
}

const BASE: Options = { baseUrl: "/", timeoutMs: 5_000, headers: {} };

export function options(overrides: Partial<Options>, env: Partial<Options>): Options {
  const merged: Options = { ...BASE, ...env, ...overrides };
  return Object.assign({}, merged, {
    headers: { "User-Agent": `client/${VERSION}`, ...merged.headers },
  });
}

export function debugView(opts: Options) {
  return render({ ...opts }, { title: "Options" });
}

export const headersFor = (token: string, extra: Record<string, string>) =>
  ({ ...extra, Authorization: "Bearer " + token });

export const withCache = (opts: Options) =>
  ({ ...opts, ...{ get cacheKey() { return opts.baseUrl; } } });

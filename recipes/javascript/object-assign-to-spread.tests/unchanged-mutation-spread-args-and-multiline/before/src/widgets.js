/**
 * Widget helpers. Prefer `{ ...a }` over Object.assign({}, a) in new code.
 */
export function install(target, mixins) {
  // Mutates target on purpose: not a fresh object.
  Object.assign(target, ...mixins);
  return Object.assign(target.prototype, { version: 2 });
}

export function mergeAll(parts) {
  return Object.assign({}, ...parts);
}

export function theme(base) {
  return Object.assign({}, base, {
    color: "#333",
    background: "#fff",
  });
}

export const many = (a, b, c, d) => Object.assign({}, a, b, c, d);

export const seeded = (extra) => Object.assign({ id: 0 }, extra);

const HELP = "Object.assign({}, defaults, options) merges options";
export { HELP };

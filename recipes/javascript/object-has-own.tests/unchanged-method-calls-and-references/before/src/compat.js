// Runs on old embedded engines: keep a bound reference instead of Object.hasOwn.
const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);

export function keys(obj) {
  const out = [];
  for (const k in obj) {
    if (obj.hasOwnProperty(k) && hasOwn(obj, k)) out.push(k);
  }
  return out;
}

export function modern(obj, k) {
  return Object.hasOwn(obj, k);
}

export function spreadArgs(args) {
  return Object.prototype.hasOwnProperty.call(...args);
}

/* Object.prototype.hasOwnProperty.call(obj, key) appears here only in a comment. */

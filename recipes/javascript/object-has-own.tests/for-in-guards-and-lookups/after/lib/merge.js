'use strict';

// Deep-merges plain objects. Uses Object.prototype.hasOwnProperty.call(src, key)
// so that objects created with Object.create(null) work too.
function merge(target, src) {
  for (const key in src) {
    if (!Object.hasOwn(src, key)) continue;
    const value = src[key];
    if (isPlain(value) && Object.hasOwn(target, key)) {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

function lookup(table, id) {
  return Object.hasOwn(table, String(id)) ? table[id] : undefined;
}

function hasSetting(name) {
  return Object.hasOwn(loadSettings({ cache: true }), name);
}

const message = "Object.prototype.hasOwnProperty.call(a, b) is verbose";

module.exports = { merge, lookup, hasSetting, message };

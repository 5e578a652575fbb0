'use strict';

// Deep-merges plain objects. Uses Object.prototype.hasOwnProperty.call(src, key)
// so that objects created with Object.create(null) work too.
function merge(target, src) {
  for (const key in src) {
    if (!Object.prototype.hasOwnProperty.call(src, key)) continue;
    const value = src[key];
    if (isPlain(value) && Object.prototype.hasOwnProperty.call(target, key)) {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

function lookup(table, id) {
  return {}.hasOwnProperty.call(table, String(id)) ? table[id] : undefined;
}

function hasSetting(name) {
  return Object.prototype.hasOwnProperty.call(loadSettings({ cache: true }), name);
}

const message = "Object.prototype.hasOwnProperty.call(a, b) is verbose";

module.exports = { merge, lookup, hasSetting, message };

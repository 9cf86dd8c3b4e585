// Shorter names between the wasm module and its wasm-bindgen glue: binaryen's
// --minify-imports-and-exports-and-modules renames every import, export and import module of the
// module (`__wbg_new_with_str_sequence_and_options_ea4ce88081790553` becomes `Kb`) and prints the
// mapping, by which the glue is rewritten. The long names are hashed, so they compressed badly, and
// each stood in both files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const wasmOpt = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));

/**
 * Renames the imports and exports of the wasm module at `wasmPath` in place and returns `glue`
 * (the glue's source) rewritten to match. Throws when the glue does not have the shape this
 * rewrite knows, rather than ship a module its glue cannot load.
 */
export function shortenNames(wasmPath, glue) {
  const map = JSON.parse(
    execFileSync(wasmOpt, [wasmPath, '--minify-imports-and-exports-and-modules', '-o', wasmPath], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    }),
  );
  const modules = new Set(map.imports.map(([module]) => module));
  if (modules.size !== 1) throw new Error(`expected one import module, found ${[...modules].join(', ')}`);
  const [module] = modules;
  const imports = new Map(map.imports.map(([, name, short]) => [name, short]));
  const exports = new Map(map.exports);
  // Every import module becomes one short module name.
  const [shortModule, ...others] = new Set(
    WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath))).map((i) => i.module),
  );
  if (others.length) throw new Error(`expected one import module after renaming, found ${others.length + 1}`);

  let renamed = 0;
  let out = glue.replace(/^(\s+)(\w+)(: function\()/gm, (whole, indent, name, rest) => {
    if (!imports.has(name)) return whole;
    renamed += 1;
    return `${indent}${JSON.stringify(imports.get(name))}${rest}`;
  });
  if (renamed !== imports.size) throw new Error(`renamed ${renamed} of the glue's ${imports.size} imports`);
  const moduleKey = `${JSON.stringify(module)}: import0`;
  if (!out.includes(moduleKey)) throw new Error(`the glue does not name its import module as ${moduleKey}`);
  out = out.replace(moduleKey, `${JSON.stringify(shortModule)}: import0`);
  out = out.replace(/\bwasm\.(\w+)/g, (whole, name) => (exports.has(name) ? `wasm.${exports.get(name)}` : whole));
  const short = new Set(exports.values());
  const left = [...out.matchAll(/\bwasm\.([$\w]+)/g)].map(([, name]) => name).filter((n) => !short.has(n));
  if (left.length) throw new Error(`the glue reads exports the module no longer has: ${[...new Set(left)].join(', ')}`);
  return out;
}

/**
 * The layering the README describes, checked on the source: renderer → electron → db, nothing
 * upward, no import cycles inside db/, and the renderer takes only types from the zod contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Relative imports of a file, resolved to repository paths without extension, with whether each is type-only. */
function imports(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)(\s+type)?[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => ({
    target: relative(root, resolve(dirname(join(root, file)), m[2]!)),
    typeOnly: Boolean(m[1]),
  }));
}

describe('layers', () => {
  it('db/ imports nothing from electron/ or renderer/', () => {
    const upward = sourceFiles('db').flatMap((file) =>
      imports(file)
        .filter(({ target }) => target.startsWith('electron') || target.startsWith('renderer'))
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('electron/ imports nothing from renderer/', () => {
    const upward = sourceFiles('electron').flatMap((file) =>
      imports(file)
        .filter(({ target }) => target.startsWith('renderer'))
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('the renderer imports the zod contract for types only', () => {
    const valueImports = sourceFiles('renderer').flatMap((file) =>
      imports(file)
        .filter(({ target, typeOnly }) => target.endsWith('electron/api/contract') && !typeOnly)
        .map(() => file),
    );
    expect(valueImports).toEqual([]);
  });

  it('db/text/ (pure text handling, shared with the renderer) imports nothing from db/sqlite/', () => {
    const impure = sourceFiles('db/text').flatMap((file) => imports(file).filter(({ target }) => target.startsWith('db/sqlite')).map(({ target }) => `${file} → ${target}`));
    expect(impure).toEqual([]);
  });

  it('the handlers, services and transports reach the store only through db/repositories (never db/sqlite)', () => {
    const direct = ['electron/api', 'electron/services', 'electron/transport', 'renderer'].flatMap((dir) =>
      sourceFiles(dir).flatMap((file) => imports(file).filter(({ target }) => target.startsWith('db/sqlite')).map(({ target }) => `${file} → ${target}`)),
    );
    expect(direct).toEqual([]);
  });

  it('db/ has no import cycles', () => {
    const files = sourceFiles('db').map((f) => f.replace(/\.tsx?$/, ''));
    const graph = new Map(files.map((f) => [f, imports(`${f}.ts`).filter((i) => !i.typeOnly).map((i) => i.target).filter((t) => files.includes(t))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') return void cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

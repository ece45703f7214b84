// @vitest-environment node
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The manifests as the builds really make them (config + entrypoints + WXT's own additions, such as a runtime content
 * script's `matches`): the demo build (`wxt build`) and the store build (`GNF_BUILD=store`, what `npm run zip`
 * packages), for Chrome and Firefox, built into a temporary folder so `.output` is left alone.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = `
import { build } from 'wxt';
const quiet = () => {};
const logger = { debug: quiet, log: quiet, info: quiet, warn: quiet, success: quiet, error: console.error, fatal: console.error, level: 0 };
for (const browser of ['chrome', 'firefox']) await build({ browser, outDir: process.argv[1], logger });
`;

type Manifest = Record<string, unknown> & { permissions?: string[]; host_permissions?: string[]; optional_permissions?: string[] };

const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; connect-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** Host patterns, wherever a manifest may put them. */
const isHost = (p: string) => p.includes('://') || p === '<all_urls>';

let outDir: string;
const manifests: Record<string, Manifest> = {};

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnf-manifest-'));
  const { NODE_ENV: _, ...env } = process.env; // vitest's NODE_ENV=test must not reach the build
  // One process per flavour: the flag is read when wxt.config loads.
  await Promise.all(
    ['', 'store'].map((flavour) =>
      promisify(execFile)(process.execPath, ['--input-type=module', '-e', BUILD, outDir], { cwd: ROOT, env: { ...env, GNF_BUILD: flavour } }),
    ),
  );
  for (const dir of ['chrome-mv3', 'firefox-mv2', 'chrome-mv3-store', 'firefox-mv2-store']) {
    manifests[dir] = JSON.parse(fs.readFileSync(path.join(outDir, dir, 'manifest.json'), 'utf8')) as Manifest;
  }
}, 120_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('manifest: least privilege', () => {
  it('asks for exactly the permissions the code uses (storage only for the clinic policy, no clipboardWrite)', () => {
    for (const dir of ['chrome-mv3', 'chrome-mv3-store']) expect(manifests[dir]!.permissions?.sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
    expect(manifests['firefox-mv2-store']!.permissions?.sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifests['firefox-mv2']!.permissions?.filter((p) => !isHost(p)).sort()).toEqual(['activeTab', 'scripting', 'storage']);
  });

  it('store builds have no install-time host access; sites are optional, enabled one by one', () => {
    const chrome = manifests['chrome-mv3-store']!;
    const firefox = manifests['firefox-mv2-store']!;
    expect(chrome.host_permissions).toBeUndefined();
    expect(chrome.content_scripts).toBeUndefined();
    expect(chrome.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    expect(firefox.host_permissions).toBeUndefined();
    expect(firefox.content_scripts).toBeUndefined();
    expect(firefox.permissions?.filter(isHost)).toEqual([]);
    expect(firefox.optional_permissions).toEqual(OPTIONAL_HOSTS);
  });

  it('the demo build (npm run build, npm start, the e2e tests) reaches the demo EHR on this machine, and only it', () => {
    expect(manifests['chrome-mv3']!.host_permissions?.sort()).toEqual(DEMO_HOSTS);
    expect(manifests['firefox-mv2']!.permissions?.filter(isHost).sort()).toEqual(DEMO_HOSTS);
  });

  it('offers "Fill this chart" as a keyboard command (Alt+Shift+F suggested, changeable in the browser) in every build', () => {
    for (const dir of ['chrome-mv3', 'chrome-mv3-store', 'firefox-mv2', 'firefox-mv2-store']) {
      expect((manifests[dir] as { commands?: unknown }).commands, dir).toEqual({
        'fill-this-chart': { suggested_key: { default: 'Alt+Shift+F' }, description: 'Fill this chart (the group member whose chart is open)' },
      });
    }
  });

  it('extension pages load only their own files and connect, submit or are framed nowhere', () => {
    for (const dir of ['chrome-mv3', 'chrome-mv3-store']) expect(manifests[dir]!.content_security_policy).toEqual({ extension_pages: CSP });
    for (const dir of ['firefox-mv2', 'firefox-mv2-store']) expect(manifests[dir]!.content_security_policy).toBe(CSP);
  });
});

describe('manifest: icons', () => {
  const SIZES = ['16', '32', '48', '128'];
  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  /** Width and height from the IHDR chunk, which a valid PNG has right after its signature. */
  const pngSize = (file: string) => {
    const head = fs.readFileSync(file).subarray(0, 24);
    expect(head.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is a PNG`).toBe(true);
    expect(head.subarray(12, 16).toString('latin1')).toBe('IHDR');
    return [head.readUInt32BE(16), head.readUInt32BE(20)];
  };
  const iconSets = (m: Manifest) => {
    const action = (m.action ?? m.browser_action) as { default_icon?: Record<string, string> } | undefined;
    const sets: Record<string, Record<string, string> | undefined> = { icons: m.icons as Record<string, string>, action: action?.default_icon };
    if (m.sidebar_action) sets.sidebar_action = (m.sidebar_action as { default_icon?: Record<string, string> }).default_icon;
    return sets;
  };

  it('every build has 16, 32, 48 and 128 px PNGs for the extension, its toolbar button and (Firefox) its sidebar', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2', 'chrome-mv3-store', 'firefox-mv2-store']) {
      const sets = iconSets(manifests[dir]!);
      expect(Object.keys(sets).sort()).toEqual(dir.startsWith('firefox') ? ['action', 'icons', 'sidebar_action'] : ['action', 'icons']);
      for (const [where, icons] of Object.entries(sets)) {
        expect(Object.keys(icons ?? {}).sort(), `${dir} ${where}`).toEqual([...SIZES].sort());
        for (const size of SIZES) {
          const file = path.join(outDir, dir, icons![size]!);
          expect(fs.existsSync(file), `${dir} ${where} ${size}`).toBe(true);
          expect(pngSize(file), `${dir} ${where} ${size}`).toEqual([Number(size), Number(size)]);
        }
      }
    }
  });
});

describe('privacy policy page', () => {
  it('ships in every build as a static page the CSP allows: no script, no inline style, its own stylesheet', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2', 'chrome-mv3-store', 'firefox-mv2-store']) {
      const html = fs.readFileSync(path.join(outDir, dir, 'privacy.html'), 'utf8');
      expect(html, dir).toMatch(/<h1>Privacy policy<\/h1>/);
      for (const topic of ['What is stored', 'Where', 'For how long', 'Nothing is sent', 'Encryption and backups', 'How to delete everything']) {
        expect(html, `${dir}: ${topic}`).toContain(`<h2>${topic}</h2>`);
      }
      expect(html, dir).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|javascript:/i);
      const css = html.match(/<link rel="stylesheet"[^>]*href="(\/assets\/privacy-[^"]+\.css)"/)?.[1];
      expect(css && fs.existsSync(path.join(outDir, dir, css)), dir).toBe(true);
    }
  });
});

describe('manifest: clinic policy', () => {
  it('Chrome builds point storage.managed_schema at a schema file that is in the build; Firefox needs none', () => {
    for (const dir of ['chrome-mv3', 'chrome-mv3-store']) {
      const storage = manifests[dir]!.storage as { managed_schema?: string } | undefined;
      expect(storage?.managed_schema, dir).toBe('managed_schema.json');
      const schema = JSON.parse(fs.readFileSync(path.join(outDir, dir, storage!.managed_schema!), 'utf8')) as { type: string; properties: object };
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties).sort()).toEqual([
        'allowedSites',
        'defaultCptCode',
        'defaultFormat',
        'defaultModality',
        'encryptionRequired',
        'phrases',
        'retentionDays',
        'templates',
      ]);
    }
    for (const dir of ['firefox-mv2', 'firefox-mv2-store']) {
      expect(manifests[dir]!.storage, dir).toBeUndefined();
      expect(fs.existsSync(path.join(outDir, dir, 'managed_schema.json')), dir).toBe(false);
    }
  });
});

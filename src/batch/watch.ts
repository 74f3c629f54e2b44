/**
 * `offprint build --watch`: build once, then rebuild a brief shortly after anything it is made
 * from changes — its source, the images it asks for, offprint's fonts — and build new briefs
 * that appear in a watched input folder. There is no configuration file: a brief's front
 * matter is its configuration, so it is watched as part of the source.
 *
 * Folders are watched, not files: editors save by writing a new file and renaming it over the
 * old one, which a watch on the old file's inode would miss. Events are gathered for a short
 * while (DEBOUNCE_MS) because one save makes several. Errors are printed and watching goes on;
 * Ctrl-C (or SIGTERM) stops the workers and watchers and exits with 0.
 *
 * Rendering always happens in worker threads here, even with `--jobs 1`: the workers stay warm
 * between rebuilds, and when the fonts change they are replaced, since every process keeps the
 * fonts it has loaded.
 */
import { existsSync, realpathSync, watch, type FSWatcher } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fontsDirectory } from '../fonts/families.js';
import { buildBriefs, type BuildPlan } from './build.js';
import { poolBuilder, type Builder, type Builders } from './builders.js';
import { isBriefName, shownName } from './inputs.js';
import { forgetCodeFingerprint } from './keys.js';
import type { Reporter } from './progress.js';
import type { BriefResult } from './results.js';

const DEBOUNCE_MS = 80;

export interface WatchRequest {
  plan: BuildPlan;
  /** Input folders: a new brief appearing in one is built. */
  folders: string[];
  jobs: number;
}

export function watchBriefs(request: WatchRequest, reporter: Reporter): Promise<number> {
  return new Promise((finish) => {
    const files = [...request.plan.files];
    const known = new Set(files.map((file) => resolve(file)));
    const folders = new Set(request.folders.map((folder) => resolve(folder)));
    const fonts = fontsDirectory();
    /** Per brief (resolved path), the files it is made from. */
    const dependencies = new Map<string, Set<string>>();
    for (const file of known) dependencies.set(file, new Set([file]));
    const watchers = new Map<string, FSWatcher>();
    const pending = new Set<string>();
    let fontsChanged = false;
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let stopped = false;

    let builder: Builder = poolBuilder(Math.max(1, Math.min(request.jobs, files.length)));
    const builders: Builders = { acquire: () => builder, release: async () => undefined };

    const changed = (folder: string, name: string | null) => {
      if (stopped) return;
      if (folder === fonts) {
        fontsChanged = true;
      } else {
        const path = name === null ? undefined : join(folder, name);
        if (path && folders.has(folder) && isBriefName(name!) && !known.has(path) && existsSync(path)) {
          known.add(path);
          files.push(path);
          dependencies.set(path, new Set([path]));
        }
        for (const [brief, paths] of dependencies) {
          if (path ? paths.has(path) : [...paths].some((p) => dirname(p) === folder)) pending.add(brief);
        }
      }
      if (!pending.size && !fontsChanged) return;
      clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), DEBOUNCE_MS);
    };

    const syncWatchers = () => {
      const wanted = new Set<string>([fonts, ...folders]);
      for (const paths of dependencies.values()) for (const path of paths) wanted.add(dirname(path));
      for (const [folder, watcher] of watchers) {
        if (!wanted.has(folder)) {
          watcher.close();
          watchers.delete(folder);
        }
      }
      for (const folder of wanted) {
        if (watchers.has(folder) || !existsSync(folder)) continue;
        try {
          const watcher = watch(folder, (_event, name) => changed(folder, name === null ? null : String(name)));
          // A watched folder that is removed stops its watcher; it is watched again if it returns.
          watcher.on('error', () => {
            watcher.close();
            watchers.delete(folder);
          });
          watchers.set(folder, watcher);
        } catch {
          // Not watchable now (gone, no permission): tried again after the next build.
        }
      }
    };

    const learn = (results: BriefResult[]) => {
      for (const result of results) {
        const brief = resolve(result.file);
        // A failed build keeps what the brief was made from last time.
        if (result.images) dependencies.set(brief, new Set([brief, ...result.images.flatMap((url) => imagePaths(url, dirname(brief)))]));
      }
    };

    const build = async (only: Set<string> | undefined, force: boolean) => {
      const present = files.filter((file) => {
        if (only && !only.has(resolve(file))) return false;
        if (existsSync(file)) return true;
        reporter.note(`${shownName(file)}: not found; it is built again when it comes back`);
        return false;
      });
      if (!present.length) return;
      const results = await buildBriefs({ ...request.plan, files, only: new Set(present.map((file) => resolve(file))), force }, reporter, builders);
      learn(results);
    };

    const rebuild = async () => {
      if (stopped) return;
      if (running) return;
      running = true;
      try {
        while (!stopped && (pending.size || fontsChanged)) {
          let only: Set<string> | undefined = new Set(pending);
          pending.clear();
          if (fontsChanged) {
            fontsChanged = false;
            forgetCodeFingerprint();
            reporter.note('fonts changed: rebuilding every brief');
            const old = builder;
            builder = poolBuilder(Math.max(1, Math.min(request.jobs, files.length)));
            await old.close();
            only = undefined;
          }
          await build(only, false);
          syncWatchers();
        }
      } catch (error) {
        reporter.note(`offprint: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    };

    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      reporter.end();
      reporter.silence();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void builder.close().then(() => finish(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);

    syncWatchers();
    running = true;
    void build(undefined, request.plan.force)
      .catch((error: unknown) => reporter.note(`offprint: ${(error as Error).message}`))
      .then(() => {
        running = false;
        if (stopped) return;
        syncWatchers();
        reporter.note(`watching ${files.length} brief${files.length === 1 ? '' : 's'} for changes (Ctrl-C to stop)`);
        if (pending.size || fontsChanged) void rebuild();
      });
  });
}

/** Where an image address points inside the content folder (and, through a link, its target). */
function imagePaths(url: string, contentDir: string): string[] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return [];
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // as written
  }
  if (isAbsolute(decoded) || !decoded) return [];
  const path = resolve(contentDir, decoded);
  try {
    const real = realpathSync(path);
    return real === path ? [path] : [path, real];
  } catch {
    return [path];
  }
}

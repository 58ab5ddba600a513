import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { BracketPaper, ProtocolLang, ResultsProtocolModel, RulesProfile } from '@plenum/shared';
import type { PdfTask } from './pdf-worker.ts';

/** A refusal the HTTP route turns into a coded answer. */
export class PdfUnavailable extends Error {
  constructor(readonly code: 'pdf.timeout' | 'pdf.busy') { super(code); }
}

export interface PdfRendererOptions {
  /** A rendering that takes longer is aborted (its worker thread is ended). */
  timeoutMs?: number;
  /** Renderings waiting for the worker; more are refused with pdf.busy. */
  maxQueue?: number;
  /** Finished PDFs kept in memory. */
  cacheSize?: number;
}

/** Next to the bundle (dist/server/pdf-worker.js), else the TypeScript worker through tsx. */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'pdf-worker.js');
  return existsSync(bundled) ? bundled : join(here, 'pdf-worker-tsx.mjs');
}

/**
 * Protocol PDFs and the Arbeitsgremium's bracket papers are rendered in one worker thread (pdfmake
 * is synchronous and can take seconds), with a time limit, and cached: the model (or paper) is a
 * function of the log position, so its digest names one rendering; concurrent requests share one.
 */
export class ProtocolPdfRenderer {
  private readonly pool: Piscina;
  private readonly cache = new Map<string, Promise<Buffer>>();
  private readonly timeoutMs: number;
  private readonly cacheSize: number;

  constructor(options: PdfRendererOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.cacheSize = options.cacheSize ?? 32;
    this.pool = new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: 1, maxQueue: options.maxQueue ?? 8, idleTimeout: 60_000 });
  }

  static keyOf(model: ResultsProtocolModel, lang: ProtocolLang): string {
    return `${lang}:${createHash('sha256').update(JSON.stringify(model)).digest('base64url')}`;
  }

  render(model: ResultsProtocolModel, lang: ProtocolLang, profile?: RulesProfile): Promise<Buffer> {
    return this.cached(ProtocolPdfRenderer.keyOf(model, lang), { model, lang, profile });
  }

  /** R-AGR-2: a bracket paper (its words and Land names already in its language). */
  renderPaper(paper: BracketPaper): Promise<Buffer> {
    return this.cached(`paper:${createHash('sha256').update(JSON.stringify(paper)).digest('base64url')}`, { kind: 'paper', paper });
  }

  private cached(key: string, task: PdfTask): Promise<Buffer> {
    const cached = this.cache.get(key);
    if (cached) {
      // Most recently used last: the oldest entry is the one to drop.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const rendering = this.run(task);
    this.cache.set(key, rendering);
    // A failed rendering is not kept: the next request tries again.
    rendering.catch(() => { if (this.cache.get(key) === rendering) this.cache.delete(key); });
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return rendering;
  }

  private async run(task: PdfTask): Promise<Buffer> {
    try {
      const bytes: Uint8Array = await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw new PdfUnavailable('pdf.timeout');
      if (/queue is at limit/i.test((err as Error).message)) throw new PdfUnavailable('pdf.busy');
      throw err;
    }
  }

  /** How many renderings ran in a worker (tests: the cache answers repeats without one). */
  get completed(): number { return this.pool.completed; }

  close(): Promise<void> { return this.pool.destroy(); }
}

import { createHash } from 'node:crypto';

/**
 * The one inline stylesheet of the server-rendered pages (publications, invitation confirmation).
 * The CSP allows exactly this text by its hash, so no other inline style can run.
 */
export const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
a{color:#0b4f9c}label{display:block;margin-top:.5rem}input,select,button{font:inherit;padding:.3rem}
:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}article{border-top:1px solid #ccc;padding:.5rem 0}
.meta{color:#444}pre{white-space:pre-wrap;font-family:inherit}
button{background:#0b4f9c;color:#fff;border:0;border-radius:4px;padding:.5rem 1rem;cursor:pointer}
button.secondary{background:#fff;color:#0b4f9c;border:2px solid #0b4f9c}`;

export const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/** Text for the server-rendered pages: every user-given string goes through this. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

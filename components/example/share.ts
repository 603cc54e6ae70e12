// Share links: the edited program, compressed, in the URL's fragment (never sent to
// any server): page#share=<example-id>:<deflate-raw, base64url>. A link is data from
// a stranger: it is decoded with limits, shown and kept as text only, and never run
// until the reader presses Run.

const MAX_TEXT = 256 * 1024;
const ID = /^[A-Za-z0-9-]{1,120}$/;
const B64URL = /^[A-Za-z0-9_-]{1,400000}$/;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    // A small link that inflates to megabytes is not a program: stop reading.
    if (n > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function packCode(source: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(source), new CompressionStream('deflate-raw')));
}

export async function unpackCode(payload: string): Promise<string> {
  if (!B64URL.test(payload)) throw new Error('not a share link');
  const bytes = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_TEXT);
  return new TextDecoder().decode(bytes);
}

export async function shareLink(id: string, source: string, base = location.href): Promise<string> {
  const url = new URL(base);
  url.hash = `share=${id}:${await packCode(source)}`;
  return url.href;
}

/** The shared program for the example `id`, if the page's fragment carries one: the text, or an error. */
export function sharedFor(id: string, hash = location.hash): string | null {
  const m = /^#share=([^:]*):(.*)$/s.exec(hash);
  if (!m || !ID.test(m[1]!) || m[1] !== id) return null;
  return m[2]!;
}

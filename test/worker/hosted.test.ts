import { env } from 'cloudflare:test';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../worker/hosted/qr.js';
import { hostedUrl } from '../../worker/hosted/links.js';
import { CSP } from '../../worker/routes/pages.js';
import { ORIGIN, call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';
const PEIL = 'http://peil.test';

/**
 * Draws the SVG's path (`M x y h w v1 h-w z` runs of dark modules) into pixels, `scale` each, and reads
 * it with jsQR: an independent decoder, so the code is checked as a phone would read it.
 */
function decode(svg: string, scale = 4): string | undefined {
  const side = Number(svg.match(/viewBox="0 0 (\d+) \1"/)![1]);
  const px = side * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < Number(w) * scale; dx++) {
        const at = ((Number(y) * scale + dy) * px + Number(x) * scale + dx) * 4;
        rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
      }
  }
  return jsQR(rgba, px, px)?.data;
}

async function siteKey(settings: Record<string, unknown> = {}): Promise<string> {
  const res = await call('/v1/gemeenten/demo/site-keys', {
    method: 'POST',
    token: 'demo-admin',
    json: { partner: 'sociaal-team', origins: [ORIGIN], ...settings },
  });
  expect(res.status).toBe(201);
  return (await res.json<{ siteKey: string }>()).siteKey;
}

async function invites(count: number, body: Record<string, unknown> = {}) {
  const res = await call('/v1/invites', {
    method: 'POST',
    token: 'demo-admin',
    json: { questionnaire: KORT, partner: 'sociaal-team', count, ...body },
  });
  expect(res.status).toBe(201);
  return (await res.json<{ invites: { token: string; link: string; qr: string; shortLink: string }[] }>()).invites;
}

const errorOf = async (res: Response) => ({ status: res.status, code: (await res.json<{ error: { code: string } }>()).error.code });

describe('the hosted survey page', () => {
  it('has the partner’s name and the survey with the query as attributes, under the strict CSP', async () => {
    const res = await call(`/s/demo-site/${KORT}?team=crabbehof&contact=kort&lang=en&peil-invite=abc`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<p class="partner">Sociaal team Crabbehof</p>');
    expect(page).toContain(
      `<peil-survey questionnaire="${KORT}" site-key="demo-site" team="crabbehof" contact="kort" lang="en" invite="abc"></peil-survey>`,
    );
    expect(page).toContain(
      `<link rel="preload" as="fetch" crossorigin href="/v1/questionnaires/${KORT}?siteKey=demo-site&amp;team=crabbehof" />`,
    );
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
    // An invite is any string a link may carry: written into the page as text, never as markup.
    const odd = await (await call(`/s/demo-site/${KORT}?peil-invite=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    expect(odd).toContain('invite="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(odd).not.toContain('<script>alert');
    expect(page).not.toMatch(/\sstyle=/);
  });

  it('refuses what a widget would refuse, as JSON, before a client answers anything', async () => {
    expect(await errorOf(await call(`/s/geen-sleutel/${KORT}`))).toEqual({ status: 401, code: 'unknown_site_key' });
    expect(await errorOf(await call(`/s/demo-site/bestaat-niet`))).toEqual({ status: 404, code: 'questionnaire_not_found' });
    expect(await errorOf(await call(`/s/demo-site/${KORT}?team=elders`))).toEqual({ status: 422, code: 'team_not_allowed' });
    expect(await errorOf(await call(`/s/demo-site/${KORT}?team="><script>`))).toEqual({ status: 400, code: 'validation_failed' });
    expect(await errorOf(await call(`/s/demo-site/${KORT}?kiosk=1`))).toEqual({ status: 403, code: 'kiosk_not_registered' });
  });

  it('in kiosk mode needs a registered kiosk site key, and then passes kiosk on', async () => {
    const kiosk = await siteKey({ kiosk: true });
    const page = await (await call(`/s/${kiosk}/${KORT}?kiosk=1`)).text();
    expect(page).toContain(`<peil-survey questionnaire="${KORT}" site-key="${kiosk}" kiosk></peil-survey>`);
  });

  it('takes submissions from Peil’s own origin for any site key, and still refuses other origins', async () => {
    const own = await call('/v1/responses', { method: 'POST', json: submission(), origin: PEIL });
    expect(own.status).toBe(201);
    const other = await call('/v1/responses', { method: 'POST', json: submission(), origin: 'https://elders.example' });
    expect(await errorOf(other)).toEqual({ status: 403, code: 'origin_not_allowed' });
  });

  it('/ keeps the query on its way to /demo, so an invite for the site root survives', async () => {
    const res = await call('/?peil-invite=abc', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/demo?peil-invite=abc');
  });
});

describe('QR codes', () => {
  it('qrSvg encodes the URL so that an independent decoder reads it back, with a quiet zone of four modules', () => {
    const url = 'https://peil.example.nl/s/demo-site/sociaal-team-kort?team=crabbehof&peil-invite=k7qm3xpd9rtvw2hn';
    const svg = qrSvg(url);
    expect(decode(svg)).toBe(url);
    const first = svg.match(/M(\d+) (\d+)h/)!;
    expect([Number(first[1]), Number(first[2])]).toEqual([4, 4]);
  });

  it('qr.svg encodes the absolute hosted URL with the same query', async () => {
    const res = await call(`/s/demo-site/${KORT}/qr.svg?team=oost&status=loopt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(decode(await res.text())).toBe(`${PEIL}/s/demo-site/${KORT}?team=oost&status=loopt`);
    expect(hostedUrl(PEIL, 'demo-site', KORT, { status: 'loopt', team: 'oost' })).toBe(
      `${PEIL}/s/demo-site/${KORT}?team=oost&status=loopt`,
    );
  });

  it('uses PEIL_PUBLIC_URL when it is set', async () => {
    const { default: app } = await import('../../worker/index.js');
    const res = await app.fetch(new Request(`${PEIL}/s/demo-site/${KORT}/qr.svg`), { ...env, PEIL_PUBLIC_URL: 'https://peil.example.nl' });
    expect(decode(await res.text())).toBe(`https://peil.example.nl/s/demo-site/${KORT}`);
  });

  it('every invite has a QR code that leads to its hosted page with the invite', async () => {
    const [invite] = await invites(1, { team: 'krispijn' });
    expect(invite.link).toBe(`${PEIL}/s/demo-site/${KORT}?team=krispijn&peil-invite=${invite.token}`);
    expect(invite.qr).toBe(`${PEIL}/s/demo-site/${KORT}/qr.svg?team=krispijn&peil-invite=${invite.token}`);
    const res = await call(invite.qr.slice(PEIL.length));
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(decode(await res.text())).toBe(invite.link);
  });
});

describe('invites on the way in', () => {
  it('are short codes; the short link leads to the hosted page with the invite, typed in capitals too', async () => {
    const [invite] = await invites(1, { team: 'oost' });
    expect(invite.token).toMatch(/^[0-9a-hjkmnp-tv-z]{16}$/);
    expect(invite.shortLink).toBe(`${PEIL}/i/${invite.token}`);
    for (const typed of [invite.token, invite.token.toUpperCase()]) {
      const res = await call(`/i/${typed}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('Location')).toBe(invite.link);
    }
    const unknown = await call('/i/bestaatniet', { redirect: 'manual' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Content-Type')).toContain('text/html');
    expect(await unknown.text()).toContain('Deze link is niet bekend');
  });

  it('are checked when the survey loads: open, used, expired or unknown, readable from any origin', async () => {
    const [open, used, old] = await invites(3);
    const check = async (invite: string) => {
      const res = await call(`/v1/invites/check?siteKey=demo-site&questionnaire=${KORT}&invite=${invite}`, {
        origin: 'https://elders.example',
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      return res.json();
    };
    expect((await call('/v1/responses', { method: 'POST', json: submission({ invite: used.token }) })).status).toBe(201);
    await env.DB.prepare(
      "UPDATE invites SET expires_at = '2000-01-01T00:00:00.000Z' WHERE hash = (SELECT hash FROM invites WHERE used_at IS NULL LIMIT 0)",
    ).run();
    const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(old.token)))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    await env.DB.prepare("UPDATE invites SET expires_at = '2000-01-01T00:00:00.000Z' WHERE hash = ?").bind(hash).run();
    expect(await check(open.token)).toEqual({ usable: true });
    expect(await check(used.token)).toEqual({ usable: false, code: 'invite_used' });
    expect(await check(old.token)).toEqual({ usable: false, code: 'invite_expired' });
    expect(await check('bestaatniet')).toEqual({ usable: false, code: 'invite_invalid' });
  });
});

describe('cards and posters', () => {
  it('prints a batch of invites as cards, 10 or 8 to an A4 sheet, each QR code its invite’s link', async () => {
    const batch = await invites(12, { team: 'wielwijk' });
    const res = await call('/v1/invites/cards', { method: 'POST', token: 'demo-admin', json: { tokens: batch.map((i) => i.token) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(CSP);
    const page = await res.text();
    expect(page.match(/<section class="sheet per-10"/g)).toHaveLength(2);
    const cards = [...page.matchAll(/<article class="card">([\s\S]*?)<\/article>/g)].map((m) => m[1]);
    expect(cards).toHaveLength(12);
    cards.forEach((card, i) => {
      expect(card).toContain('<p class="partner">Sociaal team Wielwijk</p>');
      expect(card).toContain(`<p class="link">peil.test/i/${batch[i].token}</p>`);
      expect(decode(card.match(/<svg[\s\S]*<\/svg>/)![0])).toBe(batch[i].link);
    });
    const eight = await call('/v1/invites/cards', {
      method: 'POST',
      token: 'demo-admin',
      json: { tokens: batch.map((i) => i.token), perPage: 8 },
    });
    expect((await eight.text()).match(/<section class="sheet per-8"/g)).toHaveLength(2);
  });

  it('refuses to print unknown, used or another partner’s invites', async () => {
    const [a, b] = await invites(2);
    const print = (tokens: string[], token = 'demo-admin') => call('/v1/invites/cards', { method: 'POST', token, json: { tokens } });
    expect(await errorOf(await print([a.token, 'bestaatniet']))).toEqual({ status: 403, code: 'invite_invalid' });
    expect((await call('/v1/responses', { method: 'POST', json: submission({ invite: b.token }) })).status).toBe(201);
    expect(await errorOf(await print([a.token, b.token]))).toEqual({ status: 409, code: 'invite_used' });
    expect(await errorOf(await print([a.token], 'demo-public'))).toEqual({ status: 403, code: 'forbidden' });
    expect((await print([a.token], 'demo-viewer')).status).toBe(200);
  });

  it('makes an A4 poster with the hosted page’s QR code and the address to type', async () => {
    const res = await call(`/s/demo-site/${KORT}/poster?team=centrum`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<p class="partner">Sociaal team Centrum</p>');
    expect(page).toContain(`peil.test/s/demo-site/${KORT}?team=centrum`);
    expect(decode(page.match(/<svg[\s\S]*<\/svg>/)![0])).toBe(`${PEIL}/s/demo-site/${KORT}?team=centrum`);
  });
});

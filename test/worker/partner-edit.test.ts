import { describe, expect, it } from 'vitest';
import { call } from './helpers.js';

const edit = (json: unknown, token = 'demo-admin') => call('/v1/gemeenten/demo/partners/sociaal-team', { method: 'PATCH', token, json });

describe('editing a partner', () => {
  it('renames it and changes {organisatie} in both languages; the served questionnaire follows at once', async () => {
    const res = await edit({
      name: 'Sociaal team Dordrecht',
      organisatie: 'het sociaal team Dordrecht',
      organisatieEn: 'the Dordrecht social team',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: 'sociaal-team',
      name: 'Sociaal team Dordrecht',
      organisatie: 'het sociaal team Dordrecht',
      organisatieEn: 'the Dordrecht social team',
    });
    const served = await (
      await call('/v1/questionnaires/sociaal-team-kort?siteKey=demo-site')
    ).json<{ sections: { items: { text: { nl: string; en: string } }[] }[] }>();
    const texts = JSON.stringify(served.sections);
    expect(texts).toContain('het sociaal team Dordrecht');
    expect(texts).toContain('the Dordrecht social team');

    // organisatieEn null: English questions use the Dutch name again; what is not given stays.
    const back = await edit({ organisatieEn: null });
    expect(await back.json()).toMatchObject({ name: 'Sociaal team Dordrecht', organisatieEn: null });
  });

  it('refuses an empty change, an unknown partner and a partner token, and changes nothing', async () => {
    expect((await edit({})).status).toBe(400);
    expect((await edit({ name: '' })).status).toBe(400);
    const unknown = await call('/v1/gemeenten/demo/partners/bestaat-niet', { method: 'PATCH', token: 'demo-admin', json: { name: 'X' } });
    expect(unknown.status).toBe(404);
    expect((await edit({ name: 'Overgenomen' }, 'demo-viewer')).status).toBe(403);
    const { partners } = await (
      await call('/v1/gemeenten/demo/partners', { token: 'demo-admin' })
    ).json<{ partners: { id: string; name: string }[] }>();
    expect(partners.find((p) => p.id === 'sociaal-team')!.name).not.toBe('Overgenomen');
  });
});

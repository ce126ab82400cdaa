// The possible-identifier check (FORMAT.md §8): each kind found, each class that must never be,
// the settings of .fragmentrc.json, the fixes, and the gate on what is shared.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileAnonymisation } from '../../server/src/core/anonymisation/compiled';
import { findIdentifiers } from '../../server/src/core/anonymisation/identifiers';
import { fixesOf } from '../../server/src/core/features/code-actions';
import { readHarvest } from '../../server/src/core/harvest/harvest-fragments';
import { fileRecord } from '../../server/src/core/harvest/records';
import { harvestSummary } from '../../server/src/core/harvest/summary';
import { defaultAnonymisation } from '../../server/src/core/schema/anonymisation-defaults';
import { loadConfig } from '../../server/src/core/schema/config';
import { withAllowed } from '../../server/src/core/schema/config-edit';
import { createFragmentService } from '../../server/src/core/service';
import { shareableMessages } from '../../server/src/core/story/confidential-text';
import { computeMergedStory, isUpToDate, storedMergedStory } from '../../server/src/core/story/merged-story';
import { applyEdits } from '../../server/src/core/text/text';
import { analyze, readExample, readFixture, service } from './helpers';

const settings = compileAnonymisation(defaultAnonymisation);
/** What the check finds in a text, as `kind:text`. */
const found = (text: string, country: string | undefined = 'CD') =>
  findIdentifiers(text, settings, country).map((finding) => `${finding.kind}:${finding.text}`);

describe('possible-identifier finds', () => {
  it('a person after a title or honorific, without the title', () => {
    assert.deepEqual(found('The committee was led by Mrs. Rose Nyota and Mr Emmanuel Bahati.'), ['person:Rose Nyota', 'person:Emmanuel Bahati']);
    assert.deepEqual(found('Maître Jeanne Kavira a plaidé ; M. Mukendi a témoigné.'), ['person:Jeanne Kavira', 'person:Mukendi']);
    assert.deepEqual(found('Dr Okello and Sheikh Abdullahi Hassan met Pastor Mugisha.'), ['person:Okello', 'person:Abdullahi Hassan', 'person:Mugisha']);
  });

  it('a given name followed by a family name, a family name in capitals, a lone given name that tells', () => {
    assert.deepEqual(found('Jean-Pierre Mukendi and Amina Hassan joined the network.'), ['person:Jean-Pierre Mukendi', 'person:Amina Hassan']);
    assert.deepEqual(found('Jeanne KAVIRA et Kambale MUHINDO ont signé.'), ['person:Jeanne KAVIRA', 'person:Kambale MUHINDO']);
    assert.deepEqual(found('Amani explained that the threats had stopped.'), ['person:Amani']);
  });

  it('e-mail addresses and telephone numbers, national and international', () => {
    assert.deepEqual(found('Write to amani.kabila@gmail.com or j-m.k2@secha-rdc.org.'), ['email:amani.kabila@gmail.com', 'email:j-m.k2@secha-rdc.org']);
    assert.deepEqual(found('Call +243 81 234 5678 or 0812345678.'), ['phone:+243 81 234 5678', 'phone:0812345678']);
    assert.deepEqual(found('Contact (+256 701 555 123) or 0772 123 456.', 'UG'), ['phone:+256 701 555 123', 'phone:0772 123 456']);
    assert.deepEqual(found('Joignable au 00223 76 12 34 56.', 'ML'), ['phone:00223 76 12 34 56']);
  });

  it('a name inside an e-mail address is the address, not a person', () => {
    assert.deepEqual(found('Mrs Rose Nyota (rose.nyota@yahoo.fr)'), ['person:Rose Nyota', 'email:rose.nyota@yahoo.fr']);
  });
});

describe('possible-identifier never marks', () => {
  it('the shared example (organisations, projects and tools)', () => {
    assert.deepEqual(
      analyze(readExample())
        .diagnostics.filter((diagnostic) => diagnostic.code === 'possible-identifier')
        .map((diagnostic) => diagnostic.message),
      [],
    );
  });

  it('countries, organisations, institutions, programmes and projects', () => {
    assert.deepEqual(found('In DR Congo and Mali, Seconde Chance (SECHA) and Radio Okapi worked with the Ministry of Justice.'), []);
    assert.deepEqual(found('The National Human Rights Commission, UN Women and the Kofi Annan Foundation trained PERSE staff.'), []);
    assert.deepEqual(found('La Commission Nationale des Droits de l’Homme (CNDH) et le Réseau des Femmes Leaders ont publié un rapport.'), []);
  });

  it('social-actor categories, roles, months, years and dates', () => {
    assert.deepEqual(found('A journalist, the chief and the Minister of Justice met in March 2024; on 15 May 2023 the Governor signed.'), []);
    assert.deepEqual(found('Le maire et le Procureur ont reçu les défenseurs le 3 juin 2023, puis en juillet 2023.'), []);
  });

  it('placeholders', () => {
    assert.deepEqual(found('In <LOC>, <person>, <person> and <person> met on <redacted> with Mr <person>.'), []);
  });

  it('amounts, counts, references, law numbers and dates written with digits', () => {
    assert.deepEqual(
      found('It cost USD 12,500 and 2 500 000 FC; 1 250 participants; Law No. 2022-017; case RP 1234/2023; décret n° 2019-0456 du 12/03/2024; 2023-2024.'),
      [],
    );
    assert.deepEqual(found('Between 20 000 000 and 35 000 000 shillings were raised (1 850 000 FBu) in 2023-2024, on 2024-03-15 and 15.03.2024.', 'UG'), []);
  });
});

describe('possible-identifier settings', () => {
  it('a kind turned off, and an allowed text, are not reported', () => {
    const config = loadConfig('{ "anonymisation": { "phone": "off", "allow": ["rose nyota"] } }');
    assert.deepEqual(config.problems, []);
    const configured = createFragmentService({ schema: config.schema });
    const text = readFixture('possible-identifier.fragment').replace('Mrs. Rose Nyota,', 'Mrs. Rose Nyota (0812345678), Mr Emmanuel Bahati,');
    const messages = configured
      .analyze(text, 'file:///x.txt')
      .diagnostics.filter((diagnostic) => diagnostic.code === 'possible-identifier')
      .map((diagnostic) => diagnostic.message.replace(/:.*/, ''));
    assert.deepEqual(messages, ['"Emmanuel Bahati" may be a person’s name']);
  });

  it('a kind set to another severity, and words added to the lists', () => {
    const config = loadConfig('{ "anonymisation": { "person": "error", "addTitles": ["Comrade"], "addPlaces": ["Kisangani-Nord"] } }');
    assert.deepEqual(config.problems, []);
    const compiled = compileAnonymisation(config.schema.anonymisation ?? defaultAnonymisation);
    assert.deepEqual(
      findIdentifiers('Comrade Bulambo went to Kisangani-Nord.', compiled, 'CD').map((finding) => `${finding.kind}:${finding.text}`),
      ['person:Bulambo', 'place:Kisangani-Nord'],
    );
    const configured = createFragmentService({ schema: config.schema });
    const [diagnostic] = configured.analyze(readFixture('possible-identifier.fragment'), 'file:///x.txt').diagnostics;
    assert.equal(diagnostic?.severity, 1);
  });

  it('a word read under other lists is judged by those lists, each time (what is kept with a word says whose lists it came from)', () => {
    const text = 'Comrade Bulambo travelled to Zembura.';
    const kinds = (compiled: ReturnType<typeof compileAnonymisation>) =>
      findIdentifiers(text, compiled, 'CD').map((finding) => `${finding.kind}:${finding.text}`);
    const config = loadConfig('{ "anonymisation": { "addTitles": ["Comrade"], "addPlaces": ["Zembura"] } }');
    const added = compileAnonymisation(config.schema.anonymisation ?? defaultAnonymisation);
    assert.deepEqual(kinds(settings), []);
    assert.deepEqual(kinds(added), ['person:Bulambo', 'place:Zembura']);
    assert.deepEqual(kinds(settings), []);
    assert.deepEqual(kinds(added), ['person:Bulambo', 'place:Zembura']);
  });

  it('an unknown kind setting is a problem of the configuration, where it stands', () => {
    const config = loadConfig('{\n  "anonymisation": { "person": "loud" }\n}');
    assert.equal(config.problems.length, 1);
    assert.equal(config.problems[0]?.range.start.line, 1);
  });

  it('"Allow" records the text in anonymisation.allow, once, keeping the rest of the file', () => {
    assert.equal(withAllowed(undefined, 'Goma'), '{\n  "anonymisation": {\n    "allow": [\n      "Goma"\n    ]\n  }\n}\n');
    const before = '{\n  // our rules\n  "anonymisation": { "allow": ["Bukavu"] }\n}\n';
    assert.equal(withAllowed(before, 'Goma'), '{\n  // our rules\n  "anonymisation": { "allow": ["Bukavu", "Goma"] }\n}\n');
    assert.equal(withAllowed(before, 'bukavu'), before);
    assert.equal(withAllowed('{ "anonymisation": [] }', 'Goma'), undefined);
  });
});

describe('possible-identifier fixes', () => {
  it('replace every occurrence in the fragment, the merged story included; the story stays up to date; not preferred', () => {
    const analysis = analyze(readFixture('possible-identifier.fragment'));
    const [diagnostic] = analysis.diagnostics;
    assert.ok(diagnostic);
    const fixes = fixesOf(diagnostic, analysis.context);
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.isPreferred, fix.edits.length]),
      [['Replace "Rose Nyota" with <person> in this fragment', false, 2]],
    );
    const fixed = applyEdits(analysis.text, (fixes[0] as (typeof fixes)[number]).edits);
    assert.ok(!fixed.includes('Rose Nyota'));
    assert.equal((fixed.match(/led by Mrs\. <person>,/g) ?? []).length, 2);
    assert.deepEqual(
      analyze(fixed).diagnostics.map((after) => after.code),
      [],
    );
    const after = analyze(fixed);
    const fragment = after.file.fragments[0];
    const story = service.schema.mergedStory;
    assert.ok(fragment && story);
    const stored = storedMergedStory(fragment, story);
    assert.ok(stored && isUpToDate(stored.value, computeMergedStory(fragment, story).text));
  });

  it('fix-all never anonymises by itself', () => {
    const text = readFixture('possible-identifier.fragment');
    assert.equal(service.fixAll(text, 'file:///x.txt'), text);
  });

  it('a report that must not quote a confidential fragment says what is wrong in words', () => {
    const text = readFixture('possible-identifier.fragment');
    const analysis = analyze(text);
    const messages = shareableMessages(analysis.diagnostics, analysis.fragments, service.schema);
    assert.deepEqual(messages, [
      'A person’s name may be left in the text: replace it with <person> before the harvest is shared, or allow it.',
      'A person’s name may be left in the text: replace it with <person> before the harvest is shared, or allow it.',
    ]);
  });
});

describe('sharing is fail-safe', () => {
  const publicFragment = (text: string) => text.replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0.0');

  it('an export leaves out an outcome that still holds a finding, and says so; asked, it includes it', () => {
    const files = [
      { name: 'named.txt', text: publicFragment(readFixture('possible-identifier.fragment')) },
      { name: 'clean.txt', text: publicFragment(readFixture('valid.fragment')).replace('CIV021', 'CIV022') },
    ];
    const harvest = readHarvest(files, service.schema, service.index);
    assert.deepEqual([harvest.fragments.map((fragment) => fragment.file), harvest.unanonymisedLeftOut, harvest.confidentialLeftOut], [['clean.txt'], 1, 0]);
    const everything = readHarvest(files, service.schema, service.index, { includeUnanonymised: true });
    assert.deepEqual([everything.fragments.length, everything.unanonymisedLeftOut], [2, 0]);
  });

  it('the harvest summary counts the outcomes that still hold a finding (the Harvest view’s filter, the dashboard)', () => {
    const records = [readFixture('possible-identifier.fragment'), readFixture('valid.fragment').replace('CIV021', 'CIV022')].map((text, index) => {
      const analysis = analyze(text, `file:///h/${index}.txt`);
      return fileRecord(`file:///h/${index}.txt`, analysis.file, analysis.diagnostics, service.schema, 1);
    });
    const summary = harvestSummary(records, service.schema);
    assert.equal(summary.totals.withIdentifiers, 1);
    assert.deepEqual(
      summary.fragments.map((fragment) => fragment.identifiers),
      [2, 0],
    );
  });
});

// A small harvest for the report's tests, made from the shared example's text: no Node API here,
// so that the tests in VS Code (the desktop's and the web worker's) make it from their workspace's copy.

export const HOSTILE = '*bold* <script>alert(1)</script> | [link](javascript:alert(1)) & =HYPERLINK("x") # not a heading';

/**
 * A small harvest for the report's tests, from the shared example: two public outcomes of two
 * objectives (one with hostile text), a confidential one, one that still names someone, and one
 * answered by a substantiator.
 */
export function reportHarvestFiles(
  example: string,
  /** The first outcome's FragmentID number (the example's own, 021, unless a harvest holds the example too). */
  firstNumber = '021',
): ReadonlyArray<{ readonly name: string; readonly text: string }> {
  const publicExample = example
    .replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0')
    .replace('coutnry', 'Country');

  return [
    { name: 'row_1.txt', text: publicExample.replace('CIV021', `CIV${firstNumber}`) },
    {
      name: 'row_2.txt',
      text: publicExample
        .replace('CIV021', 'PHR003')
        .replace('CIV: Less suppression of civic space', 'PHR: Conflict transformation, peace and human rights')
        .replace('DR Congo', 'Uganda')
        .replace(/(\*\*Outcome description\*\*: )[^\n]*/, `$1${HOSTILE}`)
        .replace(/(\*\*StoryFragment_Merged\*\*: )On <redacted>[^\n]*?\.( {2}Significance)/, `$1${HOSTILE}$2`),
    },
    { name: 'row_3.txt', text: example.replace('CIV021', 'CIV777').replace('DR Congo', 'Hidden hamlet').replace('coutnry', 'Country') },
    {
      name: 'row_4.txt',
      text: publicExample
        .replace('CIV021', 'CIV030')
        .replace(/(\*\*Outcome description\*\*: )[^\n]*/, '$1Seconde Chance (SECHA), led by Mrs. Rose Nyota (+256 701 555 123), digitized its tools.'),
    },
    {
      name: 'row_5.txt',
      text: `${publicExample.replace('CIV021', 'CIV002').replace('2024', '2022')}
**Substantiation status**: answered
**Substantiated by**: Programme officer, partner organisation
**Substantiation of the description**: fully agree
**Substantiation of the significance**: partially agree
**Substantiation of the contribution**: fully agree
`,
    },
  ];
}

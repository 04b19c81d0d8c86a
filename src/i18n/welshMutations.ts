/**
 * Welsh changes the first sound of a word after some words ("cost a thrafnidiaeth", "neu
 * gerdded", "fy nghar"). To match a choice written in its dictionary form, we try the forms a
 * mutated word may have come from. Works on normalised (lower-case, accent-free) words.
 */
const MUTATED_STARTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  // nasal
  ['ngh', ['c']],
  ['mh', ['p']],
  ['nh', ['t']],
  ['ng', ['g']],
  // aspirate
  ['ch', ['c']],
  ['ph', ['p']],
  ['th', ['t']],
  // soft
  ['dd', ['d']],
  ['b', ['p']],
  ['d', ['t']],
  ['g', ['c']],
  ['f', ['b', 'm']],
  ['l', ['ll']],
  ['r', ['rh']],
  ['m', ['b']],
  ['n', ['d']],
];

/** Possible dictionary forms of a word that may be mutated (not including the word itself). */
export function unmutatedForms(word: string): string[] {
  const forms = new Set<string>();
  for (const [mutated, radicals] of MUTATED_STARTS) {
    if (word.startsWith(mutated) && word.length > mutated.length) {
      for (const radical of radicals) forms.add(radical + word.slice(mutated.length));
    }
  }
  // Soft mutation drops a leading g: "arddio" after "i" comes from "garddio".
  if (/^[aeiouwy]/.test(word)) forms.add(`g${word}`);
  forms.delete(word);
  return [...forms];
}
